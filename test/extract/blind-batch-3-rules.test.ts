import { describe, expect, test } from '@jest/globals';
import { extractBudget } from '../../sync/extract/extract-budget.js';
import { extractCommitteeRoster } from '../../sync/extract/extract-committee-roster.js';
import { extractDeferredQuestions } from '../../sync/extract/extract-deferred-questions.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { extractQuestionSentences } from '../../sync/extract/extract-question-sentences.js';
import { extractQuestions } from '../../sync/extract/extract-questions.js';
import { parseMoney } from '../../sync/extract/parse-money.js';
import type { CommentInput, MeetingInput } from '../../sync/extract/types.js';
import { buildComment, buildMeeting, buildProposal, COMMITTEE, turn } from '../fixtures/analysis/build-analysis-input.js';

/** Rules added after scoring blind batch 3, each with the cases it must leave alone. */

function amounts(text: string): [number, string | null][] {
  return parseMoney(text).map((money) => [money.amount, money.currency]);
}

function totals(body: string): string {
  return extractBudget(body).totals.map((t) => `${t.currency} ${t.amount}`).join(', ');
}

function questionTexts(text: string): string[] {
  return extractQuestionSentences(text).map((q) => q.text);
}

describe('money', () => {
  test.each([
    ['€6.500', [[6500, 'EUR']]],
    ['12.500 EUR', [[12500, 'EUR']]],
    ['1.200.000 AKT', [[1200000, 'AKT']]],
    // A single dot stays a decimal point outside euros, and a leading zero is never thousands.
    ['$2.500', [[2.5, 'USD']]],
    ['1.250 AKT', [[1.25, 'AKT']]],
    ['€0.450', [[0.45, 'EUR']]],
    ['€12.5k', [[12500, 'EUR']]],
  ])('dots grouping thousands: %s', (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });

  test.each([
    ['Travel grants: 6 speakers, $1.5K each', 9000],
    ['$1,500 each for 6 speakers', 9000],
    ['Two university meetups per quarter, ~$700 each, for 3 quarters', 4200],
    ['5 bounties at $1,000 each', 5000],
    ['$2,000 for 4 workshops', 2000],
    ['Hosting for 5 nodes, $200 each month', 200],
  ])('an amount said to be each: %s', (text, amount) => {
    expect(parseMoney(text)[0]?.amount).toBe(amount);
  });

  test('a breakdown after a colon may open on the amount itself', () => {
    expect(totals('## Request\nRequesting $15,000 for the pilot: $9,000 for GPU leases and $6,000 for the autoscaler.')).toBe('USD 15000');
    // Not a breakdown: one later amount, or the next labelled item of a list.
    expect(totals('## Budget\n- Phase 1: $10,000, Phase 2: $5,000 and $5,000 for docs')).toBe('USD 20000');
    expect(totals('## Budget\nPhase 1 $10,000 Phase 2: $5,000 Phase 3: $5,000')).toBe('USD 20000');
  });

  test('money paid from the proposer\'s own funds or spent today is not the ask', () => {
    expect(totals('## Milestones\n1. M1: 18,000 USDC\n2. M2: 22,000 USDC\n\nHosting afterwards is covered by our own budget (we spend ~$2,400/month on it today).')).toBe('USDC 40000');
    expect(totals('## Budget\n- Development: $20,000\n- Audit: $8,000, paid out of our own pocket')).toBe('USD 20000');
    // Spending still to come is the ask.
    expect(totals('## Budget\nWe will spend $10,000 on marketing and $5,000 on events.')).toBe('USD 15000');
  });
});

describe('question sentences', () => {
  test.each([
    'Does the SDK work in React Native too',
    'Will the talks be in English or French',
    'Will cohorts be in-person only',
    'And will there be a lead capture for providers',
    'What stops someone from opening many tiny deployments',
    "I'd want to see the numbers broken down by month before voting.",
    "Any chance you'd share your playbook with other regions",
    'Please add a line on what happens to unspent funds.',
    "I'm wondering how you'll measure active providers, is one lease enough.",
  ])('asked: %s', (text) => {
    expect(questionTexts(text)).toHaveLength(1);
  });

  test.each([
    'Have a great day everybody, thanks for the updates.',
    'Did the same for the provider docs last week.',
    'Was a great call yesterday, thanks all.',
    'Should also be fine for the testnet release.',
    'Will eventually be merged into the main repo.',
    'What matters is that providers stay online.',
    'Should the vote pass, we start in March with the first cohort.',
    'Do the same for the Spanish docs please.',
    'I think many of us were wondering about that as well.',
  ])('not asked: %s', (text) => {
    expect(questionTexts(text)).toEqual([]);
  });

  test.each([
    "Who hasn't been woken up at 3am by an alert?",
    "Who wouldn't want cheaper GPUs?",
    'Who would even object to this?',
    "Isn't that the whole point of a decentralized cloud?",
    'What could possibly go wrong?',
  ])('rhetorical: %s', (text) => {
    expect(questionTexts(text)).toEqual([]);
  });

  test('a real question opening with "who" or "isn\'t" stays', () => {
    expect(questionTexts('Who pays for hosting after year one?')).toHaveLength(1);
    expect(questionTexts("Isn't this already covered by the Stats API?")).toHaveLength(1);
  });
});

describe('answers', () => {
  const identity = extractProposerIdentity(buildProposal({ body: '## Summary\n\nA shared GPU benchmark.' }));
  const analyse = (comments: CommentInput[], meetings: MeetingInput[] = []) =>
    extractQuestions(comments, meetings, identity, extractCommitteeRoster(COMMITTEE, meetings));

  test('a question addressed to someone else in the discussion is not put to the proposer', () => {
    const questions = analyse([
      buildComment('someone', '@tibanez did the SIG look at this last year?', '2024-06-01T10:00:00Z'),
      buildComment('ci-fan', 'Would love GitLab support.', '2024-06-01T11:00:00Z', []),
      buildComment('other-dev', '@ci-fan have you tried the generic runner?', '2024-06-01T12:00:00Z'),
      // The proposer, or a login nobody in the discussion uses, keeps the question.
      buildComment('someone', '@lumen-dev @mkowal will the results be public?', '2024-06-01T13:00:00Z'),
      buildComment('someone', '@stranger how do you plan to pay providers?', '2024-06-01T14:00:00Z'),
    ]);
    expect(questions.map((q) => q.text)).toEqual(['@lumen-dev @mkowal will the results be public?', '@stranger how do you plan to pay providers?']);
  });

  test('in a meeting, a question opening with the name of another speaker is put to them', () => {
    const meeting = buildMeeting({ passages: [
      turn('Priya Raman', 'That is the benchmark.', '00:10:00'),
      turn('Tyler Brennan', 'Thanks Priya.', '00:10:20'),
      turn('Marta Kowalczyk', 'Tyler, can we get the agenda link in the chat?', '00:10:30'),
      turn('Marta Kowalczyk', 'Priya, how often will the benchmark run?', '00:10:40'),
    ] });
    const identityWithName = extractProposerIdentity(buildProposal({ authorName: 'Priya Raman', body: 'x' }));
    const questions = extractQuestions([], [meeting], identityWithName, extractCommitteeRoster(COMMITTEE, [meeting]));
    expect(questions.map((q) => q.text)).toEqual(['Priya, how often will the benchmark run?']);
  });

  test('a reply that answers points by number and greets the asker leaves the skipped point open', () => {
    const questions = analyse([
      buildComment('dachebe', 'Three things:\n1. Who does the security review?\n2. How do you rank providers by uptime?\n3. Will it support private registries?', '2024-06-01T10:00:00Z'),
      buildComment('lumen-dev', 'Thanks Desmond!\n1. An external firm.\n3. Yes, via a registry secret.', '2024-06-02T10:00:00Z'),
    ]);
    expect(questions.map((q) => q.answered)).toEqual([true, false, true]);
  });

  test('an answer followed by a promise of material still answers; a promise alone does not', () => {
    expect([...extractDeferredQuestions('Pre-booked with a deposit, we will share the confirmation once it is paid.', ['Is the venue confirmed?'])]).toEqual([]);
    expect([...extractDeferredQuestions('We will share them next week.', ['Can you share the venue quotes?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('Good question, we will share the quotes once we have them.', ['Can you share the venue quotes?'])]).toEqual([0]);
    expect([...extractDeferredQuestions('We haven\'t decided yet, likely one of the two.', ['Which chain first?'])]).toEqual([0]);
  });
});
