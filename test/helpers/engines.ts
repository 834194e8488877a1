import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, migrateToLatest, wrapPGlite, type DatabaseHandle } from '../../db/database.js';

let image: Promise<Blob | File> | undefined;

/** initdb + migrations once per test file; each test then starts from a copy (about 5x faster). */
function migratedPGliteImage(): Promise<Blob | File> {
  image ??= (async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = await PGlite.create('memory://');
    const handle = await wrapPGlite(lite);
    await migrateToLatest(handle.db);
    const dump = await lite.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return image;
}

export type Engine = 'pglite' | 'postgres';

/** Engines to run database tests on; DB_ENGINES=pglite narrows it locally. */
export const engines: Engine[] = ((process.env.DB_ENGINES ?? 'pglite,postgres').split(',') as Engine[]).filter(
  (e) => e === 'pglite' || e === 'postgres',
);

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A fresh, migrated database: in-memory PGlite, or a new PostgreSQL database dropped on close. */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle & { url?: string }> {
  if (engine === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = await PGlite.create({ dataDir: 'memory://', loadDataDir: await migratedPGliteImage() });
    return wrapPGlite(lite);
  }
  const name = `tracker_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
