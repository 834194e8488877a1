import { describe, expect, test } from '@jest/globals';
import { BLIND_BATCH_4 } from '../fixtures/analysis/blind-batch-4.js';
import { describeBatch, reportedNonAsks, scoreBatch, stateMisses } from './score-batch.js';

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

describe('blind batch 4 (written before the analysis was run on it)', () => {
  const batch = scoreBatch(BLIND_BATCH_4, '2026-01-01T00:00:00Z');

  test('report', () => {
    process.stdout.write(describeBatch('blind batch 4', batch));
    expect(batch.scores).toHaveLength(12);
  });

  test('every total is exact (12/12; first run 8/12)', () => {
    expect(batch.scores.filter((s) => !s.totalsExact).map((s) => s.name)).toEqual([]);
    expect(batch.exactTotals).toBe(12);
  });

  test('question states 58/64 (first run 51/64), the misses left are the known ones', () => {
    expect(batch.statesExpected).toBe(64);
    expect(stateMisses(batch)).toEqual(KNOWN_MISSES);
    expect(batch.statesCorrect).toBe(58);
  });

  test('non-asks ignored 6/8 (first run 6/8)', () => {
    expect(batch.nonAsks).toBe(8);
    expect(reportedNonAsks(batch)).toEqual(KNOWN_NON_ASKS_REPORTED);
    expect(batch.nonAsksIgnored).toBe(6);
  });

  test('no unexpected questions', () => {
    expect(batch.extras).toBe(0);
  });
});
