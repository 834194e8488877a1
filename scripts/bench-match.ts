/**
 * Benchmark for the meeting parser and the proposal matcher.
 *
 *   npx tsx scripts/bench-match.ts [--corpus DIR] [--proposals N]
 *
 * 1. The real corpus (default ../shared/corpus/akash-community, skipped with a message when absent) parsed and
 *    matched against N proposals (default 1,000: the dev proposals when found, plus generated ones with made-up names).
 * 2. A synthetic corpus generated here: 1,000 and then 5,000 meetings, to show how time grows with text size.
 * Prints files per second, matching time against parsing time, and time per MB for both synthetic sizes.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseMeeting } from '../sync/parse/parse-meeting.js';
import type { ParsedMeeting } from '../sync/parse/types.js';
import { buildProposalIndex } from '../sync/match/build-proposal-index.js';
import { matchMeeting } from '../sync/match/match-meeting.js';
import type { ProposalForMatching, ProposalIndex } from '../sync/match/types.js';
import { seededRandom } from '../lib/seeded-random.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(here, '../../shared/corpus/akash-community') },
    proposals: { type: 'string', default: '1000' },
  },
});
const proposalCount = Number(values.proposals);
if (!Number.isInteger(proposalCount) || proposalCount < 1) {
  process.stderr.write(`bench-match: --proposals must be a positive whole number, got "${values.proposals}"\n`);
  process.exit(2);
}

const rand = seededRandom(20240829);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const SYLLABLES = ['vor', 'lax', 'tre', 'mi', 'no', 'qua', 'zen', 'ari', 'bel', 'cor', 'dun', 'ely', 'fen', 'gor', 'hal', 'ix', 'jun', 'kel', 'lum', 'mor', 'nyx', 'orb', 'pel', 'rin', 'sol', 'tav', 'umb', 'vex', 'wyn', 'yar'];
const KINDS = ['Funding Proposal', 'Integration Proposal', 'Grant Request', 'Tooling Proposal', 'Research Proposal', 'Community Program'];
const WORDS = 'we the provider network deploy lease bid gpu cluster update release team working group meeting notes roadmap question answer budget docs website console chain upgrade testnet mainnet validator stake reward user tenant template image storage bandwidth latency region pricing design feedback issue fix merge review plan next week month quarter yes okay right think going want talk about share screen'.split(' ');
const PEOPLE = ['Ada Brook', 'Bo Carrow', 'Cyd Dunmore', 'Dev Ellis', 'Eun Faro', 'Fil Gantt', 'Gia Holt', 'Hal Ives', 'Ines Jory', 'Jon Kade'];

function madeUpName(): string {
  const n = 2 + Math.floor(rand() * 2);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

function generateProposals(base: ProposalForMatching[], total: number): ProposalForMatching[] {
  const out = [...base];
  let number = 2000;
  while (out.length < total) {
    const name = madeUpName();
    const second = rand() < 0.4 ? ` ${madeUpName()}` : '';
    out.push({
      number: number++,
      title: `${name}${second} ${pick(KINDS)}`,
      body: `## Summary\n\n${name}${second} wants to ${pick(WORDS)} ${pick(WORDS)} on Akash.\n\nProposed by ${pick(PEOPLE)} (${name}).`,
      onchain: rand() < 0.3 ? [300 + out.length] : undefined,
    });
  }
  return out;
}

function sentence(proposals: ProposalForMatching[]): string {
  const words: string[] = [];
  const n = 8 + Math.floor(rand() * 25);
  for (let i = 0; i < n; i++) words.push(pick(WORDS));
  const r = rand();
  const p = pick(proposals);
  if (r < 0.03) words.splice(3, 0, `https://github.com/orgs/akash-network/discussions/${p.number}`);
  else if (r < 0.08) words.splice(2, 0, p.title.split(' ')[0]!);
  else if (r < 0.09) words.splice(2, 0, `proposal ${p.onchain?.[0] ?? 12}`);
  return words.join(' ') + '.';
}

function generateMeeting(i: number, proposals: ProposalForMatching[]): { path: string; text: string } {
  const year = 2023 + (i % 4);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lines = [`# SIG Bench - Meeting #${i}`, '', '## Agenda', '', '- Updates', '- Proposals', '', '## Meeting Details', '', `- Date: ${iso}`, '- Time: 9:00 AM PT', '', '## Participants', ''];
  for (const p of PEOPLE.slice(0, 5)) lines.push(`- ${p}`);
  lines.push('', '## Notes', '');
  for (let s = 0; s < 8; s++) lines.push(`- ${sentence(proposals)}`);
  lines.push('', '## Action Items', '', `- ${pick(PEOPLE)} to ${pick(WORDS)} the ${pick(WORDS)}`, '', '# **Transcript**', '');
  const blocks = 3 + Math.floor(rand() * 6);
  for (let b = 0; b < blocks; b++) {
    lines.push(`### 00:${String(b * 5).padStart(2, '0')}:00`, '');
    for (let t = 0; t < 6; t++) lines.push(`${pick(PEOPLE)}: ${sentence(proposals)} ${sentence(proposals)}`, '');
  }
  return { path: `sig-bench/meetings/${String(i).padStart(4, '0')}-${iso}.md`, text: lines.join('\n') };
}

interface Timing {
  files: number;
  bytes: number;
  parseMs: number;
  matchMs: number;
  mentions: number;
}

function run(files: { path: string; text: string }[], index: ProposalIndex): Timing {
  const timing: Timing = { files: files.length, bytes: 0, parseMs: 0, matchMs: 0, mentions: 0 };
  for (const f of files) {
    timing.bytes += Buffer.byteLength(f.text);
    const t0 = performance.now();
    let meeting: ParsedMeeting;
    try {
      meeting = parseMeeting(f.path, f.text);
    } catch {
      continue;
    }
    const t1 = performance.now();
    timing.mentions += matchMeeting(meeting, index).length;
    timing.matchMs += performance.now() - t1;
    timing.parseMs += t1 - t0;
  }
  return timing;
}

function report(label: string, t: Timing): void {
  const total = t.parseMs + t.matchMs;
  const mb = t.bytes / 1_048_576;
  console.log(
    `${label}: ${t.files} files, ${mb.toFixed(2)} MB; parse ${t.parseMs.toFixed(0)} ms + match ${t.matchMs.toFixed(0)} ms = ${total.toFixed(0)} ms; ` +
      `${((t.files / total) * 1000).toFixed(0)} files/s; match/parse ${(t.matchMs / t.parseMs).toFixed(2)}; ${(total / mb).toFixed(0)} ms/MB; ${t.mentions} mentions`,
  );
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMarkdown(path);
    return name.toLowerCase().endsWith('.md') ? [path] : [];
  });
}

const devProposalsPath = resolve(values.corpus, '../dev-proposals.json');
const base: ProposalForMatching[] = existsSync(devProposalsPath) ? (JSON.parse(readFileSync(devProposalsPath, 'utf8')) as ProposalForMatching[]) : [];
const proposals = generateProposals(base.slice(0, proposalCount), proposalCount);
const b0 = performance.now();
const index = buildProposalIndex(proposals);
console.log(`index: ${proposals.length} proposals (${base.length ? `${Math.min(base.length, proposalCount)} dev + ` : ''}${proposals.length - Math.min(base.length, proposalCount)} generated) built in ${(performance.now() - b0).toFixed(0)} ms`);

if (existsSync(values.corpus) && statSync(values.corpus).isDirectory()) {
  const files = listMarkdown(values.corpus).map((path) => ({ path: relative(values.corpus, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
  run(files.slice(0, 20), index); // warm-up: JIT and caches
  report('real corpus', run(files, index));
} else {
  console.log(`real corpus: skipped, no directory at ${values.corpus} (pass --corpus DIR)`);
}

const synthetic = Array.from({ length: 5000 }, (_, i) => generateMeeting(i, proposals));
run(synthetic.slice(0, 50), index);
const small = run(synthetic.slice(0, 1000), index);
const large = run(synthetic, index);
report('synthetic 1,000', small);
report('synthetic 5,000', large);
const perMb = (t: Timing): number => (t.parseMs + t.matchMs) / (t.bytes / 1_048_576);
console.log(
  `growth 1,000 -> 5,000 meetings: text x${(large.bytes / small.bytes).toFixed(2)}, time x${((large.parseMs + large.matchMs) / (small.parseMs + small.matchMs)).toFixed(2)}, ` +
    `time per MB x${(perMb(large) / perMb(small)).toFixed(2)} (1.00 = linear in text size)`,
);
