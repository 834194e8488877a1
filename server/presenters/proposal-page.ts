import { z } from 'zod';
import type { PageComment, ProposalPageRows, StoredAnalysis, StoredOverride } from '../../db/queries/pages-proposal.js';
import type { ProposalMentionRow } from '../../db/queries/mentions.js';
import { renderMarkdown } from '../markdown.js';
import { meetingPath, safeUrl, timestampAnchor } from './view-helpers.js';

const money = z.object({ currency: z.string(), amount: z.number() });
const ref = z.object({ type: z.string(), ref: z.string() }).nullish().catch(null);
const text = z.string().catch('');
const nullableText = z.string().nullish().catch(null);

/**
 * The parts of a stored ProposalAnalysis the page shows. Stored JSON may come from an older analysis
 * version, so every part falls back to empty instead of failing the page.
 */
const storedResult = z.object({
  budget: z
    .object({
      phases: z.array(z.object({ label: text, amount: z.number(), currency: text, description: text, approximate: z.boolean().optional(), equivalent: money.optional() })).catch([]),
      totals: z.array(money).catch([]),
      statedTotal: z.array(money).optional().catch(undefined),
      mismatch: z.array(z.object({ currency: text, stated: z.number(), phaseSum: z.number() })).optional().catch(undefined),
      history: z.array(z.object({ at: text, totals: z.array(money).catch([]), from: z.array(money).optional(), to: z.array(money).optional(), editor: nullableText })).catch([]),
    })
    .catch({ phases: [], totals: [], history: [] }),
  questions: z
    .array(
      z.object({
        text, askedBy: nullableText, askedAt: text, byCommittee: z.boolean().catch(false), source: ref,
        answered: z.boolean().catch(false), answeredBy: nullableText, answeredAt: nullableText, answerRef: nullableText,
      }),
    )
    .catch([]),
  feedbackByMember: z
    .array(
      z.object({
        member: text, login: nullableText, count: z.number().catch(0), lastAt: text,
        items: z.array(z.object({ text, at: text, kind: text, source: ref })).catch([]),
      }),
    )
    .catch([]),
  silentMembers: z.array(z.string()).catch([]),
  actionItems: z
    .array(z.object({ text, owner: nullableText, meeting: z.object({ id: z.string(), title: text, date: text, group: text }).nullish().catch(null) }))
    .catch([]),
  statusEvidence: z.array(z.object({ status: text, at: text, summary: text, ref: nullableText })).catch([]),
  statusOverridden: z.boolean().catch(false),
  timeline: z.array(z.object({ at: text, type: text, summary: text, ref: nullableText })).catch([]),
  stages: z.array(z.object({ status: text, from: text, to: nullableText, days: z.number().catch(0) })).catch([]),
});

export type StoredResult = z.output<typeof storedResult>;

const EMPTY_RESULT: StoredResult = storedResult.parse({});

export function parseStoredResult(value: unknown): StoredResult {
  const parsed = storedResult.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_RESULT;
}

export interface RefLink {
  href: string;
  label: string;
  external: boolean;
}

/**
 * Turns an analysis reference into a link: a stored comment's URL points at the comment on this
 * page, `meetingId@00:25:00` at the meeting's transcript, any other http(s) URL outward.
 */
export function resolveRef(value: string | null | undefined, commentAnchors: Map<string, string>): RefLink | null {
  if (!value) return null;
  const anchor = commentAnchors.get(value);
  if (anchor) return { href: `#${anchor}`, label: 'comment', external: false };
  const meeting = /^(\d+)(?:@(\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(value);
  if (meeting?.[1]) {
    const stamp = meeting[2];
    return { href: `${meetingPath(meeting[1])}${stamp ? `#${timestampAnchor(stamp)}` : ''}`, label: stamp ? `meeting, ${stamp}` : 'meeting', external: false };
  }
  const url = safeUrl(value);
  if (!url) return null;
  const meetingUrl = /^https?:\/\/[^/]+\/meetings\/(\d+)/.exec(url);
  if (meetingUrl) return { href: url, label: 'meeting', external: false };
  return { href: url, label: url.includes('discussioncomment') ? 'comment on GitHub' : 'source', external: true };
}

function presentComment(c: PageComment) {
  const anchor = `comment-${c.node_id}`;
  return {
    id: c.node_id,
    anchor,
    url: c.url,
    author: c.author_login,
    createdAt: c.created_at,
    isAnswer: c.is_answer,
    isMinimized: c.is_minimized,
    deleted: c.deleted_at !== null || c.removed_at !== null,
    html: renderMarkdown(c.body),
  };
}

/** Top-level comments, oldest first, each with its replies; one pass over the rows. */
export function nestPageComments(rows: PageComment[]) {
  const replies = new Map<string, ReturnType<typeof presentComment>[]>();
  for (const row of rows) {
    if (!row.parent_node_id) continue;
    const list = replies.get(row.parent_node_id) ?? [];
    list.push(presentComment(row));
    replies.set(row.parent_node_id, list);
  }
  return rows.filter((row) => !row.parent_node_id).map((row) => ({ ...presentComment(row), replies: replies.get(row.node_id) ?? [] }));
}

export interface ProposalPageInput {
  rows: ProposalPageRows;
  analysis: StoredAnalysis | null;
  override: StoredOverride | null;
  mentions: ProposalMentionRow[];
}

/** The proposal page's view model: sanitised HTML for every user-written text, links for every reference. */
export function presentProposalPage(input: ProposalPageInput) {
  const { rows, analysis, override, mentions } = input;
  const result = parseStoredResult(analysis?.result);
  const commentAnchors = new Map<string, string>();
  for (const c of rows.comments) if (c.url) commentAnchors.set(c.url, `comment-${c.node_id}`);
  const link = (value: string | null | undefined) => resolveRef(value, commentAnchors);

  const comments = nestPageComments(rows.comments);

  const meetings = new Map<number, { id: number; title: string | null; group: string | null; date: string | null; items: ProposalMentionRow[] }>();
  // Newest meeting first; mentions inside a meeting in the order they appear.
  for (const m of [...mentions].reverse()) {
    const entry = meetings.get(m.meetingId) ?? { id: m.meetingId, title: m.title, group: m.groupName, date: m.date, items: [] };
    entry.items.unshift(m);
    meetings.set(m.meetingId, entry);
  }

  const questions = result.questions.map((q) => ({ ...q, askedLink: link(q.source?.ref), answerLink: link(q.answerRef) }));
  const onChain = result.statusEvidence.find((e) => e.status === 'on_chain' && safeUrl(e.ref));
  return {
    summary: rows.summary,
    githubUrl: safeUrl(rows.summary.url),
    onChainUrl: onChain ? safeUrl(onChain.ref) : null,
    bodyHtml: renderMarkdown(rows.body),
    closedAt: rows.closedAt,
    edits: rows.edits,
    status: override?.status ?? analysis?.status ?? (rows.summary.closed ? 'closed' : 'unanalysed'),
    statusReason: override ? `${override.reason} (set by ${override.setBy})` : (analysis?.statusReason ?? null),
    analysedAt: analysis?.analyzedAt ?? null,
    requested: analysis?.requested ?? [],
    lastProposerActivityAt: analysis?.lastProposerActivityAt ?? null,
    lastCommitteeActivityAt: analysis?.lastCommitteeActivityAt ?? null,
    budget: result.budget,
    openQuestions: questions.filter((q) => !q.answered),
    answeredQuestions: questions.filter((q) => q.answered),
    feedbackByMember: result.feedbackByMember.map((member) => ({
      ...member,
      items: member.items.map((item) => ({ ...item, link: link(item.source?.ref) })),
    })),
    silentMembers: result.silentMembers,
    actionItems: result.actionItems,
    statusEvidence: result.statusEvidence.map((e) => ({ ...e, link: link(e.ref) })),
    timeline: result.timeline.map((event) => ({ ...event, link: link(event.ref) })),
    stages: result.stages,
    meetings: [...meetings.values()],
    mentionCount: mentions.length,
    comments,
  };
}

export type ProposalPage = ReturnType<typeof presentProposalPage>;
