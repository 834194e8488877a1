/**
 * npm run bench:web [-- --engine postgres|pglite --database-url postgres://… --duration 10 --connections 50]
 *
 * Seeds 5,000 proposals, 75,000 comments and 500 meetings (bulk inserts), serves the web app from a
 * child process, and measures with autocannon the queue, a proposal page and a search, each next to
 * the same bytes served from memory by a bare Express handler in the same process (the ceiling).
 * The app is measured twice: as `npm start` runs it (rendered pages kept until the data version
 * changes) and with that page cache off (every request queries and renders).
 * Prints requests per second, p50 and p99 latency, and the share of the ceiling.
 * Targets: p99 ≤ 100 ms and at least 40% of the ceiling's throughput.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import express from 'express';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/database.js';
import { silentLogger } from '../lib/logger.js';
import { createApp } from '../server/app.js';
import { seedBulk } from '../test/web/bulk-seed.js';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<CannonResult>;

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    proposals: { type: 'string', default: '5000' },
    comments: { type: 'string', default: '15' },
    meetings: { type: 'string', default: '500' },
    serve: { type: 'boolean', default: false },
  },
});

const PAGES = [
  { name: 'queue', path: '/' },
  { name: 'proposal page', path: '/proposals/bulk-dao/proposals/12345' },
  { name: 'search', path: '/search?q=validator%20incentive' },
];

/** The child: database, seed, the app on one port and the in-memory ceiling on another. */
async function serve(): Promise<void> {
  const t0 = performance.now();
  let handle: DatabaseHandle;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (values.engine === 'pglite') {
    handle = await openDatabase({ dataDir: 'memory://' });
  } else {
    const admin = values['database-url'] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `tracker_bench_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  await migrateToLatest(handle.db);
  await seedBulk(handle.db, { proposals: Number(values.proposals), commentsPerProposal: Number(values.comments), meetings: Number(values.meetings), mentionsPerMeeting: 4 });
  // What autovacuum would have done by the time anyone browses: statistics and the visibility map.
  await sql`vacuum analyze`.execute(handle.db);
  const seeded = performance.now() - t0;
  const counts = await handle.db
    .selectNoFrom((eb) => [
      eb.selectFrom('discussions').select(eb.fn.countAll<number>().as('n')).as('proposals'),
      eb.selectFrom('comments').select(eb.fn.countAll<number>().as('n')).as('comments'),
      eb.selectFrom('meetings').select(eb.fn.countAll<number>().as('n')).as('meetings'),
    ])
    .executeTakeFirstOrThrow();
  const config = { discussions: [], meetings: [], committee: [], syncIntervalMinutes: 15, fullSyncIntervalHours: 24 };
  const listen = async (pageCache: boolean) => {
    const server = createApp({ handle, config, log: silentLogger, pageCache }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    return { server, port: (server.address() as { port: number }).port };
  };
  const { server: appServer, port: appPort } = await listen(false);
  const { server: cachedServer, port: cachedPort } = await listen(true);

  const ceiling = express();
  const bodies = new Map<string, { type: string; body: Buffer }>();
  for (const page of PAGES) {
    const response = await fetch(`http://127.0.0.1:${appPort}${page.path}`, { headers: { accept: 'text/html' } });
    if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
    bodies.set(page.path, { type: response.headers.get('content-type') ?? 'text/html', body: Buffer.from(await response.arrayBuffer()) });
  }
  ceiling.get(/.*/, (req, res) => {
    const hit = bodies.get(req.originalUrl);
    if (!hit) return void res.status(404).end();
    res.type(hit.type).send(hit.body);
  });
  const ceilingServer = ceiling.listen(0, '127.0.0.1');
  await new Promise((resolve) => ceilingServer.once('listening', resolve));
  const ceilingPort = (ceilingServer.address() as { port: number }).port;
  process.send?.({ appPort, cachedPort, ceilingPort, seededMs: Math.round(seeded), counts, engine: handle.engine, sizes: Object.fromEntries([...bodies].map(([k, v]) => [k, v.body.length])) });
  process.on('message', async (message) => {
    if (message === 'stop') {
      appServer.close();
      cachedServer.close();
      ceilingServer.close();
      await handle.close();
      await dropDatabase?.();
      process.exit(0);
    }
  });
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: values['database-url'] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const engine = values.engine ?? ((await postgresReachable()) ? 'postgres' : 'pglite');
  const args = ['--serve', '--engine', engine, '--proposals', values.proposals!, '--comments', values.comments!, '--meetings', values.meetings!];
  if (values['database-url']) args.push('--database-url', values['database-url']);
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ appPort: number; cachedPort: number; ceilingPort: number; seededMs: number; counts: Record<string, number>; engine: string; sizes: Record<string, number> }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as never));
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)));
  });
  console.log(`engine ${ready.engine}: seeded ${ready.counts.proposals} proposals, ${ready.counts.comments} comments, ${ready.counts.meetings} meetings in ${(ready.seededMs / 1000).toFixed(1)} s`);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  console.log(`autocannon: ${connections} connections, ${duration} s per run, server in a child process\n`);
  const rows: string[][] = [];
  let allMet = true;
  for (const page of PAGES) {
    const measure = (port: number) => autocannon({ url: `http://127.0.0.1:${port}${page.path}`, connections, duration, headers: { accept: 'text/html' } });
    const ceiling = await measure(ready.ceilingPort);
    for (const [label, port] of [['as served (page cache)', ready.cachedPort], ['page cache off', ready.appPort]] as const) {
      await autocannon({ url: `http://127.0.0.1:${port}${page.path}`, connections, duration: 2, headers: { accept: 'text/html' } }); // warm-up
      const app = await measure(port);
      const share = app.requests.average / ceiling.requests.average;
      const met = app.latency.p99 <= 100 && share >= 0.4 && app.non2xx === 0 && app.errors === 0;
      if (port === ready.cachedPort) allMet &&= met;
      rows.push([
        page.name,
        label,
        `${(ready.sizes[page.path]! / 1024).toFixed(1)} KB`,
        app.requests.average.toFixed(0),
        `${app.latency.p50} ms`,
        `${app.latency.p99} ms`,
        ceiling.requests.average.toFixed(0),
        `${ceiling.latency.p99} ms`,
        `${(share * 100).toFixed(0)}%`,
        `${app.non2xx + app.errors}`,
        met ? 'yes' : 'NO',
      ]);
    }
  }
  const header = ['page', 'server', 'size', 'req/s', 'p50', 'p99', 'ceiling req/s', 'ceiling p99', 'of ceiling', 'errors', 'target met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`\ntargets (p99 ≤ 100 ms, ≥ 40% of the ceiling) for the server as npm start runs it: ${allMet ? 'met' : 'NOT met'}`);
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
}

if (values.serve) await serve();
else await main();
