/**
 * The GraphQL documents the sync sends. Each is checked against GitHub's published schema
 * by the stand-in server in the tests. Page sizes are variables so the sync can shrink them
 * when GitHub says a query is too expensive.
 */

const REPLY_FIELDS = `
  id databaseId url body createdAt updatedAt lastEditedAt deletedAt isMinimized minimizedReason upvoteCount
  author { login __typename } authorAssociation replyTo { id }`;

const COMMENT_FIELDS = `
  id databaseId url body createdAt updatedAt lastEditedAt deletedAt isAnswer isMinimized minimizedReason upvoteCount
  author { login __typename } authorAssociation
  replies(first: $replyPage) { totalCount pageInfo { hasNextPage endCursor } nodes { ${REPLY_FIELDS} } }`;

const EDIT_FIELDS = `id editedAt deletedAt diff editor { login }`;

const DISCUSSION_FIELDS = `
  id databaseId number title body url createdAt updatedAt lastEditedAt publishedAt
  closed closedAt stateReason isAnswered answerChosenAt locked upvoteCount
  answer { id } author { login __typename } authorAssociation
  category { id name slug isAnswerable }
  labels(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { name color } }
  userContentEdits(first: $editPage) { totalCount pageInfo { hasNextPage endCursor } nodes { ${EDIT_FIELDS} } }
  comments(first: $commentPage) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`;

const RATE_LIMIT = `rateLimit { cost limit remaining resetAt }`;

export const REPOSITORY_QUERY = `
query TrackerRepository($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    id nameWithOwner hasDiscussionsEnabled
    discussionCategories(first: 100) { nodes { id name slug isAnswerable } }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSIONS_PAGE_QUERY = `
query TrackerDiscussions($owner: String!, $name: String!, $cursor: String, $page: Int!, $field: DiscussionOrderField!,
  $direction: OrderDirection!, $categoryId: ID, $commentPage: Int!, $replyPage: Int!, $editPage: Int!) {
  repository(owner: $owner, name: $name) {
    discussions(first: $page, after: $cursor, categoryId: $categoryId, orderBy: { field: $field, direction: $direction }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${DISCUSSION_FIELDS} }
    }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSION_COMMENTS_QUERY = `
query TrackerDiscussionComments($id: ID!, $cursor: String, $commentPage: Int!, $replyPage: Int!) {
  node(id: $id) {
    ... on Discussion {
      comments(first: $commentPage, after: $cursor) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }
    }
  }
  ${RATE_LIMIT}
}`;

export const COMMENT_REPLIES_QUERY = `
query TrackerCommentReplies($id: ID!, $cursor: String, $replyPage: Int!) {
  node(id: $id) {
    ... on DiscussionComment {
      replies(first: $replyPage, after: $cursor) { totalCount pageInfo { hasNextPage endCursor } nodes { ${REPLY_FIELDS} } }
    }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSION_EDITS_QUERY = `
query TrackerDiscussionEdits($id: ID!, $cursor: String, $editPage: Int!) {
  node(id: $id) {
    ... on Discussion {
      userContentEdits(first: $editPage, after: $cursor) { totalCount pageInfo { hasNextPage endCursor } nodes { ${EDIT_FIELDS} } }
    }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSION_LABELS_QUERY = `
query TrackerDiscussionLabels($id: ID!, $cursor: String) {
  node(id: $id) {
    ... on Discussion { labels(first: 100, after: $cursor) { totalCount pageInfo { hasNextPage endCursor } nodes { name color } } }
  }
  ${RATE_LIMIT}
}`;

export const DISCUSSION_BY_NUMBER_QUERY = `
query TrackerDiscussionByNumber($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    discussion(number: $number) { id number url category { id name slug isAnswerable } }
  }
  ${RATE_LIMIT}
}`;
