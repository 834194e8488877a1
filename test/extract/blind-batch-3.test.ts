import { describe, expect, test } from '@jest/globals';
import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import type { CurrencyAmount, Question } from '../../sync/extract/types.js';
import { BLIND_BATCH_3 } from '../fixtures/analysis/blind-batch-3.js';

/**
 * Blind batch 3, scored. The first run, before any rule was changed for it, gave exact totals 10/15,
 * question states 41/52 and non-asks ignored 0/7; the figures asserted below are those reached after
 * the general fixes (see sync/extract/README.md), so a regression fails here.
 */

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
  return BLIND_BATCH_3.map(({ name, input, totals, questions: expected, notAsks }) => {
    const analysis = analyzeProposal(input, { now: '2025-06-01T00:00:00Z' });
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

describe('blind batch 3 (written before the analysis was run on it)', () => {
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
    process.stdout.write(`\nblind batch 3: exact totals ${exactTotals}/${scores.length}; question states ${correct}/${expected}; ` +
      `non-asks ignored ${ignored}/${nonAsks}; unexpected questions ${extras}\n${lines.join('\n')}\n`);
    expect(scores).toHaveLength(15);
  });

  test('every total is exact (15/15)', () => {
    expect(scores.filter((s) => !s.totalsExact).map((s) => s.name)).toEqual([]);
  });

  test('every question state is right (52/52)', () => {
    expect(expected).toBe(52);
    expect(scores.flatMap((s) => s.misses.filter((miss) => !miss.startsWith('totals') && !miss.includes('not a question')).map((miss) => `${s.name}: ${miss}`))).toEqual([]);
    expect(correct).toBe(52);
  });

  test('no rhetorical question or question to someone else is reported (7/7)', () => {
    expect(nonAsks).toBe(7);
    expect(ignored).toBe(7);
  });

  test('no unexpected questions', () => {
    expect(scores.flatMap((s) => s.extras.map((text) => `${s.name}: ${text}`))).toEqual([]);
  });
});
