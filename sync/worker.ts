import type { DatabaseHandle } from '../db/database.js';
import type { Settings, TrackerConfig } from '../lib/config.js';
import type { Logger } from '../lib/logger.js';
import { runAllSources } from './run-all-sources.js';

export interface SyncWorker {
  /** Resolves when the pass under way (if any) has finished. */
  stop(): Promise<void>;
}

/** Runs every source now and then every `syncIntervalMinutes`; passes never overlap. */
export function startSyncWorker(options: { handle: DatabaseHandle; config: TrackerConfig; settings: Settings; log: Logger }): SyncWorker {
  const { config, log } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const result = await runAllSources(options);
      if (result.skippedReason) log.warn(result.skippedReason);
    } catch (error) {
      log.error({ err: error }, 'sync pass failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = pass().finally(schedule);
    }, config.syncIntervalMinutes * 60_000);
    timer.unref();
  };
  current = pass().finally(schedule);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
