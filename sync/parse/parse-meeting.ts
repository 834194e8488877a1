import { MeetingParseError } from './meeting-parse-error.js';
import { splitLines, type Line } from './split-lines.js';
import { cleanInline, extractHeadings, type Heading } from './extract-headings.js';
import { extractFrontMatter, type FrontMatter } from './extract-front-matter.js';
import { extractGroup } from './extract-group.js';
import { parseDateText } from './parse-date-text.js';
import { extractLinks } from './extract-links.js';
import { extractPeople, parsePersonEntry } from './extract-people.js';
import { extractActionItems, looksLikePersonHeading } from './extract-action-items.js';
import { extractTranscript, matchTimestamp } from './extract-transcript.js';
import type { ActionItem, AgendaItem, DateSource, MeetingLink, NoteSection, ParsedMeeting, Person } from './types.js';

const TRANSCRIPT_HEADING = /\btranscripts?\b/i;
const COMMITTEE_HEADING = /^(?:steering\s+)?committee(?:\s+members)?$/i;
const PARTICIPANTS_HEADING = /^(?:participants|attendees|attendance|contributors|present|people present)\b/i;
const AGENDA_HEADING = /\bagenda\b/i;
const ACTION_HEADING = /\b(?:action[- ]items?|next steps|to-?dos?|follow[- ]ups?)\b/i;
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;

/**
 * Parses one meeting-notes markdown file. Every span and line number points into `markdown`, which is kept
 * as `raw`. Throws `MeetingParseError` only when the text is empty, binary, or carries no date anywhere
 * (neither in the text nor in the file name).
 */
export function parseMeeting(path: string, markdown: string): ParsedMeeting {
  if (typeof markdown !== 'string' || markdown.trim() === '') {
    throw new MeetingParseError(path, 'empty', 'the file is empty, so there is no meeting to read');
  }
  if (markdown.includes('\u0000')) {
    throw new MeetingParseError(path, 'binary', 'the file contains NUL bytes: it is not a markdown text file');
  }
  const raw = markdown;
  const lines = splitLines(raw);
  const frontMatter = extractFrontMatter(lines);
  const bodyStart = frontMatter ? frontMatter.endLineIndex + 1 : 0;
  const headings = extractHeadings(lines).filter((h) => h.lineIndex >= bodyStart);
  const headingLines = new Set(headings.map((h) => h.lineIndex));
  const warnings: string[] = [];

  const transcript = findTranscript(headings, lines.length);
  const notesEnd = transcript ? transcript.headingLine : lines.length;
  const noteHeadings = headings.filter((h) => h.lineIndex < notesEnd);

  const titleHeading = noteHeadings.find((h) => h.level === 1) ?? noteHeadings[0] ?? null;
  const title = frontMatter?.values.title?.value ?? titleHeading?.text ?? null;
  const pathHeadings = noteHeadings.filter((h) => !(h === titleHeading && h === noteHeadings[0]));

  const sections = buildSections(raw, lines, pathHeadings, notesEnd);
  if (transcript) {
    const start = lines[transcript.headingLine]!;
    const endLine = lines[transcript.endLine - 1] ?? start;
    sections.push({
      headingPath: [headings.find((h) => h.lineIndex === transcript.headingLine)?.text ?? 'Transcript'],
      level: transcript.level,
      text: raw.slice(start.end, endLine.end),
      span: [start.start, endLine.end],
      line: start.number,
      isTranscript: true,
    });
  }

  const date = findDate(path, lines, bodyStart, notesEnd, frontMatter, warnings);
  const committee = peopleUnder(sections, lines, COMMITTEE_HEADING);
  let participants = peopleUnder(sections, lines, PARTICIPANTS_HEADING);
  if (participants.length === 0 && frontMatter?.lists.contributors) {
    participants = frontMatter.lists.contributors.flatMap((entry) => {
      const person = parsePersonEntry(entry.value);
      const line = lines[entry.lineIndex]!;
      return person ? [{ ...person, span: [line.start, line.end] as [number, number], line: line.number }] : [];
    });
  }

  const links = extractLinks(raw, lines);
  const knownSpeakers = new Set([...participants, ...committee].map((p) => p.name.toLowerCase()));
  const { blocks, turns } = transcript
    ? extractTranscript(raw, lines, transcript.firstLine, transcript.endLine, headingLines, knownSpeakers)
    : { blocks: [], turns: [] };

  return {
    path,
    raw,
    title,
    number: findNumber(title, path),
    group: extractGroup(path),
    date: date.iso,
    dateSource: date.source,
    dateText: date.text,
    time: findTime(lines, bodyStart, notesEnd, frontMatter),
    recordingUrl: findRecording(links, lines, notesEnd),
    committee,
    participants,
    agenda: findAgenda(sections, lines),
    sections,
    actionItems: findActionItems(lines, noteHeadings, notesEnd),
    transcriptBlocks: blocks,
    turns,
    links,
    warnings,
  };
}

interface TranscriptRange {
  headingLine: number;
  /** First line read as transcript content. */
  firstLine: number;
  endLine: number;
  level: number;
}

function findTranscript(headings: Heading[], lineCount: number): TranscriptRange | null {
  let startIndex = headings.findIndex((h) => TRANSCRIPT_HEADING.test(h.text) && !ACTION_HEADING.test(h.text));
  let firstLineOffset = 1;
  if (startIndex === -1) {
    startIndex = headings.findIndex((h) => matchTimestamp(h.text) !== null);
    firstLineOffset = 0;
  }
  const start = headings[startIndex];
  if (!start) return null;
  const level = firstLineOffset === 0 ? 0 : start.level;
  const end = headings.slice(startIndex + 1).find(
    (h) => h.level <= level && matchTimestamp(h.text) === null && !/^meeting ended/i.test(h.text),
  );
  return { headingLine: start.lineIndex, firstLine: start.lineIndex + firstLineOffset, endLine: end ? end.lineIndex : lineCount, level };
}

function buildSections(raw: string, lines: Line[], headings: Heading[], notesEnd: number): NoteSection[] {
  const sections: NoteSection[] = [];
  const stack: Heading[] = [];
  headings.forEach((heading, i) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    stack.push(heading);
    const nextLine = headings[i + 1]?.lineIndex ?? notesEnd;
    const headLine = lines[heading.lineIndex]!;
    const lastLine = lines[Math.max(heading.lineIndex, nextLine - 1)]!;
    sections.push({
      headingPath: stack.map((h) => h.text),
      level: heading.level,
      text: raw.slice(Math.min(headLine.end + 1, lastLine.end), lastLine.end),
      span: [headLine.start, lastLine.end],
      line: headLine.number,
      isTranscript: false,
    });
  });
  return sections;
}

function lineRange(lines: Line[], section: NoteSection): [number, number] {
  return [section.line - 1 + 1, section.line - 1 + countLines(section, lines)];
}

function countLines(section: NoteSection, lines: Line[]): number {
  let n = 0;
  for (let i = section.line - 1; i < lines.length && lines[i]!.start < section.span[1]; i++) n++;
  return n;
}

function peopleUnder(sections: NoteSection[], lines: Line[], heading: RegExp): Person[] {
  const people: Person[] = [];
  for (const section of sections) {
    if (section.isTranscript || !heading.test(section.headingPath[section.headingPath.length - 1] ?? '')) continue;
    const [from, to] = lineRange(lines, section);
    people.push(...extractPeople(lines, from, to));
  }
  return people;
}

function findAgenda(sections: NoteSection[], lines: Line[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const section of sections) {
    if (section.isTranscript || !AGENDA_HEADING.test(section.headingPath[section.headingPath.length - 1] ?? '')) continue;
    const [from, to] = lineRange(lines, section);
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      const bullet = BULLET.exec(line.text);
      if (!bullet) continue;
      const text = cleanInline(bullet[2]!);
      if (text === '') continue;
      const indent = bullet[1]!.replace(/\t/g, '    ').length;
      items.push({ text, depth: Math.floor(indent / 2), span: [line.start, line.end], line: line.number });
    }
  }
  return items;
}

function findActionItems(lines: Line[], headings: Heading[], notesEnd: number): ActionItem[] {
  const items: ActionItem[] = [];
  const covered = new Set<number>();
  headings.forEach((heading, i) => {
    if (!ACTION_HEADING.test(heading.text)) return;
    const end = headings.slice(i + 1).find((h) => h.level <= heading.level)?.lineIndex ?? notesEnd;
    const inner = headings.slice(i + 1).filter((h) => h.lineIndex < end);
    const ownerHeadingAt = (lineIndex: number): string | null => {
      let owner: string | null = null;
      for (const h of inner) {
        if (h.lineIndex > lineIndex) break;
        owner = looksLikePersonHeading(h.text) ? h.text.replace(/^@/, '') : null;
      }
      return owner;
    };
    for (let l = heading.lineIndex + 1; l < end; l++) covered.add(l);
    items.push(...extractActionItems(lines, heading.lineIndex + 1, end, ownerHeadingAt));
  });
  // "**Action Items:**" or "Action Items:" written as a plain line instead of a heading.
  const headingLines = new Set(headings.map((h) => h.lineIndex));
  for (let l = 0; l < notesEnd; l++) {
    if (covered.has(l) || headingLines.has(l)) continue;
    const label = cleanInline(lines[l]!.text.replace(/^\s*[-*+]\s+/, ''));
    if (!/^(?:action[- ]items?|next steps)$/i.test(label)) continue;
    let end = l + 1;
    let seenBullet = false;
    while (end < notesEnd && !headingLines.has(end)) {
      const text = lines[end]!.text;
      if (BULLET.test(text)) seenBullet = true;
      else if (text.trim() !== '' && seenBullet) break;
      end++;
    }
    items.push(...extractActionItems(lines, l + 1, end, () => null));
    l = end - 1;
  }
  items.sort((a, b) => a.span[0] - b.span[0]);
  return items;
}

interface FoundDate {
  iso: string;
  source: DateSource;
  text: string;
}

function findDate(
  path: string,
  lines: Line[],
  bodyStart: number,
  notesEnd: number,
  frontMatter: FrontMatter | null,
  warnings: string[],
): FoundDate {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const fileDateMatch = /((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})/.exec(fileName);
  const fileDate = fileDateMatch ? parseDateText(`${fileDateMatch[1]}-${fileDateMatch[2]}-${fileDateMatch[3]}`) : null;

  let found: FoundDate | null = null;
  for (let i = bodyStart; i < notesEnd && !found; i++) {
    const text = cleanInline(lines[i]!.text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    const m = /^(?:meeting\s+)?date\s*(?:[:\-–—]|\s)\s*(.+)$/i.exec(text);
    if (!m) continue;
    const iso = parseDateText(m[1]!);
    if (iso) found = { iso, source: 'date-line', text: m[1]!.trim() };
    else warnings.push(`line ${i + 1}: could not read a date from "${m[1]!.trim()}"`);
  }
  const frontDate = frontMatter?.values.date?.value;
  if (!found && frontDate) {
    const iso = parseDateText(frontDate);
    if (iso) found = { iso, source: 'front-matter', text: frontDate };
  }
  if (!found && fileDate) found = { iso: fileDate, source: 'file-name', text: fileName };
  if (!found) {
    for (let i = bodyStart; i < Math.min(notesEnd, bodyStart + 60) && !found; i++) {
      const iso = parseDateText(lines[i]!.text);
      if (iso) found = { iso, source: 'header-text', text: lines[i]!.text.trim() };
    }
  }
  if (!found) {
    throw new MeetingParseError(
      path,
      'no-date',
      'no meeting date found: add a "Date: Month D, YYYY" line or name the file like 001-YYYY-MM-DD.md',
    );
  }
  if (fileDate && found.iso !== fileDate && found.source !== 'file-name') {
    warnings.push(`the date in the text (${found.iso}) differs from the date in the file name (${fileDate})`);
    // Same day and month, year off by one: the classic January slip ("January 24, 2023" in a 2024 file).
    const yearSlip = found.iso.slice(4) === fileDate.slice(4) && Math.abs(Number(found.iso.slice(0, 4)) - Number(fileDate.slice(0, 4))) === 1;
    if (yearSlip) found = { iso: fileDate, source: 'file-name', text: fileName };
  }
  return found;
}

function findTime(lines: Line[], bodyStart: number, notesEnd: number, frontMatter: FrontMatter | null): string | null {
  for (let i = bodyStart; i < Math.min(notesEnd, bodyStart + 80); i++) {
    const text = cleanInline(lines[i]!.text.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
    const m = /^(?:meeting\s+)?time\s*[:\-–—]\s*(.+)$/i.exec(text);
    if (m) return m[1]!.trim();
  }
  const frontTime = /T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?/.exec(frontMatter?.values.date?.value ?? '');
  if (frontTime) return `${frontTime[1]}${frontTime[2] === 'Z' ? ' UTC' : frontTime[2] ? ` ${frontTime[2]}` : ''}`;
  return null;
}

function findRecording(links: MeetingLink[], lines: Line[], notesEnd: number): string | null {
  const limit = lines[notesEnd - 1]?.end ?? Infinity;
  for (const link of links) {
    if (link.span[0] > limit || link.url.startsWith('#')) continue;
    const lineText = lines[link.line - 1]?.text ?? '';
    if (/recording|video|watch/i.test(link.text ?? '') || /recording/i.test(lineText)) return link.url;
  }
  return null;
}

function findNumber(title: string | null, path: string): number | null {
  const fromTitle = title ? /#\s*(\d{1,4})\b|\bmeeting\s+(?:no\.?\s*|number\s*)?(\d{1,4})\b/i.exec(title) : null;
  if (fromTitle) return Number(fromTitle[1] ?? fromTitle[2]);
  const fileName = path.split(/[\\/]/).pop() ?? '';
  const fromFile = /^(?:[a-z][\w-]*?-)?(\d{1,4})[-_ ]/i.exec(fileName);
  return fromFile ? Number(fromFile[1]) : null;
}
