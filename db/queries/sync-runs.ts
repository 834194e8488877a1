import type { Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { SyncRunsTable } from '../schema/index.js';

export type SyncRunRow = Selectable<SyncRunsTable>;

export async function insertSyncRun(
  db: Db,
  run: { sourceId: number; source: string; kind: SyncRunRow['kind']; mode: SyncRunRow['mode']; startedAt: Date },
): Promise<number> {
  const row = await db
    .insertInto('sync_runs')
    .values({ source_id: run.sourceId, source: run.source, kind: run.kind, mode: run.mode, started_at: run.startedAt, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishSyncRun(
  db: Db,
  id: number,
  result: { status: string; requests: number; cost: number; changed: number; error?: string | null; rateLimitedUntil?: Date | null; details?: unknown },
): Promise<void> {
  await db
    .updateTable('sync_runs')
    .set({
      finished_at: new Date(),
      status: result.status,
      requests: result.requests,
      cost: result.cost,
      changed: result.changed,
      error: result.error ?? null,
      rate_limited_until: result.rateLimitedUntil ?? null,
      ...(result.details !== undefined ? { details: JSON.stringify(result.details) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Runs left 'running' by a process that died: called while holding the source's sync lock. */
export async function markInterruptedRuns(db: Db, sourceId: number): Promise<number> {
  const rows = await db
    .updateTable('sync_runs')
    .set({ status: 'interrupted', finished_at: new Date(), error: 'the process stopped before the run finished; the next run resumed it' })
    .where('source_id', '=', sourceId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return rows.length;
}

export async function listSyncRuns(db: Db, options: { limit: number; offset?: number; source?: string }): Promise<SyncRunRow[]> {
  let q = db.selectFrom('sync_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset ?? 0);
  if (options.source) q = q.where('source', '=', options.source);
  return q.execute();
}

export async function countSyncRuns(db: Db, source?: string): Promise<number> {
  let q = db.selectFrom('sync_runs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (source) q = q.where('source', '=', source);
  return (await q.executeTakeFirstOrThrow()).n;
}
