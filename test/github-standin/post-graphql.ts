import type { GitHubGraphQLError } from './github-error.js';

export interface GraphQLReply<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GitHubGraphQLError[]; message?: string };
}

/** Plain-fetch client for tests, so stand-in tests do not depend on the sync worker's client. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string | null; operationName?: string } = {},
): Promise<GraphQLReply<T>> {
  const token = options.token === undefined ? 'test-token' : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `bearer ${token}`;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName: options.operationName }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLReply<T>['body'] };
}

/** The query from GITHUB-API.md §3.4 that the sync worker is expected to send. */
export const SYNC_QUERY = `query SyncDiscussions($owner: String!, $name: String!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: 50, after: $cursor, orderBy: {field: UPDATED_AT, direction: DESC}) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id databaseId number title body bodyHTML bodyText url
        createdAt updatedAt lastEditedAt publishedAt
        closed closedAt stateReason isAnswered answerChosenAt locked upvoteCount
        answer { id } author { login } authorAssociation
        category { id name slug isAnswerable }
        labels(first: 20) { nodes { name } }
        reactionGroups { content reactors { totalCount } }
        userContentEdits(first: 5) { totalCount nodes { editedAt diff editor { login } } }
        comments(first: 50) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes {
            id databaseId url body createdAt updatedAt lastEditedAt isAnswer isMinimized minimizedReason deletedAt
            author { login } authorAssociation upvoteCount replyTo { id }
            replies(first: 20) { totalCount pageInfo { hasNextPage endCursor }
              nodes { id databaseId body createdAt updatedAt deletedAt replyTo { id } author { login } } }
          }
        }
      }
    }
  }
  rateLimit { cost limit remaining resetAt nodeCount used }
}`;
