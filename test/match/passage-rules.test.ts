import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { Mention, ProposalForMatching } from '../../sync/match/types.js';

// Invented proposals: a team's own product, a shared name, a bracketed platform, a numbered pilot with initials,
// a versioned upgrade and a yearly program.
const proposals: ProposalForMatching[] = [
  { number: 790, title: 'Lumenforge Eval Harness Funding', createdAt: '2025-02-20', body: 'The Lumenforge team builds an eval harness for models.\n\nProposed by Mira Dhillon (Lumenforge).' },
  { number: 801, title: 'Kestrel Indexer Grant', createdAt: '2025-01-10', body: 'Kestrel wants to run an indexer.\n\nProposed by Osei Brandt (Kestrel).' },
  { number: 805, title: 'Kestrel Mobile Wallet Proposal', createdAt: '2025-03-01', body: 'A wallet by Kestrel.\n\nProposed by Osei Brandt (Kestrel).' },
  { number: 812, title: 'Relay Operator Rewards Pilot 01', createdAt: '2024-06-01', body: 'Pay relay operators.\n\nProposed by Dana Okafor.' },
  { number: 840, title: 'Relay Operator Rewards Pilot 02', createdAt: '2025-01-15', body: 'The second pilot.\n\nProposed by Dana Okafor.' },
  { number: 820, title: 'Chain Onboarding Campaign (Brightpath)', createdAt: '2025-02-01', body: 'Missions on Brightpath with rewards.\n\nProposed by Lia Moreau.' },
  { number: 830, title: 'Upgrading to Cosmos v0.47 - Funding Request', createdAt: '2025-01-20', body: 'Move the node to the new SDK.\n\nProposed by Ravi Teodoro.' },
  { number: 850, title: '2025 Akash Hackathons Proposal', body: 'Hackathons for 2025.\n\nProposed by Noor Haddad.' },
  { number: 860, title: 'Quarry Cloud: decentralised object storage', createdAt: '2025-03-01', body: 'Quarry Cloud offers storage.\n\nProposed by Erik Vance.' },
];
const index = buildProposalIndex(proposals);
const fixture = fileURLToPath(new URL('../fixtures/meetings/sig-governance/meetings/007-2025-03-13.md', import.meta.url));
const mentions = matchMeeting(parseMeeting('sig-governance/meetings/007-2025-03-13.md', readFileSync(fixture, 'utf8')), index);
const lineOf = (m: Mention): string => m.excerpt;
const on = (needle: string): Mention[] => mentions.filter((m) => lineOf(m).includes(needle));
const numbersOn = (needle: string): number[] => [...new Set(on(needle).map((m) => m.proposalNumber))].sort((a, b) => a - b);

describe('what a passage must say for a name to count', () => {
  test("a team's own product named in a status update is not its proposal", () => {
    expect(numbersOn('shipped a new dashboard')).toEqual([]);
  });

  test('the same team name with proposal words is', () => {
    expect(numbersOn('asked for feedback on their funding proposal')).toEqual([790]);
  });

  test('a garbled team name with proposal words is found too', () => {
    const garbled = mentions.find((m) => m.kind === 'fuzzy_name' && m.proposalNumber === 790);
    expect(garbled?.matchedText.toLowerCase()).toBe('lumen forge');
    expect(garbled?.speaker).toBe('Mira Dhillon');
  });

  test('a name several unrelated proposals share needs words that tell them apart', () => {
    expect(numbersOn('hosted workshops')).toEqual([]);
    expect(numbersOn('kestrel proposal is next week')).toEqual([]);
  });

  test('a line linking one discussion does not also mention another proposal named on it', () => {
    expect(numbersOn('Lumenforge will mirror the data')).toEqual([812]);
  });

  test('initials of the title with a series number pick that edition; initials alone do not count', () => {
    const initials = on('RORP 02 is now live');
    expect(initials.map((m) => m.proposalNumber)).toEqual([840]);
    expect(initials.map((m) => m.matchedText)).toEqual(['RORP']);
  });

  test('one program word needs the decision nearby or a quarter; a budget talk elsewhere is not enough', () => {
    expect(numbersOn('approved through a governance vote')).toEqual([850]);
    expect(numbersOn('Q3 hackathon planning')).toEqual([850]);
    expect(numbersOn('sponsorship budget at another conference')).toEqual([]);
  });

  test('"the X team" is the team, which needs proposal words', () => {
    expect(numbersOn('Quarry Cloud team gave a demo')).toEqual([]);
  });

  test('a platform in the title brackets counts with campaign words', () => {
    expect(numbersOn('Brightpath is now in sprint 2')).toEqual([820]);
  });

  test('a series number said with its leading zero ("Zero-One", "zero two") picks that edition', () => {
    const said = (line: string): number[] =>
      [...new Set(matchMeeting(parseMeeting('sig-governance/meetings/009-2025-05-08.md', `# N\n## Notes\n${line}\n`), index).map((m) => m.proposalNumber))];
    expect(said('- RORP Zero-One summary: all funds of the proposal were allocated.')).toEqual([812]);
    expect(said('- The RORP zero two proposal will ask for a larger budget.')).toEqual([840]);
  });

  test('a versioned title is said as name and version number', () => {
    expect(numbersOn('Cosmos SDK 47 proposal passed')).toEqual([830]);
  });

  test('a yearly program is not matched in meetings long before its year', () => {
    const early = matchMeeting(parseMeeting('sig-governance/meetings/001-2023-05-04.md', '# N\n## Notes\n- The hackathon was approved through a governance vote.\n'), index);
    expect(early.map((m) => m.proposalNumber)).toEqual([]);
  });

  test('a bracketed platform alone counts only in the weeks after its proposal went up', () => {
    const soon = matchMeeting(parseMeeting('sig-governance/meetings/002-2025-03-01.md', '# N\n## Notes\n- Brightpath update.\n'), index);
    const late = matchMeeting(parseMeeting('sig-governance/meetings/003-2025-09-01.md', '# N\n## Notes\n- Brightpath update.\n'), index);
    expect(soon.map((m) => m.proposalNumber)).toEqual([820]);
    expect(late.map((m) => m.proposalNumber)).toEqual([]);
  });
});

describe('subject words', () => {
  test("the team's name with the proposal's own subject words nearby counts", () => {
    const text = '# N\n## Notes\n- Quarry Cloud team showed the decentralised object storage layer.\n';
    expect(matchMeeting(parseMeeting('sig-governance/meetings/004-2025-03-20.md', text), index).map((m) => m.proposalNumber)).toEqual([860]);
  });
});
