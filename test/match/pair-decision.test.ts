import { describe, test, expect } from '@jest/globals';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { explainMeeting, matchMeeting } from '../../sync/match/match-meeting.js';
import type { Mention, ProposalForMatching } from '../../sync/match/types.js';

// Invented proposals: a program with a two-word name, an indexer with a proper name, a yearly one-word program in
// two editions, a yearly hackathon program in two editions, and a one-off hackathon with its own name.
const proposals: ProposalForMatching[] = [
  { number: 904, title: 'Lantern Quest Program', createdAt: '2025-01-10', body: 'Lantern Quest walks builders through their first deployment.\n\nProposed by Ines Vahl.' },
  { number: 907, title: 'Moonwell Indexer: open analytics for leases', createdAt: '2025-01-20', body: 'Moonwell Indexer serves lease analytics.\n\nProposed by Ana Lutz.' },
  { number: 905, title: '2025 Meetups Proposal', body: 'Local meetups through 2025.\n\nProposed by Kofi Mensah.' },
  { number: 906, title: '2026 Meetups Proposal', body: 'Local meetups through 2026.\n\nProposed by Kofi Mensah.' },
  { number: 911, title: '2024 Akash Hackathons Proposal', body: 'Hackathons in 2024.\n\nProposed by Noor Haddad.' },
  { number: 912, title: '2025 Akash Hackathons Proposal', body: 'Hackathons in 2025.\n\nProposed by Noor Haddad.' },
  { number: 901, title: 'Glowfest Hackathon Proposal', createdAt: '2025-04-01', body: 'Glowfest is a student hackathon.\n\nProposed by Sara Quint.' },
];
const index = buildProposalIndex(proposals);
const meeting = (date: string, lines: string[]) => parseMeeting(`sig-community/meetings/030-${date}.md`, ['# SIG Community - Meeting #30', '', ...lines, ''].join('\n'));
const numbers = (mentions: Mention[]): number[] => [...new Set(mentions.map((m) => m.proposalNumber))].sort((a, b) => a - b);
const match = (date: string, lines: string[]): number[] => numbers(matchMeeting(meeting(date, lines), index));

// Four passages that name the program without any proposal word; 74 days after it went up, so no one of them
// refers to the proposal on its own.
const lanternTalk = [
  '## Notes',
  '- Ines showed the new Lantern Quest levels to the group.',
  '- Several builders finished Lantern Quest over the weekend.',
  '- The Lantern Quest leaderboard moved to the docs site.',
  '- Feedback on Lantern Quest should go to the forum thread.',
];

describe('weight of several passages', () => {
  test('a running program named as a name in several passages is accepted without any proposal word', () => {
    const explained = explainMeeting(meeting('2025-03-25', lanternTalk), index);
    const pair = explained.decisions.get(904)!;
    expect(pair.names.every((c) => !c.qualified)).toBe(true);
    expect(pair.passages).toBe(4);
    expect(pair.accepted).toBe(true);
    // The evidence kept is the strongest of those passages, each pointing into the text.
    const kept = explained.mentions.filter((m) => m.proposalNumber === 904);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((m) => m.matchedText === 'Lantern Quest' && m.kind === 'name')).toBe(true);
  });

  test('one such passage is not enough', () => {
    expect(match('2025-03-25', lanternTalk.slice(0, 2))).toEqual([]);
  });

  test('the same passages long after the program ran are not about it', () => {
    expect(match('2025-09-30', lanternTalk)).toEqual([]);
  });

  test('a product talked of weeks before its proposal is known to exist is the work, not the proposal', () => {
    // No creation date: the proposal is only known to exist by the first meeting that links it.
    const boundIndex = buildProposalIndex(
      [{ number: 951, title: 'Harbor Console: payments for deployers', body: 'Harbor Console adds card payments.\n\nProposed by Iris Lund.' }],
      { firstLinkedAt: { 951: '2025-06-10' } },
    );
    const productTalk = (date: string): number[] => numbers(matchMeeting(parseMeeting(`sig-clients/meetings/030-${date}.md`, [
      '# SIG Clients - Meeting #30', '', '## Notes',
      '- Iris showed the new Harbor Console checkout screens.',
      '- Several testers tried Harbor Console over the weekend.',
      '- The Harbor Console release moved to next month.',
      '- Bugs in Harbor Console should go to the issue tracker.', '',
    ].join('\n')), boundIndex));
    expect(productTalk('2025-04-25')).toEqual([]);
    expect(productTalk('2025-05-20')).toEqual([951]);
  });

  test('a proposal that only one passage decides about is still accepted on that passage alone', () => {
    expect(match('2025-03-25', ['## Notes', '- The Lantern Quest proposal passed the vote.'])).toEqual([904]);
  });
});

describe('a program named by its whole title in everyday words', () => {
  // "validator rewards" is everything the title is about; said in lower case, each passage alone proves nothing.
  const rewards: ProposalForMatching = { number: 921, title: 'Validator Rewards Pilot', createdAt: '2025-02-01', body: 'Pays validators for uptime.\n\nProposed by Lee Park.' };
  const rewardsIndex = buildProposalIndex([...proposals, rewards]);
  const talk = (date: string, count: number): number[] =>
    numbers(matchMeeting(meeting(date, ['## Notes', ...[
      '- Lee said validator rewards are paid out every week now.',
      '- The validator rewards dashboard shows uptime per operator.',
      '- Some operators asked how validator rewards treat downtime.',
      '- Next call will review validator rewards for large operators.',
      '- A question on validator rewards went to the forum.',
      '- The docs page on validator rewards got a new table.',
    ].slice(0, count)]), rewardsIndex));

  test('six passages while the program runs add up to a mention', () => {
    expect(talk('2025-03-20', 6)).toEqual([921]);
  });

  test('three such passages do not', () => {
    expect(talk('2025-03-20', 3)).toEqual([]);
  });

  test('the same talk a year after the program started is not about it', () => {
    expect(talk('2026-03-20', 6)).toEqual([]);
  });
});

describe('part of a long title', () => {
  const audit: ProposalForMatching = { number: 931, title: 'Funding a Lease Billing Auditor with Open-Source Tooling + Docs Contributions', createdAt: '2025-02-01', body: 'An open-source auditor for lease billing.\n\nProposed by Tomas Rue.' };
  const auditIndex = buildProposalIndex([...proposals, audit]);
  const said = (line: string): number[] => numbers(matchMeeting(meeting('2025-02-20', ['## Notes', line]), auditIndex));

  test('three of its words with the proposal itself in the sentence are a mention', () => {
    expect(said('- Tomas put in a proposal covering docs and a new billing auditor with open source tooling.')).toEqual([931]);
  });

  test('two everyday words of it with a proposal word are not', () => {
    expect(said('- The proposal covers hosting, and the team prefers open source tools for it.')).toEqual([]);
  });

  test('the three words without any proposal word are not', () => {
    expect(said('- We looked at a billing auditor with open source tooling from another chain.')).toEqual([]);
  });
});

describe('a word of one title inside the name of another', () => {
  const support: ProposalForMatching = { number: 941, title: '2025 Builder Support Proposal', body: 'Support for builders through 2025.\n\nProposed by Ama Osei.' };
  const supportIndex = buildProposalIndex([...proposals, support]);
  const said = (line: string): number[] => numbers(matchMeeting(meeting('2025-08-12', ['## Notes', line]), supportIndex));

  test('"the meetups support proposal" is the meetups proposal, not the support one', () => {
    expect(said('- The Q3 meetups support proposal went on chain and has passed.')).toEqual([905]);
  });

  test('the support proposal said on its own is still found', () => {
    expect(said('- The builder support proposal went on chain and has passed.')).toEqual([941]);
  });
});

describe('software named with its version', () => {
  const upgrade: ProposalForMatching = { number: 961, title: 'Upgrading to Cosmos v0.47 - Funding Request', createdAt: '2025-01-20', body: 'Move the node to the new SDK.\n\nProposed by Ravi Teodoro.' };
  const upgradeIndex = buildProposalIndex([...proposals, upgrade]);
  const said = (lines: string[]): number[] => numbers(matchMeeting(meeting('2025-03-05', ['## Notes', ...lines]), upgradeIndex));

  test('status talk about the upgrade itself, however often, is the work and not the proposal', () => {
    expect(said([
      '- Updates on the Cosmos SDK 47 upgrade and its testnet.',
      '- The Cosmos SDK 47 testnet is live for validators.',
      '- Clients should test against Cosmos SDK 47 before the upgrade.',
      '- Docs for Cosmos SDK 47 are being written.',
      '- Another Cosmos SDK 47 testnet phase starts next week.',
      '- Questions on Cosmos SDK 47 go to the chain channel.',
    ])).toEqual([]);
  });

  test('the same name with the proposal spoken of is the proposal', () => {
    expect(said(['- The Cosmos SDK 47 funding proposal passed on chain.'])).toEqual([961]);
  });
});

describe('loosely cued everyday words', () => {
  test('one lower-case program word with a vote somewhere in its sentence is not enough alone', () => {
    const explained = explainMeeting(meeting('2025-03-01', ['## Notes', '- We covered meetups in Lisbon, and then the vote on fees went fine.']), index);
    const pair = explained.decisions.get(905)!;
    expect(pair.names.map((c) => c.qualified)).toEqual([true]);
    expect(pair.accepted).toBe(false);
    expect(explained.mentions).toEqual([]);
  });

  test('two such passages are', () => {
    const lines = ['## Notes', '- We covered meetups in Lisbon, and then the vote on fees went fine.', '- Two more meetups are planned, and the vote result is public.'];
    expect(match('2025-03-01', lines)).toEqual([905]);
  });

  test('the program word with its proposal word beside it counts alone', () => {
    expect(match('2025-03-01', ['## Notes', '- The meetups proposal is live.'])).toEqual([905]);
  });
});

describe('sentences that run through several proposals', () => {
  test('a list of three programs with one proposal word lends none of them enough', () => {
    const explained = explainMeeting(meeting('2025-03-25', ['## Notes', '- Since last call we put up props for meetups, Lantern Quest and Moonwell Indexer.']), index);
    expect([...explained.decisions.keys()].sort((a, b) => a - b)).toEqual([904, 905, 907]);
    expect(numbers(explained.mentions)).toEqual([]);
  });

  test('a sentence asking for votes on several proposals names each of them', () => {
    const line = '- Two props are in the voting period, so please vote on the meetups and Lantern Quest, and Moonwell Indexer is next.';
    expect(match('2025-03-25', ['## Notes', line])).toEqual([904, 905, 907]);
    // Even a running program far from the vote word in that sentence.
    const far = '- Two props are in the voting period, so please vote on the meetups and Moonwell Indexer, and then the next one coming up soon after that is Lantern Quest.';
    expect(match('2025-03-25', ['## Notes', far])).toEqual([904, 905, 907]);
  });

  test('the same proposal word about one of them alone is enough', () => {
    expect(match('2025-03-25', ['## Notes', '- Since last call we put up props for meetups.'])).toEqual([905]);
  });
});

describe('one sense per meeting', () => {
  test('a linked proposal whose title holds the word takes the passages the date alone would give another edition', () => {
    const lines = [
      '## Notes',
      '- [Glowfest](https://github.com/akash-network/community/discussions/901) asks for prizes and judges.',
      '- The hackathon budget was approved in the vote.',
    ];
    const explained = explainMeeting(meeting('2025-05-06', lines), index);
    expect(numbers(explained.mentions)).toEqual([901]);
    expect(explained.mentions.some((m) => m.kind === 'name' && m.matchedText === 'hackathon')).toBe(true);
  });

  test('without that link the date picks the edition', () => {
    expect(match('2025-05-06', ['## Notes', '- The hackathon budget was approved in the vote.'])).toEqual([912]);
  });

  test('a heading naming an edition by its year sets the sense for the meeting', () => {
    const lines = ['## 2026 Meetups Proposal', '- The meetups proposal draft is up for comments.'];
    expect(match('2025-10-01', lines)).toEqual([906]);
  });

  test('a passing remark about next year does not', () => {
    const lines = ['## Notes', '- The meetups proposal draft is up for comments.', '- Someone asked about 2026 meetups proposal ideas.'];
    expect(match('2025-10-01', lines)).toEqual([905, 906]);
  });
});

describe('what is kept', () => {
  test('a link decides alone, and the names of a rejected pair are dropped', () => {
    const lines = ['## Notes', '- See https://github.com/akash-network/community/discussions/907 for the analytics plan.', '- Ines said Lantern Quest is fun.'];
    const explained = explainMeeting(meeting('2025-03-25', lines), index);
    expect(explained.decisions.get(904)?.accepted).toBe(false);
    expect(numbers(explained.mentions)).toEqual([907]);
    expect(explained.mentions.map((m) => m.kind)).toEqual(['link']);
  });

  test('the proposer taking part is recorded with the pair', () => {
    const lines = ['## Participants', '- Ines Vahl', '', '## Notes', '- Lantern Quest had a good week.'];
    expect(explainMeeting(meeting('2025-03-25', lines), index).decisions.get(904)?.proposerPresent).toBe(true);
    expect(explainMeeting(meeting('2025-03-25', lines.slice(3)), index).decisions.get(904)?.proposerPresent).toBe(false);
  });
});
