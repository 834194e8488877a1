import type { GraphQLResolveInfo } from 'graphql';
import { sliceConnection, type ConnectionArgs, type SortKey } from './connection.js';
import { notFound, type Args, type Resolver, type ResolverContext } from './resolver-context.js';
import type { StoreDiscussion, StoreNode, StoreRepository } from './store-types.js';

type Fields<T> = Record<string, (source: T, args: Args, context: ResolverContext, info: GraphQLResolveInfo) => unknown>;

const NODE_TYPES = new Set(['Repository', 'Discussion', 'DiscussionComment', 'DiscussionCategory', 'Label', 'UserContentEdit']);

function lookupNode(context: ResolverContext, info: GraphQLResolveInfo, id: string): StoreNode | null {
  const node = context.store.findNode(id);
  if (node && NODE_TYPES.has(node.__typename)) return node;
  return notFound(context, info, `Could not resolve to a node with the global id of '${id}'`);
}

const queryFields: Fields<unknown> = {
  repository: (_s, args, context, info) => {
    const nameWithOwner = `${String(args.owner)}/${String(args.name)}`;
    return context.store.findRepository(nameWithOwner) ?? notFound(context, info, `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
  },
  node: (_s, args, context, info) => lookupNode(context, info, String(args.id)),
  // Each missing id gets its own NOT_FOUND error at path ['nodes', index].
  nodes: (_s, args, context, info) =>
    (args.ids as string[]).map((id, index) => {
      const node = context.store.findNode(id);
      if (node && NODE_TYPES.has(node.__typename)) return node;
      const path = { prev: info.path, key: index, typename: undefined };
      return notFound(context, { ...info, path }, `Could not resolve to a node with the global id of '${id}'`);
    }),
  viewer: (_s, _args, context) => ({ __typename: 'User', login: context.viewerLogin }),
  user: (_s, args) => ({ __typename: 'User', login: String(args.login) }),
  organization: (_s, args, context, info) => {
    const login = String(args.login);
    const owns = context.store.listRepositories().some((r) => r.owner.toLowerCase() === login.toLowerCase());
    return owns ? { __typename: 'Organization', login } : notFound(context, info, `Could not resolve to an Organization with the login of '${login}'.`);
  },
  rateLimit: (_s, _args, context) => ({ __typename: 'RateLimit', ...context.rateLimit }),
};

interface DiscussionOrder {
  field: 'CREATED_AT' | 'UPDATED_AT';
  direction: 'ASC' | 'DESC';
}

function listDiscussions(repo: StoreRepository, args: Args) {
  const order = (args.orderBy as DiscussionOrder | undefined) ?? { field: 'UPDATED_AT', direction: 'DESC' };
  const states = (args.states as string[] | undefined) ?? [];
  const answered = args.answered as boolean | null | undefined;
  const categoryId = args.categoryId as string | null | undefined;
  const keyOf = (d: StoreDiscussion): SortKey => [order.field === 'CREATED_AT' ? d.createdAt : d.updatedAt, d.databaseId];
  const descending = order.direction === 'DESC';
  const keyed = [...repo.discussions.values()]
    .filter((d) => !categoryId || d.category.id === categoryId)
    .filter((d) => states.length === 0 || states.includes(d.closed ? 'CLOSED' : 'OPEN'))
    .filter((d) => answered == null || (d.answer !== null) === answered)
    .map((d) => ({ d, key: keyOf(d) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < 2; i += 1) {
      const x = a.key[i] as number;
      const y = b.key[i] as number;
      if (x !== y) return descending ? y - x : x - y;
    }
    return 0;
  });
  const page = sliceConnection(keyed, args as ConnectionArgs, (k) => k.key, descending);
  return { ...page, nodes: page.nodes.map((k) => k.d), edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.d })) };
}

const repositoryFields: Fields<StoreRepository> = {
  id: (r) => r.id,
  databaseId: (r) => r.databaseId,
  name: (r) => r.name,
  nameWithOwner: (r) => `${r.owner}/${r.name}`,
  owner: (r) => ({ __typename: 'Organization', login: r.owner }),
  url: (r) => `https://github.com/${r.owner}/${r.name}`,
  resourcePath: (r) => `/${r.owner}/${r.name}`,
  hasDiscussionsEnabled: (r) => r.hasDiscussionsEnabled,
  discussion: (r, args, context, info) =>
    r.discussions.get(Number(args.number)) ?? notFound(context, info, `Could not resolve to a Discussion with the number of ${String(args.number)}.`),
  discussions: (r, args) => listDiscussions(r, args),
  discussionCategories: (r, args) => sliceConnection(r.categories, args as ConnectionArgs, (c) => [r.categories.indexOf(c)]),
  discussionCategory: (r, args) => r.categories.find((c) => c.slug === args.slug) ?? null,
};

export const queryResolvers: Record<string, Record<string, Resolver>> = {
  Query: queryFields as unknown as Record<string, Resolver>,
  Repository: repositoryFields as unknown as Record<string, Resolver>,
};
