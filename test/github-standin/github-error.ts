/** An entry of a GraphQL response's `errors` array, in GitHub's shape (`type` beside `message`). */
export interface GitHubGraphQLError {
  type?: string;
  code?: string;
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

/** Thrown by resolvers to produce a GitHub-style error entry (with `type`) for that field. */
export class GitHubFieldError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}
