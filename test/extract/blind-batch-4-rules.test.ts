import { describe, expect, test } from '@jest/globals';
import { extractBudget } from '../../sync/extract/extract-budget.js';
import { extractCommitteeRoster } from '../../sync/extract/extract-committee-roster.js';
import { extractContentWords } from '../../sync/extract/extract-content-words.js';
import { extractDeferredQuestions } from '../../sync/extract/extract-deferred-questions.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { extractQuestionSentences } from '../../sync/extract/extract-question-sentences.js';
import { extractQuestions } from '../../sync/extract/extract-questions.js';
import { parseMoney } from '../../sync/extract/parse-money.js';
import type { CommentInput, MeetingInput } from '../../sync/extract/types.js';
import { buildComment, buildMeeting, buildProposal, COMMITTEE, turn } from '../fixtures/analysis/build-analysis-input.js';

/** Rules added after scoring blind batch 4, each with the cases it must leave alone. */

function totals(body: string): string {
  return extractBudget(body).totals.map((t) => `${t.currency} ${t.amount}`).join(', ');
}

function questionTexts(text: string): string[] {
  return extractQuestionSentences(text).map((q) => q.text);
}

describe('money', () => {
  test('a dot before three zeros groups thousands in dollar-like currencies only', () => {
    expect(parseMoney('about 7.000 USD').map((m) => m.amount)).toEqual([7000]);
    expect(parseMoney('$9.000').map((m) => m.amount)).toEqual([9000]);
    expect(parseMoney('$1.750').map((m) => m.amount)).toEqual([1.75]);
    expect(parseMoney('3.000 AKT').map((m) => m.amount)).toEqual([3]);
  });

  test('a count with a two-word noun before "×" multiplies', () => {
    expect(parseMoney('6 community calls × $250').map((m) => m.amount)).toEqual([1500]);
  });
});

describe('budget', () => {
  test('nested items that break down their parent are not added again', () => {
    expect(totals('## Budget\n- Design: $9,000\n  - logo: $2,000\n  - site: $7,000\n- Hosting: $1,200')).toBe('USD 10200');
    expect(totals('## Cost\n- build, 6 weeks: USD 14k\n  - backend: 9k\n  - frontend: 5k')).toBe('USD 14000');
  });

  test('nested items that add up to more than their parent, or parents without amounts, are left alone', () => {
    expect(totals('## Budget\n- Events: $5,000\n  - extra venue: $6,000')).toBe('USD 11000');
    expect(totals('## Budget\n- **Events**\n  - venue: $3,000\n  - food: $1,000')).toBe('USD 4000');
  });

  test('a sentence quoting a token price without an ask word only converts the ask', () => {
    const body = '## Funding\n\nWe request 25,000 AKT.\n\nWe estimated the effort at USD 60,000, with an AKT price of $2.40.';
    expect(totals(body)).toBe('AKT 25000');
    expect(totals('## Budget\n\nThe budget is $30,000, about 12,000 AKT at $2.50/AKT.')).toBe('USD 30000');
  });
});

describe('questions', () => {
  test('"also" before a request or a wh-word, "any plans for", and "how you will"', () => {
    expect(questionTexts('Thanks. Also please explain how refunds are handled.')).toEqual(['Also please explain how refunds are handled.']);
    expect(questionTexts('Also how many of the mentors are paid')).toEqual(['Also how many of the mentors are paid']);
    expect(questionTexts('any plans for a Helm chart')).toEqual(['any plans for a Helm chart']);
    expect(questionTexts('how you will keep the bot running after the grant')).toHaveLength(1);
    expect(questionTexts('How you will get paid is up to the committee.')).toEqual([]);
  });

  test('promises to come back later', () => {
    expect([...extractDeferredQuestions('Will do, give me a couple of days.', ['Can you post the logs?'])]).toEqual([0]);
    expect([...extractDeferredQuestions("Good point. We'll ask our auditor and get back to you.", ['Who audits the contract?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('I need to look at the export options first.', ['Can the notes be exported?'])]).toEqual([0]);
  });

  test('two-letter acronyms in capitals are content words, "OK" and "US" are not', () => {
    expect([...extractContentWords('Who keeps the IP and does QA?')].sort()).toEqual(['ip', 'keeps', 'qa']);
    expect([...extractContentWords('OK, teams in the US')]).toEqual(['teams']);
  });
});

describe('answers', () => {
  const identity = extractProposerIdentity(buildProposal({ authorName: 'Priya Raman', body: '## Summary\n\nA shared GPU benchmark.' }));
  const analyse = (comments: CommentInput[], meetings: MeetingInput[] = []) =>
    extractQuestions(comments, meetings, identity, extractCommitteeRoster(COMMITTEE, meetings));

  test('a later comment naming the asker only to defer leaves the question open', () => {
    const questions = analyse([
      buildComment('mkowal', 'Who pays for the GPUs after month six?', '2024-06-01T10:00:00Z'),
      buildComment('someone', 'Looks good to me.', '2024-06-01T11:00:00Z'),
      buildComment('lumen-dev', "@mkowal fair point, we'll get back to you on that after our board call.", '2024-06-02T10:00:00Z'),
    ]);
    expect(questions.map((q) => q.answered)).toEqual([false]);
  });

  test('a proposer meeting turn that defers leaves the question open; an earlier turn naming the asker answers nothing', () => {
    const meeting = buildMeeting({ passages: [
      turn('Priya Raman', 'Desmond and I went through the numbers already.', '00:10:00'),
      turn('Desmond Achebe', 'Will the raw results be downloadable as CSV?', '00:10:30'),
      turn('Priya Raman', 'Good question, I need to look at the storage cost. I will come back to you on that.', '00:10:45'),
      turn('Marta Kowalczyk', 'How often will the benchmark run on each provider?', '00:11:00'),
      turn('Priya Raman', 'Weekly, on every provider that opts in.', '00:11:10'),
    ] });
    expect(analyse([], [meeting]).map((q) => [q.text, q.answered])).toEqual([
      ['Will the raw results be downloadable as CSV?', false],
      ['How often will the benchmark run on each provider?', true],
    ]);
  });
});
