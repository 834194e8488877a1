import { describe, expect, test } from '@jest/globals';
import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import { findStatusPhrases } from '../../sync/extract/find-status-phrases.js';
import type { AnalysisInput } from '../../sync/extract/types.js';
import { buildAnalysisInput, buildComment, buildMeeting, buildProposal, turn } from '../fixtures/analysis/build-analysis-input.js';

const NOW = '2024-06-01T00:00:00Z';

function statusOf(overrides: Partial<AnalysisInput>): ReturnType<typeof analyzeProposal> {
  return analyzeProposal(buildAnalysisInput(overrides), { now: NOW });
}

const otherComment = buildComment('gpu-operator-77', 'Nice idea, we would run it on our cluster.', '2024-03-02T10:00:00Z');
const steering = buildMeeting({ date: '2024-03-28', group: 'Steering Committee', passages: [turn('Priya Raman', 'Here is the benchmarking proposal.', '00:10:00')] });

describe('status rules', () => {
  test('new: nobody else has commented and no meeting mentioned it', () => {
    const result = statusOf({ comments: [buildComment('lumen-dev', 'Adding the spreadsheet.', '2024-03-01T12:00:00Z')] });
    expect(result.status).toBe('new');
    expect(result.statusReason).toMatch(/no comments from others/u);
  });

  test('under_discussion: a comment by someone other than the proposer', () => {
    const result = statusOf({ comments: [otherComment] });
    expect(result.status).toBe('under_discussion');
    expect(result.statusEvidence[0]).toMatchObject({ status: 'under_discussion', ref: otherComment.url });
  });

  test('under_discussion: discussed in a SIG meeting only', () => {
    const sig = buildMeeting({ group: 'SIG Providers', date: '2024-03-10' });
    expect(statusOf({ meetings: [sig] }).status).toBe('under_discussion');
  });

  test('presented: mentioned in a Steering Committee meeting', () => {
    const result = statusOf({ comments: [otherComment], meetings: [steering] });
    expect(result.status).toBe('presented');
    expect(result.statusReason).toContain('2024-03-28');
  });

  test('awaiting_proposer: a committee question is open; answered, it falls back to presented', () => {
    const question = buildComment('mkowal', 'What is the cost per run on an H100?', '2024-04-02T10:00:00Z');
    const open = statusOf({ comments: [otherComment, question], meetings: [steering] });
    expect(open.status).toBe('awaiting_proposer');
    expect(open.statusReason).toContain('cost per run');
    const answered = buildComment('mkowal', 'What is the cost per run on an H100?', '2024-04-02T10:00:00Z', [
      buildComment('lumen-dev', 'About 2 AKT.', '2024-04-03T10:00:00Z'),
    ]);
    expect(statusOf({ comments: [otherComment, answered], meetings: [steering] }).status).toBe('presented');
  });

  test('a non-committee question does not make the proposal await the proposer', () => {
    expect(statusOf({ comments: [buildComment('curious-cat', 'Which license will the suite use?', '2024-04-02T10:00:00Z')] }).status).toBe('under_discussion');
  });

  test('on_chain: an explorer link in the body or "on-chain proposal #N" in the thread', () => {
    const body = '## Summary\nBenchmarks.\n\nVoting: https://www.mintscan.io/akash/proposals/231';
    const viaBody = statusOf({ proposal: buildProposal({ body }), comments: [otherComment] });
    expect(viaBody.status).toBe('on_chain');
    expect(viaBody.statusReason).toContain('#231');
    const viaComment = statusOf({ comments: [otherComment, buildComment('lumen-dev', 'This is now live for voting as proposal #231, please vote!', '2024-04-10T10:00:00Z')] });
    expect(viaComment.status).toBe('on_chain');
  });

  test('a bare "proposal #12" without on-chain context is not on-chain', () => {
    expect(statusOf({ comments: [buildComment('gpu-operator-77', 'This overlaps with proposal #12 from last year.', '2024-03-02T10:00:00Z')] }).status).toBe('under_discussion');
  });

  test('passed: stated in the thread, or a label', () => {
    const stated = statusOf({ comments: [otherComment, buildComment('mkowal', 'Congrats, the proposal passed on-chain with 98% yes.', '2024-04-20T10:00:00Z')] });
    expect(stated.status).toBe('passed');
    expect(stated.statusReason).toContain('passed on-chain');
    expect(statusOf({ proposal: buildProposal({ labels: ['Passed'] }) }).status).toBe('passed');
  });

  test('hedged outcomes ("if it passes", "has not passed") are not outcomes', () => {
    const hedged = buildComment('gpu-operator-77', 'If the proposal passed we would start in May. It has not passed yet.', '2024-03-02T10:00:00Z');
    expect(statusOf({ comments: [hedged] }).status).toBe('under_discussion');
    expect(findStatusPhrases('Once the proposal has passed we start.').passed).toBeNull();
  });

  test('rejected: stated in a meeting, or a label', () => {
    const meeting = buildMeeting({ date: '2024-05-02', passages: [turn('Tyler Brennan', 'Just to note, the Lumen proposal was rejected on-chain last week.')] });
    expect(statusOf({ meetings: [meeting] }).status).toBe('rejected');
    expect(statusOf({ proposal: buildProposal({ labels: ['rejected'] }) }).status).toBe('rejected');
  });

  test('closed: the discussion was closed without an outcome', () => {
    const result = statusOf({ proposal: buildProposal({ closed: true, closedAt: '2024-05-01T00:00:00Z', stateReason: 'RESOLVED' }), comments: [otherComment] });
    expect(result.status).toBe('closed');
    expect(result.statusReason).toContain('resolved');
  });

  test('withdrawn: closed as duplicate or outdated, or the proposer withdraws', () => {
    expect(statusOf({ proposal: buildProposal({ closed: true, closedAt: '2024-05-01T00:00:00Z', stateReason: 'DUPLICATE' }) }).status).toBe('withdrawn');
    expect(statusOf({ proposal: buildProposal({ closed: true, closedAt: '2024-05-01T00:00:00Z', stateReason: 'OUTDATED' }) }).status).toBe('withdrawn');
    const withdraw = buildComment('lumen-dev', 'After the feedback we are withdrawing this proposal and will resubmit a smaller one.', '2024-04-01T10:00:00Z');
    expect(statusOf({ comments: [otherComment, withdraw] }).status).toBe('withdrawn');
  });

  test('someone else asking the proposer to withdraw is not a withdrawal', () => {
    const demand = buildComment('angry-dev', 'Please withdraw this proposal, it duplicates existing work.', '2024-04-01T10:00:00Z');
    expect(statusOf({ comments: [demand] }).status).toBe('under_discussion');
  });

  test('passed outranks a later close', () => {
    const proposal = buildProposal({ labels: ['passed'], closed: true, closedAt: '2024-05-01T00:00:00Z', stateReason: 'RESOLVED' });
    expect(statusOf({ proposal }).status).toBe('passed');
  });

  test('a manual override always wins and says so', () => {
    const result = statusOf({
      comments: [otherComment], meetings: [steering],
      override: { status: 'rejected', reason: 'Vote failed on chain; bot missed it', by: 'tracker-admin', at: '2024-05-10T00:00:00Z' },
    });
    expect(result.status).toBe('rejected');
    expect(result.statusOverridden).toBe(true);
    expect(result.statusReason).toContain('Set manually by tracker-admin');
    expect(result.statusReason).toContain('presented');
    expect(result.statusEvidence[0]?.summary).toContain('Manual override');
    expect(result.stages[result.stages.length - 1]).toMatchObject({ status: 'rejected', from: '2024-05-10T00:00:00.000Z', to: null });
  });
});
