import { ConfigError, loadSettings, loadTrackerConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { DataDirLockedError } from '../db/dir-lock.js';
import { MISSING_TOKEN_MESSAGE } from '../sync/run-all-sources.js';
import { startSyncWorker, type SyncWorker } from '../sync/worker.js';
import { createApp } from './app.js';
import { hasDemoData, isEmptyDatabase, loadDemoData } from '../demo/load-demo.js';
import { DEMO_COMMITTEE } from '../demo/demo-proposals.js';

/** `npm start`: migrate, serve, and run the sync worker; `npm run serve` passes --no-worker. */
async function main(): Promise<void> {
  const withWorker = !process.argv.includes('--no-worker');
  const settings = loadSettings();
  const log = createLogger(settings.logLevel);
  const config = await loadTrackerConfig(settings.configPath);
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ applied }, 'database migrated');

  const notices: string[] = [];
  if (config.discussions.length && !settings.githubToken) {
    notices.push(MISSING_TOKEN_MESSAGE);
    log.warn(MISSING_TOKEN_MESSAGE);
  }
  // First run on an empty embedded database without a token: show the bundled demo instead of an empty page.
  if (!settings.databaseUrl && !settings.githubToken && (await isEmptyDatabase(handle.db))) {
    log.info('empty database and no GITHUB_TOKEN: loading the bundled demo data');
    await loadDemoData(handle, log);
  }
  const demo = await hasDemoData(handle.db);
  // The worker would sync the configured (real) sources into the demo and re-analyse it with another committee.
  const runWorker = withWorker && !(demo && !settings.githubToken);
  if (withWorker && !runWorker) log.warn('demo data is loaded and GITHUB_TOKEN is not set: the sync worker is not started');
  const app = createApp({ handle, config, log, notices, demo, pageCache: true, ...(demo ? { committeeNames: DEMO_COMMITTEE.map((m) => m.name) } : {}) });
  const server = app.listen(settings.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : settings.port;
    log.info({ port, database: handle.engine, worker: runWorker, demo }, `Proposal Tracker is serving on http://localhost:${port}`);
  });
  let worker: SyncWorker | undefined;
  if (runWorker) worker = startSyncWorker({ handle, config, settings, log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    server.close();
    await worker?.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error(`Proposal Tracker could not start: ${(error as Error).message}`);
  process.exit(1);
});
