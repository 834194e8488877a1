import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLTypeResolver,
} from 'graphql';
import { emptyConnection } from './connection.js';
import { contentResolvers } from './content-resolvers.js';
import { queryResolvers } from './query-resolvers.js';
import type { ResolverContext } from './resolver-context.js';

const RESOLVERS = { ...queryResolvers, ...contentResolvers };

/**
 * The value of a field the stand-in does not model: null where the schema allows it, otherwise an
 * empty value of the right type (false, 0, '', [], an empty connection).
 */
function unsupportedFieldValue(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  const named = getNamedType(inner);
  if (isObjectType(named) && named.name.endsWith('Connection')) return emptyConnection();
  if (isEnumType(named)) return named.getValues()[0]?.value ?? null;
  if (isScalarType(named)) {
    if (named.name === 'Boolean') return false;
    if (named.name === 'Int' || named.name === 'Float') return 0;
    return '';
  }
  return null;
}

export const resolveField: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, context, info) => {
  const table = RESOLVERS[info.parentType.name];
  const resolver = table?.[info.fieldName];
  if (resolver) return resolver(source as never, args, context, info);
  // Types without a table (connections, edges, PageInfo, RateLimit, ReactionGroup) are plain objects.
  if (!table && source !== null && typeof source === 'object' && info.fieldName in source) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  return unsupportedFieldValue(info.returnType);
};

export const resolveType: GraphQLTypeResolver<unknown, ResolverContext> = (value) => {
  if (value !== null && typeof value === 'object' && '__typename' in value && typeof value.__typename === 'string') return value.__typename;
  return undefined;
};
