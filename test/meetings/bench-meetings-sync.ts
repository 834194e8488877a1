/**
 * Times the meetings sync and the incremental matching against a real database.
 *
 *   npx tsx test/meetings/bench-meetings-sync.ts --meetings DIR [--proposals FILE] [--count 1000] [--engine pglite|postgres]
 *
 * DIR is copied to a temporary plain folder (so it can be changed), proposals from FILE (CONTRACT's proposals
 * format) are stored as discussions and topped up with generated ones to --count. Prints: the first sync (every
 * file parsed and stored), an unchanged sync, the first matching pass, an unchanged matching pass, one changed file
 * (sync + matching), and one changed proposal (which re-matches every meeting, the rule in sync/run-matching.ts).
 * With --engine postgres, TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is used to create
 * a scratch database.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../lib/logger.js';
import { runMeetingsSync } from '../../sync/run-meetings-sync.js';
import { runMatching } from '../../sync/run-matching.js';
import { openTestDatabase, type Engine } from '../helpers/engines.js';
import { seedProposals, type SeedProposal } from './seed-proposals.js';

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: process.env.MEETINGS_DIR },
    proposals: { type: 'string' },
    count: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'pglite' },
  },
});
if (!values.meetings) {
  process.stderr.write('usage: bench-meetings-sync --meetings DIR [--proposals FILE] [--count N] [--engine pglite|postgres]\n');
  process.exit(2);
}
const engine = values.engine as Engine;
if (engine !== 'pglite' && engine !== 'postgres') {
  process.stderr.write(`--engine must be pglite or postgres, got "${values.engine}"\n`);
  process.exit(2);
}

const SYLLABLES = ['ka', 'lo', 'vre', 'tan', 'mi', 'sor', 'qu', 'bel', 'dra', 'nix', 'po', 'ul', 'zen', 'fa', 'rho', 'ter'];
const TOPICS = ['Indexer', 'Bridge', 'Dashboard', 'Wallet', 'Grant', 'Hackathon', 'Docs Sprint', 'GPU Pool', 'Relay', 'Oracle'];

/** Deterministic made-up proposals: invented product names, so they cannot collide with real ones. */
function generatedProposals(count: number, firstNumber: number): SeedProposal[] {
  const out: SeedProposal[] = [];
  for (let i = 0; i < count; i++) {
    const name = [0, 1, 2].map((k) => SYLLABLES[(i * 7 + k * 5 + (i >> (k + 2))) % SYLLABLES.length]).join('');
    const product = name.charAt(0).toUpperCase() + name.slice(1) + (i % 13);
    const topic = TOPICS[i % TOPICS.length]!;
    out.push({
      number: firstNumber + i,
      title: `${product} ${topic} Proposal`,
      body: `## Summary\n\nThe ${product} team asks for funding to build a ${topic.toLowerCase()} for Akash providers.\n\nProposed by Someone (${product}).`,
      createdAt: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString(),
    });
  }
  return out;
}

async function timed<T>(label: string, run: () => Promise<T>, describe: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await run();
  console.log(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(6)} ms   ${describe(value)}`);
  return value;
}

const folder = await mkdtemp(join(tmpdir(), 'bench-meetings-'));
const handle = await openTestDatabase(engine);
try {
  await cp(values.meetings, folder, { recursive: true });
  const given: SeedProposal[] = values.proposals
    ? (JSON.parse(await readFile(values.proposals, 'utf8')) as { number: number; title: string; body?: string }[]).map((p) => ({
        number: p.number,
        title: p.title,
        body: p.body ?? '',
        createdAt: '2023-01-01T00:00:00Z',
      }))
    : [];
  const count = Math.max(Number(values.count), given.length);
  const proposals = [...given, ...generatedProposals(count - given.length, 100_000)];
  await seedProposals(handle, proposals);
  console.log(`engine ${engine}; ${proposals.length} proposals stored`);

  const source = { repo: folder, include: ['**/*.md'] };
  const dataDir = join(folder, '.data');
  const sync = () => runMeetingsSync({ handle, source, dataDir, log: silentLogger });
  const match = () => runMatching({ handle, log: silentLogger });
  const syncText = (r: Awaited<ReturnType<typeof sync>>) => `${r.files} files, ${r.changed} re-parsed, ${r.failed.length} failed`;
  const matchText = (r: Awaited<ReturnType<typeof match>>) => `${r.meetingsMatched} meetings matched, ${r.mentions} mentions`;

  const first = await timed('first sync (parse + store every file)', sync, syncText);
  await timed('unchanged sync', sync, syncText);
  await timed('first matching pass', match, matchText);
  await timed('unchanged matching pass', match, matchText);

  const changed = first.files > 0 ? (await handle.db.selectFrom('meetings').select('path').where('parse_error', 'is', null).orderBy('id').executeTakeFirst())?.path : undefined;
  if (changed) {
    const file = join(folder, ...changed.split('/'));
    await writeFile(file, (await readFile(file, 'utf8')) + '\n- One more note.\n');
    await timed('one changed file: sync', sync, syncText);
    await timed('one changed file: matching', match, matchText);
  }
  await handle.db.updateTable('discussions').set({ title: `${proposals[0]!.title} (revised)` }).where('number', '=', proposals[0]!.number).execute();
  await timed('one changed proposal: matching (all meetings)', match, matchText);
} finally {
  await handle.close();
  await rm(folder, { recursive: true, force: true });
}
