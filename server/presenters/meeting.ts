import type { MeetingListRow, MeetingRow } from '../../db/queries/meetings.js';
import type { MeetingMentionRow, ProposalMentionRow } from '../../db/queries/mentions.js';

function list<T>(value: unknown, pick: (item: Record<string, unknown>) => T): T[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null).map(pick) : [];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function presentMeetingSummary(row: MeetingListRow) {
  return {
    id: row.id,
    source: row.source,
    path: row.path,
    group: row.groupSlug,
    groupName: row.groupName,
    groupKind: row.groupKind,
    title: row.title,
    number: row.number,
    date: row.date,
    time: row.time,
    recordingUrl: row.recordingUrl,
    mentionCount: row.mentionCount,
    parseError: row.parseError,
  };
}

export function presentMeetingMention(m: MeetingMentionRow) {
  return {
    proposal: { owner: m.owner, repo: m.repo, number: m.number, title: m.title },
    kind: m.kind,
    confidence: m.confidence,
    heading: m.heading,
    speaker: m.speaker,
    timestamp: m.timestamp,
    excerpt: m.excerpt,
    matchedText: m.matchedText,
    span: [m.spanStart, m.spanEnd],
  };
}

export function presentMeetingDetail(row: MeetingRow, mentions: MeetingMentionRow[]) {
  return {
    id: row.id,
    source: row.source,
    path: row.path,
    commit: row.commit,
    group: row.group_slug,
    groupName: row.group_name,
    groupKind: row.group_kind,
    title: row.title,
    number: row.number,
    date: row.date,
    time: row.time,
    recordingUrl: row.recording_url,
    committee: list(row.committee, (p) => ({ name: str(p.name), affiliation: str(p.affiliation) })),
    participants: list(row.participants, (p) => ({ name: str(p.name), affiliation: str(p.affiliation) })),
    agenda: list(row.agenda, (a) => ({ text: str(a.text), depth: typeof a.depth === 'number' ? a.depth : 0 })),
    actionItems: list(row.action_items, (a) => ({ text: str(a.text), owner: str(a.owner) })),
    mentions: mentions.map(presentMeetingMention),
    parseError: row.parse_error,
    parsedAt: row.parsed_at?.toISOString() ?? null,
    removedAt: row.removed_at?.toISOString() ?? null,
  };
}

/** A mention as shown under a proposal: where (which meeting) and the evidence. */
export function presentProposalMention(m: ProposalMentionRow) {
  return {
    meeting: { id: m.meetingId, path: m.path, group: m.groupSlug, groupName: m.groupName, title: m.title, date: m.date },
    kind: m.kind,
    confidence: m.confidence,
    heading: m.heading,
    speaker: m.speaker,
    timestamp: m.timestamp,
    excerpt: m.excerpt,
    matchedText: m.matchedText,
  };
}
