/**
 * Scores the meeting matcher against hand labels (formats in CONTRACT.md, "Evaluation file formats").
 *
 *   npx tsx scripts/eval-match.ts --meetings DIR --proposals FILE --labels FILE [--json] [--year YYYY]
 *
 * Scoring: a (file, proposal) pair counts once, however often it is mentioned; only labelled files are scored.
 * Labels whose kinds are all `context_only` are left out of recall, and matching them is not a false positive.
 * Labels with relation `initiative` (the program a proposal funded, e.g. a running Zealy sprint) count like
 * `proposal` labels: finding them is a true positive, missing them a false negative. The text report also gives
 * recall over `proposal` labels alone. `--year` scores only labelled files of meetings held in that year (for
 * checking rules tuned on one year against another).
 *
 * Matching runs twice: the first pass finds the earliest meeting linking each discussion, which dates proposals
 * that carry no createdAt (see buildProposalIndex); the second pass is scored.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseMeeting } from '../sync/parse/parse-meeting.js';
import type { ParsedMeeting } from '../sync/parse/types.js';
import { buildProposalIndex } from '../sync/match/build-proposal-index.js';
import { matchMeeting } from '../sync/match/match-meeting.js';
import type { Mention } from '../sync/match/types.js';

const ProposalsFile = z.array(
  z.object({
    number: z.number().int().positive(),
    title: z.string(),
    aep: z.array(z.number().int()).optional(),
    onchain: z.array(z.number().int()).optional(),
    body: z.string().optional(),
    owner: z.string().optional(),
    repo: z.string().optional(),
    createdAt: z.string().optional(),
    url: z.string().optional(),
  }),
);
const LabelKind = z.enum(['link', 'aep', 'onchain', 'name', 'fuzzy_name', 'context_only']);
const LabelsFile = z.object({
  files: z.array(z.string()),
  mentions: z.array(
    z.object({
      file: z.string(),
      proposal: z.number().int(),
      kinds: z.array(LabelKind).min(1),
      relation: z.enum(['proposal', 'initiative']).default('proposal'),
    }),
  ),
});

function fail(message: string): never {
  process.stderr.write(`eval-match: ${message}\n`);
  process.exit(2);
}

function readJson<T>(path: string, schema: z.ZodType<T>, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read the ${what} file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`the ${what} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    fail(`the ${what} file ${path} does not have the expected shape (see CONTRACT.md):\n${problems.join('\n')}`);
  }
  return parsed.data;
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.toLowerCase().endsWith('.md')) out.push(path);
    }
  };
  walk(dir);
  return out;
}

const { values } = parseArgs({
  options: {
    meetings: { type: 'string' },
    proposals: { type: 'string' },
    labels: { type: 'string' },
    json: { type: 'boolean', default: false },
    year: { type: 'string' },
  },
});
if (!values.meetings || !values.proposals || !values.labels) {
  fail('usage: eval-match --meetings DIR --proposals FILE --labels FILE [--json] [--year YYYY]');
}
let meetingsDirOk = false;
try {
  meetingsDirOk = statSync(values.meetings).isDirectory();
} catch {
  meetingsDirOk = false;
}
if (!meetingsDirOk) fail(`the meetings directory ${values.meetings} does not exist or is not a directory`);
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) fail(`--year must be a four-digit year, got "${values.year}"`);

const proposals = readJson(values.proposals, ProposalsFile, 'proposals');
const labels = readJson(values.labels, LabelsFile, 'labels');

const meetings: ParsedMeeting[] = [];
const parseErrors: string[] = [];
for (const path of listMarkdown(values.meetings)) {
  const rel = relative(values.meetings, path).split(sep).join('/');
  try {
    meetings.push(parseMeeting(rel, readFileSync(path, 'utf8')));
  } catch (error) {
    parseErrors.push((error as Error).message);
  }
}
const missing = labels.files.filter((f) => !meetings.some((m) => m.path === f));
if (missing.length > 0 && !values.json) process.stderr.write(`warning: ${missing.length} labelled files not found or not parsed, e.g. ${missing[0]}\n`);

const firstPass = buildProposalIndex(proposals);
const firstLinkedAt: Record<number, string> = {};
for (const meeting of meetings) {
  for (const mention of matchMeeting(meeting, firstPass)) {
    if (mention.kind !== 'link') continue;
    const seen = firstLinkedAt[mention.proposalNumber];
    if (!seen || meeting.date < seen) firstLinkedAt[mention.proposalNumber] = meeting.date;
  }
}
const index = buildProposalIndex(proposals, { firstLinkedAt });

const dateOf = new Map(meetings.map((m) => [m.path, m.date]));
const scored = new Set(labels.files.filter((f) => values.year === undefined || dateOf.get(f)?.startsWith(values.year)));
const predicted = new Map<string, Mention>();
for (const meeting of meetings) {
  if (!scored.has(meeting.path)) continue;
  for (const mention of matchMeeting(meeting, index)) {
    const key = `${meeting.path}\u0000${mention.proposalNumber}`;
    const best = predicted.get(key);
    if (!best || mention.confidence > best.confidence) predicted.set(key, mention);
  }
}

type Label = (typeof labels.mentions)[number];
const gold = new Map<string, Label>();
for (const label of labels.mentions) {
  if (!scored.has(label.file)) continue;
  const key = `${label.file}\u0000${label.proposal}`;
  const existing = gold.get(key);
  if (existing) {
    existing.kinds = [...new Set([...existing.kinds, ...label.kinds])];
    if (label.relation === 'proposal') existing.relation = 'proposal';
  } else gold.set(key, { ...label, kinds: [...label.kinds] });
}
const countsForRecall = (l: Label): boolean => l.kinds.some((k) => k !== 'context_only');

let tp = 0;
const falsePositives: { file: string; proposal: number; excerpt: string }[] = [];
const fpDetail = new Map<object, string>();
for (const [key, mention] of predicted) {
  const [file] = key.split('\u0000') as [string];
  if (gold.has(key)) {
    if (countsForRecall(gold.get(key)!)) tp++;
  } else {
    const fp = { file, proposal: mention.proposalNumber, excerpt: mention.excerpt };
    fpDetail.set(fp, `${mention.kind} "${mention.matchedText}"`);
    falsePositives.push(fp);
  }
}
const falseNegatives: { file: string; proposal: number }[] = [];
const byKind: Record<string, { tp: number; fn: number; recall: number }> = {};
const byRelation: Record<string, { tp: number; fn: number }> = {};
for (const [key, label] of gold) {
  if (!countsForRecall(label)) continue;
  const hit = predicted.has(key);
  if (!hit) falseNegatives.push({ file: label.file, proposal: label.proposal });
  for (const kind of label.kinds) {
    if (kind === 'context_only') continue;
    const k = (byKind[kind] ??= { tp: 0, fn: 0, recall: 0 });
    if (hit) k.tp++;
    else k.fn++;
  }
  const r = (byRelation[label.relation] ??= { tp: 0, fn: 0 });
  if (hit) r.tp++;
  else r.fn++;
}
for (const k of Object.values(byKind)) k.recall = k.tp + k.fn === 0 ? 0 : k.tp / (k.tp + k.fn);
const precision = tp + falsePositives.length === 0 ? 0 : tp / (tp + falsePositives.length);
const recall = tp + falseNegatives.length === 0 ? 0 : tp / (tp + falseNegatives.length);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const order = (a: { file: string; proposal: number }, b: { file: string; proposal: number }): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.proposal - b.proposal;
falsePositives.sort(order);
falseNegatives.sort(order);

if (values.json) {
  process.stdout.write(`${JSON.stringify({ precision, recall, f1, byKind, falsePositives, falseNegatives }, null, 2)}\n`);
} else {
  const pct = (x: number): string => x.toFixed(3);
  const lines = [
    `meetings parsed: ${meetings.length}${parseErrors.length ? `, failed: ${parseErrors.length}` : ''}; proposals: ${proposals.length}; labelled files scored: ${scored.size}${values.year ? ` (year ${values.year})` : ''}`,
    `precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}   (tp ${tp}, fp ${falsePositives.length}, fn ${falseNegatives.length})`,
    'recall by labelled kind:',
    ...Object.entries(byKind).map(([k, v]) => `  ${k.padEnd(11)} ${pct(v.recall)}  (tp ${v.tp}, fn ${v.fn})`),
    'recall by relation:',
    ...Object.entries(byRelation).map(([k, v]) => `  ${k.padEnd(11)} ${pct(v.tp / Math.max(1, v.tp + v.fn))}  (tp ${v.tp}, fn ${v.fn})`),
    `false positives (${falsePositives.length}):`,
    ...falsePositives.map((f) => `  ${f.file}  #${f.proposal}  [${fpDetail.get(f) ?? ''}]  ${f.excerpt}`),
    `false negatives (${falseNegatives.length}):`,
    ...falseNegatives.map((f) => `  ${f.file}  #${f.proposal}`),
    ...parseErrors.map((e) => `parse error: ${e}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
