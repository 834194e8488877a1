import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { GitHubGraphQLError } from './github-error.js';

export const MAX_NODES = 500_000;
export const MAX_PAGE_SIZE = 100;

export interface QueryLimits {
  /** Sum over connections of the product of the page sizes above them (GitHub's "requests"). */
  requests: number;
  /** round(requests / 100), at least 1. */
  cost: number;
  /** Sum over connections of page size times the page sizes above it. */
  nodeCount: number;
  errors: GitHubGraphQLError[];
}

interface WalkState {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  requests: number;
  nodeCount: number;
  nodeLimitError: GitHubGraphQLError | null;
  errors: GitHubGraphQLError[];
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

function locationOf(node: FieldNode): { line: number; column: number }[] {
  return node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : [];
}

function selectsAny(selectionSet: SelectionSetNode, names: readonly string[], state: WalkState): boolean {
  return selectionSet.selections.some((sel) => {
    if (sel.kind === 'Field') return names.includes(sel.name.value);
    if (sel.kind === 'InlineFragment') return selectsAny(sel.selectionSet, names, state);
    const fragment = state.fragments.get(sel.name.value);
    return fragment ? selectsAny(fragment.selectionSet, names, state) : false;
  });
}

function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type);
  return isObjectType(named) && named.name.endsWith('Connection') && field.args.some((a) => a.name === 'first');
}

function optionalInt(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function checkPageArgs(field: FieldNode, args: Record<string, unknown>, path: (string | number)[], state: WalkState): number | undefined {
  const connection = field.name.value;
  for (const arg of ['first', 'last'] as const) {
    const value = optionalInt(args[arg]);
    if (value === undefined) continue;
    if (value > MAX_PAGE_SIZE) {
      state.errors.push({
        type: 'EXCESSIVE_PAGINATION',
        path,
        locations: locationOf(field),
        message: `Requesting ${value} records on the \`${connection}\` connection exceeds the \`${arg}\` limit of ${MAX_PAGE_SIZE} records.`,
      });
      return undefined;
    }
    if (value < 1) {
      state.errors.push({
        type: 'INVALID_PAGINATION',
        path,
        locations: locationOf(field),
        message: `\`${arg}\` on the \`${connection}\` connection must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`,
      });
      return undefined;
    }
  }
  return optionalInt(args.first) ?? optionalInt(args.last);
}

function walkField(field: FieldNode, parentType: GraphQLCompositeType, multiplier: number, path: (string | number)[], state: WalkState): void {
  if (field.name.value.startsWith('__') || !(isObjectType(parentType) || isInterfaceType(parentType))) return;
  const def = parentType.getFields()[field.name.value];
  if (!def || !field.selectionSet) return;
  const args = getArgumentValues(def, field, state.variables);
  const fieldPath = [...path, field.alias?.value ?? field.name.value];
  const childType = getNamedType(def.type) as GraphQLCompositeType;
  let childMultiplier = multiplier;
  if (isConnectionField(def)) {
    // A connection selecting only totalCount/pageInfo needs no first/last and is not counted
    // (giscus relies on this in production; see GITHUB-API.md §2.1).
    if (!selectsAny(field.selectionSet, ['nodes', 'edges'], state)) return;
    const pageSize = checkPageArgs(field, args, fieldPath, state);
    if (pageSize === undefined) {
      if (args.first == null && args.last == null) {
        state.errors.push({
          type: 'MISSING_PAGINATION_BOUNDARIES',
          path: fieldPath,
          locations: locationOf(field),
          message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name.value}\` connection.`,
        });
      }
      return;
    }
    state.requests += multiplier;
    state.nodeCount += multiplier * pageSize;
    if (state.nodeCount > MAX_NODES && !state.nodeLimitError) {
      state.nodeLimitError = {
        type: 'MAX_NODE_LIMIT_EXCEEDED',
        path: fieldPath,
        locations: locationOf(field),
        message: `By the time this query traverses to the ${field.name.value} connection, it is requesting up to ${formatCount(state.nodeCount)} possible nodes which exceeds the maximum limit of ${formatCount(MAX_NODES)}.`,
      };
    }
    childMultiplier = multiplier * pageSize;
  } else {
    const unwrapped = isNonNullType(def.type) ? def.type.ofType : def.type;
    // `nodes(ids:)` returns as many objects as ids; other plain lists (reactionGroups) are small and count once.
    if (isListType(unwrapped) && Array.isArray(args.ids)) childMultiplier = multiplier * Math.max(1, args.ids.length);
  }
  walkSelections(field.selectionSet, childType, childMultiplier, fieldPath, state);
}

function walkSelections(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, path: (string | number)[], state: WalkState): void {
  for (const sel of selectionSet.selections) {
    if (sel.kind === 'Field') {
      walkField(sel, parentType, multiplier, path, state);
    } else if (sel.kind === 'InlineFragment') {
      const type = sel.typeCondition ? (state.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parentType;
      walkSelections(sel.selectionSet, type, multiplier, path, state);
    } else {
      const fragment = state.fragments.get(sel.name.value);
      if (!fragment) continue;
      const type = state.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
      walkSelections(fragment.selectionSet, type, multiplier, path, state);
    }
  }
}

/**
 * GitHub's documented limits for one operation: first/last on every connection within 1..100, at most
 * 500,000 nodes, and the point cost "requests per unique connection / 100, rounded, minimum 1".
 * Variables must already be coerced.
 */
export function computeQueryLimits(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryLimits {
  const state: WalkState = { schema, fragments, variables, requests: 0, nodeCount: 0, nodeLimitError: null, errors: [] };
  walkSelections(selectionSet, rootType, 1, [], state);
  const errors = state.nodeLimitError ? [...state.errors, state.nodeLimitError] : state.errors;
  return { requests: state.requests, cost: Math.max(1, Math.round(state.requests / 100)), nodeCount: state.nodeCount, errors };
}
