import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import type { ParsedMeeting } from '../../sync/parse/types.js';
import { matchMeeting } from '../../sync/match/match-meeting.js';
import type { ProposalIndex } from '../../sync/match/types.js';

/** A SIG Community meeting on `date` whose notes are `lines` (markdown, one item each), for matcher tests. */
export function notesMeeting(date: string, lines: string[]): ParsedMeeting {
  return parseMeeting(`sig-community/meetings/050-${date}.md`, ['# SIG Community - Meeting #50', '', '## Notes', ...lines, ''].join('\n'));
}

/** The proposals the matcher finds in the meeting, each once, by number. */
export function proposalsFound(meeting: ParsedMeeting, index: ProposalIndex): number[] {
  return [...new Set(matchMeeting(meeting, index).map((m) => m.proposalNumber))].sort((a, b) => a - b);
}
