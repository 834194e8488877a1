import { sql } from 'kysely';
import type { Db } from '../database.js';

export interface SourceStatusRow {
  id: number;
  kind: string;
  key: string;
  watermark: Date | null;
  lastFullSyncAt: Date | null;
  rateLimitedUntil: Date | null;
  lastCommit: string | null;
  resumePending: boolean;
  lastRun: { startedAt: Date; finishedAt: Date | null; status: string; error: string | null; requests: number; cost: number; changed: number } | null;
  lastSuccessAt: Date | null;
  failedRuns: number;
  itemCount: number;
}

/** Every source with its latest run, latest success, failures in the last week and what it stored: one query. */
export async function listSourceStatus(db: Db, now: Date): Promise<SourceStatusRow[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const result = await sql<{
    id: number; kind: string; key: string; watermark: Date | null; last_full_sync_at: Date | null;
    rate_limited_until: Date | null; last_commit: string | null; resume_pending: boolean;
    run_started_at: Date | null; run_finished_at: Date | null; run_status: string | null; run_error: string | null;
    run_requests: number | null; run_cost: number | null; run_changed: number | null;
    last_success_at: Date | null; failed_runs: number; item_count: number;
  }>`
    select s.id, s.kind, s.key, s.watermark, s.last_full_sync_at, s.rate_limited_until, s.last_commit,
           s.resume is not null as resume_pending,
           r.started_at as run_started_at, r.finished_at as run_finished_at, r.status as run_status, r.error as run_error,
           r.requests as run_requests, r.cost as run_cost, r.changed as run_changed,
           (select max(started_at) from sync_runs ok where ok.source_id = s.id and ok.status = 'ok') as last_success_at,
           (select count(*)::int from sync_runs f where f.source_id = s.id and f.status in ('error', 'rate_limited', 'interrupted')
              and f.started_at >= ${weekAgo}) as failed_runs,
           case s.kind
             when 'discussions' then (select count(*)::int from discussions d where d.source_id = s.id and d.removed_at is null)
             else (select count(*)::int from meetings m where m.source_id = s.id and m.removed_at is null)
           end as item_count
    from sources s
    left join lateral (
      select * from sync_runs sr where sr.source_id = s.id order by sr.started_at desc, sr.id desc limit 1
    ) r on true
    order by s.kind, s.key`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    key: r.key,
    watermark: r.watermark,
    lastFullSyncAt: r.last_full_sync_at,
    rateLimitedUntil: r.rate_limited_until,
    lastCommit: r.last_commit,
    resumePending: r.resume_pending,
    lastRun:
      r.run_started_at && r.run_status
        ? {
            startedAt: r.run_started_at,
            finishedAt: r.run_finished_at,
            status: r.run_status,
            error: r.run_error,
            requests: r.run_requests ?? 0,
            cost: r.run_cost ?? 0,
            changed: r.run_changed ?? 0,
          }
        : null,
    lastSuccessAt: r.last_success_at,
    failedRuns: r.failed_runs,
    itemCount: r.item_count,
  }));
}

/** Meeting files whose last read failed, newest first: one query. */
export async function listMeetingParseErrors(db: Db, limit: number): Promise<{ id: number; path: string; error: string }[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'path', 'parse_error'])
    .where('parse_error', 'is not', null)
    .where('removed_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, path: r.path, error: r.parse_error ?? '' }));
}
