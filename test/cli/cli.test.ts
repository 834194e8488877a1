import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHubStandIn, Store, type StandIn } from '../github-standin/index.js';
import { openTestDatabase } from '../helpers/engines.js';
import { openDatabase } from '../../db/database.js';
import type { DatabaseHandle } from '../../db/database.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

function smallStore(): Store {
  const store = new Store({ start: '2024-05-01T00:00:00Z' });
  const repo = store.addRepository({ owner: 'akash-network', name: 'community', categories: [{ name: 'Proposals' }] });
  const d = store.addDiscussion(repo, { title: 'Funding for docs', body: 'We ask for $10,000.', author: 'writer', category: 'Proposals' });
  store.addComment(d, { body: 'What is the timeline?', author: 'reviewer' });
  return store;
}

describe('npm run sync -- --once', () => {
  let standIn: StandIn;
  let dir: string;
  let config: string;
  let db: DatabaseHandle & { url?: string };

  beforeAll(async () => {
    standIn = await startGitHubStandIn(smallStore());
    dir = await mkdtemp(join(tmpdir(), 'tracker-cli-'));
    config = join(dir, 'tracker.config.json');
    await writeFile(config, JSON.stringify({ discussions: [{ owner: 'akash-network', repo: 'community' }] }));
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await standIn.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ TRACKER_CONFIG: config, DATABASE_URL: db.url!, GITHUB_API_URL: standIn.url, GITHUB_TOKEN: 'test-token' });

  test('a good pass exits 0 with a one-line summary', async () => {
    const out = await run('sync/cli.ts', ['--once'], env());
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^sync: akash-network\/community: full sync done, 1 discussion\(s\) changed, 0 removed, \d+ request\(s\), \d+ point\(s\)\.$/);
    expect(lines[1]).toMatch(/^sync: analysis: 1 of 1 proposal\(s\) re-analysed, \d+ ms\.$/);
    expect(lines).toHaveLength(2);
  });

  test('npm run override sets and clears a manual status that the analysis honours', async () => {
    const statusOf = async () =>
      (await db.db.selectFrom('proposal_analyses as pa').innerJoin('discussions as d', 'd.id', 'pa.discussion_id').select(['pa.status', 'pa.status_reason']).where('d.number', '=', 1).executeTakeFirstOrThrow());
    const derived = await statusOf();
    const set = await run('db/override-cli.ts', ['akash-network/community#1', 'rejected', 'Vote failed on chain', '--by', 'Steward'], env());
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe('override: akash-network/community#1 is now "rejected" (Vote failed on chain), set by Steward.');
    expect(await statusOf()).toMatchObject({ status: 'rejected', status_reason: expect.stringContaining('Vote failed on chain') });
    const bad = await run('db/override-cli.ts', ['akash-network/community#1', 'maybe', 'x', '--by', 'Steward'], env());
    expect(bad.code).toBe(2);
    const missing = await run('db/override-cli.ts', ['akash-network/community#99', '--clear'], env());
    expect(missing).toMatchObject({ code: 1, stderr: 'override: no proposal akash-network/community#99 is stored (run a sync first, or check the number).' });
    const clear = await run('db/override-cli.ts', ['akash-network/community#1', '--clear'], env());
    expect(clear).toMatchObject({ code: 0, stdout: 'override: cleared for akash-network/community#1.' });
    expect((await statusOf()).status).toBe(derived.status);
  });

  test('each failure exits non-zero with one line that says how to fix it', async () => {
    const badToken = await run('sync/cli.ts', ['--once'], { ...env(), GITHUB_TOKEN: 'wrong' });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/^sync: akash-network\/community: GitHub rejected the token \(401 Bad credentials\): set GITHUB_TOKEN to a valid token/);
    expect(badToken.stderr.split('\n')).toHaveLength(1);

    await writeFile(join(dir, 'unknown.json'), JSON.stringify({ discussions: [{ owner: 'akash-network', repo: 'missing' }] }));
    const unknown = await run('sync/cli.ts', ['--once'], { ...env(), TRACKER_CONFIG: join(dir, 'unknown.json') });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'sync: akash-network/missing: GitHub has no repository akash-network/missing visible to this token: check "discussions" in the config (owner and repo spelling), and that the token can read it.',
    );

    const noToken = await run('sync/cli.ts', ['--once'], { ...env(), GITHUB_TOKEN: '' });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/^sync: GITHUB_TOKEN is not set, so GitHub Discussions are not being synced: create a token/);

    const notConfigured = await run('sync/cli.ts', ['--once', '--source', 'someone/else'], env());
    expect(notConfigured.code).toBe(1);
    expect(notConfigured.stderr).toBe('sync: someone/else is not a configured discussions source: use one of akash-network/community.');

    await writeFile(join(dir, 'broken.json'), JSON.stringify({ discussions: [{ owner: 'a b' }], syncIntervalMinutes: 'often' }));
    const badConfig = await run('sync/cli.ts', ['--once'], { ...env(), TRACKER_CONFIG: join(dir, 'broken.json') });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain('discussions[0].owner: must be a GitHub name');
    expect(badConfig.stderr).toContain('discussions[0].repo: expected string, but it is missing');
    expect(badConfig.stderr).toContain('syncIntervalMinutes: expected number, got "often"');

    const usage = await run('sync/cli.ts', [], env());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run sync -- --once');
  });

  test('an exhausted budget exits 75 with the time it resets', async () => {
    standIn.exhaustBudget(600);
    try {
      const out = await run('sync/cli.ts', ['--once', '--full'], env());
      expect(out.code).toBe(75);
      expect(out.stderr).toMatch(/^sync: akash-network\/community: GitHub rate limited until \d\d:\d\d UTC .*the next run resumes where this one stopped\.$/);
    } finally {
      standIn.resetBudget();
      await db.db.updateTable('sources').set({ rate_limited_until: null }).execute();
    }
  });
});

describe('the embedded database', () => {
  test('npm start works without a token, says so, and a second process on the same data directory is refused without damage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-start-'));
    const config = join(dir, 'tracker.config.json');
    await writeFile(config, JSON.stringify({ discussions: [{ owner: 'akash-network', repo: 'community' }] }));
    const dataDir = join(dir, 'data');
    const env = { TRACKER_CONFIG: config, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
    let server: ChildProcess | undefined;
    try {
      server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60_000);
        server!.stdout!.on('data', (d) => {
          log += d;
          const match = /serving on http:\/\/localhost:(\d+)/.exec(log);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
        server!.on('exit', () => reject(new Error(`server exited:\n${log}`)));
      });
      expect(log).toContain('GITHUB_TOKEN is not set, so GitHub Discussions are not being synced');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);

      const second = await run('db/migrate-cli.ts', [], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/^migrate: Another Proposal Tracker process \(pid \d+, started .*\) is using the embedded database in .*\. Stop that process first, or set DATABASE_URL/);
      expect(second.stderr.split('\n')).toHaveLength(1);

      // The first process still serves, and its database is intact after a clean stop.
      expect((await fetch(`http://127.0.0.1:${port}/api/sync/runs`)).status).toBe(200);
      const exited = new Promise((resolve) => server!.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      const handle = await openDatabase({ dataDir });
      try {
        const runs = await handle.db.selectFrom('kysely_migration' as never).selectAll().execute();
        expect(runs.length).toBeGreaterThan(0);
      } finally {
        await handle.close();
      }
    } finally {
      server?.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
