import { describe, test, expect } from '@jest/globals';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { explainMeeting } from '../../sync/match/match-meeting.js';
import { notesMeeting, proposalsFound } from '../helpers/notes-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

// Invented proposals: a product with a proper name, a platform whose name is run together with a number, and a
// yearly program named by one everyday word.
const proposals: ProposalForMatching[] = [
  { number: 970, title: 'Orchardist: shared GPU scheduling', createdAt: '2025-01-06', body: 'The Orchardist scheduler shares GPUs.\n\nProposed by Teo Lindqvist.' },
  { number: 971, title: 'Moxa7 Builder Onboarding Proposal', createdAt: '2025-04-01', body: 'Missions on Moxa7 for new builders.\n\nProposed by Rhea Castell.' },
  { number: 972, title: 'Relay 2 Upgrade Proposal', createdAt: '2025-04-01', body: 'The relay moves to its second version.\n\nProposed by Ivo Marsh.' },
  { number: 973, title: '2026 Akash Workshops Proposal', body: 'Workshops through 2026.\n\nProposed by Wen Adeyemi.' },
];
const index = buildProposalIndex(proposals);
const found = (date: string, lines: string[]): number[] => proposalsFound(notesMeeting(date, lines), index);
const qualified = (date: string, line: string, proposal: number): boolean[] =>
  explainMeeting(notesMeeting(date, [line]), index).decisions.get(proposal)?.names.map((c) => c.qualified) ?? [];

// Fourteen words of other talk, so that the sentence is long and only the words near the name are read.
const longLead = 'We spent most of the hour on lease pricing, provider uptime, region coverage and storage classes, and then';

describe('how far from a name its proposal words are read', () => {
  test('in a long sentence, a proposal word twelve words on still bears on the name', () => {
    expect(qualified('2025-09-01', `- ${longLead} Orchardist is one small example of the work posted in the discussions.`, 970)).toEqual([true]);
  });

  test('one further away does not', () => {
    expect(qualified('2025-09-01', `- Orchardist came up again as ${longLead} some talk of discussions.`, 970)).toEqual([false]);
  });
});

describe('a name run together with a number', () => {
  test('is a name of its own, found in the weeks around its proposal', () => {
    const phrase = index.phrasesByFirst.get('moxa')?.find((p) => p.tokens.join(' ') === 'moxa 7');
    expect(phrase?.targets.map((t) => t.role)).toEqual(['name']);
    expect(found('2025-04-20', ['- The Moxa7 working group will share updates on Discord.'])).toEqual([971]);
    expect(found('2025-04-20', ['- Anything new on Moxa 7? Updates will go to Discord.'])).toEqual([971]);
    expect(found('2025-11-20', ['- The Moxa7 working group will share updates on Discord.'])).toEqual([]);
  });

  test('a product and its version written apart stays ordinary title words', () => {
    expect(index.phrasesByFirst.get('relay')?.some((p) => p.targets.some((t) => t.role === 'name'))).toBe(false);
  });
});

describe('a one-word program as the subject of a short sentence', () => {
  test('a vote later in that sentence is about it', () => {
    expect(found('2026-03-10', ['- The workshops group went through review and put up a funding proposal on chain for voting.'])).toEqual([973]);
  });

  test('as the object of some other statement, a vote in the sentence is not enough alone', () => {
    expect(found('2026-03-10', ['- We covered workshops in Lisbon, and then the vote on fees went fine.'])).toEqual([]);
  });

  test('nor is it in a long sentence, where only nearby words count', () => {
    expect(found('2026-03-10', [`- The workshops came up while ${longLead} the vote.`])).toEqual([]);
  });
});

describe('words that make it some other one', () => {
  test('a line that named another one with the same word means that one when it says the word again', () => {
    expect(found('2026-03-10', ['- Update on the Riverline Workshops: the vote on the workshops passed.'])).toEqual([]);
    expect(found('2026-03-10', ['- Update: the vote on the workshops passed.'])).toEqual([973]);
  });

  test('"any workshops", "all the workshops" are a kind of thing, not the program', () => {
    expect(found('2026-03-10', ['- Any workshops held outside the list need a governance vote.'])).toEqual([]);
    expect(found('2026-03-10', ['- All the workshops were approved through governance.'])).toEqual([]);
    expect(found('2026-03-10', ['- The workshops were approved through a governance vote.'])).toEqual([973]);
  });

  // Each pair of lines below would add up to a mention if its words were about the program.
  test('"events such as workshops", "those kinds of workshops" are a kind of thing too', () => {
    expect(found('2026-03-10', ['- In-person events such as workshops need a governance vote first.', '- Events such as workshops were approved through governance last year.'])).toEqual([]);
    expect(found('2026-03-10', ['- The budget approved through governance covers those types of workshops.', '- Those kinds of workshops were approved through a governance vote.'])).toEqual([]);
  });

  test('"a small workshop", "a workshop" without a proposal word after it is some such thing', () => {
    expect(found('2026-03-10', ['- There was also a small workshop where they put a proposal on chain.', '- We have already approved a workshop in Lisbon through governance.'])).toEqual([]);
    expect(found('2026-03-10', ['- There was also a workshop proposal that went on chain.'])).toEqual([973]);
  });

  test('a proposal word joined to it by "and" is a thing beside it', () => {
    expect(found('2026-03-10', ['- Open discussion on recent proposals and workshops.', '- Questions on past proposals and workshops go to the forum.'])).toEqual([]);
    expect(found('2026-03-10', ['- Open discussion on the workshops proposal.'])).toEqual([973]);
  });
});
