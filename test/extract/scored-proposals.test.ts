import { describe, expect, test } from '@jest/globals';
import { SCORED_PROPOSALS } from '../fixtures/analysis/scored-proposals.js';
import { describeBatch, scoreBatch } from './score-batch.js';

describe('scored realistic proposals', () => {
  const batch = scoreBatch(SCORED_PROPOSALS, '2025-01-01T00:00:00Z');

  test('report', () => {
    process.stdout.write(describeBatch('scored realistic proposals', batch));
    expect(batch.scores).toHaveLength(10);
  });

  test('every total is exact', () => {
    expect(batch.scores.filter((s) => !s.totalsExact).map((s) => s.name)).toEqual([]);
  });

  test('at least 90% of question states are right', () => {
    expect(batch.statesCorrect / batch.statesExpected).toBeGreaterThanOrEqual(0.9);
  });
});
