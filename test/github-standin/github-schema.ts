import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { schema } from '@octokit/graphql-schema';

const cache: { schema?: GraphQLSchema } = {};

/** GitHub's published schema, built once on first use (about 30 ms). */
export function getGitHubSchema(): GraphQLSchema {
  cache.schema ??= buildClientSchema(schema.json as unknown as IntrospectionQuery);
  return cache.schema;
}
