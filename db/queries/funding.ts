import { sql } from 'kysely';
import type { Db } from '../database.js';
import { toProposalRef, type ProposalRef } from './source-key.js';

export interface FundingRequestRow extends ProposalRef {
  status: string;
  requested: { currency: string; amount: number }[];
}

export interface FundingFilter {
  year?: number | undefined;
  author?: string | undefined;
}

/**
 * Every proposal that asks for money, oldest first: one query. Totals are summed by the caller,
 * since a page, a CSV and a JSON export all need the same rows.
 */
export async function listFundingRequests(db: Db, filter: FundingFilter = {}): Promise<FundingRequestRow[]> {
  const where = [sql`d.removed_at is null`, sql`jsonb_array_length(coalesce(pa.requested, '[]'::jsonb)) > 0`];
  if (filter.year !== undefined) {
    where.push(sql`d.created_at >= ${new Date(Date.UTC(filter.year, 0, 1))} and d.created_at < ${new Date(Date.UTC(filter.year + 1, 0, 1))}`);
  }
  if (filter.author) where.push(sql`lower(d.author_login) = lower(${filter.author})`);
  const result = await sql<{
    key: string;
    number: number;
    title: string;
    url: string;
    author_login: string | null;
    category: string | null;
    created_at: Date;
    status: string;
    requested: { currency: string; amount: number }[];
  }>`
    select s.key, d.number, d.title, d.url, d.author_login, c.name as category, d.created_at,
           coalesce(so.status, pa.status) as status, pa.requested
    from discussions d
    join sources s on s.id = d.source_id
    join proposal_analyses pa on pa.discussion_id = d.id
    left join categories c on c.id = d.category_id
    left join status_overrides so on so.discussion_id = d.id
    where ${sql.join(where, sql` and `)}
    order by d.created_at, d.id`.execute(db);
  return result.rows.map((r) => {
    return {
      ...toProposalRef(r),
      status: r.status,
      requested: r.requested.filter((item) => typeof item?.currency === 'string' && Number.isFinite(item.amount)),
    };
  });
}
