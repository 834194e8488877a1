import { findCommitteeMember, findMembersNamedIn, type CommitteeRoster, type RosterMember } from './extract-committee-roster.js';
import { isProposer, type ProposerIdentity } from './extract-proposer-identity.js';
import { excerpt } from './excerpt.js';
import { meetingRef } from './meeting-ref.js';
import type { CommentInput, FeedbackItem, MeetingInput, MemberFeedback, ReplyInput } from './types.js';

export interface FeedbackResult {
  feedback: FeedbackItem[];
  byMember: MemberFeedback[];
  /** Committee members with no comment, reply, transcript turn or note naming them. */
  silentMembers: string[];
}

const MAX_TEXT = 500;

function postItems(post: ReplyInput, kind: 'comment' | 'reply', roster: CommitteeRoster, identity: ProposerIdentity): { member: RosterMember; item: FeedbackItem }[] {
  if (post.deleted || isProposer(identity, post.author)) return [];
  const member = findCommitteeMember(roster, post.author);
  if (!member) return [];
  return [{ member, item: { member: member.name, text: excerpt(post.body ?? '', MAX_TEXT), at: post.createdAt, kind, source: { type: 'comment', ref: post.url } } }];
}

function meetingItems(meeting: MeetingInput, roster: CommitteeRoster, identity: ProposerIdentity): { member: RosterMember; item: FeedbackItem }[] {
  const found: { member: RosterMember; item: FeedbackItem }[] = [];
  for (const passage of meeting.passages) {
    const source = { type: 'meeting' as const, ref: meetingRef(meeting, passage), meetingId: meeting.meetingId, timestamp: passage.timestamp };
    if (passage.kind === 'transcript') {
      const member = isProposer(identity, passage.speaker) ? null : findCommitteeMember(roster, passage.speaker);
      if (member) found.push({ member, item: { member: member.name, text: excerpt(passage.text, MAX_TEXT), at: meeting.date, kind: 'transcript', source } });
      continue;
    }
    for (const line of passage.text.split('\n')) {
      const text = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '').trim();
      if (text === '') continue;
      for (const member of findMembersNamedIn(roster, text)) {
        found.push({ member, item: { member: member.name, text: excerpt(text, MAX_TEXT), at: meeting.date, kind: 'note', source } });
      }
    }
  }
  return found;
}

/**
 * What the committee said about a proposal: members' comments and replies, their transcript turns
 * in the proposal's passages, and note lines that name them, grouped per member.
 */
export function extractFeedback(
  comments: readonly CommentInput[],
  meetings: readonly MeetingInput[],
  roster: CommitteeRoster,
  identity: ProposerIdentity,
): FeedbackResult {
  const found = [
    ...comments.flatMap((comment) => [
      ...postItems(comment, 'comment', roster, identity),
      ...comment.replies.flatMap((reply) => postItems(reply, 'reply', roster, identity)),
    ]),
    ...meetings.flatMap((meeting) => meetingItems(meeting, roster, identity)),
  ].sort((a, b) => Date.parse(a.item.at) - Date.parse(b.item.at));
  const byMember: MemberFeedback[] = [];
  for (const member of roster.members) {
    const items = found.filter((entry) => entry.member === member).map((entry) => entry.item);
    const first = items[0];
    const last = items[items.length - 1];
    if (first && last) byMember.push({ member: member.name, login: member.login, count: items.length, firstAt: first.at, lastAt: last.at, items });
  }
  const heard = new Set(found.map((entry) => entry.member));
  return {
    feedback: found.map((entry) => entry.item),
    byMember,
    silentMembers: roster.members.filter((member) => !heard.has(member) && !isProposer(identity, member.login ?? member.name)).map((member) => member.name),
  };
}
