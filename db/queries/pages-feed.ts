import { sql } from 'kysely';
import type { Db } from '../database.js';
import { splitSourceKey } from './source-key.js';

export interface FeedProposalRow {
  owner: string;
  repo: string;
  number: number;
  title: string;
  author: string | null;
  body: string;
  createdAt: Date;
}

export interface FeedStatusChangeRow {
  owner: string;
  repo: string;
  number: number;
  title: string;
  status: string;
  at: Date;
  reason: string | null;
}

function split(key: string): { owner: string; repo: string } {
  const { owner, repo } = splitSourceKey(key);
  return { owner, repo };
}

/** The newest proposals: one query. */
export async function listNewestProposals(db: Db, limit: number): Promise<FeedProposalRow[]> {
  const rows = await db
    .selectFrom('discussions as d')
    .innerJoin('sources as s', 's.id', 'd.source_id')
    .select(['s.key', 'd.number', 'd.title', 'd.author_login', sql<string>`left(d.body, 2000)`.as('body'), 'd.created_at'])
    .where('d.removed_at', 'is', null)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...split(r.key), number: r.number, title: r.title, author: r.author_login, body: r.body, createdAt: r.created_at }));
}

/**
 * The latest status changes across all proposals, read from each analysis' stages (the first
 * stage is the proposal's creation, already in the feed as a new proposal): one query.
 */
export async function listStatusChanges(db: Db, limit: number): Promise<FeedStatusChangeRow[]> {
  const result = await sql<{ key: string; number: number; title: string; status: string; at: Date; reason: string | null; is_current: boolean }>`
    select s.key, d.number, d.title, st.value->>'status' as status, (st.value->>'from')::timestamptz as at,
           pa.status_reason as reason, st.value->>'to' is null as is_current
    from proposal_analyses pa
    join discussions d on d.id = pa.discussion_id
    join sources s on s.id = d.source_id
    cross join lateral jsonb_array_elements(coalesce(pa.result->'stages', '[]'::jsonb)) with ordinality as st(value, position)
    where st.position > 1 and d.removed_at is null and st.value->>'from' is not null
    order by at desc, d.id desc
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({
    ...split(r.key),
    number: r.number,
    title: r.title,
    status: r.status,
    at: r.at,
    reason: r.is_current ? r.reason : null,
  }));
}
