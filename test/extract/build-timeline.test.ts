import { describe, expect, test } from '@jest/globals';
import { analyzeProposal } from '../../sync/extract/analyze-proposal.js';
import { buildAnalysisInput, buildComment, buildMeeting, buildProposal, buildReply, note, turn } from '../fixtures/analysis/build-analysis-input.js';

const v1 = '## Budget\n\n- Phase 1: $60,000\n- Phase 2: $60,000\n';
const v2 = '## Budget\n\n- Phase 1: $60,000\n- Phase 2: $40,000\n';
const question = buildComment('mkowal', 'Why is phase 2 as large as phase 1?', '2024-03-05T09:00:00Z', [
  buildReply('lumen-dev', 'Fair point, we trimmed phase 2 to $40k.', '2024-04-03T12:00:00Z'),
]);
const input = buildAnalysisInput({
  proposal: buildProposal({ body: v2, createdAt: '2024-03-01T10:00:00Z', updatedAt: '2024-04-20T10:00:00Z' }),
  edits: [
    { editedAt: '2024-03-01T10:00:00Z', editor: 'lumen-dev', body: v1 },
    { editedAt: '2024-04-03T11:00:00Z', editor: 'lumen-dev', body: v2 },
  ],
  comments: [
    buildComment('gpu-operator-77', 'Count us in as a test provider.', '2024-03-02T10:00:00Z'),
    question,
    buildComment('lumen-dev', 'Submitted on-chain as proposal #240, voting ends on the 17th.', '2024-04-10T10:00:00Z'),
    buildComment('tibanez', 'The proposal passed. Congrats, Lumen team!', '2024-04-20T10:00:00Z'),
  ],
  meetings: [buildMeeting({
    date: '2024-03-28', group: 'Steering Committee',
    passages: [note('- Priya Raman presented the benchmarking suite.'), turn('Desmond Achebe', 'Looks reasonable to me.', '00:40:00')],
    actionItems: [{ owner: 'Priya Raman', text: 'Lumen Labs to share the cost sheet.' }],
  })],
});
const analysis = analyzeProposal(input, { now: '2024-06-01T10:00:00Z' });

describe('timeline', () => {
  test('events are in time order, causes before the status changes they trigger', () => {
    const times = analysis.timeline.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(analysis.timeline[0]?.type).toBe('created');
    const types = analysis.timeline.map((event) => event.type);
    expect(types.indexOf('meeting_mention')).toBeLessThan(types.indexOf('action_item'));
    const passedAt = analysis.timeline.findIndex((event) => event.type === 'status_change' && event.summary.includes('passed'));
    expect(analysis.timeline[passedAt - 1]).toMatchObject({ type: 'committee_comment', at: '2024-04-20T10:00:00Z' });
  });

  test('an edit that changed the ask says from what to what', () => {
    const edit = analysis.timeline.find((event) => event.type === 'edited');
    expect(edit?.summary).toBe('Body edited by @lumen-dev; ask changed from USD 120,000 to USD 100,000');
    expect(analysis.budget.history.map((change) => change.totals[0]?.amount)).toEqual([120000, 100000]);
  });

  test('questions asked and answered appear with their refs', () => {
    expect(analysis.timeline.find((event) => event.type === 'question_asked')).toMatchObject({ at: '2024-03-05T09:00:00Z', ref: question.url });
    expect(analysis.timeline.find((event) => event.type === 'question_answered')).toMatchObject({ at: '2024-04-03T12:00:00Z', ref: question.replies[0]?.url });
  });

  test('every event has a one-line summary', () => {
    for (const event of analysis.timeline) expect(event.summary).toMatch(/^[^\n]{5,}$/u);
  });
});

describe('stages', () => {
  test('each status with when it started, ended and how many days it lasted', () => {
    expect(analysis.stages).toEqual([
      { status: 'new', from: '2024-03-01T10:00:00.000Z', to: '2024-03-02T10:00:00.000Z', days: 1 },
      { status: 'under_discussion', from: '2024-03-02T10:00:00.000Z', to: '2024-03-05T09:00:00.000Z', days: 3 },
      { status: 'awaiting_proposer', from: '2024-03-05T09:00:00.000Z', to: '2024-04-03T12:00:00.000Z', days: 29.1 },
      { status: 'presented', from: '2024-04-03T12:00:00.000Z', to: '2024-04-10T10:00:00.000Z', days: 6.9 },
      { status: 'on_chain', from: '2024-04-10T10:00:00.000Z', to: '2024-04-20T10:00:00.000Z', days: 10 },
      { status: 'passed', from: '2024-04-20T10:00:00.000Z', to: null, days: 42 },
    ]);
    expect(analysis.status).toBe('passed');
  });
});
