import type { ParsedMeeting } from '../parse/types.js';

export interface OffsetContext {
  heading: string | null;
  speaker: string | null;
  timestamp: string | null;
}

function findLast<T>(items: T[], offset: number, startOf: (item: T) => number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (startOf(item) <= offset) {
      found = item;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Section heading path, transcript speaker and block timestamp at an offset of the meeting text. */
export function locateOffset(meeting: ParsedMeeting, offset: number): OffsetContext {
  const section = findLast(meeting.sections, offset, (s) => s.span[0]);
  const inSection = section && offset < section.span[1] ? section : undefined;
  const turn = findLast(meeting.turns, offset, (t) => t.span[0]);
  const inTurn = turn && offset < turn.span[1] ? turn : undefined;
  const block = findLast(meeting.transcriptBlocks, offset, (b) => b.span[0]);
  const inTranscript = inSection?.isTranscript ?? false;
  return {
    heading: inSection ? inSection.headingPath.join(' > ') : null,
    speaker: inTurn?.speaker ?? null,
    timestamp: inTranscript ? (inTurn?.timestamp ?? block?.timestamp ?? null) : null,
  };
}

/** The line around a span, cut to about `max` characters on word boundaries. */
export function extractExcerpt(raw: string, start: number, end: number, max = 300): string {
  let lineStart = raw.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = raw.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = raw.length;
  let prefix = '';
  let suffix = '';
  if (lineEnd - lineStart > max) {
    const room = Math.max(0, max - (end - start));
    const from = Math.max(lineStart, start - Math.floor(room / 2));
    const to = Math.min(lineEnd, from + Math.max(max, end - start));
    if (from > lineStart) {
      const space = raw.indexOf(' ', from);
      lineStart = space !== -1 && space < start ? space + 1 : from;
      prefix = '…';
    }
    if (to < lineEnd) {
      const space = raw.lastIndexOf(' ', to);
      lineEnd = space > end ? space : to;
      suffix = '…';
    }
  }
  return prefix + raw.slice(lineStart, lineEnd).replace(/\s+/g, ' ').trim() + suffix;
}
