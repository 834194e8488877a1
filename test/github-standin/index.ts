export { startGitHubStandIn, type StandIn, type StandInOptions, type RecordedRequest } from './server.js';
export type { FaultOptions, FaultKind } from './faults.js';
export { Store, type StoreOptions, type CategoryInput, type DiscussionInput, type CommentInput, type EditInput } from './store.js';
export { Clock, type TimeInput } from './clock.js';
export type * from './store-types.js';
export type { BudgetSnapshot } from './rate-budget.js';
export type { GitHubGraphQLError } from './github-error.js';
export { computeQueryLimits, MAX_NODES, MAX_PAGE_SIZE, type QueryLimits } from './query-limits.js';
export { executeGraphQL, type ExecuteOptions, type ExecutionOutcome } from './execute-graphql.js';
