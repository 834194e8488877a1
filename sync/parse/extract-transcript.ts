import type { Line } from './split-lines.js';
import type { TranscriptBlock, TranscriptTurn } from './types.js';

const TIMESTAMP = /^(?:#{1,6}\s*)?[*_]*[([]?(\d{1,2}):(\d{2})(?::(\d{2}))?[)\]]?[*_]*\s*$/;
const LEADING_TIMESTAMP = /^[([]?(\d{1,2}):(\d{2})(?::(\d{2}))?[)\]]?\s+(?=\S)/;
const SPEAKER = /^(?:\*\*([^*\n]{1,48}?)\s*(?::\*\*|\*\*\s*:)|([^\s:*#>\-|`[\d][^:*\n]{0,47}?)\s*:)(?:\s+|$)/;
const FUNCTION_WORDS = new Set([
  'and', 'so', 'but', 'then', 'the', 'i', 'we', 'you', 'it', 'this', 'that', 'which', 'note', 'because',
  'also', 'yes', 'yeah', 'okay', 'ok', 'well', 'like', 'um', 'uh', 'if', 'when', 'what', 'how', 'there',
  'here', 'my', 'our', 'for', 'in', 'on', 'at', 'to', 'of', 'a', 'an', 'is', 'was', 'example', 'question',
  'answer', 'agenda', 'time', 'date', 'link', 'update', 'updates', 'summary', 'action', 'next',
]);

export interface TimestampMatch {
  timestamp: string;
  seconds: number;
}

/** `00:25:00`, `### 00:25:00`, `28:33` (minutes:seconds), `(1:02:03)`; normalised to `HH:MM:SS`. */
export function matchTimestamp(text: string): TimestampMatch | null {
  const m = TIMESTAMP.exec(text.trim());
  return m ? toTimestamp(m[1]!, m[2]!, m[3]) : null;
}

function toTimestamp(a: string, b: string, c: string | undefined): TimestampMatch | null {
  const [h, min, s] = c === undefined ? [0, Number(a), Number(b)] : [Number(a), Number(b), Number(c)];
  if (min > 59 && c !== undefined) return null;
  if (s > 59) return null;
  const hours = h + Math.floor(min / 60);
  const minutes = min % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { timestamp: `${pad(hours)}:${pad(minutes)}:${pad(s)}`, seconds: hours * 3600 + minutes * 60 + s };
}

export interface SpeakerMatch {
  speaker: string;
  /** Offset of the spoken text within the line. */
  textOffset: number;
}

/** `Name: text`, `**Name:** text`, `**Name**: text` or `Name:` alone. Rejects ordinary sentences with a colon. */
export function matchSpeaker(text: string, knownSpeakers?: ReadonlySet<string>): SpeakerMatch | null {
  const m = SPEAKER.exec(text);
  if (!m) return null;
  const speaker = (m[1] ?? m[2] ?? '').trim();
  if (speaker === '' || /https?|www\./i.test(speaker)) return null;
  const words = speaker.split(/\s+/);
  if (words.length > 5) return null;
  if (!knownSpeakers?.has(speaker.toLowerCase())) {
    if (FUNCTION_WORDS.has(words[0]!.toLowerCase())) return null;
    const capitalised = words.every((w) => !/^[a-z]/.test(w));
    if (!capitalised && (words.length > 2 || speaker.length > 16)) return null;
  }
  return { speaker, textOffset: m[0].length };
}

export interface TranscriptResult {
  blocks: TranscriptBlock[];
  turns: TranscriptTurn[];
}

/**
 * Reads the transcript part of a meeting file (lines `from` .. `to`, exclusive): timestamp blocks and
 * speaker turns. Text after a timestamp with no speaker label continues the previous speaker.
 */
export function extractTranscript(
  raw: string,
  lines: Line[],
  from: number,
  to: number,
  headingLines: ReadonlySet<number>,
  knownSpeakers: ReadonlySet<string>,
): TranscriptResult {
  const blocks: TranscriptBlock[] = [];
  const turns: TranscriptTurn[] = [];
  let timestamp: string | null = null;
  let lastSpeaker: string | null = null;
  let current: { speaker: string | null; start: number; textStart: number; end: number; line: number } | null = null;

  const close = (): void => {
    if (!current) return;
    if (current.end > current.textStart) {
      turns.push({
        speaker: current.speaker,
        timestamp,
        text: raw.slice(current.textStart, current.end),
        span: [current.start, current.end],
        textStart: current.textStart,
        line: current.line,
      });
    }
    current = null;
  };

  const openBlock = (ts: TimestampMatch, line: Line, label: string): void => {
    close();
    timestamp = ts.timestamp;
    blocks.push({ timestamp: ts.timestamp, seconds: ts.seconds, label, span: [line.start, line.end], line: line.number });
  };

  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    const ts = matchTimestamp(trimmed);
    if (ts) {
      openBlock(ts, line, trimmed);
      continue;
    }
    if (headingLines.has(i) || /^meeting ended after\b/i.test(trimmed) || /^-{3,}$/.test(trimmed)) {
      close();
      continue;
    }
    const indent = line.text.length - line.text.trimStart().length;
    let offset = indent;
    const lead = LEADING_TIMESTAMP.exec(line.text.slice(offset));
    if (lead) {
      const leadTs = toTimestamp(lead[1]!, lead[2]!, lead[3]);
      if (leadTs) {
        openBlock(leadTs, line, lead[0].trim());
        offset += lead[0].length;
      }
    }
    const speaker = matchSpeaker(line.text.slice(offset), knownSpeakers);
    if (speaker) {
      close();
      lastSpeaker = speaker.speaker;
      const textStart = line.start + offset + speaker.textOffset;
      current = { speaker: speaker.speaker, start: line.start + offset, textStart, end: Math.max(textStart, line.end), line: line.number };
      // `Name:` alone: the text follows on the next lines.
      if (textStart >= line.end) current.end = textStart;
      continue;
    }
    if (!current) {
      // Editor notes such as "_This editable transcript was computer generated..._" are not speech.
      if (/^[_*].*[_*]$/.test(trimmed) && lastSpeaker === null) continue;
      current = { speaker: lastSpeaker, start: line.start + offset, textStart: line.start + offset, end: line.end, line: line.number };
      continue;
    }
    if (current.end === current.textStart) current.textStart = line.start + offset;
    current.end = line.end;
  }
  close();
  return { blocks, turns };
}
