/**
 * Prints the stand-in's own figures: synthetic store build time, and the time to answer the §3.4 sync
 * query page by page over HTTP. Run: npx tsx test/github-standin/bench-standin.ts
 */
import { generateSyntheticStore } from '../fixtures/discussions/index.js';
import { startGitHubStandIn } from './index.js';
import { postGraphQL, SYNC_QUERY } from './post-graphql.js';

type Page = { repository: { discussions: { pageInfo: { hasNextPage: boolean; endCursor: string } } } };

const buildStart = performance.now();
const store = generateSyntheticStore({ discussions: 2000, commentsPerDiscussion: 15, repliesPerComment: 2, seed: 1 });
const buildMs = performance.now() - buildStart;

const standIn = await startGitHubStandIn(store, { pointsPerHour: 100_000 });
await postGraphQL(standIn.url, '{ viewer { login } }'); // builds the schema once
const pageTimes: number[] = [];
let cursor: string | null = null;
do {
  const started = performance.now();
  const reply: Awaited<ReturnType<typeof postGraphQL<Page>>> = await postGraphQL<Page>(standIn.url, SYNC_QUERY, { owner: 'akash-network', name: 'community', cursor });
  pageTimes.push(performance.now() - started);
  const info = reply.body.data?.repository.discussions.pageInfo;
  if (!info) throw new Error(JSON.stringify(reply.body.errors));
  cursor = info.hasNextPage ? info.endCursor : null;
} while (cursor);
await standIn.close();

const sorted = [...pageTimes].sort((a, b) => a - b);
const total = pageTimes.reduce((a, b) => a + b, 0);
console.log(`synthetic store 2,000 x 15 comments x 2 replies: built in ${buildMs.toFixed(0)} ms`);
console.log(`sync query pages: ${pageTimes.length}, total ${total.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms per 50-discussion page`);
