import { describe, expect, test } from '@jest/globals';
import { analyzeProposal, ANALYSIS_VERSION } from '../../sync/extract/analyze-proposal.js';
import { InvalidAnalysisInput } from '../../sync/extract/parse-analysis-input.js';
import type { AnalysisInput } from '../../sync/extract/types.js';
import { buildAnalysisInput, buildComment, buildProposal } from '../fixtures/analysis/build-analysis-input.js';
import { readBody } from './read-fixture.js';

describe('analyzeProposal', () => {
  test('returns a versioned, JSON-serialisable analysis', () => {
    const analysis = analyzeProposal(buildAnalysisInput({ proposal: buildProposal({ body: readBody('phase-table.md') }) }), { now: '2024-06-01T00:00:00Z' });
    expect(analysis.version).toBe(ANALYSIS_VERSION);
    expect(analysis.requested).toEqual([{ currency: 'USD', amount: 130000 }]);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
  });

  test('the same input and now give the same output', () => {
    const input = buildAnalysisInput({ comments: [buildComment('mkowal', 'What is the timeline?', '2024-03-02T00:00:00Z')] });
    expect(analyzeProposal(input, { now: '2024-06-01T00:00:00Z' })).toEqual(analyzeProposal(structuredClone(input), { now: '2024-06-01T00:00:00Z' }));
  });

  test('a null body or comment body is read as empty text', () => {
    const raw = JSON.parse(JSON.stringify(buildAnalysisInput())) as { proposal: { body: unknown } };
    raw.proposal.body = null;
    expect(analyzeProposal(raw as unknown as AnalysisInput, { now: '2024-06-01T00:00:00Z' }).budget.totals).toEqual([]);
  });

  test('malformed input is rejected with every problem listed', () => {
    const raw = JSON.parse(JSON.stringify(buildAnalysisInput())) as Record<string, unknown> & { proposal: Record<string, unknown> };
    raw.proposal.createdAt = 'last tuesday';
    raw.proposal.number = 'twelve';
    raw.meetings = [{ meetingId: 'm1', path: 'm1.md', title: 't', group: 'g', date: '28/03/2024', committee: [], passages: [], actionItems: [] }];
    let error: unknown;
    try {
      analyzeProposal(raw as unknown as AnalysisInput);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidAnalysisInput);
    const problems = (error as InvalidAnalysisInput).problems;
    expect(problems).toEqual(expect.arrayContaining([
      'proposal.createdAt: expected an ISO 8601 date',
      expect.stringMatching(/^proposal\.number: /u),
      'meetings.0.date: expected YYYY-MM-DD',
    ]));
  });

  test('a busy proposal (300 comments, 40 meetings) keeps every question', () => {
    const comments = Array.from({ length: 300 }, (_, index) =>
      buildComment(index % 3 === 0 ? 'lumen-dev' : `user-${index}`, `Point ${index}: how does this interact with provider ${index}? See https://x.example/?p=${index}`, new Date(Date.UTC(2024, 2, 1, 0, index)).toISOString()));
    const meetings = Array.from({ length: 40 }, (_, index) => ({
      meetingId: `m${index}`, path: `m${index}.md`, title: `Meeting ${index}`, group: index % 2 ? 'SIG Providers' : 'Steering Committee',
      date: `2024-0${(index % 9) + 1}-1${index % 10}`, committee: ['Marta Kowalczyk'], actionItems: [],
      passages: Array.from({ length: 20 }, (_, turn) => ({ kind: 'transcript' as const, heading: null, speaker: turn % 2 ? 'Priya Raman' : 'Marta Kowalczyk', timestamp: `00:${String(turn).padStart(2, '0')}:00`, text: 'Can you say more about the rollout plan for phase two?' })),
    }));
    const analysis = analyzeProposal(buildAnalysisInput({ comments, meetings }), { now: '2024-12-01T00:00:00Z' });
    expect(analysis.questions.length).toBeGreaterThan(500);
  });
});
