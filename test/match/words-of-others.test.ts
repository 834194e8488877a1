import { describe, test, expect } from '@jest/globals';
import { buildProposalIndex, personNames } from '../../sync/match/build-proposal-index.js';
import { readOrdinal } from '../../sync/match/stop-words.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import { notesMeeting, proposalsFound } from '../helpers/notes-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

// Invented proposals: products with everyday-word names, a team writing in two languages, a program in rounds.
const proposals: ProposalForMatching[] = [
  { number: 2101, title: 'Sounding: Provider Latency Dashboard', createdAt: '2027-01-12', body: 'Sounding shows provider latency on a dashboard.\n\nProposed by Mira Holt (Fathom Labs).' },
  { number: 2107, title: '2027 Festival Resourcing Proposal', body: 'Booths at festivals through 2027.\n\nProposed by Lena Okafor on behalf of the festival working group.' },
  { number: 2108, title: 'Studio Residency: Spring 2027 Cohort', createdAt: '2027-01-15', body: 'Nine teams build on Akash for a season.\n\nProposed by Wren Castell.' },
  { number: 2109, title: 'Studio Residency: Autumn 2027 Cohort', createdAt: '2027-07-20', body: '# Studio Residency (Autumn 2027)\n\nEight teams join the Studio Residency for a season.\n\nProposed by Wren Castell.' },
  { number: 2110, title: 'Harbor: Persistent Storage Operator', createdAt: '2027-03-01', body: 'We run the Harbor Persistent Storage Operator on providers.\n\nProposed by Hana Ost (Harbor team).' },
  { number: 2112, title: 'Tidal: Object Storage Gateway', createdAt: '2027-03-01', body: '## Object Storage\n\nTidal adds a gateway for object storage to providers.\n\nProposed by Ida Lund.' },
  { number: 2113, title: 'Gantry - Provider Observability Toolkit Grant', createdAt: '2027-02-20', body: 'Exporters and dashboards for providers.\n\nSubmitted by Farid Haddad, Gantry Ops' },
  { number: 2114, title: 'Q2 2027 Provider Uptime Rewards', body: 'Rewards for uptime in the second quarter.\n\nProposed by Sveta Orlova.' },
  { number: 2115, title: 'Q1 2028 Provider Uptime Rewards', body: 'Rewards for uptime in the first quarter.\n\nProposed by Sveta Orlova.' },
  { number: 2116, title: 'AEP-93: Lease Escrow Pools', aep: [93], body: 'Escrow pools for leases.' },
  { number: 2117, title: 'Funding Request: Mainnet 19 Network Upgrade', createdAt: '2027-02-01', body: 'Audit and engineering for the Mainnet 19 upgrade, which ships AEP-93.\n\nProposed by Oskar Lind.' },
  { number: 2118, title: 'Akash Meetup Program 2027', body: 'Meetups in 2027.\n\nProposed by the meetups working group (Dana Whit, Marcus Feld and community volunteers).' },
  { number: 2119, title: 'Akash Community Workshops 2028', body: 'Workshops in 2028.\n\nProposed by the workshops working group (Dana Whit, Marcus Feld and community volunteers).' },
  { number: 2120, title: 'Akash Community Workshops 2029', body: 'Workshops in 2029.\n\nProposed by Dana Whit.' },
  { number: 2121, title: 'Keel: Persistent Volume Operator', createdAt: '2027-03-01', body: 'Keel runs persistent volumes on providers.\n\nProposed by Luis Ferro.' },
  { number: 2122, title: 'Xelora Wallet Integration for Akash Console', createdAt: '2027-01-10', body: 'Xelora wallets in the Console.\n\nProposed by Priya Anand (Xelora).' },
  { number: 2123, title: 'Q3 2027 Growth & Marketing Initiatives', body: 'Campaigns for the third quarter.\n\nProposed by Ana Lund.' },
  { number: 2124, title: 'Community meetup sponsorship, fourth quarter', createdAt: '2027-10-01', body: 'Sponsoring six community meetups in the fourth quarter.' },
  { number: 2106, title: 'Arbor: Lease Cost Alerts', createdAt: '2027-01-05', body: 'Arbor alerts tenants when lease costs jump.\n\nProposed by Owen Cast.' },
  { number: 2102, title: 'Kestrel: Docs in Spanish and Portuguese', createdAt: '2027-02-03', body: 'Kestrel writes guides in Spanish and Portuguese for new builders.\n\nProposed by Ana Duarte.' },
  { number: 2103, title: 'Docs Bounty Program - Round 1', createdAt: '2027-01-20', body: 'Bounties for documentation pull requests.\n\nProposed by Ines Falk.' },
  { number: 2104, title: 'Docs Bounty Program - Round 2', createdAt: '2027-09-01', body: 'A second round of documentation bounties.\n\nProposed by Ines Falk.' },
  { number: 2105, title: 'Akash Spring Hackathon Proposal', createdAt: '2027-02-10', body: 'A spring hackathon with three tracks.\n\nProposed by Teo Marsh.' },
];
const index = buildProposalIndex(proposals);
const found = (date: string, lines: string[]): number[] => proposalsFound(notesMeeting(date, lines), index);

describe('the people who proposed it', () => {
  test('are the names in the byline, not the group or company around them', () => {
    expect(personNames('Proposed by Lena Okafor on behalf of the Akash events working group.')).toEqual(['Lena Okafor']);
    expect(personNames('Proposed by Hugo Lindqvist, Lantern Labs.')).toEqual(['Hugo Lindqvist']);
    expect(personNames('Proposed by Robert del Rey and Ana Ruiz (Questboard).')).toEqual(['Robert del Rey', 'Ana Ruiz']);
    expect(personNames('Proposed by Ana Ruiz, Tomas Reyes and Li Wu.')).toEqual(['Ana Ruiz', 'Tomas Reyes', 'Li Wu']);
    expect(personNames('Proposed by the Praetor team.')).toEqual([]);
  });

  test('so the group\'s words still name the program', () => {
    expect(found('2027-05-12', ['- Lena: spend is within the 2027 festival budget.'])).toEqual([2107]);
  });
});

describe('all of what a title is about', () => {
  test('said in three or more words, names the proposal without any proposal word', () => {
    expect(found('2027-09-20', ['- Studio Residency spring cohort: eight of nine teams graduated.'])).toEqual([2108]);
    expect(found('2027-09-20', ['- The spring cohort: eight of nine teams graduated.'])).toEqual([]);
    expect(found('2028-01-20', ['- The Studio Residency autumn cohort held its demo day on January 15.'])).toEqual([2109]);
  });
});

describe('what a proposal\'s body writes with capitals', () => {
  test('in a heading, or inside a longer capitalised name, is no name of its own', () => {
    expect(found('2027-03-10', ['- New mission: deploy a template with persistent storage.'])).toEqual([]);
    expect(found('2027-03-10', ['- New mission: deploy a template with object storage.'])).toEqual([]);
  });
});

describe('names and editions a title gives', () => {
  test('the name before a spaced dash is the proposal\'s name', () => {
    expect(found('2027-09-17', ['- Farid showed milestone 3 of the Gantry grant: an audit metrics feed.'])).toEqual([2113]);
  });

  test('a quarter\'s only edition said with its quarter is named by its period; another quarter is none', () => {
    expect(found('2027-08-28', ['- Ana presented the Q3 2027 marketing initiatives: two campaigns so far.'])).toEqual([2123]);
    expect(found('2027-08-28', ['- Ana presented the Q1 2027 marketing initiatives: two campaigns so far.'])).toEqual([]);
  });

  test('a quarter\'s edition said with its year and quarter is named by its period', () => {
    expect(found('2027-11-13', ['- Sveta presented the retrospective for the Q2 2027 uptime rewards: 63 providers qualified.'])).toEqual([2114]);
  });
});

describe('numbers and editions that belong to another', () => {
  test('an AEP is the proposal that names it in its title, not a body that mentions it', () => {
    expect(found('2027-03-10', ['- AEP-93 moved to last call.'])).toEqual([2116]);
  });

  test('a name with another series number or year is another edition, or none', () => {
    expect(found('2027-03-10', ['- The Mainnet 18 upgrade went through; the Mainnet 19 upgrade funding request is up.'])).toEqual([2117]);
    expect(found('2027-03-10', ['- The Mainnet 18 upgrade went through without incidents, thanks to the funding request.'])).toEqual([]);
    expect(found('2027-12-10', ['- No 2028 meetup program proposal has been drafted yet.'])).toEqual([]);
    expect(found('2027-12-10', ['- The 2027 meetup program proposal closes its books in December.'])).toEqual([2118]);
  });

  test('a list of people in a byline\'s brackets are people, not a team', () => {
    expect(personNames('Proposed by the meetups working group (Dana Whit, Marcus Feld and community volunteers).')).toEqual(['Dana Whit', 'Marcus Feld']);
    expect(index.phrasesByFirst.get('dana')).toBeUndefined();
    // Their words ("community volunteers") are no team's, so both years' titles are one program.
    expect(index.byNumber.get(2119)!.series).toBe(index.byNumber.get(2120)!.series);
  });

  test('words that are properties of every object are no numbers', () => {
    expect(readOrdinal('constructor')).toBeNull();
    expect(readOrdinal('three')).toBe(3);
  });
});

describe('words written with a capital by grammar', () => {
  test('a language in a proposal is no name of it', () => {
    expect(found('2027-03-10', ['- The new moderator for the Portuguese and Spanish channels started in March.'])).toEqual([]);
    expect(found('2027-03-10', ['- Kestrel published four guides this month.'])).toEqual([2102]);
  });
});

describe('everyday senses of a name', () => {
  test('"a sounding" is no product, even with a proposal word near; "Sounding" written as a name is', () => {
    expect(found('2027-02-01', ['- Sounding added a latency map for each region.'])).toEqual([2101]);
    expect(found('2027-06-10', ['- Rodrigo said funding decisions need a proper sounding board before a vote.'])).toEqual([]);
    expect(found('2027-06-10', ['- Rodrigo said we should do a sounding before the funding vote.'])).toEqual([]);
  });

  test('a lower-case name after a modal, a pronoun or "to" is a verb', () => {
    expect(found('2027-04-01', ['- Luis asked whether programs should keel their budgets to USD; the funding stays in AKT.'])).toEqual([]);
    expect(found('2027-04-01', ['- Luis asked about the keel funding milestones.'])).toEqual([2121]);
    expect(found('2027-04-01', ["Luis Ferro: I'll keel the funding schedules into one monthly view."])).toEqual([]);
  });

  test('"request" is a word about a proposal only right after its name', () => {
    expect(found('2027-09-19', ['- One request from the Console side: an endpoint for lease events.'])).toEqual([]);
    expect(found('2027-09-19', ['- The Console side asked about the Xelora funding.'])).toEqual([2122]);
    // Right after the name it is the proposal: the name, not the period after it, is the evidence shown.
    const said = matchMeeting(notesMeeting('2027-10-10', ["- Tomas: let's look at the meetup sponsorship request for the fourth quarter."]), index);
    expect(said.map((m) => m.matchedText)).toEqual(['meetup sponsorship']);
    // A quarter spelled out in a title is its period, not its name.
    expect(index.phrasesByFirst.get('fourth')).toBeUndefined();
    expect(index.byNumber.get(2124)!.quarter).toBe(4);
  });

  test('"its own" and "their own" make the word someone else\'s', () => {
    expect(found('2027-03-03', ['- Another chain passed its own hackathon proposal last week.'])).toEqual([]);
    expect(found('2027-03-03', ['- Teo said the hackathon proposal passed last week.'])).toEqual([2105]);
  });
});

describe('a series word and number right before the name', () => {
  test('"the round one bounty payouts" are round one, though round two is the newest', () => {
    expect(found('2027-09-20', ['- Ines sent the round one bounty payouts to 14 contributors.'])).toEqual([2103]);
  });
});

describe('garbled names in lower case', () => {
  test('one word that sounds like a name counts with the proposal\'s subject words near', () => {
    const meeting = (said: string): string[] => ['## Transcript', '', '### 00:10:00', '', `Mira Holt: ${said}`];
    expect(found('2027-05-02', meeting('quick one from us, the lease cost alerts, arbour, shipped v1 last week.'))).toEqual([2106]);
    expect(found('2027-05-02', meeting('quick one from us, the arbour by the office is lovely, we shipped v1 last week.'))).toEqual([]);
  });
});
