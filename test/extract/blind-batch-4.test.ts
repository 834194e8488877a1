import { describe, expect, test } from '@jest/globals';
import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import type { CurrencyAmount, Question } from '../../sync/extract/types.js';
import { BLIND_BATCH_4 } from '../fixtures/analysis/blind-batch-4.js';

/**
 * Blind batch 4, scored. The first run, before any rule was changed for it (ANALYSIS_VERSION 4),
 * gave exact totals 8/12, question states 51/64 (80%), non-asks ignored 6/8 and no unexpected
 * questions. That is our honest estimate on unseen text. After the general fixes of version 5 (see
 * sync/extract/README.md) it gives 12/12, 58/64 and 6/8; the misses left are listed below, so a
 * regression, and an improvement, both fail here and get looked at.
 */
const KNOWN_MISSES = [
  // Partial answer: the thread reply answers the speaker question and is silent on the credits.
  'workshops-non-native-dotted-thousands: AKT credit is distributed: expected open',
  // A comment question answered only in a meeting, with no name or quote to link them.
  'office-hours-akt-per-month-meeting-answers: provider SIG call already covers: expected answered',
  // Answered two comments later ("Forgot the platform split earlier: …") without naming the asker.
  'wallet-integration-milestone-percentages: Android vs iOS: expected answered',
  // "The numbers I'm still pulling …" defers the data question without sharing a word with it.
  'aep-parameter-change-no-ask: data on how many deployments: expected open',
  // Asked in the thread, answered in the meeting ("On my question from the thread …"): no link.
  'fellowship-rates-and-meeting-transcript: fellows be selected: expected answered',
  // Partial answer in a meeting: "Yes, it is me" answers the second of two questions in one turn.
  'fellowship-rates-and-meeting-transcript: ratio of technical to non-technical: expected open',
];
/** Rhetorical challenges other than the recognised forms are still reported (see the README). */
const KNOWN_NON_ASKS_REPORTED = [
  'terraform-akt-only-with-price-assumption: obvious next step: reported although not a question to the proposer',
  'aep-parameter-change-no-ask: even controversial: reported although not a question to the proposer',
];

interface Score {
  name: string;
  totalsExact: boolean;
  statesCorrect: number;
  statesExpected: number;
  nonAsksIgnored: number;
  nonAsks: number;
  misses: string[];
  extras: string[];
}

function sameTotals(a: readonly CurrencyAmount[], b: readonly CurrencyAmount[]): boolean {
  const key = (totals: readonly CurrencyAmount[]) => totals.map((t) => `${t.currency}:${t.amount}`).sort().join(',');
  return key(a) === key(b);
}

function score(): Score[] {
  return BLIND_BATCH_4.map(({ name, input, totals, questions: expected, notAsks }) => {
    const analysis = analyzeProposal(input, { now: '2026-01-01T00:00:00Z' });
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
      const reported = analysis.questions.find((q) => has(q, fragment));
      if (reported) misses.push(`${fragment}: reported although not a question to the proposer`);
      else nonAsksIgnored += 1;
    }
    const extras = analysis.questions.filter((q) => !matched.has(q) && !notAsks.some((fragment) => has(q, fragment))).map((q) => q.text);
    if (!sameTotals(analysis.budget.totals, totals)) {
      misses.push(`totals ${JSON.stringify(analysis.budget.totals)}, expected ${JSON.stringify(totals)}`);
    }
    return {
      name, totalsExact: sameTotals(analysis.budget.totals, totals), statesCorrect, statesExpected: expected.length,
      nonAsksIgnored, nonAsks: notAsks.length, misses, extras,
    };
  });
}

describe('blind batch 4 (written before the analysis was run on it)', () => {
  const scores = score();
  const exactTotals = scores.filter((s) => s.totalsExact).length;
  const correct = scores.reduce((sum, s) => sum + s.statesCorrect, 0);
  const expected = scores.reduce((sum, s) => sum + s.statesExpected, 0);
  const ignored = scores.reduce((sum, s) => sum + s.nonAsksIgnored, 0);
  const nonAsks = scores.reduce((sum, s) => sum + s.nonAsks, 0);
  const extras = scores.reduce((sum, s) => sum + s.extras.length, 0);

  test('report', () => {
    const lines = scores.map((s) => `${s.name}: totals ${s.totalsExact ? 'exact' : 'WRONG'}, questions ${s.statesCorrect}/${s.statesExpected}` +
      `${s.misses.length ? ` misses=[${s.misses.join('; ')}]` : ''}${s.extras.length ? ` extras=[${s.extras.join(' | ')}]` : ''}`);
    process.stdout.write(`\nblind batch 4: exact totals ${exactTotals}/${scores.length}; question states ${correct}/${expected}; ` +
      `non-asks ignored ${ignored}/${nonAsks}; unexpected questions ${extras}\n${lines.join('\n')}\n`);
    expect(scores).toHaveLength(12);
  });

  test('every total is exact (12/12; first run 8/12)', () => {
    expect(scores.filter((s) => !s.totalsExact).map((s) => s.name)).toEqual([]);
    expect(exactTotals).toBe(12);
  });

  test('question states 58/64 (first run 51/64), the misses left are the known ones', () => {
    expect(expected).toBe(64);
    expect(scores.flatMap((s) => s.misses.filter((miss) => !miss.startsWith('totals') && !miss.includes('not a question')).map((miss) => `${s.name}: ${miss}`))).toEqual(KNOWN_MISSES);
    expect(correct).toBe(58);
  });

  test('non-asks ignored 6/8 (first run 6/8)', () => {
    expect(nonAsks).toBe(8);
    expect(scores.flatMap((s) => s.misses.filter((miss) => miss.includes('not a question')).map((miss) => `${s.name}: ${miss}`))).toEqual(KNOWN_NON_ASKS_REPORTED);
    expect(ignored).toBe(6);
  });

  test('no unexpected questions', () => {
    expect(extras).toBe(0);
  });
});
