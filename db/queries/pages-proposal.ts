import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { ProposalListRow } from './proposals.js';

export interface StoredAnalysis {
  status: string;
  statusReason: string;
  analyzedAt: Date;
  requested: { currency: string; amount: number }[];
  openQuestionCount: number;
  mentionCount: number;
  lastProposerActivityAt: Date | null;
  lastCommitteeActivityAt: Date | null;
  /** The whole stored ProposalAnalysis; checked by the presenter, since stored JSON may come from an older version. */
  result: unknown;
}

export interface StoredOverride {
  status: string;
  reason: string;
  setBy: string;
  setAt: Date;
}

/** The analysis and any status override of one discussion: one query. */
export async function findProposalAnalysis(db: Db, discussionId: number): Promise<{ analysis: StoredAnalysis | null; override: StoredOverride | null }> {
  const row = await db
    .selectFrom('discussions as d')
    .leftJoin('proposal_analyses as pa', 'pa.discussion_id', 'd.id')
    .leftJoin('status_overrides as so', 'so.discussion_id', 'd.id')
    .select([
      'pa.status', 'pa.status_reason', 'pa.analyzed_at', 'pa.requested', 'pa.open_question_count', 'pa.mention_count',
      'pa.last_proposer_activity_at', 'pa.last_committee_activity_at', 'pa.result',
      'so.status as override_status', 'so.reason as override_reason', 'so.set_by', 'so.set_at',
    ])
    .where('d.id', '=', discussionId)
    .executeTakeFirst();
  if (!row) return { analysis: null, override: null };
  const analysis: StoredAnalysis | null =
    row.status !== null && row.analyzed_at !== null
      ? {
          status: row.status,
          statusReason: row.status_reason ?? '',
          analyzedAt: row.analyzed_at,
          requested: row.requested ?? [],
          openQuestionCount: row.open_question_count ?? 0,
          mentionCount: row.mention_count ?? 0,
          lastProposerActivityAt: row.last_proposer_activity_at,
          lastCommitteeActivityAt: row.last_committee_activity_at,
          result: row.result,
        }
      : null;
  const override: StoredOverride | null =
    row.override_status !== null && row.set_at !== null
      ? { status: row.override_status, reason: row.override_reason ?? '', setBy: row.set_by ?? '', setAt: row.set_at }
      : null;
  return { analysis, override };
}

export interface PageComment {
  node_id: string;
  parent_node_id: string | null;
  author_login: string | null;
  body: string;
  url: string | null;
  created_at: Date;
  updated_at: Date;
  is_answer: boolean;
  is_minimized: boolean;
  deleted_at: Date | null;
  removed_at: Date | null;
}

export interface ProposalPageRows {
  summary: Omit<ProposalListRow, 'status' | 'statusReason' | 'requested' | 'openQuestionCount'>;
  body: string;
  closedAt: Date | null;
  comments: PageComment[];
  edits: { edited_at: Date; editor_login: string | null }[];
}

/**
 * The proposal page's discussion, comments and edits: three queries, reading only the columns the
 * page shows (not the raw GitHub JSON or the search vectors).
 */
export async function findProposalPage(db: Db, owner: string, repo: string, number: number): Promise<ProposalPageRows | null> {
  const row = await db
    .selectFrom('discussions as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .leftJoin('categories as c', 'c.id', 'd.category_id')
    .select([
      'd.id', 's.key', 'd.number', 'd.title', 'd.url', 'd.author_login', 'c.name as category', 'd.created_at', 'd.updated_at',
      'd.closed', 'd.closed_at', 'd.comment_count', 'd.removed_at', 'd.removed_reason', 'd.body',
      sql<string[]>`coalesce((select array_agg(l.name order by l.name) from discussion_labels dl join labels l on l.id = dl.label_id where dl.discussion_id = d.id), '{}')`.as('labels'),
    ])
    .where('s.kind', '=', 'discussions')
    .where(sql<boolean>`lower(s.key) = lower(${`${owner}/${repo}`})`)
    .where('d.number', '=', number)
    .executeTakeFirst();
  if (!row) return null;
  const [comments, edits] = await Promise.all([
    db
      .selectFrom('comments')
      .select(['node_id', 'parent_node_id', 'author_login', 'body', 'url', 'created_at', 'updated_at', 'is_answer', 'is_minimized', 'deleted_at', 'removed_at'])
      .where('discussion_id', '=', row.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('edits').select(['edited_at', 'editor_login']).where('discussion_id', '=', row.id).orderBy('edited_at').execute(),
  ]);
  const [keyOwner = '', keyRepo = ''] = row.key.split('/');
  return {
    summary: {
      id: row.id,
      owner: keyOwner,
      repo: keyRepo,
      number: row.number,
      title: row.title,
      url: row.url,
      author: row.author_login,
      category: row.category,
      labels: row.labels,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closed: row.closed,
      commentCount: row.comment_count,
      removedAt: row.removed_at,
      removedReason: row.removed_reason,
    },
    body: row.body,
    closedAt: row.closed_at,
    comments,
    edits,
  };
}
