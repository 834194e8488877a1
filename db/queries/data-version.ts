import type { Db } from '../database.js';

/** The counter every write to page-visible tables bumps (see migration 0005). */
export async function findDataVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row ? Number(row.version) : 0;
}
