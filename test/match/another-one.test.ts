import { describe, test, expect } from '@jest/globals';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { buildProposalIndex } from '../../sync/match/build-proposal-index.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { ProposalForMatching } from '../../sync/match/types.js';

// Invented: a yearly hackathon program, talked about in a community meeting two months after it went up.
const proposals: ProposalForMatching[] = [
  { number: 812, title: '2025 Akash Hackathons Proposal', createdAt: '2025-01-05', body: 'Hackathons through 2025.\n\nProposed by Noor Haddad.' },
];
const index = buildProposalIndex(proposals);
const matched = (line: string): number[] => {
  const meeting = parseMeeting('sig-community/meetings/040-2025-03-04.md', ['# SIG Community - Meeting #40', '', '## Notes', line, ''].join('\n'));
  return [...new Set(matchMeeting(meeting, index).map((m) => m.proposalNumber))];
};

describe('one everyday word said of some other one', () => {
  test('the program word with its budget beside it is about the proposal', () => {
    expect(matched('- Noor said the hackathon budget still covers judges and prizes.')).toEqual([812]);
    expect(matched('- Noor said the Akash hackathon budget still covers judges and prizes.')).toEqual([812]);
  });

  test('"a new" or "another" one is not the known proposal', () => {
    expect(matched('- Ravi introduced a new hackathon proposal from his university group.')).toEqual([]);
    expect(matched('- Ravi asked whether another hackathon budget could be set aside.')).toEqual([]);
  });

  test('one with a name of its own that the title does not have is not either', () => {
    expect(matched('- Ravi talked about the Glimmerfest Hackathon budget and its sponsors.')).toEqual([]);
  });

  test('a capital that only starts the line is no name', () => {
    expect(matched('- Hackathon budget: judges and prizes are covered.')).toEqual([812]);
  });
});
