/**
 * Plain-data shapes for the proposal analysis. Everything here is JSON-serialisable so that
 * storage can keep the input and the output as they are. Dates are ISO 8601 strings in UTC;
 * meeting dates are `YYYY-MM-DD`.
 */

export type ProposalStatus =
  | 'new'
  | 'under_discussion'
  | 'presented'
  | 'awaiting_proposer'
  | 'on_chain'
  | 'passed'
  | 'rejected'
  | 'closed'
  | 'withdrawn';

export interface ProposalInput {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  url: string;
  author: string | null;
  /** The proposer's display name when known (GitHub profile name); helps recognise them in meetings. */
  authorName?: string | null;
  createdAt: string;
  updatedAt: string;
  closed: boolean;
  closedAt: string | null;
  /** GitHub's discussion close reason: RESOLVED, OUTDATED or DUPLICATE. */
  stateReason: string | null;
  labels: string[];
  category: string | null;
}

export interface BodyEditInput {
  editedAt: string;
  editor: string | null;
  /** The full body text of that version. */
  body: string;
}

export interface ReplyInput {
  id: string;
  url: string;
  author: string | null;
  body: string;
  createdAt: string;
  deleted: boolean;
}

export interface CommentInput extends ReplyInput {
  replies: ReplyInput[];
}

export interface MeetingPassageInput {
  kind: 'note' | 'transcript';
  heading: string | null;
  speaker: string | null;
  /** Offset into the recording as written in the transcript, e.g. `00:12:30`. */
  timestamp: string | null;
  text: string;
  url?: string;
}

export interface MeetingActionItemInput {
  owner: string | null;
  text: string;
  /** Set by the meeting parser when it already knows the item belongs to this proposal. */
  related?: boolean;
}

export interface MeetingInput {
  meetingId: string;
  path: string;
  title: string;
  group: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** Names from the notes' Committee section, e.g. "Anil Murty, Overclock Labs". */
  committee: string[];
  /** The parts of the meeting that mention this proposal, in meeting order. */
  passages: MeetingPassageInput[];
  actionItems: MeetingActionItemInput[];
}

export interface CommitteeMemberInput {
  name: string;
  login: string | null;
  aliases: string[];
}

export interface StatusOverrideInput {
  status: ProposalStatus;
  reason: string;
  by: string;
  at: string;
}

export interface AnalysisInput {
  proposal: ProposalInput;
  /** Body versions, oldest to newest; may be empty. */
  edits: BodyEditInput[];
  comments: CommentInput[];
  meetings: MeetingInput[];
  committee: CommitteeMemberInput[];
  override?: StatusOverrideInput | null;
}

export interface AnalysisOptions {
  /** The moment the analysis describes; defaults to the current time. Drives open stage durations. */
  now?: string;
}

// ---------------------------------------------------------------- output

export interface CurrencyAmount {
  currency: string;
  amount: number;
}

export interface BudgetPhase {
  label: string;
  amount: number;
  currency: string;
  description: string;
  /** The same request stated in a second currency, e.g. the AKT figure beside a USD ask. Not counted. */
  equivalent?: CurrencyAmount;
  /** True when the amount came with "~", "about", "approx." */
  approximate?: boolean;
}

export interface BudgetMismatch {
  currency: string;
  stated: number;
  phaseSum: number;
}

export interface BudgetChange {
  at: string;
  totals: CurrencyAmount[];
  from?: CurrencyAmount[];
  to?: CurrencyAmount[];
  editor?: string | null;
}

/** What one version of a proposal body asks for. */
export interface BudgetExtraction {
  phases: BudgetPhase[];
  /** Per currency: the stated total when one is given, otherwise the sum of the phases. */
  totals: CurrencyAmount[];
  statedTotal?: CurrencyAmount[];
  mismatch?: BudgetMismatch[];
}

export interface Budget extends BudgetExtraction {
  history: BudgetChange[];
}

export interface SourceRef {
  type: 'comment' | 'meeting';
  /** A comment URL, or a meeting reference `meetingId@timestamp` (or the passage URL when known). */
  ref: string;
  meetingId?: string;
  timestamp?: string | null;
}

export interface Question {
  text: string;
  askedBy: string | null;
  askedAt: string;
  byCommittee: boolean;
  source: SourceRef;
  answered: boolean;
  answeredBy: string | null;
  answeredAt: string | null;
  answerRef: string | null;
  /** How the answer was recognised: thread-reply, follow-up-comment, quote, mention, point-by-point, meeting-turn, meeting-note. */
  answerEvidence: string | null;
}

export interface FeedbackItem {
  member: string;
  text: string;
  at: string;
  kind: 'comment' | 'reply' | 'transcript' | 'note';
  source: SourceRef;
}

export interface MemberFeedback {
  member: string;
  login: string | null;
  count: number;
  firstAt: string;
  lastAt: string;
  items: FeedbackItem[];
}

export interface ActionItem {
  text: string;
  owner: string | null;
  meeting: { id: string; path: string; title: string; group: string; date: string };
}

export interface StatusEvidence {
  status: ProposalStatus;
  at: string;
  summary: string;
  ref: string | null;
}

export interface StatusResult {
  status: ProposalStatus;
  reason: string;
  evidence: StatusEvidence[];
  overridden: boolean;
}

export interface StatusStage {
  status: ProposalStatus;
  from: string;
  /** null while the stage is current. */
  to: string | null;
  days: number;
}

export type TimelineEventType =
  | 'created'
  | 'edited'
  | 'comment'
  | 'committee_comment'
  | 'meeting_mention'
  | 'question_asked'
  | 'question_answered'
  | 'action_item'
  | 'status_change';

export interface TimelineEvent {
  at: string;
  type: TimelineEventType;
  summary: string;
  ref: string | null;
}

export interface ProposalAnalysis {
  version: number;
  budget: Budget;
  /** The totals again, under the name the API summary uses. */
  requested: CurrencyAmount[];
  questions: Question[];
  openQuestionCount: number;
  feedback: FeedbackItem[];
  feedbackByMember: MemberFeedback[];
  silentMembers: string[];
  actionItems: ActionItem[];
  status: ProposalStatus;
  statusReason: string;
  statusEvidence: StatusEvidence[];
  statusOverridden: boolean;
  timeline: TimelineEvent[];
  stages: StatusStage[];
}
