import { sql, type Transaction } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema/index.js';

type Executor = Db | Transaction<Database>;

/**
 * A fingerprint of every stored input one discussion's analysis reads: the discussion, its labels,
 * comments and edits, the meetings that mention it, and its status override. One query for all
 * discussions, so "is anything to recompute?" costs one round trip.
 */
export async function listAnalysisFingerprints(db: Executor): Promise<{ id: number; fingerprint: string; stored: string | null; version: number | null }[]> {
  const rows = await sql<{ id: number; fingerprint: string; stored: string | null; version: number | null }>`
    select d.id,
      md5(concat_ws('|',
        md5(d.raw::text), d.body, d.removed_at::text, d.category_id::text,
        (select string_agg(dl.label_id::text, ',' order by dl.label_id) from discussion_labels dl where dl.discussion_id = d.id),
        (select count(*)::text || ':' || coalesce(md5(string_agg(c.node_id || ':' || md5(c.raw::text) || ':' || coalesce(c.removed_at::text, ''), ',' order by c.node_id)), '')
           from comments c where c.discussion_id = d.id),
        (select count(*)::text || ':' || coalesce(md5(string_agg(e.node_id || ':' || md5(coalesce(e.diff, '')), ',' order by e.node_id)), '')
           from edits e where e.discussion_id = d.id),
        (select coalesce(md5(string_agg(mm.meeting_id::text || ':' || m.content_hash || ':' || mm.kind || ':' || mm.span_start::text, ',' order by mm.meeting_id, mm.span_start, mm.kind)), '')
           from meeting_mentions mm join meetings m on m.id = mm.meeting_id where mm.discussion_id = d.id and m.removed_at is null),
        (select o.status || ':' || o.reason || ':' || o.set_by || ':' || o.set_at::text from status_overrides o where o.discussion_id = d.id)
      )) as fingerprint,
      pa.input_hash as stored, pa.version
    from discussions d
    left join proposal_analyses pa on pa.discussion_id = d.id
    where d.removed_at is null
    order by d.id`.execute(db);
  return rows.rows;
}

export interface AnalysisSourceRows {
  discussions: {
    id: number;
    key: string;
    number: number;
    title: string;
    body: string;
    url: string;
    author_login: string | null;
    created_at: Date;
    updated_at: Date;
    closed: boolean;
    closed_at: Date | null;
    state_reason: string | null;
    category: string | null;
  }[];
  labels: { discussion_id: number; name: string }[];
  comments: {
    discussion_id: number;
    node_id: string;
    parent_node_id: string | null;
    url: string | null;
    author_login: string | null;
    body: string;
    created_at: Date;
    deleted_at: Date | null;
    removed_at: Date | null;
  }[];
  edits: { discussion_id: number; edited_at: Date; editor_login: string | null; diff: string | null }[];
  mentions: {
    discussion_id: number;
    meeting_id: number;
    heading: string | null;
    speaker: string | null;
    timestamp: string | null;
    span_start: number;
    span_end: number;
  }[];
  meetings: { id: number; path: string; title: string | null; group_name: string | null; date: string | null; parsed: unknown; raw: string | null }[];
  overrides: { discussion_id: number; status: string; reason: string; set_by: string; set_at: Date }[];
}

/** Everything the analysis of these discussions reads, in a fixed number of queries. */
export async function findAnalysisSources(db: Executor, ids: number[]): Promise<AnalysisSourceRows> {
  if (!ids.length) return { discussions: [], labels: [], comments: [], edits: [], mentions: [], meetings: [], overrides: [] };
  const [discussions, labels, comments, edits, mentions, overrides] = await Promise.all([
    db
      .selectFrom('discussions as d')
      .innerJoin('sources as s', 's.id', 'd.source_id')
      .leftJoin('categories as c', 'c.id', 'd.category_id')
      .select(['d.id', 's.key', 'd.number', 'd.title', 'd.body', 'd.url', 'd.author_login', 'd.created_at', 'd.updated_at', 'd.closed', 'd.closed_at', 'd.state_reason', 'c.name as category'])
      .where('d.id', 'in', ids)
      .execute(),
    db.selectFrom('discussion_labels as dl').innerJoin('labels as l', 'l.id', 'dl.label_id').select(['dl.discussion_id', 'l.name']).where('dl.discussion_id', 'in', ids).execute(),
    db
      .selectFrom('comments')
      .select(['discussion_id', 'node_id', 'parent_node_id', 'url', 'author_login', 'body', 'created_at', 'deleted_at', 'removed_at'])
      .where('discussion_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db.selectFrom('edits').select(['discussion_id', 'edited_at', 'editor_login', 'diff']).where('discussion_id', 'in', ids).orderBy('edited_at').orderBy('id').execute(),
    db
      .selectFrom('meeting_mentions as mm')
      .innerJoin('meetings as m', 'm.id', 'mm.meeting_id')
      .select(['mm.discussion_id', 'mm.meeting_id', 'mm.heading', 'mm.speaker', 'mm.timestamp', 'mm.span_start', 'mm.span_end'])
      .where('mm.discussion_id', 'in', ids)
      .where('m.removed_at', 'is', null)
      .orderBy('mm.meeting_id')
      .orderBy('mm.span_start')
      .execute(),
    db.selectFrom('status_overrides').selectAll().where('discussion_id', 'in', ids).execute(),
  ]);
  const meetingIds = [...new Set(mentions.map((m) => m.meeting_id))];
  const meetings = meetingIds.length
    ? await db.selectFrom('meetings').select(['id', 'path', 'title', 'group_name', 'date', 'parsed', 'raw']).where('id', 'in', meetingIds).execute()
    : [];
  return { discussions, labels, comments, edits, mentions, meetings, overrides };
}

export interface AnalysisRow {
  discussionId: number;
  version: number;
  inputHash: string;
  status: string;
  statusReason: string;
  requested: { currency: string; amount: number }[];
  openQuestionCount: number;
  questionCount: number;
  mentionCount: number;
  lastProposerActivityAt: Date | null;
  lastCommitteeActivityAt: Date | null;
  lastMentionDate: string | null;
  result: unknown;
}

export async function upsertAnalysis(db: Executor, row: AnalysisRow, at: Date): Promise<void> {
  const values = {
    version: row.version,
    input_hash: row.inputHash,
    analyzed_at: at,
    status: row.status,
    status_reason: row.statusReason,
    requested: JSON.stringify(row.requested),
    open_question_count: row.openQuestionCount,
    question_count: row.questionCount,
    mention_count: row.mentionCount,
    last_proposer_activity_at: row.lastProposerActivityAt,
    last_committee_activity_at: row.lastCommitteeActivityAt,
    last_mention_date: row.lastMentionDate,
    result: JSON.stringify(row.result),
  };
  await db
    .insertInto('proposal_analyses')
    .values({ discussion_id: row.discussionId, ...values })
    .onConflict((oc) => oc.column('discussion_id').doUpdateSet(values))
    .execute();
}

export async function findAnalysis(db: Executor, discussionId: number) {
  return db.selectFrom('proposal_analyses').selectAll().where('discussion_id', '=', discussionId).executeTakeFirst();
}

export async function upsertStatusOverride(db: Executor, discussionId: number, override: { status: string; reason: string; setBy: string }): Promise<void> {
  const values = { status: override.status, reason: override.reason, set_by: override.setBy, set_at: new Date() };
  await db.insertInto('status_overrides').values({ discussion_id: discussionId, ...values }).onConflict((oc) => oc.column('discussion_id').doUpdateSet(values)).execute();
}

export async function deleteStatusOverride(db: Executor, discussionId: number): Promise<boolean> {
  const rows = await db.deleteFrom('status_overrides').where('discussion_id', '=', discussionId).returning('discussion_id').execute();
  return rows.length > 0;
}
