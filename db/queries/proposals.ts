import { sql, type Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { CommentsTable, DiscussionsTable } from '../schema/index.js';
import { splitSourceKey, toProposalRef, type ProposalRef } from './source-key.js';

export interface ProposalFilter {
  source?: { owner: string; repo: string } | undefined;
  status?: string | undefined;
  q?: string | undefined;
  updatedSince?: Date | undefined;
  includeRemoved?: boolean;
  page: number;
  perPage: number;
}

export interface ProposalListRow extends ProposalRef {
  id: number;
  labels: string[];
  updatedAt: Date;
  closed: boolean;
  commentCount: number;
  removedAt: Date | null;
  removedReason: string | null;
  /** From the stored analysis; null until the proposal has been analysed. */
  status: string | null;
  statusReason: string | null;
  requested: { currency: string; amount: number }[];
  openQuestionCount: number;
}


function baseQuery(db: Db, filter: Omit<ProposalFilter, 'page' | 'perPage'>) {
  let q = db
    .selectFrom('discussions as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .leftJoin('categories as c', 'c.id', 'd.category_id')
    .leftJoin('proposal_analyses as pa', 'pa.discussion_id', 'd.id');
  if (filter.status) q = q.where('pa.status', '=', filter.status);
  if (filter.source) q = q.where(sql<boolean>`lower(s.key) = lower(${`${filter.source.owner}/${filter.source.repo}`})`);
  if (!filter.includeRemoved) q = q.where('d.removed_at', 'is', null);
  if (filter.updatedSince) q = q.where('d.updated_at', '>=', filter.updatedSince);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('d.title', 'ilike', pattern), eb('d.body', 'ilike', pattern)]));
  }
  return q;
}

export async function listProposals(db: Db, filter: ProposalFilter): Promise<{ items: ProposalListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    baseQuery(db, filter)
      .select([
        'd.id',
        's.key',
        'd.number',
        'd.title',
        'd.url',
        'd.author_login',
        'c.name as category',
        'd.created_at',
        'd.updated_at',
        'd.closed',
        'd.comment_count',
        'd.removed_at',
        'd.removed_reason',
        'pa.status',
        'pa.status_reason',
        'pa.requested',
        'pa.open_question_count',
      ])
      .select((eb) =>
        eb
          .selectFrom('discussion_labels as dl')
          .innerJoin('labels as l', 'l.id', 'dl.label_id')
          .whereRef('dl.discussion_id', '=', 'd.id')
          .select(sql<string[]>`coalesce(array_agg(l.name order by l.name), '{}')`.as('names'))
          .as('labels'),
      )
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    baseQuery(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      id: r.id,
      ...toProposalRef(r),
      labels: r.labels ?? [],
      updatedAt: r.updated_at,
      closed: r.closed,
      commentCount: r.comment_count,
      removedAt: r.removed_at,
      removedReason: r.removed_reason,
      status: r.status,
      statusReason: r.status_reason,
      requested: r.requested ?? [],
      openQuestionCount: r.open_question_count ?? 0,
    })),
  };
}

const DISCUSSION_COLUMNS = [
  'd.id', 'd.number', 'd.title', 'd.body', 'd.url', 'd.author_login', 'd.category_id', 'd.created_at', 'd.updated_at',
  'd.closed', 'd.closed_at', 'd.state_reason', 'd.comment_count', 'd.removed_at', 'd.removed_reason',
] as const;
const COMMENT_COLUMNS = [
  'node_id', 'database_id', 'parent_node_id', 'url', 'author_login', 'body', 'created_at', 'updated_at',
  'is_answer', 'is_minimized', 'deleted_at', 'removed_at',
] as const;

type DiscussionColumns = 'id' | 'number' | 'title' | 'body' | 'url' | 'author_login' | 'category_id' | 'created_at' | 'updated_at' | 'closed' | 'closed_at' | 'state_reason' | 'comment_count' | 'removed_at' | 'removed_reason';

export interface ProposalDetailRows {
  summary: ProposalListRow;
  discussion: Pick<Selectable<DiscussionsTable>, DiscussionColumns>;
  comments: Pick<Selectable<CommentsTable>, (typeof COMMENT_COLUMNS)[number]>[];
  edits: { node_id: string; edited_at: Date; editor_login: string | null; diff: string | null }[];
  /** The whole stored ProposalAnalysis, or null before the first analysis. */
  analysis: unknown;
}

export async function findProposal(db: Db, owner: string, repo: string, number: number): Promise<ProposalDetailRows | null> {
  const discussion = await db
    .selectFrom('discussions as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select([...DISCUSSION_COLUMNS, 's.key'])
    .where('s.kind', '=', 'discussions')
    .where(sql<boolean>`lower(s.key) = lower(${`${owner}/${repo}`})`)
    .where('d.number', '=', number)
    .executeTakeFirst();
  if (!discussion) return null;
  const [category, labels, comments, edits, analysis] = await Promise.all([
    discussion.category_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom('categories').select('name').where('id', '=', discussion.category_id).executeTakeFirst(),
    db
      .selectFrom('discussion_labels as dl')
      .innerJoin('labels as l', 'l.id', 'dl.label_id')
      .select('l.name')
      .where('dl.discussion_id', '=', discussion.id)
      .orderBy('l.name')
      .execute(),
    db.selectFrom('comments').select(COMMENT_COLUMNS).where('discussion_id', '=', discussion.id).orderBy('created_at').orderBy('id').execute(),
    db
      .selectFrom('edits')
      .select(['node_id', 'edited_at', 'editor_login', 'diff'])
      .where('discussion_id', '=', discussion.id)
      .orderBy('edited_at')
      .execute(),
    db
      .selectFrom('proposal_analyses')
      .select(['status', 'status_reason', 'requested', 'open_question_count', 'result'])
      .where('discussion_id', '=', discussion.id)
      .executeTakeFirst(),
  ]);
  const { key, ...row } = discussion;
  return {
    summary: {
      id: row.id,
      ...splitSourceKey(key),
      number: row.number,
      title: row.title,
      url: row.url,
      author: row.author_login,
      category: category?.name ?? null,
      labels: labels.map((l) => l.name),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closed: row.closed,
      commentCount: row.comment_count,
      removedAt: row.removed_at,
      removedReason: row.removed_reason,
      status: analysis?.status ?? null,
      statusReason: analysis?.status_reason ?? null,
      requested: analysis?.requested ?? [],
      openQuestionCount: analysis?.open_question_count ?? 0,
    },
    discussion: row,
    comments,
    edits,
    analysis: analysis?.result ?? null,
  };
}
