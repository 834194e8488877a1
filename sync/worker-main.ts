import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadSettings, loadTrackerConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { DataDirLockedError } from '../db/dir-lock.js';
import { startSyncWorker } from './worker.js';

/**
 * `npm run worker`: the scheduled sync alone (PostgreSQL deployments run it beside `npm run serve`).
 * Touches DATA_DIR/worker.heartbeat every minute so a container health check can tell it is alive.
 */
async function main(): Promise<void> {
  const settings = loadSettings();
  const log = createLogger(settings.logLevel);
  const config = await loadTrackerConfig(settings.configPath);
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  await migrateToLatest(handle.db);
  const worker = startSyncWorker({ handle, config, settings, log });
  mkdirSync(settings.dataDir, { recursive: true });
  const beat = () => writeFileSync(join(settings.dataDir, 'worker.heartbeat'), new Date().toISOString());
  beat();
  const heartbeat = setInterval(beat, 60_000);
  log.info({ intervalMinutes: config.syncIntervalMinutes, database: handle.engine }, 'sync worker started');
  const stop = async () => {
    clearInterval(heartbeat);
    await worker.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : `worker: ${(error as Error).message}`);
  process.exit(1);
});
