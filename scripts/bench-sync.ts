/**
 * npm run bench:sync [-- --discussions 2000 --comments 15 --replies 2 --database-url postgres://…]
 * A synthetic repository in the GitHub stand-in; a full sync, then an unchanged incremental sync.
 * Prints requests, points, wall time and peak RSS, and the request ratio against a naive client
 * that lists discussions (N/100 pages) and then fetches each one's comments separately (N).
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateSyntheticStore } from '../test/fixtures/discussions/index.js';
import { startGitHubStandIn } from '../test/github-standin/index.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { silentLogger } from '../lib/logger.js';
import { createGitHubClient } from '../sync/github/client.js';
import { runDiscussionsSync } from '../sync/run-discussions-sync.js';

const { values } = parseArgs({
  options: {
    discussions: { type: 'string', default: '2000' },
    comments: { type: 'string', default: '15' },
    replies: { type: 'string', default: '2' },
    'database-url': { type: 'string' },
  },
});
const N = Number(values.discussions);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const built = performance.now();
const store = generateSyntheticStore({ discussions: N, commentsPerDiscussion: Number(values.comments), repliesPerComment: Number(values.replies), seed: 1 });
console.log(`generated ${N} discussions × ${values.comments} comments (+${values.replies} replies each) in ${(performance.now() - built).toFixed(0)} ms`);
const standIn = await startGitHubStandIn(store, { pointsPerHour: 1_000_000 });
const repo = [...store.listRepositories()][0]!;
const source = { owner: repo.owner, repo: repo.name };
const handle = await openDatabase(values['database-url'] ? { databaseUrl: values['database-url'] } : { dataDir: 'memory://' });
await migrateToLatest(handle.db);
// No pacing: the stand-in is local. Against GitHub the client waits 1 s between requests.
const client = createGitHubClient({ token: 'test-token', apiUrl: standIn.url, log: silentLogger, minRequestIntervalMs: 0 });

async function measure(label: string) {
  const sent = standIn.requests.length;
  const t0 = performance.now();
  const result = await runDiscussionsSync({ handle, client, source, log: silentLogger });
  const ms = performance.now() - t0;
  if (result.status !== 'ok') throw new Error(`${label} failed: ${result.error?.message}`);
  const requests = standIn.requests.slice(sent);
  return {
    label,
    mode: result.mode,
    requests: requests.length,
    points: requests.reduce((n, r) => n + r.cost, 0),
    seconds: ms / 1000,
    changed: result.changed,
    rss: process.memoryUsage().rss,
  };
}

const full = await measure('full sync');
const incremental = await measure('unchanged incremental');
const naive = 1 + Math.ceil(N / 100) + N;
const peak = process.resourceUsage().maxRSS * 1024;
await handle.close();
await standIn.close();

console.log(`\ndatabase: ${handle.engine}`);
console.log('| run | mode | requests | points | wall time | discussions changed | RSS after |');
console.log('|---|---|---|---|---|---|---|');
for (const r of [full, incremental]) {
  console.log(`| ${r.label} | ${r.mode} | ${r.requests} | ${r.points} | ${r.seconds.toFixed(2)} s | ${r.changed} | ${mb(r.rss)} |`);
}
console.log(`peak RSS of the whole process: ${mb(peak)}`);
console.log(`naive client (1 + N/100 + N): ${naive} requests; full sync uses ${full.requests} = ${(full.requests / naive * 100).toFixed(2)}% of that (ratio 1:${(naive / full.requests).toFixed(1)})`);
console.log(`target full ≤ N/20 = ${N / 20}: ${full.requests <= N / 20 ? 'met' : 'NOT met'}; unchanged incremental = 1 request: ${incremental.requests === 1 ? 'met' : 'NOT met'}`);
