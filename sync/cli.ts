import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadSettings, loadTrackerConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { runAllSources } from './run-all-sources.js';
import type { SyncProgress } from './run-discussions-sync.js';

const USAGE = 'usage: npm run sync -- --once [--source owner/repo] [--full]';
/** Exit codes: 0 done, 1 something to fix (message says what), 2 bad usage, 75 rate limited (try later). */
const EXIT_RATE_LIMITED = 75;

function progressReporter(log: ReturnType<typeof createLogger>) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{source} [{bar}] {value}/{total} discussions | {requests} requests | {cost} points', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p: SyncProgress) {
        const payload = { source: p.source, requests: p.requests, cost: p.cost };
        if (!started) {
          bar.start(p.total ?? p.done, p.done, payload);
          started = true;
        }
        if (p.total !== null) bar.setTotal(p.total);
        bar.update(p.done, payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p: SyncProgress) {
      if (p.done - last >= 50 || p.done === p.total) {
        last = p.done;
        log.info(p, 'sync progress');
      }
    },
    stop() {},
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { once: { type: 'boolean' }, source: { type: 'string' }, full: { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.once) {
    console.error(`sync: pass --once for one pass (the scheduled worker runs inside "npm start").\n${USAGE}`);
    return 2;
  }
  const settings = loadSettings();
  const log = createLogger(settings.logLevel);
  const config = await loadTrackerConfig(settings.configPath);
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  const progress = progressReporter(log);
  try {
    await migrateToLatest(handle.db);
    const result = await runAllSources({
      handle,
      config,
      settings,
      log,
      ...(args.source ? { only: args.source } : {}),
      full: args.full ?? false,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    let code = 0;
    if (result.skippedReason) {
      console.error(`sync: ${result.skippedReason}`);
      code = 1;
    }
    for (const r of result.discussions) {
      if (r.status === 'ok') {
        console.log(`sync: ${r.source}: ${r.mode} sync done, ${r.changed} discussion(s) changed, ${r.removed} removed, ${r.requests} request(s), ${r.cost} point(s).`);
      } else if (r.status === 'rate_limited') {
        console.error(`sync: ${r.source}: GitHub ${r.error?.message}`);
        code = Math.max(code, EXIT_RATE_LIMITED);
      } else {
        console.error(`sync: ${r.source}: ${r.error?.message}`);
        code = Math.max(code, 1);
      }
    }
    for (const m of result.meetings) {
      if (m.status === 'ok') {
        const failed = m.failed.length ? `, ${m.failed.length} could not be parsed (first: ${m.failed[0]!.path}: ${m.failed[0]!.error})` : '';
        console.log(`sync: ${m.source}: meetings at ${m.commit?.slice(0, 12) ?? 'folder'}: ${m.files} file(s), ${m.changed} re-parsed, ${m.removed} removed${failed}.`);
      } else {
        console.error(`sync: ${m.source}: ${m.error?.message}`);
        code = Math.max(code, 1);
      }
    }
    if (result.matching && config.meetings.length) {
      const mt = result.matching;
      console.log(`sync: matching: ${mt.meetingsMatched} meeting(s) matched against ${mt.proposals} proposal(s), ${mt.mentions} mention(s) stored, ${mt.durationMs} ms.`);
    }
    const an = result.analysis;
    console.log(`sync: analysis: ${an.analysed} of ${an.checked} proposal(s) re-analysed${an.failed.length ? `, ${an.failed.length} failed (see the log)` : ''}, ${an.ms} ms.`);
    if (!config.discussions.length && !config.meetings.length) console.log('sync: no sources are configured.');
    return code;
  } finally {
    progress.stop();
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `sync: ${(error as Error).message}`);
    process.exit(1);
  },
);
