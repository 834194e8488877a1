import type { ProposalDetailRows, ProposalListRow } from '../../db/queries/proposals.js';

import type { ProposalAnalysis } from '../../sync/extract/types.js';

/** CONTRACT's Summary; status, requested and question counts come from the stored analysis. */
export function presentProposalSummary(row: ProposalListRow, mentionCount: number) {
  return {
    owner: row.owner,
    repo: row.repo,
    number: row.number,
    title: row.title,
    url: row.url,
    author: row.author,
    category: row.category,
    labels: row.labels,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closed: row.closed,
    commentCount: row.commentCount,
    removed: row.removedAt ? { at: row.removedAt.toISOString(), reason: row.removedReason } : null,
    status: row.status,
    requested: row.requested,
    mentionCount,
    openQuestionCount: row.openQuestionCount,
  };
}

type CommentRow = ProposalDetailRows['comments'][number];

function presentComment(c: CommentRow) {
  return {
    id: c.node_id,
    databaseId: c.database_id,
    url: c.url,
    author: c.author_login,
    body: c.body,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    isAnswer: c.is_answer,
    isMinimized: c.is_minimized,
    deleted: c.deleted_at !== null || c.removed_at !== null,
  };
}

/** Nests replies under their comments, both oldest first. */
export function nestComments(rows: CommentRow[]) {
  const replies = new Map<string, CommentRow[]>();
  for (const row of rows) {
    if (!row.parent_node_id) continue;
    const list = replies.get(row.parent_node_id) ?? [];
    list.push(row);
    replies.set(row.parent_node_id, list);
  }
  return rows
    .filter((row) => !row.parent_node_id)
    .map((row) => ({ ...presentComment(row), replies: (replies.get(row.node_id) ?? []).map((r) => ({ ...presentComment(r), replies: [] })) }));
}

/** Summary plus the thread and everything the analysis found (empty lists before the first analysis). */
export function presentProposalDetail(rows: ProposalDetailRows, mentionCount: number, extra: Record<string, unknown> = {}) {
  const analysis = rows.analysis as ProposalAnalysis | null;
  return {
    ...presentProposalSummary(rows.summary, mentionCount),
    body: rows.discussion.body,
    closedAt: rows.discussion.closed_at?.toISOString() ?? null,
    stateReason: rows.discussion.state_reason,
    comments: nestComments(rows.comments),
    edits: rows.edits.map((e) => ({ editedAt: e.edited_at.toISOString(), editor: e.editor_login })),
    statusReason: rows.summary.statusReason,
    statusOverridden: analysis?.statusOverridden ?? false,
    statusEvidence: analysis?.statusEvidence ?? [],
    budget: analysis ? analysis.budget : { phases: [], totals: [], history: [] },
    mentions: [],
    questions: analysis?.questions ?? [],
    feedback: analysis?.feedback ?? [],
    feedbackByMember: analysis?.feedbackByMember ?? [],
    silentMembers: analysis?.silentMembers ?? [],
    actionItems: analysis?.actionItems ?? [],
    timeline: analysis?.timeline ?? [],
    stages: analysis?.stages ?? [],
    analysisVersion: analysis?.version ?? null,
    ...extra,
  };
}
