import { describe, test, expect } from '@jest/globals';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { notesMeeting, proposalsFound } from '../helpers/notes-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

// Invented proposals: a yearly program in two editions proposed by its own working group, a yearly series, a pilot
// whose first title word other titles share, and a company's request.
const proposals: ProposalForMatching[] = [
  { number: 1501, title: '2027 Hackdays Resourcing Proposal', body: 'Local hackdays through 2027.\n\nProposed by Ana Ruiz (Hackdays WG).' },
  { number: 1502, title: '2028 Hackdays Resourcing Proposal', body: 'More hackdays in 2028.\n\nProposed by Ana Ruiz (Hackdays WG).' },
  { number: 1503, title: '2027 Akash Quiz Series Proposal', body: 'Four online quiz nights in 2027.\n\nProposed by Omar Said.' },
  { number: 1504, title: 'Tenant Retention Rebate Pilot', createdAt: '2027-02-01', body: 'Rebates for tenants who renew leases.\n\nProposed by Lea Brandt.' },
  { number: 1505, title: 'Tenant Onboarding Guides', createdAt: '2026-11-01', body: 'Guides for new tenants.\n\nProposed by Ivo Lind.' },
  { number: 1506, title: 'Falconridge Labs: Open Lease Simulator', createdAt: '2027-01-10', body: 'Falconridge Labs builds a lease simulator.\n\nProposed by Tuva Holm (Falconridge Labs).' },
  { number: 1510, title: 'Q3 2027 Mentor Stipends', body: 'Stipends for mentors in the third quarter.\n\nProposed by Kai Moss.' },
  { number: 1511, title: 'Q4 2027 Mentor Stipends', body: 'Stipends for mentors in the fourth quarter.\n\nProposed by Kai Moss.' },
  { number: 1530, title: 'Akash Harvest Days 2027: Regional Workshop Budget', onchain: [401], body: 'Harvest Days are local workshops. This funds a calendar of Harvest Days for 2027.\n\nProposed by Efe Obi.' },
  { number: 1531, title: 'Akash Harvest Days 2028', onchain: [455], body: 'Another year of Harvest Days.\n\nProposed by Efe Obi.' },
  { number: 1540, title: 'AEP-91: Lease Auto-Extension', aep: [91], body: 'Extend leases automatically.' },
  { number: 1541, title: 'Driftpin Wallet Connector for Akash Console', createdAt: '2027-02-01', body: 'Driftpin connects wallets to the Akash Console.\n\nProposed by Lio Sato.' },
  { number: 1550, title: 'Sextant: Interactive Lease Map', createdAt: '2027-03-01', body: 'A lease map you can spin around.\n\nProposed by Noor Vale.' },
  { number: 1551, title: 'Node Health Bonus (NHB) Round 1', body: 'Bonus for healthy nodes.\n\nProposed by Ravi Dunn.' },
  { number: 1552, title: 'Node Health Bonus (NHB) Round 2', body: 'Second round.\n\nProposed by Ravi Dunn.' },
  { number: 1553, title: 'Spillway 2027: Builder Conference', createdAt: '2027-02-01', body: 'A builder conference in Porto.\n\nProposed by Dario Fenn.' },
  { number: 1520, title: 'Relay Speed Contest Round 2', body: 'A second round of the relay speed contest.\n\nProposed by Ida Berg.' },
  { number: 1521, title: 'Relay Speed Contest Round 3', body: 'A third round of the relay speed contest.\n\nProposed by Ida Berg.' },
];
const index = buildProposalIndex(proposals);
const found = (date: string, lines: string[]): number[] => proposalsFound(notesMeeting(date, lines), index);

describe('a program proposed by its own working group', () => {
  test('is still named by its one word: the group is not a team going about other business', () => {
    expect(index.phrasesByFirst.get('hackday')?.some((p) => p.tokens.length === 1 && p.targets.every((t) => t.whole))).toBe(true);
    expect(found('2027-04-13', ['- The hackdays budget covers venue hire for the spring.'])).toEqual([1501]);
  });
});

describe('the year said with a name picks the edition', () => {
  test('even with another edition\'s year in the same line', () => {
    expect(found('2027-11-20', ['- Ana reported 14 meetings under the 2027 hackdays budget; the 2028 hackdays proposal is in draft.'])).toEqual([1501, 1502]);
  });

  test('a year and a program word around the name name that year\'s program', () => {
    expect(found('2027-05-18', ['- Ana asked how many slots under the 2027 hackdays program are left.'])).toEqual([1501]);
    expect(found('2027-06-26', ['- The first night of the 2027 quiz series had 80 players.'])).toEqual([1503]);
    // Also when the program word ends the sentence or the line.
    expect(found('2027-06-26', ['- Omar on the 2027 quiz series:', '  - 80 players on the first night.'])).toEqual([1503]);
  });

  test('without the year, the program word alone is not enough', () => {
    expect(found('2027-05-18', ['- Ana asked how many slots in the hackdays program are left.'])).toEqual([]);
  });
});

describe('what is only this program\'s', () => {
  test('its own title words, without one other titles share, are all it is about', () => {
    const phrase = index.phrasesByFirst.get('retention')?.find((p) => p.tokens.join(' ') === 'retention rebate');
    expect(phrase?.targets.map((t) => t.whole)).toEqual([true]);
    expect(found('2027-04-20', ['- Lea: the Retention Rebate numbers for March are in; 40 tenants renewed.'])).toEqual([1504]);
  });

  test('a company is called without its suffix, and with its product\'s words that is its proposal', () => {
    expect(index.phrasesByFirst.get('falconridge')?.find((p) => p.tokens.length === 1)?.targets.map((t) => t.role)).toEqual(['team']);
    expect(found('2027-03-02', ['- Tuva shared the first run of the Falconridge lease simulator: 12 scenarios, all public.'])).toEqual([1506]);
    expect(found('2027-03-02', ['- Falconridge is hiring two engineers in Oslo.'])).toEqual([]);
  });
});

describe('editions named by a quarter or a series number', () => {
  test('the quarter in a title is not part of its name; said with the name, it picks the edition', () => {
    expect(index.phrasesByFirst.get('q')).toBeUndefined();
    expect(found('2027-05-04', ['- Kai: Q3 mentor stipends draft going up in June, same structure.'])).toEqual([1510]);
    expect(found('2027-11-10', ['- Kai: the Q4 mentor stipends close on December 31.'])).toEqual([1511]);
  });

  test('a quarter that has no proposal of its own is none of them', () => {
    expect(found('2027-05-04', ['- Kai: the Q1 mentor stipends were all paid out.'])).toEqual([]);
  });

  test('"this quarter\'s" and "last quarter\'s" are counted from the meeting date', () => {
    expect(found('2027-08-12', ["- Kai: this quarter's mentor stipends close on September 30."])).toEqual([1510]);
    expect(found('2027-10-14', ["- Kai returned 900 AKT left from last quarter's mentor stipends."])).toEqual([1510]);
  });

  test('a series number with the name names the edition', () => {
    expect(found('2027-06-02', ['- Ida: the relay speed contest round three ends June 30.'])).toEqual([1521]);
    expect(found('2027-06-02', ['- Ida is drafting round three of the relay speed contest.'])).toEqual([1521]);
    expect(found('2027-06-02', ['- **Relay speed contest**: Round 3 ends June 30.'])).toEqual([1521]);
  });

  test('a quarter said relative to the meeting elsewhere in the sentence picks the edition running now', () => {
    expect(found('2027-08-12', ['- Kai: 41 mentors active this quarter, the most so far.'])).toEqual([1510]);
    expect(found('2027-08-12', ['- Kai: 41 mentors active, the most so far.'])).toEqual([]);
  });

  test('in the first quarter, "Q4" is the one just past', () => {
    expect(found('2028-01-19', ['- Kai will return the unspent Q4 mentor stipends this week.'])).toEqual([1511]);
  });

  test('a quarter\'s edition is current from some six weeks before its quarter to the quarter\'s end', () => {
    const q3 = index.byNumber.get(1510)!;
    expect(q3.period).toEqual({ from: '2027-07-01', to: '2027-10-01' });
    expect(q3.startsAt).toBe('2027-05-17');
  });

  test('one edition per sentence: later words keep to the edition the sentence named by its period', () => {
    const said = ['- Kai: the Q4 mentor stipends proposal is up for feedback, and this quarter I want mentors to review SDKs.'];
    expect(found('2027-09-15', said)).toEqual([1511]);
  });

  test('an everyday ordinal after the words is not a series number', () => {
    expect(found('2027-06-02', ['- We will publish relay speed contest figures, third is the backfill of old results.'])).toEqual([]);
  });
});

describe('names of yearly programs, AEPs and platforms', () => {
  test('a name ending on an everyday word, written as a name ("Harvest Days"), is a name', () => {
    expect(index.phrasesByFirst.get('harvest')?.find((p) => p.tokens.join(' ') === 'harvest days')?.targets.map((t) => t.role)).toEqual(['name', 'name']);
  });

  test('the year said with it picks the edition, whatever the titles around it', () => {
    expect(found('2028-01-20', ['- Efe shared the closeout report for the 2027 Harvest Days and will post the 2028 Harvest Days proposal soon.'])).toEqual([1530, 1531]);
  });

  test('without a year, the edition current at the meeting date', () => {
    expect(found('2027-04-08', ['- Efe showed photos from the first two Harvest Days, with the next ones funded by the community pool.'])).toEqual([1530]);
  });

  test('late in a year, talk of the program is of this year\'s edition; talk of a proposal, of next year\'s', () => {
    const wrapUp = [
      '- Efe: Harvest Days had 900 visitors across 12 towns, a record.',
      '- The Harvest Days volunteers get a thank-you dinner.',
      '- Two towns asked to host Harvest Days again.',
      '- Efe to publish the Harvest Days photo album.',
    ];
    expect(found('2027-12-02', wrapUp)).toEqual([1530]);
    expect(found('2027-12-02', ['- Efe: the Harvest Days proposal is up for feedback.'])).toEqual([1531]);
  });

  test('"this year\'s" or "this year" with one everyday word of a yearly program names that edition', () => {
    expect(found('2027-10-06', ["- Ana: this year's hackdays wrap up with a demo night in November."])).toEqual([1501]);
    expect(found('2027-10-06', ['- Ana: the hackdays this year drew 300 people.'])).toEqual([1501]);
    expect(found('2027-10-06', ['- Ana: the hackdays drew 300 people.'])).toEqual([]);
  });

  test('"AEP" is a proposal word: a draft AEP named by its title words is that proposal', () => {
    expect(found('2027-03-02', ['- Yusuf started the lease auto-extension AEP draft, no number yet.'])).toEqual([1540]);
  });

  test('the platform a proposal is for is not its name', () => {
    expect(index.phrasesByFirst.get('console')?.find((p) => p.tokens.length === 1)?.targets.map((t) => t.role)).toEqual(['team']);
    expect(found('2027-02-20', ['- Console shipped saved templates and a new logs viewer.'])).toEqual([]);
  });

  test('on-chain numbers listed after a proposal word are found', () => {
    expect(found('2027-07-09', ['- Props in voting/deposit: #401, #455. Also #319, unrelated.'])).toEqual([1530, 1531]);
    expect(found('2027-07-09', ['- Merged PRs: #401, #455.'])).toEqual([]);
  });
});

describe('names a title gives outright', () => {
  test('the word before a title\'s colon is the proposal\'s name', () => {
    expect(index.phrasesByFirst.get('sextant')?.find((p) => p.tokens.length === 1)?.targets.map((t) => t.role)).toEqual(['name']);
    expect(found('2027-03-20', ['- Noor presented Sextant, a map of live leases; feedback on hosting is welcome.'])).toEqual([1550]);
  });

  test('initials in brackets with a round number pick the edition', () => {
    expect(found('2027-05-10', ['- Ravi: NHB rnd 2 live since May 1, 41 nodes enrolled.'])).toEqual([1552]);
  });

  test('a capitalised word before a one-word name makes another name', () => {
    expect(found('2027-06-20', ['- Mirror common answers to Stack Spillway with the akash tag, as with the Spillway proposal.'])).toEqual([1553]);
    expect(found('2027-09-20', ['- Mirror common answers to Stack Spillway with the akash tag.'])).toEqual([]);
  });

  test('a name with its own edition\'s year is that edition', () => {
    expect(found('2027-09-20', ['- Dario confirmed the venue for Spillway 2027 in Porto.'])).toEqual([1553]);
    expect(found('2027-09-20', ['- Dario confirmed the venue for Spillway in Porto.'])).toEqual([]);
  });

  test('an AEP said with its number is no proposal word for the names around it', () => {
    expect(found('2027-09-20', ['- Does AEP-91 change anything for Sextant users?'])).toEqual([1540]);
  });
});
