import type { AnalysisSourceRows } from '../../db/queries/analysis.js';
import type { CommitteeMemberConfig } from '../../lib/config.js';
import type { ParsedMeeting } from '../parse/types.js';
import type { AnalysisInput, CommentInput, MeetingInput, ProposalStatus } from '../extract/types.js';
import { extractMentionPassages } from './extract-mention-passages.js';

/** Stored rows of one discussion → the plain input `analyzeProposal` takes. */
export function buildAnalysisInput(rows: AnalysisSourceRows, discussionId: number, committee: CommitteeMemberConfig[]): AnalysisInput {
  const d = rows.discussions.find((x) => x.id === discussionId);
  if (!d) throw new Error(`discussion ${discussionId} is not in the loaded rows`);
  const [owner = '', repo = ''] = d.key.split('/');

  const own = rows.comments.filter((c) => c.discussion_id === discussionId);
  const toReply = (c: (typeof own)[number]) => ({
    id: c.node_id,
    url: c.url ?? d.url,
    author: c.author_login,
    body: c.body,
    createdAt: c.created_at.toISOString(),
    deleted: c.deleted_at !== null || c.removed_at !== null,
  });
  const comments: CommentInput[] = own
    .filter((c) => !c.parent_node_id)
    .map((c) => ({ ...toReply(c), replies: own.filter((r) => r.parent_node_id === c.node_id).map(toReply) }));

  const mentions = rows.mentions.filter((m) => m.discussion_id === discussionId);
  const meetings: MeetingInput[] = [];
  for (const meetingId of [...new Set(mentions.map((m) => m.meeting_id))]) {
    const meeting = rows.meetings.find((m) => m.id === meetingId);
    if (!meeting?.parsed || !meeting.raw || !meeting.date) continue;
    const parsed = meeting.parsed as Omit<ParsedMeeting, 'raw'>;
    const spans = mentions.filter((m) => m.meeting_id === meetingId).map((m) => ({ start: m.span_start, end: m.span_end }));
    meetings.push({
      meetingId: String(meeting.id),
      path: meeting.path,
      title: meeting.title ?? meeting.path,
      group: meeting.group_name ?? 'Meeting',
      date: meeting.date,
      committee: (parsed.committee ?? []).map((p) => (p.affiliation ? `${p.name}, ${p.affiliation}` : p.name)),
      passages: extractMentionPassages({ ...parsed, raw: meeting.raw }, spans),
      actionItems: (parsed.actionItems ?? []).map((a) => ({ owner: a.owner, text: a.text })),
    });
  }
  meetings.sort((a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId));

  const override = rows.overrides.find((o) => o.discussion_id === discussionId);
  return {
    proposal: {
      owner,
      repo,
      number: d.number,
      title: d.title,
      body: d.body,
      url: d.url,
      author: d.author_login,
      createdAt: d.created_at.toISOString(),
      updatedAt: d.updated_at.toISOString(),
      closed: d.closed,
      closedAt: d.closed_at?.toISOString() ?? null,
      stateReason: d.state_reason,
      labels: rows.labels.filter((l) => l.discussion_id === discussionId).map((l) => l.name).sort(),
      category: d.category,
    },
    edits: rows.edits
      .filter((e) => e.discussion_id === discussionId && e.diff !== null)
      .map((e) => ({ editedAt: e.edited_at.toISOString(), editor: e.editor_login, body: e.diff! })),
    comments,
    meetings,
    committee: committee.map((m) => ({ name: m.name, login: m.login ?? null, aliases: m.aliases })),
    override: override
      ? { status: override.status as ProposalStatus, reason: override.reason, by: override.set_by, at: override.set_at.toISOString() }
      : null,
  };
}
