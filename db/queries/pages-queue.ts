import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database.js';
import { toProposalRef, type ProposalRef } from './source-key.js';

export type QueueSort = 'activity' | 'created' | 'proposer' | 'committee' | 'questions' | 'mentioned' | 'number';

export interface QueueFilter {
  status?: string | undefined;
  category?: string | undefined;
  /** owner/repo */
  source?: string | undefined;
  year?: number | undefined;
  needsCommittee?: boolean | undefined;
  awaitingProposer?: boolean | undefined;
  stale?: boolean | undefined;
  /** A committee member's name: open proposals they have not answered, or answered before the proposer's latest word. */
  member?: string | undefined;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  page: number;
  perPage: number;
  now: Date;
  staleDays: number;
}

export interface QueueRow extends ProposalRef {
  id: number;
  updatedAt: Date;
  closed: boolean;
  commentCount: number;
  status: string;
  statusReason: string | null;
  requested: { currency: string; amount: number }[];
  openQuestionCount: number;
  mentionCount: number;
  lastProposerActivityAt: Date;
  lastCommitteeActivityAt: Date | null;
  lastMentionDate: string | null;
}

export interface QueueFacets {
  categories: string[];
  sources: string[];
  years: number[];
}

/** Statuses in which the proposal still needs someone to act. */
export const OPEN_STATUSES = ['new', 'under_discussion', 'presented', 'awaiting_proposer', 'unanalysed'];

const effectiveStatus = sql<string>`coalesce(so.status, pa.status, case when d.closed then 'closed' else 'unanalysed' end)`;
const proposerAt = sql<Date>`coalesce(pa.last_proposer_activity_at, d.created_at)`;
const committeeAt = sql<Date | null>`pa.last_committee_activity_at`;
const isOpen = sql<boolean>`${effectiveStatus} in (${sql.join(OPEN_STATUSES)})`;

const SORT_COLUMNS: Record<QueueSort, RawBuilder<unknown>> = {
  activity: sql`d.updated_at`,
  created: sql`d.created_at`,
  proposer: proposerAt,
  committee: sql`coalesce(pa.last_committee_activity_at, d.created_at)`,
  questions: sql`coalesce(pa.open_question_count, 0)`,
  mentioned: sql`pa.last_mention_date`,
  number: sql`d.number`,
};

function conditions(filter: QueueFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`d.removed_at is null`];
  if (filter.status) where.push(sql`${effectiveStatus} = ${filter.status}`);
  if (filter.category) where.push(sql`c.name = ${filter.category}`);
  if (filter.source) where.push(sql`lower(s.key) = lower(${filter.source})`);
  if (filter.year !== undefined) {
    where.push(sql`d.created_at >= ${new Date(Date.UTC(filter.year, 0, 1))} and d.created_at < ${new Date(Date.UTC(filter.year + 1, 0, 1))}`);
  }
  if (filter.needsCommittee) where.push(sql`${isOpen} and (${committeeAt} is null or ${proposerAt} > ${committeeAt})`);
  if (filter.awaitingProposer) {
    where.push(sql`${isOpen} and (${effectiveStatus} = 'awaiting_proposer' or (pa.open_question_count > 0 and ${committeeAt} > ${proposerAt}))`);
  }
  if (filter.stale) {
    const cutoff = new Date(filter.now.getTime() - filter.staleDays * 86_400_000);
    where.push(sql`${isOpen} and greatest(d.updated_at, ${proposerAt}, coalesce(${committeeAt}, ${proposerAt})) < ${cutoff}`);
  }
  if (filter.member) {
    where.push(sql`${isOpen} and (
      coalesce(pa.result->'silentMembers', '[]'::jsonb) @> jsonb_build_array(${filter.member}::text)
      or exists (
        select 1 from jsonb_array_elements(coalesce(pa.result->'feedbackByMember', '[]'::jsonb)) f
        where f->>'member' = ${filter.member} and (f->>'lastAt')::timestamptz < ${proposerAt}
      ))`);
  }
  return where;
}

const FROM = sql`discussions d
  join sources s on s.id = d.source_id
  left join categories c on c.id = d.category_id
  left join proposal_analyses pa on pa.discussion_id = d.id
  left join status_overrides so on so.discussion_id = d.id`;

/** Counting needs the analysis joins only when a filter reads them; without, the index alone answers. */
function countFrom(filter: QueueFilter) {
  const needsAnalysis = filter.status || filter.needsCommittee || filter.awaitingProposer || filter.stale || filter.member;
  if (needsAnalysis) return FROM;
  return filter.category ? sql`discussions d join sources s on s.id = d.source_id left join categories c on c.id = d.category_id` : sql`discussions d join sources s on s.id = d.source_id`;
}

/** Sorts on a column that may be null put the nulls last either way. */
const NULLABLE_SORTS = new Set<QueueSort>(['mentioned']);

interface RawQueueRow {
  id: number;
  key: string;
  number: number;
  title: string;
  url: string;
  author_login: string | null;
  category: string | null;
  created_at: Date;
  updated_at: Date;
  closed: boolean;
  comment_count: number;
  status: string;
  status_reason: string | null;
  requested: { currency: string; amount: number }[] | null;
  open_question_count: number | null;
  mention_count: number | null;
  proposer_at: Date;
  committee_at: Date | null;
  last_mention_date: string | null;
}

/** One page of the review queue and the number of proposals matching the filter: two queries. */
export async function listQueue(db: Db, filter: QueueFilter): Promise<{ items: QueueRow[]; total: number }> {
  const where = sql.join(conditions(filter), sql` and `);
  const direction = filter.direction === 'asc' ? sql`asc` : sql`desc`;
  const nulls = NULLABLE_SORTS.has(filter.sort) ? sql`nulls last` : sql``;
  const [rows, count] = await Promise.all([
    sql<RawQueueRow>`
      select d.id, s.key, d.number, d.title, d.url, d.author_login, c.name as category, d.created_at, d.updated_at,
             d.closed, d.comment_count, ${effectiveStatus} as status, coalesce(so.reason, pa.status_reason) as status_reason,
             pa.requested, pa.open_question_count, pa.mention_count, ${proposerAt} as proposer_at,
             ${committeeAt} as committee_at, pa.last_mention_date
      from ${FROM}
      where ${where}
      order by ${SORT_COLUMNS[filter.sort]} ${direction} ${nulls}, d.id ${direction}
      limit ${filter.perPage} offset ${(filter.page - 1) * filter.perPage}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${countFrom(filter)} where ${where}`.execute(db),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    items: rows.rows.map((r) => {
      return {
        id: r.id,
        ...toProposalRef(r),
        updatedAt: r.updated_at,
        closed: r.closed,
        commentCount: r.comment_count,
        status: r.status,
        statusReason: r.status_reason,
        requested: r.requested ?? [],
        openQuestionCount: r.open_question_count ?? 0,
        mentionCount: r.mention_count ?? 0,
        lastProposerActivityAt: r.proposer_at,
        lastCommitteeActivityAt: r.committee_at,
        lastMentionDate: r.last_mention_date,
      };
    }),
  };
}

/** What the filter menus offer: one query. */
export async function findQueueFacets(db: Db): Promise<QueueFacets> {
  const result = await sql<{ categories: string[] | null; sources: string[] | null; first: Date | null; last: Date | null }>`
    select (select array_agg(distinct name order by name) from categories) as categories,
           (select array_agg(key order by key) from sources where kind = 'discussions') as sources,
           (select min(created_at) from discussions) as first,
           (select max(created_at) from discussions) as last`.execute(db);
  const row = result.rows[0];
  const years: number[] = [];
  if (row?.first && row.last) {
    for (let year = row.last.getUTCFullYear(); year >= row.first.getUTCFullYear(); year -= 1) years.push(year);
  }
  return { categories: row?.categories ?? [], sources: row?.sources ?? [], years };
}
