import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';

const heldInProcess = new Set<string>();

/**
 * One sync at a time per source. On PostgreSQL a session advisory lock, held on its own
 * connection for the whole run, excludes other processes too. On PGlite the data-directory
 * lock already keeps other processes out, so an in-process set is enough.
 * Returns null when another run holds the lock.
 */
export async function withSourceLock<T>(handle: DatabaseHandle, key: string, run: () => Promise<T>): Promise<{ value: T } | null> {
  if (heldInProcess.has(key)) return null;
  heldInProcess.add(key);
  try {
    if (handle.engine !== 'postgres') return { value: await run() };
    return await handle.db.connection().execute(async (conn) => {
      const lockKey = `proposal-tracker:sync:${key}`;
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtextextended(${lockKey}, 0)) as locked`.execute(conn);
      if (!rows[0]?.locked) return null;
      try {
        return { value: await run() };
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${lockKey}, 0))`.execute(conn);
      }
    });
  } finally {
    heldInProcess.delete(key);
  }
}
