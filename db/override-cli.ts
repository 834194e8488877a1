import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadSettings, loadTrackerConfig } from '../lib/config.js';
import { createLogger } from '../lib/logger.js';
import { migrateToLatest, openDatabase } from './database.js';
import { DataDirLockedError } from './dir-lock.js';
import { deleteStatusOverride, upsertStatusOverride } from './queries/analysis.js';
import { findProposal } from './queries/proposals.js';
import { runAnalysis } from '../sync/run-analysis.js';

const USAGE = [
  'usage: npm run override -- owner/repo#number STATUS "reason" --by NAME',
  '       npm run override -- owner/repo#number --clear',
  'STATUS: new, under_discussion, presented, awaiting_proposer, on_chain, passed, rejected, closed, withdrawn',
].join('\n');

const target = z
  .string()
  .regex(/^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)$/, 'must look like owner/repo#number')
  .transform((s) => {
    const [, owner = '', repo = '', number = '0'] = /^([^/]+)\/([^#]+)#(\d+)$/.exec(s)!;
    return { owner, repo, number: Number(number) };
  });
const status = z.enum(['new', 'under_discussion', 'presented', 'awaiting_proposer', 'on_chain', 'passed', 'rejected', 'closed', 'withdrawn']);

/** Sets or clears a proposal's manual status; kept apart from the analysis, which never erases it. */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { by: { type: 'string' }, clear: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [which, wanted, reason] = parsed.positionals;
  const where = target.safeParse(which ?? '');
  if (!where.success) {
    console.error(`override: the proposal ${where.error.issues[0]!.message} (got "${which ?? ''}")\n${USAGE}`);
    return 2;
  }
  const clear = parsed.values.clear ?? false;
  const newStatus = clear ? null : status.safeParse(wanted);
  if (!clear && (!newStatus?.success || !reason || !parsed.values.by)) {
    console.error(`override: give a status from the list, a reason in quotes and --by with your name\n${USAGE}`);
    return 2;
  }
  const settings = loadSettings();
  const log = createLogger(settings.logLevel === 'info' ? 'warn' : settings.logLevel);
  const config = await loadTrackerConfig(settings.configPath);
  const handle = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    await migrateToLatest(handle.db);
    const { owner, repo, number } = where.data;
    const proposal = await findProposal(handle.db, owner, repo, number);
    if (!proposal) {
      console.error(`override: no proposal ${owner}/${repo}#${number} is stored (run a sync first, or check the number).`);
      return 1;
    }
    if (clear) {
      const removed = await deleteStatusOverride(handle.db, proposal.summary.id);
      console.log(removed ? `override: cleared for ${owner}/${repo}#${number}.` : `override: ${owner}/${repo}#${number} had no override.`);
    } else {
      await upsertStatusOverride(handle.db, proposal.summary.id, { status: newStatus!.data!, reason: reason!, setBy: parsed.values.by! });
      console.log(`override: ${owner}/${repo}#${number} is now "${newStatus!.data}" (${reason}), set by ${parsed.values.by}.`);
    }
    await runAnalysis({ handle, committee: config.committee, log });
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : `override: ${(error as Error).message}`);
    process.exit(1);
  },
);
