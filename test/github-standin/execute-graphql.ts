import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { InvalidCursorError } from './connection.js';
import { resolveField, resolveType } from './field-resolver.js';
import { getGitHubSchema } from './github-schema.js';
import { GitHubFieldError, type GitHubGraphQLError } from './github-error.js';
import { computeQueryLimits } from './query-limits.js';
import type { RateBudget } from './rate-budget.js';
import { isoTime, type RateLimitInfo, type ResolverContext } from './resolver-context.js';
import type { Store } from './store.js';

export interface ExecuteOptions {
  store: Store;
  budget: RateBudget;
  viewerLogin: string;
  rateLimitErrorType: 'RATE_LIMITED' | 'RATE_LIMIT';
  timeoutAboveCost?: number;
  timeoutAboveNodes?: number;
}

export interface ExecutionOutcome {
  status: number;
  body: unknown;
  /** The query's point cost (0 when it never got that far). */
  cost: number;
  nodeCount: number;
  /** Points actually taken from the budget. */
  charged: number;
}

const TIMEOUT_MESSAGE =
  "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.";

interface ParsedQuery {
  document: DocumentNode | null;
  errors: GitHubGraphQLError[];
}

const parsedQueries = new Map<string, ParsedQuery>();

function toLocations(error: GraphQLError): { line: number; column: number }[] | undefined {
  return error.locations ? error.locations.map(({ line, column }) => ({ line, column })) : undefined;
}

/** GitHub words unknown fields its own way (graphql-ruby) and tags them with a code. */
function githubValidationError(error: GraphQLError): GitHubGraphQLError {
  const unknownField = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(error.message);
  if (unknownField) {
    const [, fieldName, typeName] = unknownField;
    return {
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
      locations: toLocations(error),
      extensions: { code: 'undefinedField', typeName, fieldName },
    };
  }
  return { message: error.message, locations: toLocations(error) };
}

/** Parses and validates against GitHub's schema, remembering the answer per query text. */
function parseAndValidate(query: string): ParsedQuery {
  const cached = parsedQueries.get(query);
  if (cached) return cached;
  let result: ParsedQuery;
  try {
    const document = parse(query);
    const errors = validate(getGitHubSchema(), document).map(githubValidationError);
    result = { document: errors.length ? null : document, errors };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    result = { document: null, errors: [{ message: error.message, locations: toLocations(error) }] };
  }
  if (parsedQueries.size > 1000) parsedQueries.clear();
  parsedQueries.set(query, result);
  return result;
}

function formatExecutionError(error: GraphQLError): GitHubGraphQLError {
  const original = error.originalError;
  const base = { path: error.path ? [...error.path] : undefined, locations: toLocations(error), message: error.message };
  if (original instanceof GitHubFieldError) return { type: original.type, ...base };
  if (original instanceof InvalidCursorError) return { type: 'INVALID_CURSOR_ARGUMENTS', ...base };
  return base;
}

function errorsOnly(errors: GitHubGraphQLError[]): ExecutionOutcome {
  return { status: 200, body: { errors }, cost: 0, nodeCount: 0, charged: 0 };
}

function rateLimitFields(operation: OperationDefinitionNode) {
  return operation.selectionSet.selections.filter((s) => s.kind === 'Field' && s.name.value === 'rateLimit');
}

/** With `rateLimit(dryRun: true)` GitHub prices the query without running it: only rateLimit is answered. */
function isDryRun(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
  return rateLimitFields(operation).some((field) => {
    if (field.kind !== 'Field') return false;
    const arg = field.arguments?.find((a) => a.name.value === 'dryRun');
    if (!arg) return false;
    if (arg.value.kind === 'BooleanValue') return arg.value.value;
    if (arg.value.kind === 'Variable') return variables[arg.value.name.value] === true;
    return false;
  });
}

function rateLimitedError(type: ExecuteOptions['rateLimitErrorType']): GitHubGraphQLError {
  return type === 'RATE_LIMIT'
    ? { type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }
    : { type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' };
}

export async function executeGraphQL(body: unknown, options: ExecuteOptions): Promise<ExecutionOutcome> {
  const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
  if (typeof request.query !== 'string') return errorsOnly([{ message: 'A query attribute must be specified and must be a string.' }]);
  const rawVariables = request.variables ?? {};
  if (typeof rawVariables !== 'object' || Array.isArray(rawVariables)) return errorsOnly([{ message: 'Variables are invalid JSON.' }]);
  const parsed = parseAndValidate(request.query);
  if (!parsed.document) return errorsOnly(parsed.errors);
  const document = parsed.document;
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return errorsOnly([{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required' }]);
  if (operation.operation !== 'query') return errorsOnly([{ message: 'The GitHub stand-in answers queries only, not mutations or subscriptions.' }]);

  const schema = getGitHubSchema();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables as Record<string, unknown>);
  if (coerced.errors) return errorsOnly(coerced.errors.map((e) => ({ message: e.message, locations: toLocations(e) })));
  const variables = coerced.coerced;

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === 'FragmentDefinition') fragments.set(def.name.value, def);
  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('GitHub schema has no Query type');
  const limits = computeQueryLimits(schema, operation.selectionSet, queryType, fragments, variables);
  if (limits.errors.length) return errorsOnly(limits.errors);
  const measured = { cost: limits.cost, nodeCount: limits.nodeCount };

  if ((options.timeoutAboveCost !== undefined && limits.cost > options.timeoutAboveCost) || (options.timeoutAboveNodes !== undefined && limits.nodeCount > options.timeoutAboveNodes)) {
    return { status: 502, body: { data: null, errors: [{ message: TIMEOUT_MESSAGE }] }, ...measured, charged: 0 };
  }

  const dryRun = isDryRun(operation, variables);
  if (!dryRun && !options.budget.tryCharge(limits.cost)) {
    return { status: 200, body: { errors: [rateLimitedError(options.rateLimitErrorType)] }, ...measured, charged: 0 };
  }
  const snapshot = options.budget.snapshot();
  const rateLimit: RateLimitInfo = {
    cost: limits.cost,
    limit: snapshot.limit,
    remaining: snapshot.remaining,
    used: snapshot.used,
    resetAt: isoTime(snapshot.resetAtMs) ?? '',
    nodeCount: limits.nodeCount,
  };
  const context: ResolverContext = { store: options.store, viewerLogin: options.viewerLogin, rateLimit, errors: [] };
  const runDocument: DocumentNode = dryRun
    ? { kind: document.kind, definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: rateLimitFields(operation) } }] }
    : document;
  const result = await execute({
    schema,
    document: runDocument,
    operationName,
    variableValues: rawVariables as Record<string, unknown>,
    contextValue: context,
    fieldResolver: resolveField,
    typeResolver: resolveType,
  });
  const errors = [...context.errors, ...(result.errors ?? []).map(formatExecutionError)];
  const responseBody = errors.length ? { data: result.data ?? null, errors } : { data: result.data ?? null };
  return { status: 200, body: responseBody, ...measured, charged: dryRun ? 0 : limits.cost };
}
