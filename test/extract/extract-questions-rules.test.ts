import { describe, expect, test } from '@jest/globals';
import { extractCommitteeRoster } from '../../sync/extract/extract-committee-roster.js';
import { extractDeferredQuestions } from '../../sync/extract/extract-deferred-questions.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { extractQuestionSentences } from '../../sync/extract/extract-question-sentences.js';
import { extractQuestions } from '../../sync/extract/extract-questions.js';
import type { CommentInput, Question } from '../../sync/extract/types.js';
import { buildComment, buildProposal, buildReply, COMMITTEE } from '../fixtures/analysis/build-analysis-input.js';

/** Rules added after scoring against the independently written discussion fixtures. */

const identity = extractProposerIdentity(buildProposal({ body: '## Summary\n\nA shared GPU benchmark.' }));

function analyse(comments: CommentInput[]): Question[] {
  return extractQuestions(comments, [], identity, extractCommitteeRoster(COMMITTEE, []));
}

function state(questions: Question[], fragment: string): boolean {
  const question = questions.find((q) => q.text.includes(fragment));
  if (!question) throw new Error(`no question containing "${fragment}" in ${JSON.stringify(questions.map((q) => q.text))}`);
  return question.answered;
}

describe('sentence ends', () => {
  test('a "?" followed by a space ends the question even before "$", a number word or lower case', () => {
    expect(extractQuestionSentences('How many runs per week do you plan? $30k for that feels steep.')).toEqual([
      { text: 'How many runs per week do you plan?', listNumber: null },
    ]);
    expect(extractQuestionSentences('Is the dashboard open source? asking because we host one.')).toEqual([
      { text: 'Is the dashboard open source?', listNumber: null },
    ]);
  });

  test('a question followed by leftover HTML text is still found', () => {
    expect(extractQuestionSentences('Will the scores be signed? <i class="x">note</i>').map((q) => q.text)).toEqual(['Will the scores be signed?']);
  });
});

describe('numbered questions answered by number', () => {
  const asked = 'Three things:\n\n1. Which GPUs are in the first round?\n2. Who hosts the result store?\n3. What happens if a provider disputes a score?';

  test('only the points the reply numbers are answered; the skipped one stays open', () => {
    const questions = analyse([
      buildComment('mkowal', asked, '2024-03-02T09:00:00Z', [
        buildReply('lumen-dev', '1. A100 and H100 only.\n2. We host it on Akash itself.', '2024-03-02T12:00:00Z'),
      ]),
    ]);
    expect([state(questions, 'Which GPUs'), state(questions, 'result store'), state(questions, 'disputes')]).toEqual([true, true, false]);
  });

  test('"Re 2:" replies and points written inline in one sentence count too', () => {
    const questions = analyse([
      buildComment('mkowal', asked, '2024-03-02T09:00:00Z', [
        buildReply('lumen-dev', 'Re 2: the Akash Console team hosts it.', '2024-03-02T12:00:00Z'),
        buildReply('lumen-dev', '1. A100 only for now. 3. A second run on another provider settles it.', '2024-03-03T12:00:00Z'),
      ]),
    ]);
    expect([state(questions, 'Which GPUs'), state(questions, 'result store'), state(questions, 'disputes')]).toEqual([true, true, true]);
  });

  test('a reply in prose still answers every point', () => {
    const questions = analyse([
      buildComment('mkowal', asked, '2024-03-02T09:00:00Z', [
        buildReply('lumen-dev', 'A100 and H100 first, results live on Akash, and disputes trigger a re-run.', '2024-03-02T12:00:00Z'),
      ]),
    ]);
    expect(questions.every((q) => q.answered)).toBe(true);
  });
});

describe('a reply that says a point is not settled', () => {
  test('extractDeferredQuestions points each deferral at the question it is about', () => {
    const questions = ['Who holds the treasury keys?', 'Where do refunds go after the pilot ends?'];
    expect([...extractDeferredQuestions('Keys: the two of us plus one committee member. Refunds after the pilot are still being discussed.', questions)]).toEqual([1]);
    expect([...extractDeferredQuestions('Keys: the two of us plus one committee member. Refunds go back to the pool.', questions)]).toEqual([]);
    expect([...extractDeferredQuestions('Keys: the two of us plus one committee member. We are still discussing what happens to refunds after the pilot.', questions)]).toEqual([1]);
    expect([...extractDeferredQuestions('Good question, we will get back to you.', ['Who audits the contract?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('Halborn audits it in March.', ['Who audits the contract?'])]).toEqual([]);
  });

  test('the deferred question stays open while the others are answered', () => {
    const questions = analyse([
      buildComment('tibanez', 'Who holds the treasury keys?\nWhere do refunds go after the pilot ends?', '2024-04-01T09:00:00Z', [
        buildReply('lumen-dev', 'The two of us plus one committee member. We have not decided yet where refunds go after the pilot.', '2024-04-01T15:00:00Z'),
      ]),
    ]);
    expect([state(questions, 'treasury keys'), state(questions, 'refunds')]).toEqual([true, false]);
  });
});

describe('a proposer comment posted right after the question', () => {
  const question = buildComment('dachebe', 'Why run the benchmark weekly when GPU prices change monthly?', '2024-05-01T09:00:00Z');

  test('answers it when it takes up the same subject', () => {
    const follow = buildComment('lumen-dev', 'Weekly runs catch driver regressions; GPU prices are only one input.', '2024-05-01T14:00:00Z');
    const questions = analyse([question, follow]);
    expect(questions[0]).toMatchObject({ answered: true, answerEvidence: 'follow-up-comment', answerRef: follow.url });
  });

  test('does not answer it when it is about something else', () => {
    const questions = analyse([question, buildComment('lumen-dev', 'Thanks all, the body now links the mockups.', '2024-05-01T14:00:00Z')]);
    expect(questions[0]?.answered).toBe(false);
  });

  test('does not answer it when someone else commented in between', () => {
    const questions = analyse([
      question,
      buildComment('someone-else', 'Same concern here.', '2024-05-01T11:00:00Z'),
      buildComment('lumen-dev', 'We plan weekly runs because of driver updates, not GPU prices.', '2024-05-01T14:00:00Z'),
    ]);
    expect(questions[0]?.answered).toBe(false);
  });
});

describe('questions that lost their question mark', () => {
  test('a wh-word with its verb, or a verb with its subject, is a question in a comment', () => {
    expect(extractQuestionSentences('What is the timeline for phase 2').map((q) => q.text)).toEqual(['What is the timeline for phase 2']);
    expect(extractQuestionSentences('Do you plan to open-source the scheduler').map((q) => q.text)).toEqual(['Do you plan to open-source the scheduler']);
  });

  test('statements that open with a wh-word are not', () => {
    expect(extractQuestionSentences('What we need is more GPUs in Europe.')).toEqual([]);
    expect(extractQuestionSentences('How we got here is explained in the body.')).toEqual([]);
  });

  test('transcripts can switch the rule off', () => {
    expect(extractQuestionSentences('do you want to share your screen now', { minWords: 4, bareInterrogatives: false })).toEqual([]);
  });

  test('subjectless requests count', () => {
    expect(extractQuestionSentences('Curious how you will measure success.')).toHaveLength(1);
    expect(extractQuestionSentences('Would love to see a demo first.')).toHaveLength(1);
    expect(extractQuestionSentences('Love to see this moving.')).toEqual([]);
  });

  test('a blank line between "A few questions:" and the list keeps the list', () => {
    expect(extractQuestionSentences('A few questions:\n\n1. Expected sign-ups\n2. Hosting region').map((q) => q.listNumber)).toEqual([1, 2]);
  });
});

describe('answers promised for later', () => {
  test('"let me check" and "will answer tomorrow" leave the question open', () => {
    expect([...extractDeferredQuestions('Let me check with the team and come back.', ['Is the indexer ready?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('Will answer this tomorrow.', ['Who audits it?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('Will answer: Halborn does.', ['Who audits it?'])]).toEqual([]);
  });
});
