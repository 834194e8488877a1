import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GitHubGraphQLError } from './github-error.js';
import type { Store } from './store.js';

export interface RateLimitInfo {
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
  nodeCount: number;
}

export interface ResolverContext {
  store: Store;
  viewerLogin: string;
  rateLimit: RateLimitInfo;
  /** GitHub-style errors raised beside data (NOT_FOUND), merged into the response after execution. */
  errors: GitHubGraphQLError[];
}

export type Args = Record<string, unknown>;
export type Resolver = (source: never, args: Args, context: ResolverContext, info: GraphQLResolveInfo) => unknown;

/** Records a NOT_FOUND error at the current field, like GitHub does for unknown repositories and numbers. */
export function notFound(context: ResolverContext, info: GraphQLResolveInfo, message: string): null {
  const loc = info.fieldNodes[0]?.loc;
  const locations = loc ? [{ line: loc.startToken.line, column: loc.startToken.column }] : [];
  context.errors.push({ type: 'NOT_FOUND', path: responsePathAsArray(info.path), locations, message });
  return null;
}

export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
