import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubStandIn, type StandIn } from '../github-standin/index.js';
import { openTestDatabase } from '../helpers/engines.js';
import { dumpStoredDiscussions } from '../helpers/dump-database.js';
import { openDatabase } from '../../db/database.js';
import { buildSyncStore } from './build-sync-store.js';

const child = join(process.cwd(), 'test/helpers/sync-child.ts');

/** Runs the sync in a child process; with `killAtRequest`, SIGKILLs it once the stand-in has answered that many requests. */
function runChild(env: Record<string, string>, standIn: StandIn, killAtRequest?: number): Promise<{ code: number | null; signal: string | null; out: string }> {
  const start = standIn.requests.length;
  return new Promise((resolve, reject) => {
    // node itself, not the tsx wrapper: SIGKILL on the wrapper would leave its child running.
    const proc = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, NODE_OPTIONS: '', GITHUB_API_URL: standIn.url, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    let timer: NodeJS.Timeout | undefined;
    if (killAtRequest !== undefined) {
      timer = setInterval(() => {
        if (standIn.requests.length - start >= killAtRequest) {
          proc.kill('SIGKILL');
          clearInterval(timer);
        }
      }, 1);
    }
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, out });
    });
  });
}

describe('a sync killed at any moment and run again equals a clean sync, row for row', () => {
  let standIn: StandIn;
  let expected: Awaited<ReturnType<typeof dumpStoredDiscussions>>;
  let fullRunRequests = 0;

  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildSyncStore());
    const clean = await openTestDatabase('postgres');
    const result = await runChild({ DATABASE_URL: clean.url! }, standIn);
    expect(result.code).toBe(0);
    fullRunRequests = standIn.requests.length;
    expected = await dumpStoredDiscussions(clean.db);
    await clean.close();
  }, 60_000);
  afterAll(async () => {
    await standIn.close();
  });

  test('on PostgreSQL, killed at ten points spread over the run', async () => {
    expect(fullRunRequests).toBeGreaterThanOrEqual(10);
    let interrupted = 0;
    const points = Array.from({ length: 10 }, (_, i) => 1 + Math.floor((i * (fullRunRequests - 1)) / 9));
    expect(new Set(points).size).toBe(10);
    for (const point of points) {
      const db = await openTestDatabase('postgres');
      try {
        const killed = await runChild({ DATABASE_URL: db.url! }, standIn, point);
        // A kill that lands after the last request may let the process finish first; both are fine.
        expect(killed.signal === 'SIGKILL' || killed.code === 0).toBe(true);
        const rerun = await runChild({ DATABASE_URL: db.url! }, standIn);
        expect(JSON.parse(rerun.out)).toEqual({ status: 'ok', error: null });
        expect(await dumpStoredDiscussions(db.db)).toEqual(expected);
        const runs = await db.db.selectFrom('sync_runs').select(['status']).orderBy('id').execute();
        // A kill after the last request can land while the process is already closing.
        expect(runs.map((r) => r.status)).toEqual([killed.signal === 'SIGKILL' && runs[0]!.status === 'interrupted' ? 'interrupted' : 'ok', 'ok']);
        if (runs[0]!.status === 'interrupted') interrupted++;
      } finally {
        await db.close();
      }
    }
    expect(interrupted).toBeGreaterThanOrEqual(8);
  }, 180_000);

  test('on PGlite in a data directory, a killed process leaves a stale lock that the next run takes over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-crash-'));
    try {
      const killed = await runChild({ DATA_DIR: dir }, standIn, Math.ceil(fullRunRequests / 2));
      expect(killed.signal).toBe('SIGKILL');
      const rerun = await runChild({ DATA_DIR: dir }, standIn);
      expect(JSON.parse(rerun.out)).toEqual({ status: 'ok', error: null });
      const handle = await openDatabase({ dataDir: dir });
      try {
        expect(await dumpStoredDiscussions(handle.db)).toEqual(expected);
      } finally {
        await handle.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
