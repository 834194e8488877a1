import { describe, expect, test } from '@jest/globals';
import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import type { CurrencyAmount, Question } from '../../sync/extract/types.js';
import { SCORED_PROPOSALS } from '../fixtures/analysis/scored-proposals.js';

interface Score {
  name: string;
  totalsExact: boolean;
  statesCorrect: number;
  statesExpected: number;
  misses: string[];
  extras: string[];
}

function sameTotals(a: readonly CurrencyAmount[], b: readonly CurrencyAmount[]): boolean {
  const key = (totals: readonly CurrencyAmount[]) => totals.map((t) => `${t.currency}:${t.amount}`).sort().join(',');
  return key(a) === key(b);
}

function score(): Score[] {
  return SCORED_PROPOSALS.map(({ name, input, totals, questions: expected }) => {
    const analysis = analyzeProposal(input, { now: '2025-01-01T00:00:00Z' });
    const matched = new Set<Question>();
    const misses: string[] = [];
    let statesCorrect = 0;
    for (const want of expected) {
      const found = analysis.questions.find((q) => q.text.toLowerCase().includes(want.fragment.toLowerCase()));
      if (found) matched.add(found);
      if (found && found.answered === want.answered) statesCorrect += 1;
      else misses.push(found ? `${want.fragment}: expected ${want.answered ? 'answered' : 'open'}` : `${want.fragment}: not found`);
    }
    const extras = analysis.questions.filter((q) => !matched.has(q)).map((q) => q.text);
    return { name, totalsExact: sameTotals(analysis.budget.totals, totals), statesCorrect, statesExpected: expected.length, misses, extras };
  });
}

describe('scored realistic proposals', () => {
  const scores = score();
  const exactTotals = scores.filter((s) => s.totalsExact).length;
  const correct = scores.reduce((sum, s) => sum + s.statesCorrect, 0);
  const expected = scores.reduce((sum, s) => sum + s.statesExpected, 0);
  const extras = scores.reduce((sum, s) => sum + s.extras.length, 0);

  test('report', () => {
    const lines = scores.map((s) => `${s.name}: totals ${s.totalsExact ? 'exact' : 'WRONG'}, questions ${s.statesCorrect}/${s.statesExpected}` +
      `${s.misses.length ? ` misses=[${s.misses.join('; ')}]` : ''}${s.extras.length ? ` extras=[${s.extras.join(' | ')}]` : ''}`);
    process.stdout.write(`\nexact totals ${exactTotals}/${scores.length}; question states ${correct}/${expected} (${((100 * correct) / expected).toFixed(1)}%); unexpected questions ${extras}\n${lines.join('\n')}\n`);
    expect(scores).toHaveLength(10);
  });

  test('every total is exact', () => {
    expect(scores.filter((s) => !s.totalsExact).map((s) => s.name)).toEqual([]);
  });

  test('at least 90% of question states are right', () => {
    expect(correct / expected).toBeGreaterThanOrEqual(0.9);
  });
});
