import type { CommentRecord, DiscussionRecord, EditRecord } from '../../db/queries/discussions.js';
import type { CompleteDiscussion } from './fetch-discussions.js';
import type { CategoryNode, ReplyNode } from './response-schemas.js';

function actor(a: { login: string; __typename?: string | undefined } | null | undefined) {
  return a ? { login: a.login, type: a.__typename ?? null } : null;
}

function withoutKeys<T extends object>(value: T, keys: string[]): object {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

export function toCategoryRecord(c: CategoryNode) {
  return { nodeId: c.id, name: c.name, slug: c.slug, isAnswerable: c.isAnswerable ?? false, raw: c };
}

function toCommentRecord(node: ReplyNode & { isAnswer?: boolean | undefined }, parentNodeId: string | null, raw: object): CommentRecord {
  return {
    nodeId: node.id,
    databaseId: node.databaseId ?? null,
    parentNodeId,
    author: actor(node.author),
    body: node.body,
    url: node.url ?? null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    lastEditedAt: node.lastEditedAt ?? null,
    isAnswer: node.isAnswer ?? false,
    isMinimized: node.isMinimized ?? false,
    minimizedReason: node.minimizedReason ?? null,
    upvoteCount: node.upvoteCount ?? 0,
    deletedAt: node.deletedAt ?? null,
    raw,
  };
}

/** Flattens a fully paged discussion into storage records; nested connections are kept as rows, not in `raw`. */
export function toDiscussionRecord(complete: CompleteDiscussion): DiscussionRecord {
  const d = complete.discussion;
  const comments: CommentRecord[] = [];
  for (const c of complete.comments) {
    comments.push(toCommentRecord(c, null, withoutKeys(c, ['replies', 'allReplies'])));
    for (const r of c.allReplies) comments.push(toCommentRecord(r, c.id, r));
  }
  const edits: EditRecord[] = complete.edits.map((e) => ({
    nodeId: e.id,
    editedAt: e.editedAt,
    editor: e.editor?.login ?? null,
    diff: e.diff ?? null,
    deletedAt: e.deletedAt ?? null,
    raw: e,
  }));
  return {
    nodeId: d.id,
    databaseId: d.databaseId ?? null,
    number: d.number,
    title: d.title,
    body: d.body,
    url: d.url,
    author: actor(d.author),
    category: d.category ? toCategoryRecord(d.category) : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    lastEditedAt: d.lastEditedAt ?? null,
    closed: d.closed,
    closedAt: d.closedAt ?? null,
    stateReason: d.stateReason ?? null,
    isAnswered: d.isAnswered ?? null,
    answerNodeId: d.answer?.id ?? null,
    locked: d.locked ?? false,
    upvoteCount: d.upvoteCount ?? 0,
    labels: complete.labels.map((l) => ({ name: l.name, color: l.color ?? null })),
    raw: {
      ...withoutKeys(d, ['comments', 'userContentEdits', 'labels']),
      commentsTotalCount: d.comments.totalCount,
      editsTotalCount: d.userContentEdits.totalCount,
    },
    comments,
    edits,
  };
}
