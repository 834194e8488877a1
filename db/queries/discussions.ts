import type { Db } from '../database.js';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema/index.js';
import { sameJson } from '../../lib/same-json.js';

type Executor = Db | Transaction<Database>;

/** A discussion as the sync hands it to storage: normalised fields plus the raw GitHub JSON of each item. */
export interface DiscussionRecord {
  nodeId: string;
  databaseId: number | null;
  number: number;
  title: string;
  body: string;
  url: string;
  author: { login: string; type: string | null } | null;
  category: { nodeId: string; name: string; slug: string; isAnswerable: boolean; raw: object } | null;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  closed: boolean;
  closedAt: string | null;
  stateReason: string | null;
  isAnswered: boolean | null;
  answerNodeId: string | null;
  locked: boolean;
  upvoteCount: number;
  labels: { name: string; color: string | null }[];
  raw: object;
  comments: CommentRecord[];
  edits: EditRecord[];
}

export interface CommentRecord {
  nodeId: string;
  databaseId: number | null;
  parentNodeId: string | null;
  author: { login: string; type: string | null } | null;
  body: string;
  url: string | null;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  isAnswer: boolean;
  isMinimized: boolean;
  minimizedReason: string | null;
  upvoteCount: number;
  deletedAt: string | null;
  raw: object;
}

export interface EditRecord {
  nodeId: string;
  editedAt: string;
  editor: string | null;
  diff: string | null;
  deletedAt: string | null;
  raw: object;
}

async function upsertAuthors(db: Executor, authors: { login: string; type: string | null }[]): Promise<void> {
  const unique = [...new Map(authors.map((a) => [a.login, a])).values()];
  if (!unique.length) return;
  await db
    .insertInto('authors')
    .values(unique.map((a) => ({ login: a.login, type: a.type, url: `https://github.com/${a.login}` })))
    .onConflict((oc) => oc.column('login').doNothing())
    .execute();
}

/**
 * Stores one discussion with its comments, replies, edits and labels. Idempotent: storing the
 * same record twice changes nothing but `synced_at`. Comments that GitHub no longer returns are
 * marked `removed_at`, never deleted. Call inside a transaction so a crash leaves no half-stored
 * discussion. Returns whether anything but `synced_at` changed.
 */
export async function upsertDiscussion(db: Executor, sourceId: number, record: DiscussionRecord, syncedAt: Date): Promise<boolean> {
  let changed = false;
  const authors = [record.author, ...record.comments.map((c) => c.author)].filter((a): a is { login: string; type: string | null } => a !== null);
  const editors = record.edits.map((e) => e.editor).filter((e): e is string => e !== null);
  await upsertAuthors(db, [...authors, ...editors.map((login) => ({ login, type: null }))]);

  let categoryId: number | null = null;
  if (record.category) {
    const c = record.category;
    const row = await db
      .insertInto('categories')
      .values({ source_id: sourceId, node_id: c.nodeId, name: c.name, slug: c.slug, is_answerable: c.isAnswerable, raw: JSON.stringify(c.raw) })
      .onConflict((oc) =>
        oc.columns(['source_id', 'node_id']).doUpdateSet({ name: c.name, slug: c.slug, is_answerable: c.isAnswerable, raw: JSON.stringify(c.raw) }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryId = row.id;
  }

  const existing = await db
    .selectFrom('discussions')
    .select(['id', 'raw', 'category_id', 'removed_at'])
    .where('source_id', '=', sourceId)
    .where('number', '=', record.number)
    .executeTakeFirst();
  const values = {
    node_id: record.nodeId,
    database_id: record.databaseId,
    title: record.title,
    body: record.body,
    url: record.url,
    author_login: record.author?.login ?? null,
    category_id: categoryId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    last_edited_at: record.lastEditedAt,
    closed: record.closed,
    closed_at: record.closedAt,
    state_reason: record.stateReason,
    is_answered: record.isAnswered,
    answer_node_id: record.answerNodeId,
    locked: record.locked,
    upvote_count: record.upvoteCount,
    comment_count: record.comments.filter((c) => !c.deletedAt).length,
    raw: JSON.stringify(record.raw),
    synced_at: syncedAt,
    removed_at: null,
    removed_reason: null,
  };
  let discussionId: number;
  if (!existing) {
    const row = await db.insertInto('discussions').values({ source_id: sourceId, number: record.number, ...values }).returning('id').executeTakeFirstOrThrow();
    discussionId = row.id;
    changed = true;
  } else {
    discussionId = existing.id;
    const rawChanged = !sameJson(existing.raw, record.raw);
    if (rawChanged || existing.removed_at) {
      await db.updateTable('discussions').set(values).where('id', '=', discussionId).execute();
      changed = true;
      if (existing.category_id !== null && categoryId !== null && existing.category_id !== categoryId) {
        await db
          .insertInto('discussion_events')
          .values({ discussion_id: discussionId, at: syncedAt, type: 'category_changed', details: JSON.stringify({ from: existing.category_id, to: categoryId, to_name: record.category?.name }) })
          .execute();
      }
      if (existing.removed_at) {
        await db.insertInto('discussion_events').values({ discussion_id: discussionId, at: syncedAt, type: 'restored', details: JSON.stringify({}) }).execute();
      }
    } else {
      await db.updateTable('discussions').set({ synced_at: syncedAt }).where('id', '=', discussionId).execute();
    }
  }

  if (await replaceLabels(db, sourceId, discussionId, record.labels)) changed = true;
  if (await upsertComments(db, discussionId, record.comments, syncedAt)) changed = true;
  if (await upsertEdits(db, discussionId, record.edits)) changed = true;
  return changed;
}

async function replaceLabels(db: Executor, sourceId: number, discussionId: number, labels: { name: string; color: string | null }[]): Promise<boolean> {
  const wanted = [...new Map(labels.map((l) => [l.name, l])).values()];
  let ids: number[] = [];
  if (wanted.length) {
    const rows = await db
      .insertInto('labels')
      .values(wanted.map((l) => ({ source_id: sourceId, name: l.name, color: l.color })))
      .onConflict((oc) => oc.columns(['source_id', 'name']).doUpdateSet((eb) => ({ color: eb.ref('excluded.color') })))
      .returning('id')
      .execute();
    ids = rows.map((r) => r.id).sort((a, b) => a - b);
  }
  const current = (await db.selectFrom('discussion_labels').select('label_id').where('discussion_id', '=', discussionId).execute())
    .map((r) => r.label_id)
    .sort((a, b) => a - b);
  if (sameJson(current, ids)) return false;
  await db.deleteFrom('discussion_labels').where('discussion_id', '=', discussionId).execute();
  if (ids.length) await db.insertInto('discussion_labels').values(ids.map((label_id) => ({ discussion_id: discussionId, label_id }))).execute();
  return true;
}

async function upsertComments(db: Executor, discussionId: number, comments: CommentRecord[], syncedAt: Date): Promise<boolean> {
  const stored = await db.selectFrom('comments').select(['node_id', 'raw', 'removed_at']).where('discussion_id', '=', discussionId).execute();
  const byNode = new Map(stored.map((s) => [s.node_id, s]));
  const toWrite = comments.filter((c) => {
    const old = byNode.get(c.nodeId);
    return !old || old.removed_at !== null || !sameJson(old.raw, c.raw);
  });
  let changed = false;
  for (let i = 0; i < toWrite.length; i += 500) {
    const chunk = toWrite.slice(i, i + 500).map((c) => ({
      discussion_id: discussionId,
      node_id: c.nodeId,
      database_id: c.databaseId,
      parent_node_id: c.parentNodeId,
      author_login: c.author?.login ?? null,
      body: c.body,
      url: c.url,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      last_edited_at: c.lastEditedAt,
      is_answer: c.isAnswer,
      is_minimized: c.isMinimized,
      minimized_reason: c.minimizedReason,
      upvote_count: c.upvoteCount,
      deleted_at: c.deletedAt,
      removed_at: null,
      raw: JSON.stringify(c.raw),
    }));
    await db
      .insertInto('comments')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('node_id').doUpdateSet((eb) => ({
          discussion_id: eb.ref('excluded.discussion_id'),
          parent_node_id: eb.ref('excluded.parent_node_id'),
          author_login: eb.ref('excluded.author_login'),
          body: eb.ref('excluded.body'),
          url: eb.ref('excluded.url'),
          updated_at: eb.ref('excluded.updated_at'),
          last_edited_at: eb.ref('excluded.last_edited_at'),
          is_answer: eb.ref('excluded.is_answer'),
          is_minimized: eb.ref('excluded.is_minimized'),
          minimized_reason: eb.ref('excluded.minimized_reason'),
          upvote_count: eb.ref('excluded.upvote_count'),
          deleted_at: eb.ref('excluded.deleted_at'),
          removed_at: null,
          raw: eb.ref('excluded.raw'),
        })),
      )
      .execute();
    changed = true;
  }
  const seen = new Set(comments.map((c) => c.nodeId));
  const gone = stored.filter((s) => !seen.has(s.node_id) && s.removed_at === null).map((s) => s.node_id);
  if (gone.length) {
    await db.updateTable('comments').set({ removed_at: syncedAt }).where('node_id', 'in', gone).execute();
    changed = true;
  }
  return changed;
}

async function upsertEdits(db: Executor, discussionId: number, edits: EditRecord[]): Promise<boolean> {
  if (!edits.length) return false;
  const stored = await db.selectFrom('edits').select(['node_id', 'raw']).where('discussion_id', '=', discussionId).execute();
  const byNode = new Map(stored.map((s) => [s.node_id, s.raw]));
  const toWrite = edits.filter((e) => !byNode.has(e.nodeId) || !sameJson(byNode.get(e.nodeId), e.raw));
  if (!toWrite.length) return false;
  await db
    .insertInto('edits')
    .values(
      toWrite.map((e) => ({
        discussion_id: discussionId,
        node_id: e.nodeId,
        edited_at: e.editedAt,
        editor_login: e.editor,
        diff: e.diff,
        deleted_at: e.deletedAt,
        raw: JSON.stringify(e.raw),
      })),
    )
    .onConflict((oc) =>
      oc.column('node_id').doUpdateSet((eb) => ({ diff: eb.ref('excluded.diff'), deleted_at: eb.ref('excluded.deleted_at'), raw: eb.ref('excluded.raw') })),
    )
    .execute();
  return true;
}

/** Discussions a full reconciliation did not see: stored, not removed, not synced since it began. */
export async function listUnseenDiscussions(db: Executor, sourceId: number, since: Date): Promise<{ id: number; number: number }[]> {
  return db
    .selectFrom('discussions')
    .select(['id', 'number'])
    .where('source_id', '=', sourceId)
    .where('removed_at', 'is', null)
    .where('synced_at', '<', since)
    .orderBy('number')
    .execute();
}

export async function markDiscussionRemoved(db: Executor, discussionId: number, reason: string, at: Date, details: object = {}): Promise<void> {
  await db.updateTable('discussions').set({ removed_at: at, removed_reason: reason }).where('id', '=', discussionId).execute();
  await db.insertInto('discussion_events').values({ discussion_id: discussionId, at, type: 'removed', details: JSON.stringify({ reason, ...details }) }).execute();
}

export async function findCategoryNodeIds(db: Executor, sourceId: number): Promise<{ node_id: string; name: string; slug: string }[]> {
  return db.selectFrom('categories').select(['node_id', 'name', 'slug']).where('source_id', '=', sourceId).execute();
}

export async function upsertCategories(
  db: Executor,
  sourceId: number,
  categories: { nodeId: string; name: string; slug: string; isAnswerable: boolean; raw: object }[],
): Promise<void> {
  if (!categories.length) return;
  await db
    .insertInto('categories')
    .values(categories.map((c) => ({ source_id: sourceId, node_id: c.nodeId, name: c.name, slug: c.slug, is_answerable: c.isAnswerable, raw: JSON.stringify(c.raw) })))
    .onConflict((oc) =>
      oc.columns(['source_id', 'node_id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        slug: eb.ref('excluded.slug'),
        is_answerable: eb.ref('excluded.is_answerable'),
        raw: eb.ref('excluded.raw'),
      })),
    )
    .execute();
}

/** The stored version of some discussions: updatedAt (ms) and GitHub's comment total when stored. */
export async function findStoredVersions(db: Executor, sourceId: number, numbers: number[]): Promise<Map<number, { updatedAt: number; comments: number | null }>> {
  if (!numbers.length) return new Map();
  const rows = await db
    .selectFrom('discussions')
    .select(['number', 'updated_at', sql<number | null>`(raw->>'commentsTotalCount')::int`.as('comments')])
    .where('source_id', '=', sourceId)
    .where('number', 'in', numbers)
    .where('removed_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.number, { updatedAt: r.updated_at.getTime(), comments: r.comments }]));
}
