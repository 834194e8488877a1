import { describe, test, expect } from '@jest/globals';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex, interpolateDates } from '../../sync/match/build-proposal-index.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

describe('interpolateDates', () => {
  const upper = new Map<number, string | null>([
    [10, '2024-01-01'],
    [15, '2024-02-20'],
    [20, '2024-04-10'],
    [25, null],
  ]);

  test('a number between two fixes is dated in proportion to its place between them', () => {
    // 15 was first linked late (2024-05-01) but the bound from 20 and the fixes put it halfway: 50 of 100 days.
    const dates = interpolateDates(new Map([...upper, [15, '2024-04-10']]), { 10: '2024-01-01', 15: '2024-05-01', 20: '2024-04-10' });
    expect(dates.get(15)).toBe('2024-02-20');
    expect(dates.get(10)).toBe('2024-01-01');
    expect(dates.get(20)).toBe('2024-04-10');
  });

  test('numbers beyond the last fix or before the first get no estimate', () => {
    const dates = interpolateDates(new Map([[5, '2024-01-01'], ...upper]), { 10: '2024-01-01', 20: '2024-04-10' });
    expect(dates.has(25)).toBe(false);
    expect(dates.has(5)).toBe(false);
  });

  test('an estimate never passes the upper bound', () => {
    const dates = interpolateDates(new Map([[10, '2024-01-01'], [19, '2024-01-05'], [20, '2024-04-10']]), { 10: '2024-01-01', 20: '2024-04-10' });
    expect(dates.get(19)).toBe('2024-01-05');
  });
});

// Invented: two unrelated discussions give fixes 70 days apart; an unlinked program's number sits between them.
const proposals: ProposalForMatching[] = [
  { number: 300, title: 'Ledger Export Tooling', body: 'Export of lease ledgers.\n\nProposed by Ola Berg.' },
  { number: 340, title: 'Lantern Quest Program', body: 'Lantern Quest walks builders through their first deployment.\n\nProposed by Ines Vahl.' },
  { number: 380, title: 'Relay Node Monitoring', body: 'Monitoring of relay nodes.\n\nProposed by Tom Reyes.' },
];
const index = buildProposalIndex(proposals, { firstLinkedAt: { 300: '2025-01-01', 380: '2025-03-12' } });
const meeting = (date: string, lines: string[]) => parseMeeting(`sig-community/meetings/031-${date}.md`, ['# SIG Community - Meeting #31', '', ...lines, ''].join('\n'));
const matched = (date: string, lines: string[]): number[] => [...new Set(matchMeeting(meeting(date, lines), index).map((m) => m.proposalNumber))];

describe('dates estimated from neighbouring discussion numbers', () => {
  test('an unlinked discussion is dated between its linked neighbours, as an estimate with its bound kept', () => {
    const p = index.byNumber.get(340)!;
    // 40 of 80 numbers along 70 days: 35 days after the lower fix.
    expect(p.anchor).toBe('2025-02-05');
    expect(p.anchorIsBound).toBe(false);
    expect(p.linkBound).toBe('2025-03-12');
  });

  test('a program name said alone near the estimated date is about the proposal', () => {
    expect(matched('2025-02-04', ['## Notes', '- Ines showed the Lantern Quest levels to the group.'])).toEqual([340]);
  });

  test('the same words months after the estimated date are not, even within weeks of the bound', () => {
    expect(matched('2025-04-22', ['## Notes', '- Ines showed the Lantern Quest levels to the group.'])).toEqual([]);
  });

  // Several passages naming the program without any proposal word.
  const lanternTalk = [
    '## Notes',
    '- Ines showed the new Lantern Quest levels to the group.',
    '- Several builders finished Lantern Quest over the weekend.',
    '- The Lantern Quest leaderboard moved to the docs site.',
    '- Feedback on Lantern Quest should go to the forum thread.',
  ];

  test('a program runs a quarter after the first link showed it existed, however early its estimate', () => {
    // 104 days after the estimate, 69 after the bound.
    expect(matched('2025-05-20', lanternTalk)).toEqual([340]);
  });

  test('and not beyond that quarter', () => {
    // 146 days after the estimate, 111 after the bound.
    expect(matched('2025-07-01', lanternTalk)).toEqual([]);
  });
});
