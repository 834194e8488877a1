/**
 * A sync in its own process, so a test can kill it with SIGKILL at any moment.
 * Env: DATABASE_URL or DATA_DIR, GITHUB_API_URL (the stand-in), SYNC_PAGE_SIZE.
 */
import { migrateToLatest, openDatabase } from '../../db/database.js';
import { silentLogger } from '../../lib/logger.js';
import { createGitHubClient } from '../../sync/github/client.js';
import { runDiscussionsSync } from '../../sync/run-discussions-sync.js';

const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? 'memory://' });
await migrateToLatest(handle.db);
const client = createGitHubClient({ token: 'test-token', apiUrl: process.env.GITHUB_API_URL!, log: silentLogger, minRequestIntervalMs: 0, retryBaseMs: 4 });
const size = Number(process.env.SYNC_PAGE_SIZE ?? 2);
const result = await runDiscussionsSync({
  handle,
  client,
  source: { owner: 'akash-network', repo: 'community' },
  log: silentLogger,
  pageSizes: { discussions: size, comments: 20, replies: 10, edits: 5 },
});
await handle.close();
process.stdout.write(JSON.stringify({ status: result.status, error: result.error?.message ?? null }));
process.exit(result.status === 'ok' ? 0 : 1);
