import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';

/** Empties every table (the cascade reaches all that hang off sources and authors), so one database serves a whole file. */
export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  await sql`truncate table sources, authors restart identity cascade`.execute(handle.db);
}
