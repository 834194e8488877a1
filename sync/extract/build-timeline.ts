import { findCommitteeMember, type CommitteeRoster } from './extract-committee-roster.js';
import { excerpt } from './excerpt.js';
import { formatAmounts } from './format-amounts.js';
import { meetingRef } from './meeting-ref.js';
import type { StatusSignal } from './extract-status-signals.js';
import type {
  ActionItem, BudgetChange, CommentInput, MeetingInput, ProposalInput, Question, StatusStage, TimelineEvent, TimelineEventType,
} from './types.js';

export interface TimelineParts {
  proposal: ProposalInput;
  bodyVersions: readonly { at: string; editor: string | null }[];
  budgetHistory: readonly BudgetChange[];
  comments: readonly CommentInput[];
  meetings: readonly MeetingInput[];
  questions: readonly Question[];
  actionItems: readonly ActionItem[];
  stages: readonly StatusStage[];
  signals: readonly StatusSignal[];
  roster: CommitteeRoster;
}

/** Same-moment events read best in this order: the cause before its consequences. */
const ORDER: Record<TimelineEventType, number> = {
  created: 0, edited: 1, comment: 2, committee_comment: 2, meeting_mention: 3, question_asked: 4, question_answered: 5, action_item: 6, status_change: 7,
};

function label(status: string): string {
  return status.replace(/_/gu, ' ');
}

function editEvents(parts: TimelineParts): TimelineEvent[] {
  const changes = new Map(parts.budgetHistory.filter((change) => change.from).map((change) => [change.at, change]));
  return parts.bodyVersions.slice(1).map((version) => {
    const change = changes.get(version.at);
    const ask = change?.from && change.to ? `; ask changed from ${formatAmounts(change.from)} to ${formatAmounts(change.to)}` : '';
    return { at: version.at, type: 'edited', summary: `Body edited${version.editor ? ` by @${version.editor}` : ''}${ask}`, ref: parts.proposal.url };
  });
}

function commentEvents(parts: TimelineParts): TimelineEvent[] {
  return parts.comments.flatMap((comment) =>
    [comment, ...comment.replies].filter((post) => !post.deleted).map((post): TimelineEvent => {
      const member = findCommitteeMember(parts.roster, post.author);
      const what = post === comment ? 'Comment' : 'Reply';
      return member
        ? { at: post.createdAt, type: 'committee_comment', summary: `${what} by committee member ${member.name}: ${excerpt(post.body ?? '', 100)}`, ref: post.url }
        : { at: post.createdAt, type: 'comment', summary: `${what} by @${post.author ?? 'ghost'}: ${excerpt(post.body ?? '', 100)}`, ref: post.url };
    }),
  );
}

function stageEvents(parts: TimelineParts): TimelineEvent[] {
  return parts.stages.slice(1).map((stage) => {
    const cause = parts.signals.find((signal) => signal.status === stage.status && Date.parse(signal.at) === Date.parse(stage.from));
    return { at: stage.from, type: 'status_change', summary: `Status became ${label(stage.status)}${cause ? `: ${cause.summary}` : ''}`, ref: cause?.ref ?? null };
  });
}

/** One chronological story of the proposal: every dated event with a one-line summary and a link. */
export function buildTimeline(parts: TimelineParts): TimelineEvent[] {
  const { proposal } = parts;
  const events: TimelineEvent[] = [
    { at: proposal.createdAt, type: 'created', summary: `Proposal created by @${proposal.author ?? 'ghost'}: ${excerpt(proposal.title, 120)}`, ref: proposal.url },
    ...editEvents(parts),
    ...commentEvents(parts),
    ...parts.meetings.map((meeting): TimelineEvent => ({
      at: meeting.date, type: 'meeting_mention', summary: `Mentioned at ${meeting.group}: ${excerpt(meeting.title, 100)} (${meeting.passages.length} passage${meeting.passages.length === 1 ? '' : 's'})`, ref: meetingRef(meeting),
    })),
    ...parts.questions.map((question): TimelineEvent => ({
      at: question.askedAt, type: 'question_asked', summary: `Question from ${question.askedBy ?? 'someone'}: ${excerpt(question.text, 120)}`, ref: question.source.ref,
    })),
    ...parts.questions.flatMap((question): TimelineEvent[] =>
      question.answered && question.answeredAt
        ? [{ at: question.answeredAt, type: 'question_answered', summary: `${question.answeredBy ?? 'The proposer'} answered ${question.askedBy ?? 'a'}'s question: ${excerpt(question.text, 100)}`, ref: question.answerRef }]
        : [],
    ),
    ...parts.actionItems.map((item): TimelineEvent => ({
      at: item.meeting.date, type: 'action_item', summary: `Action item${item.owner ? ` for ${item.owner}` : ''}: ${excerpt(item.text, 120)}`, ref: item.meeting.id,
    })),
    ...stageEvents(parts),
  ];
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => a.time - b.time || ORDER[a.event.type] - ORDER[b.event.type] || a.index - b.index)
    .map(({ event }) => event);
}
