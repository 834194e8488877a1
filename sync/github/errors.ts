/** Errors of the GitHub layer, each with a one-line message that says how to fix it. */

export class GitHubAuthError extends Error {
  constructor(detail: string) {
    super(`GitHub rejected the token (${detail}): set GITHUB_TOKEN to a valid token with the public_repo (or repo) scope.`);
    this.name = 'GitHubAuthError';
  }
}

export class RepositoryNotFoundError extends Error {
  constructor(readonly repository: string) {
    super(
      `GitHub has no repository ${repository} visible to this token: check "discussions" in the config ` +
        `(owner and repo spelling), and that the token can read it.`,
    );
    this.name = 'RepositoryNotFoundError';
  }
}

export class DiscussionsDisabledError extends Error {
  constructor(readonly repository: string) {
    super(`${repository} has GitHub Discussions turned off: enable them in the repository settings or remove it from "discussions" in the config.`);
    this.name = 'DiscussionsDisabledError';
  }
}

export class CategoryNotFoundError extends Error {
  constructor(
    readonly repository: string,
    readonly category: string,
    readonly known: string[],
  ) {
    super(`${repository} has no discussion category "${category}": use one of ${known.map((k) => `"${k}"`).join(', ')} in the config.`);
    this.name = 'CategoryNotFoundError';
  }
}

function formatClock(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

/** The hourly GraphQL budget is spent; nothing more can be asked until `resetAt`. */
export class RateLimitedError extends Error {
  constructor(readonly resetAt: Date) {
    super(`rate limited until ${formatClock(resetAt)} (${resetAt.toISOString()}): the next run resumes where this one stopped.`);
    this.name = 'RateLimitedError';
  }
}

/** GitHub answered that the query was too expensive or too slow; ask for smaller pages. */
export class QueryTooLargeError extends Error {
  constructor(detail: string) {
    super(`GitHub could not answer the query in time or within its limits (${detail}).`);
    this.name = 'QueryTooLargeError';
  }
}

/** A response that is not the JSON GitHub promises (truncated, or missing fields). */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`GitHub sent a response that could not be read (${detail}).`);
    this.name = 'MalformedResponseError';
  }
}

/** Anything else GitHub reported, after the retries ran out. */
export class GitHubRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GitHubRequestError';
  }
}
