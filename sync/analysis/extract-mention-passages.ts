import type { ParsedMeeting } from '../parse/types.js';
import type { MeetingPassageInput } from '../extract/types.js';

/** How many transcript turns after the one that mentions the proposal belong to its discussion. */
const FOLLOWING_TURNS = 6;
const MAX_NOTE_CHARS = 1500;

type MeetingShape = Pick<ParsedMeeting, 'turns' | 'sections'> & { raw: string };

/**
 * The parts of a meeting that concern a proposal, from its mention spans: a transcript mention
 * gives the turn and the turns that follow it (questions and answers); a note mention gives the
 * bullet block around it, or the whole section when the heading names it and it is short.
 * Overlapping passages are merged.
 */
export function extractMentionPassages(meeting: MeetingShape, spans: { start: number; end: number }[]): MeetingPassageInput[] {
  const passages = new Map<string, MeetingPassageInput & { order: number }>();
  for (const { start } of spans) {
    const turnIndex = meeting.turns.findIndex((t) => t.span[0] <= start && start < t.span[1]);
    if (turnIndex >= 0) {
      for (const [offset, turn] of meeting.turns.slice(turnIndex, turnIndex + 1 + FOLLOWING_TURNS).entries()) {
        // Answers may spill into the next transcript block, but a new block after a few turns is a new topic.
        if (offset >= 3 && turn.timestamp !== meeting.turns[turnIndex]!.timestamp) break;
        passages.set(`t${turn.span[0]}`, {
          kind: 'transcript',
          heading: null,
          speaker: turn.speaker,
          timestamp: turn.timestamp,
          text: turn.text,
          order: turn.span[0],
        });
      }
      continue;
    }
    const section = [...meeting.sections].reverse().find((s) => s.span[0] <= start && start < s.span[1] && !s.isTranscript);
    if (!section) continue;
    const heading = section.headingPath.join(' > ') || null;
    // A mention in the heading makes the whole (short) section about the proposal; a mention in
    // a bullet of a mixed section brings only that bullet, not its neighbours' topics.
    const headingEnd = meeting.raw.indexOf('\n', section.span[0]);
    const inHeading = start < (headingEnd < 0 ? section.span[1] : headingEnd);
    if (inHeading && section.text.length <= MAX_NOTE_CHARS) {
      passages.set(`s${section.span[0]}`, { kind: 'note', heading, speaker: null, timestamp: null, text: section.text.trim(), order: section.span[0] });
      continue;
    }
    const block = bulletBlockAround(meeting.raw, start, section.span);
    passages.set(`b${block.start}`, { kind: 'note', heading, speaker: null, timestamp: null, text: block.text, order: block.start });
  }
  return [...passages.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...p }) => p);
}

/** The top-level bullet (with its sub-bullets) or paragraph that contains `offset`. */
function bulletBlockAround(raw: string, offset: number, bounds: [number, number]): { start: number; text: string } {
  const lineStart = (i: number) => raw.lastIndexOf('\n', i - 1) + 1;
  let start = lineStart(offset);
  const indent = (i: number) => /^[ \t]*/.exec(raw.slice(i))![0].length;
  // Walk up to the top-level line of this bullet.
  while (start > bounds[0] && indent(start) > 0) {
    const prev = lineStart(start - 1);
    if (raw.slice(prev, start).trim() === '') break;
    start = prev;
  }
  let end = raw.indexOf('\n', offset);
  if (end < 0) end = bounds[1];
  // Extend over continuation and deeper lines, stopping at a blank line or the next top-level bullet.
  while (end < bounds[1]) {
    const nextEnd = raw.indexOf('\n', end + 1);
    const line = raw.slice(end + 1, nextEnd < 0 ? bounds[1] : nextEnd);
    if (line.trim() === '' || /^\S/.test(line) || line.startsWith('#')) break;
    end = nextEnd < 0 ? bounds[1] : nextEnd;
  }
  return { start, text: raw.slice(start, Math.min(end, bounds[1])).trim() };
}
