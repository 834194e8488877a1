import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema/index.js';
import { migrations } from './migrations/index.js';
import { lockDataDir, type DirLock } from './dir-lock.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  engine: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; without it the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; 'memory://' keeps them in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  onIdleError?: (error: Error) => void;
}

// int8 (count(*), bigint ids) as JS numbers: our counts and GitHub database ids fit in 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (error) => options.onIdleError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirLock | undefined;
  if (!inMemory) lock = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const lite = await PGlite.create(inMemory ? dataDir : join(dataDir, 'pglite'));
    return await wrapPGlite(lite, () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Serves an open PGlite instance through the same pg driver and Kysely dialect as PostgreSQL. */
export async function wrapPGlite(lite: PGlite, onClose: () => void = () => undefined): Promise<DatabaseHandle> {
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(lite)) }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      try {
        await db.destroy();
        await lite.close();
      } finally {
        onClose();
      }
    },
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${(error as Error | undefined)?.message ?? 'unknown error'}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
