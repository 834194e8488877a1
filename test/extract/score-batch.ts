import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import type { CurrencyAmount, Question } from '../../sync/extract/types.js';
import type { ScoredProposal } from '../fixtures/analysis/scored-proposals.js';

/** How the analysis did on one hand-scored proposal. */
export interface Score {
  name: string;
  totalsExact: boolean;
  statesCorrect: number;
  statesExpected: number;
  nonAsksIgnored: number;
  nonAsks: number;
  /** "fragment: expected open", "fragment: not found", "fragment: reported although not a question…", "totals …". */
  misses: string[];
  /** Questions found that the scorer did not expect. */
  extras: string[];
}

/** Figures over a whole batch. */
export interface BatchScore {
  scores: Score[];
  exactTotals: number;
  statesCorrect: number;
  statesExpected: number;
  nonAsksIgnored: number;
  nonAsks: number;
  extras: number;
}

const NOT_A_QUESTION = 'reported although not a question to the proposer';

function sameTotals(a: readonly CurrencyAmount[], b: readonly CurrencyAmount[]): boolean {
  const key = (totals: readonly CurrencyAmount[]) => totals.map((t) => `${t.currency}:${t.amount}`).sort().join(',');
  return key(a) === key(b);
}

function scoreOne({ name, input, totals, questions: expected }: ScoredProposal, notAsks: readonly string[], now: string): Score {
  const analysis = analyzeProposal(input, { now });
  const has = (question: Question, fragment: string) => question.text.toLowerCase().includes(fragment.toLowerCase());
  const matched = new Set<Question>();
  const misses: string[] = [];
  let statesCorrect = 0;
  for (const want of expected) {
    const found = analysis.questions.find((q) => has(q, want.fragment));
    if (found) matched.add(found);
    if (found && found.answered === want.answered) statesCorrect += 1;
    else misses.push(found ? `${want.fragment}: expected ${want.answered ? 'answered' : 'open'}` : `${want.fragment}: not found`);
  }
  let nonAsksIgnored = 0;
  for (const fragment of notAsks) {
    if (analysis.questions.some((q) => has(q, fragment))) misses.push(`${fragment}: ${NOT_A_QUESTION}`);
    else nonAsksIgnored += 1;
  }
  const extras = analysis.questions.filter((q) => !matched.has(q) && !notAsks.some((fragment) => has(q, fragment))).map((q) => q.text);
  const totalsExact = sameTotals(analysis.budget.totals, totals);
  if (!totalsExact) misses.push(`totals ${JSON.stringify(analysis.budget.totals)}, expected ${JSON.stringify(totals)}`);
  return { name, totalsExact, statesCorrect, statesExpected: expected.length, nonAsksIgnored, nonAsks: notAsks.length, misses, extras };
}

/** Runs the analysis on every proposal of a batch (at `now`) and scores totals, question states and non-questions. */
export function scoreBatch(batch: readonly (ScoredProposal & { notAsks?: readonly string[] })[], now: string): BatchScore {
  const scores = batch.map((proposal) => scoreOne(proposal, proposal.notAsks ?? [], now));
  const sum = (pick: (s: Score) => number) => scores.reduce((total, s) => total + pick(s), 0);
  return {
    scores,
    exactTotals: scores.filter((s) => s.totalsExact).length,
    statesCorrect: sum((s) => s.statesCorrect),
    statesExpected: sum((s) => s.statesExpected),
    nonAsksIgnored: sum((s) => s.nonAsksIgnored),
    nonAsks: sum((s) => s.nonAsks),
    extras: sum((s) => s.extras.length),
  };
}

/** The question-state misses, as "proposal: miss". */
export function stateMisses(batch: BatchScore): string[] {
  return batch.scores.flatMap((s) => s.misses.filter((miss) => !miss.startsWith('totals') && !miss.endsWith(NOT_A_QUESTION)).map((miss) => `${s.name}: ${miss}`));
}

/** The non-questions that were reported as questions, as "proposal: miss". */
export function reportedNonAsks(batch: BatchScore): string[] {
  return batch.scores.flatMap((s) => s.misses.filter((miss) => miss.endsWith(NOT_A_QUESTION)).map((miss) => `${s.name}: ${miss}`));
}

/** One line per proposal and a summary line, for the test log. */
export function describeBatch(label: string, batch: BatchScore): string {
  const lines = batch.scores.map((s) => `${s.name}: totals ${s.totalsExact ? 'exact' : 'WRONG'}, questions ${s.statesCorrect}/${s.statesExpected}` +
    `${s.misses.length ? ` misses=[${s.misses.join('; ')}]` : ''}${s.extras.length ? ` extras=[${s.extras.join(' | ')}]` : ''}`);
  const percent = batch.statesExpected ? ` (${((100 * batch.statesCorrect) / batch.statesExpected).toFixed(1)}%)` : '';
  return `\n${label}: exact totals ${batch.exactTotals}/${batch.scores.length}; question states ${batch.statesCorrect}/${batch.statesExpected}${percent}; ` +
    `non-asks ignored ${batch.nonAsksIgnored}/${batch.nonAsks}; unexpected questions ${batch.extras}\n${lines.join('\n')}\n`;
}
