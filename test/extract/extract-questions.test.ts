import { describe, expect, test } from '@jest/globals';
import { extractCommitteeRoster } from '../../sync/extract/extract-committee-roster.js';
import { extractProposerIdentity } from '../../sync/extract/extract-proposer-identity.js';
import { extractQuestionSentences } from '../../sync/extract/extract-question-sentences.js';
import { extractQuestions } from '../../sync/extract/extract-questions.js';
import type { CommentInput, MeetingInput, Question } from '../../sync/extract/types.js';
import { buildComment, buildMeeting, buildProposal, buildReply, COMMITTEE, note, turn } from '../fixtures/analysis/build-analysis-input.js';

const proposal = buildProposal({ body: '## Summary\n\nBenchmarks for GPU providers.\n\n## Team\nProposed by Priya Raman (Lumen Labs).' });
const identity = extractProposerIdentity(proposal);

function analyse(comments: CommentInput[], meetings: MeetingInput[] = []): Question[] {
  return extractQuestions(comments, meetings, identity, extractCommitteeRoster(COMMITTEE, meetings));
}

function find(questions: Question[], fragment: string): Question {
  const question = questions.find((q) => q.text.includes(fragment));
  if (!question) throw new Error(`no question containing "${fragment}" in ${JSON.stringify(questions.map((q) => q.text))}`);
  return question;
}

describe('extractQuestionSentences', () => {
  test('question marks, request forms and list points; not quotes, URLs or prompts to the room', () => {
    const text = [
      'Thanks for writing this up, the prototype looks solid. How do you stop providers from gaming the scores?',
      'See https://example.org/bench?gpu=h100&run=2 for what I mean.',
      '> Why should the community pool pay for this?',
      'People keep asking "why not just use MLPerf?" and I think the answer matters.',
      'I\'d like to know who maintains the suite after year one.',
      'Could you clarify whether results are published under an open licence.',
      'A few more questions:',
      '1. Which GPU models are in scope',
      '2. Where do results live',
      '',
      'Any other questions from folks here?',
      'Ok?',
    ].join('\n');
    expect(extractQuestionSentences(text)).toEqual([
      { text: 'How do you stop providers from gaming the scores?', listNumber: null },
      { text: "I'd like to know who maintains the suite after year one.", listNumber: null },
      { text: 'Could you clarify whether results are published under an open licence.', listNumber: null },
      { text: 'Which GPU models are in scope', listNumber: 1 },
      { text: 'Where do results live', listNumber: 2 },
    ]);
  });

  test('a three-word question counts in a comment but not in a transcript turn', () => {
    expect(extractQuestionSentences('The rows add up to 45,500. Which is right?')).toEqual([{ text: 'Which is right?', listNumber: null }]);
    expect(extractQuestionSentences('Which is right?', { minWords: 4 })).toEqual([]);
  });

  test('code blocks are not read', () => {
    expect(extractQuestionSentences('```\nwhat is this really doing here?\n```\nLooks good.')).toEqual([]);
  });
});

describe('extractQuestions in discussion threads', () => {
  const marta = buildComment('mkowal', 'How will you keep results honest if providers run the suite themselves? Could you clarify who pays for the reference hardware.', '2024-03-02T09:00:00Z', [
    buildReply('lumen-dev', 'Each run is signed and spot-checked; the reference boxes come out of phase 1.', '2024-03-02T18:00:00Z'),
  ]);
  const listAsker = buildComment('gpu-operator-77', 'Interesting. A few questions:\n\n1. Which GPUs are covered in phase 1\n2. Will results be public?\n3. What happens after year one?', '2024-03-03T10:00:00Z');
  const tomas = buildComment('tibanez', 'What is the plan for ARM providers? Several of us run Ampere boxes.', '2024-03-03T12:00:00Z');
  const des = buildComment('dachebe', 'Why not reuse the provider-audit scripts that already exist?', '2024-03-04T08:00:00Z');
  const openOne = buildComment('curious-cat', 'Is there a public repo I can look at already?', '2024-03-04T09:00:00Z', [
    buildReply('someone-else', '+1, would love to see the code', '2024-03-04T10:00:00Z'),
  ]);
  const proposerOwn = buildComment('lumen-dev', 'Update: why does this matter? Because nobody can compare providers today. https://lumen.example/faq?q=1', '2024-03-04T12:00:00Z', [
    buildReply('mkowal', 'Does phase 2 depend on phase 1 landing first?', '2024-03-04T13:00:00Z'),
  ]);
  const deleted = buildComment('troll', 'Why would anyone fund this?', '2024-03-04T14:00:00Z', [], { deleted: true });
  const pointByPoint = buildComment('lumen-dev', 'Answers:\n1. A100, H100 and L40S.\n2. Yes, on a public dashboard.\n3. We hand it to sig-providers.', '2024-03-05T08:00:00Z');
  const quoting = buildComment('lumen-dev', '> What is the plan for ARM providers?\n\nARM is phase 3, once we have a reference box.', '2024-03-05T09:00:00Z');
  const mention = buildComment('lumen-dev', '@dachebe good point: the audit scripts check configuration, not performance, but we will reuse their collectors.', '2024-03-05T10:00:00Z');
  const questions = analyse([marta, listAsker, tomas, des, openOne, proposerOwn, deleted, pointByPoint, quoting, mention]);

  test('a proposer reply in the thread answers every question of that comment', () => {
    for (const fragment of ['keep results honest', 'who pays for the reference hardware']) {
      expect(find(questions, fragment)).toMatchObject({ answered: true, answeredBy: 'lumen-dev', answerEvidence: 'thread-reply', byCommittee: true, askedBy: 'mkowal' });
    }
  });

  test('a numbered list answered point by point', () => {
    for (const fragment of ['Which GPUs', 'Will results be public', 'after year one']) {
      expect(find(questions, fragment)).toMatchObject({ answered: true, answerEvidence: 'point-by-point', answerRef: pointByPoint.url });
    }
  });

  test('a later comment quoting the question with ">" answers it', () => {
    expect(find(questions, 'ARM providers')).toMatchObject({ answered: true, answerEvidence: 'quote', answerRef: quoting.url });
  });

  test('a later comment mentioning the asker by @login answers it', () => {
    expect(find(questions, 'provider-audit scripts')).toMatchObject({ answered: true, answerEvidence: 'mention', answeredAt: '2024-03-05T10:00:00Z' });
  });

  test('unanswered questions stay open with where they were asked', () => {
    expect(find(questions, 'public repo')).toMatchObject({ answered: false, answeredBy: null, answerRef: null, source: { type: 'comment', ref: openOne.url } });
    expect(find(questions, 'phase 2 depend')).toMatchObject({ answered: false, askedBy: 'mkowal', byCommittee: true });
  });

  test("the proposer's own rhetorical questions, deleted comments and URLs are not questions", () => {
    expect(questions.some((q) => q.text.includes('why does this matter'))).toBe(false);
    expect(questions.some((q) => q.askedBy === 'troll')).toBe(false);
    expect(questions).toHaveLength(9);
  });
});

describe('extractQuestions in meetings', () => {
  const meeting = buildMeeting({
    date: '2024-03-28',
    committee: ['Marta Kowalczyk, Overclock Labs', 'Tomás Ibáñez', 'Desmond Achebe'],
    passages: [
      note('- Priya Raman presented the Lumen benchmarking proposal.\n- Marta Kowalczyk asked whether results would be signed by the provider.\n- Priya explained that every run carries the provider key signature.\n- Questions about long-term maintenance were raised.'),
      turn('Tyler Brennan', 'Next up is the Lumen proposal. Does anyone have any questions before we move on?', '00:21:10'),
      turn('Rafael Ortiz', 'Quick one from the community side: can the suite run on consumer cards like a 4090?', '00:22:00'),
      turn('Marta Kowalczyk', 'How many providers have already agreed to run it?', '00:22:40'),
      turn('Priya Raman', 'Eleven so far, mostly in Europe.', '00:23:05'),
      turn('Tomas Ibanez', 'And what does a single run cost on an H100 node?', '00:24:00'),
      turn('Tyler Brennan', 'Let us take that one to the thread.', '00:24:30'),
      turn('Desmond Achebe', 'Fine by me.', '00:24:40'),
      turn('Tyler Brennan', 'Thanks all.', '00:24:50'),
      turn('Priya Raman', 'Why does this matter? Because providers need a shared yardstick.', '00:25:00'),
    ],
  });
  const questions = analyse([], [meeting]);

  test('host prompts and the proposer\'s own questions are skipped', () => {
    expect(questions.map((q) => q.askedBy)).not.toContain('Tyler Brennan');
    expect(questions.map((q) => q.askedBy)).not.toContain('Priya Raman');
  });

  test('a proposer turn right after a question answers it, with meeting and timestamp evidence', () => {
    expect(find(questions, 'How many providers')).toMatchObject({
      answered: true, answeredBy: 'Priya Raman', answerEvidence: 'meeting-turn', byCommittee: true,
      source: { type: 'meeting', meetingId: meeting.meetingId, timestamp: '00:22:40', ref: `${meeting.meetingId}@00:22:40` },
    });
  });

  test('a question the proposer never takes up stays open', () => {
    expect(find(questions, 'single run cost')).toMatchObject({ answered: false, askedBy: 'Tomas Ibanez', byCommittee: true });
  });

  test('note lines: "X asked whether" answered by a later "explained" line; "Questions about" left open', () => {
    expect(find(questions, 'results would be signed')).toMatchObject({ askedBy: 'Marta Kowalczyk', answered: true, answerEvidence: 'meeting-note' });
    expect(find(questions, 'long-term maintenance')).toMatchObject({ answered: false });
  });

  test('a proposer turn that follows someone else\'s newer question does not answer the older one', () => {
    expect(find(questions, 'consumer cards')).toMatchObject({ answered: false });
  });

  test("committee members' questions come first within a meeting", () => {
    const order = questions.map((q) => q.byCommittee);
    expect(order.indexOf(false)).toBeGreaterThan(order.lastIndexOf(true));
    expect(find(questions, 'consumer cards').byCommittee).toBe(false);
  });

  test('a later GitHub comment naming a meeting asker answers their question', () => {
    const reply = buildComment('lumen-dev', 'Following up for Tomás from the steering call: an H100 run costs about 2 AKT.', '2024-03-29T09:00:00Z');
    const later = analyse([reply], [meeting]);
    expect(find(later, 'single run cost')).toMatchObject({ answered: true, answerEvidence: 'mention', answerRef: reply.url });
  });
});
