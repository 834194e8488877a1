import { z } from 'zod';
import type { MeetingMentionRow, MeetingPageRow } from '../../db/queries/pages-meetings.js';
import { renderMarkdown } from '../markdown.js';
import { proposalPath, safeUrl, timestampAnchor } from './view-helpers.js';

const span = z.tuple([z.number(), z.number()]);
const person = z.object({ name: z.string(), affiliation: z.string().nullish() });

/** The stored ParsedMeeting, read leniently: a part that does not fit is shown as empty. */
const storedParse = z.object({
  committee: z.array(person).catch([]),
  participants: z.array(person).catch([]),
  agenda: z.array(z.object({ text: z.string(), depth: z.number().catch(0) })).catch([]),
  actionItems: z.array(z.object({ text: z.string(), owner: z.string().nullish() })).catch([]),
  sections: z.array(z.object({ isTranscript: z.boolean().catch(false), span })).catch([]),
  transcriptBlocks: z.array(z.object({ timestamp: z.string(), label: z.string().catch(''), span })).catch([]),
  turns: z.array(z.object({ speaker: z.string().nullish(), timestamp: z.string().nullish(), textStart: z.number(), span })).catch([]),
  warnings: z.array(z.string()).catch([]),
});

export interface TextPart {
  text: string;
  mention?: { href: string; title: string };
}

export interface TranscriptEntry {
  speaker: string | null;
  parts: TextPart[];
}

export interface TranscriptBlockView {
  timestamp: string | null;
  anchor: string | null;
  entries: TranscriptEntry[];
}

/** Splits raw[start, end) into plain parts and highlighted mention parts (overlaps keep the first). */
export function splitWithMentions(raw: string, start: number, end: number, mentions: MeetingMentionRow[]): TextPart[] {
  const parts: TextPart[] = [];
  let at = start;
  for (const m of mentions) {
    if (m.spanStart < at || m.spanEnd > end || m.spanEnd <= m.spanStart) continue;
    if (m.spanStart > at) parts.push({ text: raw.slice(at, m.spanStart) });
    parts.push({ text: raw.slice(m.spanStart, m.spanEnd), mention: { href: proposalPath(m), title: `#${m.number} ${m.title}` } });
    at = m.spanEnd;
  }
  if (at < end) parts.push({ text: raw.slice(at, end) });
  return parts;
}

function transcriptBlocks(raw: string, parse: z.output<typeof storedParse>, mentions: MeetingMentionRow[]): TranscriptBlockView[] {
  const transcript = parse.sections.find((s) => s.isTranscript);
  if (!transcript && !parse.transcriptBlocks.length) return [];
  const end = transcript ? Math.min(raw.length, transcript.span[1]) : raw.length;
  const views = new Map<string | null, TranscriptBlockView>();
  const viewFor = (timestamp: string | null) => {
    let view = views.get(timestamp);
    if (!view) {
      view = { timestamp, anchor: timestamp ? timestampAnchor(timestamp) : null, entries: [] };
      views.set(timestamp, view);
    }
    return view;
  };
  if (parse.turns.length) {
    for (const turn of parse.turns) {
      const [, turnEnd] = turn.span;
      if (turn.textStart < 0 || turnEnd > raw.length || turn.textStart > turnEnd) continue;
      viewFor(turn.timestamp ?? null).entries.push({ speaker: turn.speaker ?? null, parts: splitWithMentions(raw, turn.textStart, turnEnd, mentions) });
    }
  } else {
    parse.transcriptBlocks.forEach((block, index) => {
      const textEnd = Math.min(end, parse.transcriptBlocks[index + 1]?.span[0] ?? end);
      const textStart = Math.min(block.span[1], textEnd);
      viewFor(block.timestamp).entries.push({ speaker: null, parts: splitWithMentions(raw, textStart, textEnd, mentions) });
    });
  }
  // Blocks without turns still get their anchor, so every timestamp link resolves.
  for (const block of parse.transcriptBlocks) viewFor(block.timestamp);
  return [...views.values()].sort((a, b) => (a.timestamp ?? '').localeCompare(b.timestamp ?? ''));
}

/** The meeting page's view model. */
export function presentMeetingPage(meeting: MeetingPageRow, mentions: MeetingMentionRow[]) {
  const parsed = storedParse.safeParse(meeting.parsed ?? {});
  const parse = parsed.success ? parsed.data : storedParse.parse({});
  const raw = meeting.raw ?? '';
  const transcript = parse.sections.find((s) => s.isTranscript);
  const notesEnd = transcript ? transcript.span[0] : raw.length;
  const notesMarkdown = raw.slice(0, notesEnd).replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const proposals = new Map<string, { owner: string; repo: string; number: number; title: string; kinds: Set<string>; excerpts: MeetingMentionRow[] }>();
  for (const m of mentions) {
    const key = `${m.owner}/${m.repo}#${m.number}`;
    const entry = proposals.get(key) ?? { owner: m.owner, repo: m.repo, number: m.number, title: m.title, kinds: new Set<string>(), excerpts: [] };
    entry.kinds.add(m.kind);
    entry.excerpts.push(m);
    proposals.set(key, entry);
  }
  return {
    meeting,
    recordingUrl: safeUrl(meeting.recordingUrl),
    committee: parse.committee,
    participants: parse.participants,
    agenda: parse.agenda,
    actionItems: parse.actionItems,
    warnings: parse.warnings,
    notesHtml: renderMarkdown(notesMarkdown),
    transcript: transcriptBlocks(raw, parse, mentions),
    proposals: [...proposals.values()].map((p) => ({ ...p, kinds: [...p.kinds] })),
  };
}

export type MeetingPage = ReturnType<typeof presentMeetingPage>;
