import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { Logger } from '../../lib/logger.js';
import {
  GitHubAuthError,
  GitHubRequestError,
  MalformedResponseError,
  QueryTooLargeError,
  RateLimitedError,
} from './errors.js';

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  limit: number;
  resetAt: string;
}

export interface GitHubClientOptions {
  token: string;
  /** REST base; GraphQL is POSTed to `${apiUrl}/graphql`. */
  apiUrl: string;
  log: Logger;
  /** Least time between two GraphQL requests (GitHub asks for no concurrency). */
  minRequestIntervalMs?: number;
  /** Scale of every retry wait: 1000 means "seconds as GitHub says them"; tests use a few ms. */
  retryBaseMs?: number;
  /** Retries of a failing request (5xx, secondary limit, unreadable answer). */
  maxRetries?: number;
}

export interface GraphQLClient {
  query<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  /** Requests sent (retries included) and points charged, since the client was made. */
  readonly stats: { requests: number; cost: number; lastRateLimit: RateLimitInfo | null };
}

interface GraphQLErrorShape {
  type?: string;
  code?: string;
  message?: string;
  path?: (string | number)[];
}

const RATE_LIMIT_TYPES = new Set(['RATE_LIMITED', 'RATE_LIMIT']);

function resetFromHeaders(headers: Record<string, string | number | undefined> | undefined): Date {
  const reset = Number(headers?.['x-ratelimit-reset']);
  // Without a reset header GitHub's docs say to wait at least a minute.
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : new Date(Date.now() + 60_000);
}

/**
 * A GraphQL error whose `path` we can act on (NOT_FOUND of one discussion) is returned
 * to the caller with the partial data; every other error becomes a typed exception.
 */
export class PartialGraphQLResult<T> {
  constructor(
    readonly data: T,
    readonly errors: GraphQLErrorShape[],
  ) {}
}

export function createGitHubClient(options: GitHubClientOptions): GraphQLClient {
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const maxRetries = options.maxRetries ?? 4;
  const log = options.log;
  const stats = { requests: 0, cost: 0, lastRateLimit: null as RateLimitInfo | null };

  const throttle = {
    id: `tracker-${Math.random().toString(36).slice(2)}`,
    retryAfterBaseValue: retryBaseMs,
    // GitHub asks clients to serialise requests; a private limiter lets tests set the pace.
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.minRequestIntervalMs ?? 1000 }),
    onSecondaryRateLimit: (retryAfter: number, requestOptions: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      log.warn({ retryAfter, retryCount, url: requestOptions.url }, 'GitHub secondary rate limit: waiting before retrying');
      return retryCount < maxRetries;
    },
    // The hourly budget is spent: do not sleep for up to an hour inside a run; stop and resume later.
    onRateLimit: () => false,
  } satisfies ThrottlingOptions & { write: unknown };

  const MyOctokit = Octokit.plugin(retry, throttling);
  const octokit = new MyOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: 'proposal-tracker',
    throttle,
    retry: { retries: maxRetries, retryAfterBaseValue: retryBaseMs / 4, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    log: {
      debug: (msg: string) => log.debug(msg),
      info: (msg: string) => log.debug(msg),
      warn: (msg: string) => log.warn(msg),
      error: (msg: string) => log.debug(msg),
    },
  });
  // Count every attempt, retries included, as GitHub counts them.
  octokit.hook.before('request', () => {
    stats.requests++;
  });

  async function attempt<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: { data: unknown; headers: Record<string, string | number | undefined> };
    try {
      response = (await octokit.request('POST /graphql', {
        query,
        variables,
        headers: { 'x-github-next-global-id': '1' },
      })) as typeof response;
    } catch (error) {
      throw translateRequestError(error);
    }
    const body = response.data;
    if (typeof body !== 'object' || body === null) throw new MalformedResponseError('the body is not JSON');
    const { data, errors } = body as { data?: unknown; errors?: GraphQLErrorShape[] };
    if (errors?.some((e) => RATE_LIMIT_TYPES.has(e.type ?? ''))) throw new RateLimitedError(resetFromHeaders(response.headers));
    if (errors?.some((e) => e.type === 'MAX_NODE_LIMIT_EXCEEDED' || /resource limits|timed out|took too long/i.test(e.message ?? ''))) {
      throw new QueryTooLargeError(errors.map((e) => e.message).join('; '));
    }
    const rateLimit = (data as { rateLimit?: RateLimitInfo } | undefined)?.rateLimit;
    if (rateLimit) {
      stats.cost += rateLimit.cost;
      stats.lastRateLimit = rateLimit;
    }
    if (errors?.length) {
      const actionable = errors.every((e) => e.type === 'NOT_FOUND' && e.path);
      if (actionable && data) return new PartialGraphQLResult(data, errors) as T;
      throw new GitHubRequestError(`GitHub answered with errors: ${errors.map((e) => e.message ?? e.type).join('; ')}`);
    }
    if (typeof data !== 'object' || data === null) throw new MalformedResponseError('no "data" in the answer');
    return data as T;
  }

  async function query<T>(q: string, variables: Record<string, unknown>): Promise<T> {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt<T>(q, variables);
      } catch (error) {
        // plugin-retry already retried 5xx; an unreadable answer (cut off mid-body) is retried here.
        if (error instanceof MalformedResponseError && tries < maxRetries) {
          log.warn({ tries }, error.message);
          await new Promise((r) => setTimeout(r, retryBaseMs * (tries + 1) / 4));
          continue;
        }
        throw error;
      }
    }
  }

  return { query, stats };
}

function translateRequestError(error: unknown): Error {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string>; data?: unknown } };
  const message = e.message ?? String(error);
  if (e.status === 401) return new GitHubAuthError('401 Bad credentials');
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(`${message} ${cause?.code ?? ''} ${cause?.message ?? ''}`)) {
    return new GitHubRequestError(`Cannot reach the GitHub API (${cause?.code ?? message}): check the network and GITHUB_API_URL.`);
  }
  if (message === 'GraphQL Rate Limit Exceeded' || e.response?.headers?.['x-ratelimit-remaining'] === '0') {
    return new RateLimitedError(resetFromHeaders(e.response?.headers));
  }
  if (e.status === 502 || e.status === 504) {
    const text = typeof e.response?.data === 'string' ? e.response.data : message;
    if (/in time|timed? ?out/i.test(text)) return new QueryTooLargeError(`${e.status}: ${text.slice(0, 120)}`);
    return new GitHubRequestError(`GitHub kept failing with ${e.status} after retries: try again later.`, e.status);
  }
  if (e.status === 403 && /secondary rate/i.test(message)) {
    return new GitHubRequestError('GitHub kept answering with its secondary rate limit after retries: try again in a few minutes.', 403);
  }
  if (e.status === 403) return new GitHubAuthError(`403: ${message}`);
  if (e.status && e.status >= 500) return new GitHubRequestError(`GitHub kept failing with ${e.status} after retries: try again later.`, e.status);
  if (e.status === 500 || /terminated|socket|ECONNRESET|Unexpected end|JSON/i.test(message)) {
    return new MalformedResponseError(message);
  }
  return new GitHubRequestError(`GitHub request failed: ${message}`, e.status);
}
