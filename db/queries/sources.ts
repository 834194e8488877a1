import type { Db } from '../database.js';
import type { Selectable } from 'kysely';
import type { SourcesTable } from '../schema/index.js';

export type SourceRow = Selectable<SourcesTable>;

export interface ResumeState {
  mode: 'incremental' | 'full';
  startedAt: string;
  categoryIndex: number;
  cursor: string | null;
  newWatermark: string | null;
}

export async function upsertSource(db: Db, kind: SourceRow['kind'], key: string): Promise<SourceRow> {
  const existing = await db.selectFrom('sources').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  if (existing) return existing;
  return db
    .insertInto('sources')
    .values({ kind, key })
    .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ key }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSource(db: Db, kind: SourceRow['kind'], key: string): Promise<SourceRow | undefined> {
  return db.selectFrom('sources').selectAll().where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
}

export async function updateSource(
  db: Db,
  id: number,
  patch: Partial<{ watermark: Date | null; last_full_sync_at: Date; resume: ResumeState | null; rate_limited_until: Date | null; last_commit: string | null }>,
): Promise<void> {
  const { resume, ...rest } = patch;
  await db
    .updateTable('sources')
    .set({ ...rest, ...(resume !== undefined ? { resume: resume === null ? null : JSON.stringify(resume) } : {}) })
    .where('id', '=', id)
    .execute();
}
