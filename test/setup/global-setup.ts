import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/**
 * Runs once before the suite. The database tests need a real PostgreSQL: fail early with
 * a clear message instead of letting every suite time out. Each suite creates its own
 * fresh database (see test/helpers/engines.ts), so nothing here creates schema.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  process.env.TEST_DATABASE_URL = url;
  if (!(await reachable(url)) && tryStartLocalCluster()) {
    for (let i = 0; i < 30 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 500));
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${url} (set TEST_DATABASE_URL to change it): ${(error as Error).message}. ` +
        `Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** On a Debian machine with a local cluster that is down, start it (what .ci/run does too). */
function tryStartLocalCluster(): boolean {
  if (!existsSync('/etc/postgresql')) return false;
  const version = readdirSync('/etc/postgresql')[0];
  if (!version) return false;
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
