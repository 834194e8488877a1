import { sliceConnection, type ConnectionArgs } from './connection.js';
import { extractBodyText, renderBodyHtml } from './render-body.js';
import { isoTime, type Args, type Resolver } from './resolver-context.js';
import type {
  ReactionContent,
  StoreActor,
  StoreCategory,
  StoreComment,
  StoreDiscussion,
  StoreEdit,
  StoreLabel,
} from './store-types.js';

const REACTION_ORDER: ReactionContent[] = ['THUMBS_UP', 'THUMBS_DOWN', 'LAUGH', 'HOORAY', 'CONFUSED', 'HEART', 'ROCKET', 'EYES'];

export function actor(login: string | null): StoreActor | null {
  if (login === null) return null;
  return { __typename: login.endsWith('[bot]') ? 'Bot' : 'User', login };
}

function actorUrl(source: StoreActor): string {
  return `https://github.com/${source.login.replace(/\[bot\]$/, '')}`;
}

function discussionUrl(d: StoreDiscussion): string {
  return `https://github.com/${d.repository.owner}/${d.repository.name}/discussions/${d.number}`;
}

function reactionGroups(reactions: Map<ReactionContent, number>): unknown[] {
  return REACTION_ORDER.map((content) => {
    const count = { totalCount: reactions.get(content) ?? 0, nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
    return { __typename: 'ReactionGroup', content, createdAt: null, reactors: count, users: count, viewerHasReacted: false };
  });
}

/** Newest first, as GitHub lists them. */
function editsConnection(edits: StoreEdit[], args: Args) {
  const indexed = edits.map((edit, index) => ({ edit, index })).reverse();
  const page = sliceConnection(indexed, args as ConnectionArgs, (e) => [e.index], true);
  return { ...page, nodes: page.nodes.map((e) => e.edit), edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.edit })) };
}

const byDatabaseId = (c: StoreComment) => [c.databaseId] as const;

/** Fields shared by Discussion and DiscussionComment. */
function commentLike<T extends StoreDiscussion | StoreComment>(url: (s: T) => string): Record<string, Resolver> {
  const fields: Record<string, (s: T, args: Args) => unknown> = {
    id: (s) => s.id,
    databaseId: (s) => s.databaseId,
    body: (s) => s.body,
    bodyText: (s) => extractBodyText(s.body),
    bodyHTML: (s) => renderBodyHtml(s.body),
    url: (s) => url(s),
    resourcePath: (s) => new URL(url(s)).pathname,
    createdAt: (s) => isoTime(s.createdAt),
    publishedAt: (s) => isoTime(s.createdAt),
    updatedAt: (s) => isoTime(s.updatedAt),
    lastEditedAt: (s) => isoTime(s.lastEditedAt),
    author: (s) => actor(s.author),
    editor: (s) => actor(s.edits.length > 0 ? (s.edits[s.edits.length - 1]?.editor ?? null) : null),
    authorAssociation: (s) => s.authorAssociation,
    upvoteCount: (s) => s.upvoteCount,
    includesCreatedEdit: (s) => s.edits.length > 0,
    createdViaEmail: () => false,
    reactionGroups: (s) => reactionGroups(s.reactions),
    userContentEdits: (s, args) => editsConnection(s.edits, args),
  };
  return fields as unknown as Record<string, Resolver>;
}

const discussionFields: Record<string, (s: StoreDiscussion, args: Args) => unknown> = {
  number: (s) => s.number,
  title: (s) => s.title,
  closed: (s) => s.closed,
  closedAt: (s) => isoTime(s.closedAt),
  stateReason: (s) => s.stateReason,
  locked: (s) => s.locked,
  activeLockReason: () => null,
  isAnswered: (s) => (s.category.isAnswerable ? s.answer !== null : null),
  answer: (s) => s.answer,
  answerChosenAt: (s) => isoTime(s.answerChosenAt),
  answerChosenBy: (s) => (s.answer ? actor(s.author) : null),
  category: (s) => s.category,
  repository: (s) => s.repository,
  labels: (s, args) => sliceConnection(s.labels, args as ConnectionArgs, (l) => [s.labels.indexOf(l)]),
  comments: (s, args) => sliceConnection(s.comments, args as ConnectionArgs, byDatabaseId),
  poll: () => null,
};

const commentFields: Record<string, (s: StoreComment, args: Args) => unknown> = {
  deletedAt: (s) => isoTime(s.deletedAt),
  isAnswer: (s) => s.discussion.answer === s,
  isMinimized: (s) => s.isMinimized,
  minimizedReason: (s) => s.minimizedReason,
  replyTo: (s) => s.replyTo,
  discussion: (s) => s.discussion,
  replies: (s, args) => sliceConnection(s.replies, args as ConnectionArgs, byDatabaseId),
};

export const contentResolvers: Record<string, Record<string, Resolver>> = {
  Discussion: { ...commentLike<StoreDiscussion>(discussionUrl), ...(discussionFields as unknown as Record<string, Resolver>) },
  DiscussionComment: {
    ...commentLike<StoreComment>((c) => `${discussionUrl(c.discussion)}#discussioncomment-${c.databaseId}`),
    ...(commentFields as unknown as Record<string, Resolver>),
  },
  DiscussionCategory: resolvers<StoreCategory>({
    id: (s) => s.id,
    name: (s) => s.name,
    slug: (s) => s.slug,
    emoji: (s) => s.emoji,
    emojiHTML: (s) => `<div>${s.emoji}</div>`,
    description: (s) => s.description,
    isAnswerable: (s) => s.isAnswerable,
    createdAt: (s) => isoTime(s.createdAt),
    updatedAt: (s) => isoTime(s.createdAt),
    repository: (s) => s.repository,
  }),
  UserContentEdit: resolvers<StoreEdit>({
    id: (s) => s.id,
    editedAt: (s) => isoTime(s.editedAt),
    createdAt: (s) => isoTime(s.editedAt),
    updatedAt: (s) => isoTime(s.editedAt),
    diff: (s) => s.diff,
    editor: (s) => actor(s.editor),
    deletedAt: (s) => isoTime(s.deletedAt),
    deletedBy: () => null,
  }),
  Label: resolvers<StoreLabel>({
    id: (s) => s.id,
    name: (s) => s.name,
    color: (s) => s.color,
    description: (s) => s.description,
    url: (s) => `https://github.com/labels/${encodeURIComponent(s.name)}`,
  }),
  User: actorResolvers(),
  Bot: actorResolvers(),
  Organization: actorResolvers(),
};

function actorResolvers(): Record<string, Resolver> {
  return resolvers<StoreActor>({
    id: (s) => `U_${Buffer.from(s.login).toString('base64url')}`,
    login: (s) => s.login,
    url: (s) => actorUrl(s),
    resourcePath: (s) => new URL(actorUrl(s)).pathname,
    avatarUrl: (s) => `https://avatars.githubusercontent.com/${encodeURIComponent(s.login)}`,
    name: () => null,
  });
}

function resolvers<T>(fields: Record<string, (s: T, args: Args) => unknown>): Record<string, Resolver> {
  return fields as unknown as Record<string, Resolver>;
}
