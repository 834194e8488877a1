import { findCommitteeMember, type CommitteeRoster } from './extract-committee-roster.js';
import { isProposer, type ProposerIdentity } from './extract-proposer-identity.js';
import { excerpt } from './excerpt.js';
import { findStatusPhrases } from './find-status-phrases.js';
import { meetingRef } from './meeting-ref.js';
import type { AnalysisInput, ProposalStatus, Question } from './types.js';

/** A piece of evidence that the proposal was in `status` from `at` (until `until`, when it ends). */
export interface StatusSignal {
  status: ProposalStatus;
  at: string;
  until: string | null;
  summary: string;
  ref: string | null;
}

interface StatusText {
  text: string;
  at: string;
  who: string | null;
  trusted: boolean;
  ref: string | null;
  where: string;
}

const PASSED_LABEL = /^(?:passed|approved|accepted|funded)$/iu;
const REJECTED_LABEL = /^(?:rejected|declined|failed|not passed|denied)$/iu;
const WITHDRAWN_LABEL = /^withdrawn$/iu;
const ONCHAIN_LABEL = /^(?:on[- ]?chain|voting|in voting)$/iu;
const STEERING = /steering/iu;
const WITHDRAWN_REASONS = new Set(['DUPLICATE', 'OUTDATED']);

function time(iso: string): number {
  return Date.parse(iso);
}

function statusTexts(input: AnalysisInput, bodyVersions: readonly { at: string; body: string }[], identity: ProposerIdentity, roster: CommitteeRoster): StatusText[] {
  const { proposal } = input;
  const texts: StatusText[] = bodyVersions.map((version) => ({
    text: version.body, at: version.at, who: proposal.author, trusted: true, ref: proposal.url, where: 'the proposal body',
  }));
  for (const comment of input.comments) {
    for (const post of [comment, ...comment.replies]) {
      if (post.deleted) continue;
      const trusted = isProposer(identity, post.author) || findCommitteeMember(roster, post.author) !== null;
      texts.push({ text: post.body ?? '', at: post.createdAt, who: post.author, trusted, ref: post.url, where: `a comment by @${post.author ?? 'ghost'}` });
    }
  }
  for (const meeting of input.meetings) {
    for (const passage of meeting.passages) {
      texts.push({ text: passage.text, at: meeting.date, who: passage.speaker, trusted: true, ref: meetingRef(meeting, passage), where: `${meeting.group} (${meeting.date})` });
    }
  }
  return texts.sort((a, b) => time(a.at) - time(b.at));
}

function phraseSignals(texts: readonly StatusText[]): StatusSignal[] {
  const signals: StatusSignal[] = [];
  const seenOnChain = new Set<number>();
  let lastOutcome: string | null = null;
  for (const text of texts) {
    const phrases = findStatusPhrases(text.text);
    if (phrases.onChain !== null && !seenOnChain.has(phrases.onChain)) {
      seenOnChain.add(phrases.onChain);
      signals.push({ status: 'on_chain', at: text.at, until: null, summary: `On-chain proposal #${phrases.onChain}, cited in ${text.where}`, ref: text.ref });
    }
    for (const status of ['passed', 'rejected'] as const) {
      const phrase = phrases[status];
      if (phrase && lastOutcome !== `${status}|${phrase}`) {
        lastOutcome = `${status}|${phrase}`;
        signals.push({ status, at: text.at, until: null, summary: `${status === 'passed' ? 'Passed' : 'Rejected'}, as stated in ${text.where}: "${excerpt(phrase, 140)}"`, ref: text.ref });
      }
    }
    if (phrases.withdrawn && text.trusted) {
      signals.push({ status: 'withdrawn', at: text.at, until: null, summary: `Withdrawn, as stated in ${text.where}: "${excerpt(phrases.withdrawn, 140)}"`, ref: text.ref });
    }
  }
  return signals;
}

function labelSignals(input: AnalysisInput): StatusSignal[] {
  const { proposal } = input;
  const at = proposal.closedAt ?? proposal.updatedAt;
  const rules: [RegExp, ProposalStatus][] = [[PASSED_LABEL, 'passed'], [REJECTED_LABEL, 'rejected'], [WITHDRAWN_LABEL, 'withdrawn'], [ONCHAIN_LABEL, 'on_chain']];
  return proposal.labels.flatMap((label) => {
    const rule = rules.find(([pattern]) => pattern.test(label.trim()));
    return rule ? [{ status: rule[1], at, until: null, summary: `Labelled "${label}"`, ref: proposal.url }] : [];
  });
}

function discussionSignals(input: AnalysisInput, identity: ProposerIdentity): StatusSignal[] {
  const signals: StatusSignal[] = [];
  const others = input.comments
    .flatMap((comment) => [comment, ...comment.replies])
    .filter((post) => !post.deleted && !isProposer(identity, post.author))
    .sort((a, b) => time(a.createdAt) - time(b.createdAt));
  const firstComment = others[0];
  if (firstComment) {
    signals.push({ status: 'under_discussion', at: firstComment.createdAt, until: null, summary: `${others.length} comment${others.length === 1 ? '' : 's'} from others, the first by @${firstComment.author ?? 'ghost'}`, ref: firstComment.url });
  }
  const meetings = [...input.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const otherMeeting = meetings.find((meeting) => !STEERING.test(meeting.group));
  if (otherMeeting) {
    signals.push({ status: 'under_discussion', at: otherMeeting.date, until: null, summary: `Discussed at ${otherMeeting.group} on ${otherMeeting.date}`, ref: meetingRef(otherMeeting) });
  }
  for (const meeting of meetings.filter((m) => STEERING.test(m.group))) {
    signals.push({ status: 'presented', at: meeting.date, until: null, summary: `Presented at the ${meeting.group} on ${meeting.date} (${meeting.title})`, ref: meetingRef(meeting) });
  }
  return signals;
}

function questionSignals(questions: readonly Question[]): StatusSignal[] {
  return questions
    .filter((question) => question.byCommittee)
    .map((question) => ({
      status: 'awaiting_proposer' as const,
      at: question.askedAt,
      until: question.answeredAt,
      summary: `Committee question from ${question.askedBy ?? 'a member'} on ${question.askedAt.slice(0, 10)}: "${excerpt(question.text, 140)}"`,
      ref: question.source.ref,
    }));
}

function closeSignals(input: AnalysisInput): StatusSignal[] {
  const { proposal } = input;
  if (!proposal.closed) return [];
  const at = proposal.closedAt ?? proposal.updatedAt;
  const reason = (proposal.stateReason ?? '').toUpperCase();
  if (WITHDRAWN_REASONS.has(reason)) {
    return [{ status: 'withdrawn', at, until: null, summary: `Discussion closed as ${reason.toLowerCase()} on ${at.slice(0, 10)}`, ref: proposal.url }];
  }
  return [{ status: 'closed', at, until: null, summary: `Discussion closed${reason ? ` as ${reason.toLowerCase()}` : ''} on ${at.slice(0, 10)}`, ref: proposal.url }];
}

/** Every dated piece of evidence for a status; deriveStatus and deriveStatusStages weigh them. */
export function extractStatusSignals(
  input: AnalysisInput,
  questions: readonly Question[],
  bodyVersions: readonly { at: string; body: string }[],
  identity: ProposerIdentity,
  roster: CommitteeRoster,
): StatusSignal[] {
  return [
    { status: 'new', at: input.proposal.createdAt, until: null, summary: `Created by @${input.proposal.author ?? 'ghost'}; no comments from others and no meeting mentions yet`, ref: input.proposal.url },
    ...discussionSignals(input, identity),
    ...questionSignals(questions),
    ...phraseSignals(statusTexts(input, bodyVersions, identity, roster)),
    ...labelSignals(input),
    ...closeSignals(input),
  ];
}
