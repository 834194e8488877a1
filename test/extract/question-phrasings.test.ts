import { describe, expect, test } from '@jest/globals';
import { extractCommitteeRoster } from '../../sync/extract/extract-committee-roster.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { extractQuestions } from '../../sync/extract/extract-questions.js';
import { buildProposal, COMMITTEE } from '../fixtures/analysis/build-analysis-input.js';
import { QUESTION_PHRASINGS, type QuestionPhrasing } from '../fixtures/analysis/question-phrasings.js';

const identity = extractProposerIdentity(buildProposal({ body: '## Summary\n\nA provider benchmark.' }));
const roster = extractCommitteeRoster(COMMITTEE, []);

interface Outcome {
  phrasing: QuestionPhrasing;
  /** One entry per expected question: right state, wrong state or missing. */
  states: ('right' | 'wrong' | 'missing')[];
  extras: string[];
}

function run(phrasing: QuestionPhrasing): Outcome {
  const questions = extractQuestions(phrasing.comments, [], identity, roster);
  const unmatched = [...questions];
  const states = phrasing.expected.map((want) => {
    const index = unmatched.findIndex((q) => q.text.toLowerCase().includes(want.fragment.toLowerCase()));
    const found = unmatched[index];
    if (!found) return 'missing';
    unmatched.splice(index, 1);
    return found.answered === want.answered ? 'right' : 'wrong';
  });
  return { phrasing, states, extras: unmatched.map((q) => q.text) };
}

describe('question phrasings (hand-written expectations)', () => {
  const outcomes = QUESTION_PHRASINGS.map(run);

  test('report', () => {
    const exact = (o: Outcome) => o.states.every((s) => s === 'right') && o.extras.length === 0;
    const cases = outcomes.filter(exact).length;
    const expected = outcomes.reduce((sum, o) => sum + o.states.length, 0);
    const right = outcomes.reduce((sum, o) => sum + o.states.filter((s) => s === 'right').length, 0);
    const extras = outcomes.reduce((sum, o) => sum + o.extras.length, 0);
    const rate = (batch: number) => {
      const inBatch = outcomes.filter((o) => (o.phrasing.batch ?? 1) === batch);
      const states = inBatch.flatMap((o) => o.states);
      return `${inBatch.filter(exact).length}/${inBatch.length} cases, states ${states.filter((s) => s === 'right').length}/${states.length}`;
    };
    const misses = outcomes.filter((o) => o.states.some((s) => s !== 'right') || o.extras.length > 0)
      .map((o) => `  [${o.phrasing.family}] ${o.phrasing.name}: ${o.states.join(',')}${o.extras.length ? ` extras=${JSON.stringify(o.extras)}` : ''}`);
    process.stdout.write(`\nquestion phrasings: ${cases}/${outcomes.length} cases exact; states ${right}/${expected}; unexpected questions ${extras} (batch 1 ${rate(1)}; batch 2 ${rate(2)})\n${misses.join('\n')}\n`);
    expect(outcomes.length).toBeGreaterThanOrEqual(30);
  });

  for (const [index, outcome] of outcomes.entries()) {
    (outcome.phrasing.gap ? test.failing : test)(`${index + 1} [${outcome.phrasing.family}] ${outcome.phrasing.name}`, () => {
      expect({ states: outcome.states, extras: outcome.extras }).toEqual({ states: outcome.states.map(() => 'right'), extras: [] });
    });
  }
});
