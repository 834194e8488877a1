import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { sql } from 'kysely';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { migrateToLatest, type DatabaseHandle } from '../../db/database.js';

describe.each(engines)('database on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  test('migrations are applied once and a second run is a no-op', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(handle.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['sources', 'discussions', 'comments', 'edits', 'labels', 'categories', 'authors', 'sync_runs']),
    );
  });

  test('jsonb and timestamptz round-trip the same way on both engines', async () => {
    const source = await handle.db
      .insertInto('sources')
      .values({ kind: 'discussions', key: 'o/r', resume: JSON.stringify({ cursor: 'abc' }), watermark: '2024-05-01T10:00:00Z' })
      .returning(['id', 'resume', 'watermark'])
      .executeTakeFirstOrThrow();
    expect(source.resume).toEqual({ cursor: 'abc' });
    expect(source.watermark).toEqual(new Date('2024-05-01T10:00:00Z'));
    const count = await handle.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});
