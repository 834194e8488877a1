import { findCommitteeMember, type CommitteeRoster } from './extract-committee-roster.js';
import { isProposer, type ProposerIdentity } from './extract-proposer-identity.js';
import { extractContentWords } from './extract-content-words.js';
import { extractDeferredQuestions } from './extract-deferred-questions.js';
import { extractQuestionSentences, isFacilitationPrompt, type QuestionSentence } from './extract-question-sentences.js';
import { meetingRef } from './meeting-ref.js';
import { normalizePersonName } from './normalize-person-name.js';
import type { CommentInput, MeetingInput, MeetingPassageInput, Question } from './types.js';

interface Post {
  url: string;
  author: string | null;
  body: string;
  createdAt: string;
  /** Top-level comment this post belongs to (itself for a top-level comment). */
  threadId: string;
  replies: readonly Post[];
}

/** A proposer comment or turn, read once: normalised words, quoted words and numbered points. */
interface ProposerText {
  haystack: string;
  lower: string;
  quotedWords: Set<string>;
  listNumbers: number[];
}

interface Answer {
  by: string | null;
  at: string;
  ref: string | null;
  evidence: string;
}

interface Context {
  identity: ProposerIdentity;
  roster: CommitteeRoster;
  /** Normalised logins, names and first names of the people in the discussion and its meetings. */
  people: Set<string>;
  proposerComments: { post: Post; read: ProposerText }[];
  proposerTurns: { meeting: MeetingInput; passage: MeetingPassageInput; read: ProposerText }[];
}

const NOTE_QUESTION = /^(?:questions?|concerns?|clarification)\s+(?:about|on|regarding|around|over|were raised|was raised)|\b(?:asked|wanted to know|questioned|inquired|enquired)\b/iu;
const NOTE_ASKER = /^([\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,2})\s+(?:asked|wanted to know|questioned|inquired|enquired|raised)/u;
const NOTE_ANSWER = /\b(?:responded|answered|explained|clarified|replied|confirmed|addressed|will follow up with)\b/iu;
const FOLLOWING_TURNS = 3;
const TRANSCRIPT_MIN_WORDS = 4;
const QUOTE_OVERLAP = 0.6;
/** Content words a follow-up comment must share with a question to count as its answer. */
const FOLLOW_UP_SHARED_WORDS = 2;
/** "1.", "2)", "**3.**", "Q2:", "Re 2:", "On 3 -" opening a line or following a sentence: an answer to a numbered point. */
const NUMBERED_POINT = /^\s*(?:\*\*)?(?:(?:re|on|to|point|q(?:uestion)?)\s*:?\s*#?\s*)?(\d{1,3})(?:\*\*)?\s*(?:[.):]|\s[-–—])|(?<=[.!?;]\s+)(?:(?:re|q(?:uestion)?)\s*:?\s*#?\s*)?(\d{1,3})[.):]\s/gimu;

/** "@tibanez did …", "@mkowal @dachebe what do you think …": the logins a sentence opens by addressing. */
const LEADING_MENTIONS = /^(?:@[\w-]+[\s,:]*(?:(?:and|&)\s+)?)+/u;
/** "Tyler, can we get …": a name a sentence opens by addressing. */
const LEADING_VOCATIVE = /^(?:(?:hey|hi)\s+)?(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)\s*,\s/u;

function day(iso: string): number {
  return Date.parse(iso.slice(0, 10));
}

function wordsOf(text: string): string[] {
  return normalizePersonName(text).split(' ').filter((word) => word.length >= 3);
}

function readProposerText(body: string): ProposerText {
  const quoted = body.split('\n').filter((line) => line.trim().startsWith('>')).join(' ');
  return {
    haystack: ` ${normalizePersonName(body)} `,
    lower: body.toLowerCase(),
    quotedWords: new Set(wordsOf(quoted)),
    listNumbers: [...body.matchAll(NUMBERED_POINT)].map((match) => Number(match[1] ?? match[2])),
  };
}

function quotesQuestion(read: ProposerText, question: string): boolean {
  if (read.quotedWords.size === 0) return false;
  const words = wordsOf(question);
  if (words.length < 2) return false;
  return words.filter((word) => read.quotedWords.has(word)).length / words.length >= QUOTE_OVERLAP;
}

function askerNames(asker: string, roster: CommitteeRoster): string[] {
  const full = normalizePersonName(asker);
  const names = new Set([full]);
  const member = findCommitteeMember(roster, asker);
  if (member) {
    names.add(normalizePersonName(member.name));
    if (roster.uniqueFirstNames.get(member.firstName) === member) names.add(member.firstName);
  }
  if (full.includes(' ')) names.add(full.split(' ')[0] ?? full);
  return [...names].filter((name) => name.length >= 3);
}

function mentionsAsker(read: ProposerText, asker: string | null, names: readonly string[]): boolean {
  if (!asker) return false;
  if (read.lower.includes(`@${asker.toLowerCase()}`)) return true;
  return names.some((name) => read.haystack.includes(` ${name} `));
}

/** A later proposer comment or meeting turn that quotes the question, names the asker, or answers its list point. */
function findLaterAnswer(
  question: QuestionSentence, askedBy: string | null, askedAt: string, context: Context, searchFrom = askedAt,
  group: { texts: readonly string[]; index: number } = { texts: [question.text], index: 0 },
  /** The meeting turn the question was asked in: the proposer's earlier turns there answer nothing. */
  origin: { meeting: MeetingInput; index: number } | null = null,
): Answer | null {
  const asked = Date.parse(searchFrom);
  // "@dachebe good point, we'll get back to you on maintenance": naming the asker to defer answers nothing.
  const defers = (body: string) => extractDeferredQuestions(body, group.texts).has(group.index);
  const names = askedBy ? askerNames(askedBy, context.roster) : [];
  let numberedListSeen = false;
  for (const { post, read } of context.proposerComments) {
    if (Date.parse(post.createdAt) <= asked) continue;
    // Only the first numbered list the proposer posts afterwards can be a point-by-point answer.
    const answersByNumber = !numberedListSeen && read.listNumbers.length >= 2;
    const pointByPoint = answersByNumber && question.listNumber !== null && read.listNumbers.includes(question.listNumber);
    // A comment that answers "1." and "3." by number and greets the asker has skipped point 2.
    const skipsPoint = answersByNumber && question.listNumber !== null && !pointByPoint;
    numberedListSeen ||= read.listNumbers.length > 0;
    const evidence = quotesQuestion(read, question.text)
      ? 'quote'
      : !skipsPoint && mentionsAsker(read, askedBy, names)
        ? 'mention'
        : pointByPoint
          ? 'point-by-point'
          : null;
    if (evidence && !defers(post.body)) return { by: post.author, at: post.createdAt, ref: post.url, evidence };
  }
  for (const { meeting, passage, read } of context.proposerTurns) {
    if (day(meeting.date) < day(askedAt) || passage.kind !== 'transcript') continue;
    if (origin && meeting === origin.meeting && meeting.passages.indexOf(passage) <= origin.index) continue;
    if (mentionsAsker(read, askedBy, names) && !defers(passage.text)) {
      return { by: passage.speaker, at: meeting.date, ref: meetingRef(meeting, passage), evidence: 'mention' };
    }
  }
  return null;
}

/**
 * A question that opens by addressing someone in the discussion other than the proposer ("@tibanez
 * did sig-providers look at this?", "Tyler, can we get the agenda link?") is put to them, not to the
 * proposer. A login or name nobody in the discussion uses proves nothing and keeps the question.
 */
function addressedToSomeoneElse(text: string, context: Context): boolean {
  const mentions = LEADING_MENTIONS.exec(text)?.[0];
  if (mentions) {
    const logins = [...mentions.matchAll(/@([\w-]+)/gu)].map((match) => match[1] ?? '');
    return logins.every((login) => !isProposer(context.identity, login) && isKnownPerson(context, login));
  }
  const name = LEADING_VOCATIVE.exec(text)?.[1];
  return name !== undefined && !isProposer(context.identity, name) && isKnownPerson(context, name);
}

function isKnownPerson(context: Context, nameOrLogin: string): boolean {
  return findCommitteeMember(context.roster, nameOrLogin) !== null || context.people.has(normalizePersonName(nameOrLogin));
}

function peopleIn(posts: readonly Post[], meetings: readonly MeetingInput[]): Set<string> {
  const people = new Set<string>();
  const add = (raw: string | null) => {
    const name = raw ? normalizePersonName(raw) : '';
    if (name === '') return;
    people.add(name);
    if (name.includes(' ')) people.add(name.split(' ')[0] ?? name);
  };
  for (const post of posts) for (const item of [post, ...post.replies]) add(item.author);
  for (const meeting of meetings) for (const passage of meeting.passages) add(passage.speaker);
  return people;
}

function toQuestion(sentence: QuestionSentence, askedBy: string | null, askedAt: string, source: Question['source'], context: Context, answer: Answer | null): Question {
  return {
    text: sentence.text,
    askedBy,
    askedAt,
    byCommittee: findCommitteeMember(context.roster, askedBy) !== null,
    source,
    answered: answer !== null,
    answeredBy: answer?.by ?? null,
    answeredAt: answer?.at ?? null,
    answerRef: answer?.ref ?? null,
    answerEvidence: answer?.evidence ?? null,
  };
}

function sharesSubject(question: string, answer: string): boolean {
  const questionWords = extractContentWords(question);
  const answerWords = extractContentWords(answer);
  const shared = [...questionWords].filter((word) => answerWords.has(word)).length;
  return shared >= Math.min(FOLLOW_UP_SHARED_WORDS, questionWords.size) && shared > 0;
}

/**
 * A proposer reply in the thread answers the comment's questions, except the numbered points it
 * skips when it answers by number ("1. …", "Re 2: …") and the points it says are still open.
 * Without a reply, a proposer comment posted straight after the question (nothing in between)
 * answers the questions whose subject it takes up.
 */
function threadQuestions(post: Post, siblings: readonly Post[], context: Context, followUp: Post | null = null): Question[] {
  if (isProposer(context.identity, post.author)) return [];
  const sentences = extractQuestionSentences(post.body).filter((sentence) => !addressedToSomeoneElse(sentence.text, context));
  if (sentences.length === 0) return [];
  const asked = Date.parse(post.createdAt);
  const replies = siblings.filter((sibling) => Date.parse(sibling.createdAt) > asked && isProposer(context.identity, sibling.author));
  const first = replies[0];
  const numbered = sentences.some((sentence) => sentence.listNumber !== null);
  const pointsAnswered = numbered ? replies.map((reply) => new Set(readProposerText(reply.body).listNumbers)) : [];
  const byNumber = pointsAnswered.some((points) => points.size > 0);
  const texts = sentences.map((sentence) => sentence.text);
  const deferred = new Set(replies.flatMap((reply) => [...extractDeferredQuestions(reply.body, texts)]));
  const nextByProposer = replies.length === 0 && followUp && isProposer(context.identity, followUp.author) ? followUp : null;
  const deferredByNext = nextByProposer ? extractDeferredQuestions(nextByProposer.body, texts) : new Set<number>();
  const lastReply = replies[replies.length - 1];
  const nextPoints = nextByProposer && numbered ? new Set(readProposerText(nextByProposer.body).listNumbers) : new Set<number>();
  const skippedByNext = (sentence: QuestionSentence) => nextPoints.size >= 2 && sentence.listNumber !== null && !nextPoints.has(sentence.listNumber);
  return sentences.map((sentence, index) => {
    let reply: Post | undefined = first;
    let evidence = 'thread-reply';
    if (byNumber && sentence.listNumber !== null) {
      const number = sentence.listNumber;
      reply = replies.find((_, at) => pointsAnswered[at]?.has(number) === true);
    }
    if (deferred.has(index)) reply = undefined;
    if (nextByProposer && !deferredByNext.has(index) && !skippedByNext(sentence) && sharesSubject(sentence.text, nextByProposer.body)) {
      reply = nextByProposer;
      evidence = 'follow-up-comment';
    }
    const answer: Answer | null = reply
      ? { by: reply.author, at: reply.createdAt, ref: reply.url, evidence }
      : findLaterAnswer(sentence, post.author, post.createdAt, context, replies.length > 0 && lastReply ? lastReply.createdAt : post.createdAt, { texts, index });
    return toQuestion(sentence, post.author, post.createdAt, { type: 'comment', ref: post.url }, context, answer);
  });
}

function noteQuestions(meeting: MeetingInput, passage: MeetingPassageInput, context: Context): Question[] {
  const lines = passage.text.split('\n').map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '').trim()).filter((line) => line !== '');
  const questions: Question[] = [];
  for (const [index, line] of lines.entries()) {
    const withoutLinks = line.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
    if ((!withoutLinks.includes('?') && !NOTE_QUESTION.test(withoutLinks)) || isFacilitationPrompt(withoutLinks)) continue;
    const namedAsker = NOTE_ASKER.exec(line)?.[1] ?? null;
    const askedBy = namedAsker ?? passage.speaker;
    if (isProposer(context.identity, askedBy)) continue;
    const answerLine = lines.slice(index + 1).find((later) => NOTE_ANSWER.test(later));
    const answer: Answer | null = answerLine
      ? { by: null, at: meeting.date, ref: meetingRef(meeting, passage), evidence: 'meeting-note' }
      : findLaterAnswer({ text: line, listNumber: null }, askedBy, meeting.date, context);
    const source = { type: 'meeting' as const, ref: meetingRef(meeting, passage), meetingId: meeting.meetingId, timestamp: passage.timestamp };
    questions.push(toQuestion({ text: line, listNumber: null }, askedBy, meeting.date, source, context, answer));
  }
  return questions;
}

/** The proposer's turn among the next few, unless someone else asks a new question first. */
function proposerReplyTurn(following: readonly MeetingPassageInput[], identity: ProposerIdentity): MeetingPassageInput | null {
  for (const later of following) {
    if (later.kind !== 'transcript') continue;
    if (isProposer(identity, later.speaker)) return later;
    if (extractQuestionSentences(later.text, { minWords: TRANSCRIPT_MIN_WORDS, bareInterrogatives: false }).length > 0) return null;
  }
  return null;
}

function meetingQuestions(meeting: MeetingInput, context: Context): Question[] {
  const questions: Question[] = [];
  for (const [index, passage] of meeting.passages.entries()) {
    if (passage.kind === 'note') {
      questions.push(...noteQuestions(meeting, passage, context));
      continue;
    }
    if (!passage.speaker || isProposer(context.identity, passage.speaker)) continue;
    const reply = proposerReplyTurn(meeting.passages.slice(index + 1, index + 1 + FOLLOWING_TURNS), context.identity);
    const sentences = extractQuestionSentences(passage.text, { minWords: TRANSCRIPT_MIN_WORDS, bareInterrogatives: false })
      .filter((sentence) => !addressedToSomeoneElse(sentence.text, context));
    const texts = sentences.map((sentence) => sentence.text);
    // "Good question, I need to look at what we can export. I will come back to you on that."
    const deferred = reply ? extractDeferredQuestions(reply.text, texts) : new Set<number>();
    for (const [at, sentence] of sentences.entries()) {
      const answer: Answer | null = reply && !deferred.has(at)
        ? { by: reply.speaker, at: meeting.date, ref: meetingRef(meeting, reply), evidence: 'meeting-turn' }
        : findLaterAnswer(sentence, passage.speaker, meeting.date, context, meeting.date, { texts, index: at }, { meeting, index });
      const source = { type: 'meeting' as const, ref: meetingRef(meeting, passage), meetingId: meeting.meetingId, timestamp: passage.timestamp };
      questions.push(toQuestion(sentence, passage.speaker, meeting.date, source, context, answer));
    }
  }
  // Within one meeting, the committee's questions come first.
  return [...questions.filter((q) => q.byCommittee), ...questions.filter((q) => !q.byCommittee)];
}

function toPosts(comments: readonly CommentInput[]): Post[] {
  return comments
    .filter((comment) => !comment.deleted)
    .map((comment) => ({
      url: comment.url,
      author: comment.author,
      body: comment.body ?? '',
      createdAt: comment.createdAt,
      threadId: comment.id,
      replies: comment.replies
        .filter((reply) => !reply.deleted)
        .map((reply) => ({ url: reply.url, author: reply.author, body: reply.body ?? '', createdAt: reply.createdAt, threadId: comment.id, replies: [] }))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)),
    }))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/**
 * Questions put to the proposer, in comments, replies and meetings, each marked answered or open
 * with the evidence for it. See sync/extract/README.md for the answer rules.
 */
export function extractQuestions(
  comments: readonly CommentInput[],
  meetings: readonly MeetingInput[],
  identity: ProposerIdentity,
  roster: CommitteeRoster,
): Question[] {
  const posts = toPosts(comments);
  const sortedMeetings = [...meetings].sort((a, b) => day(a.date) - day(b.date));
  const context: Context = {
    identity,
    roster,
    people: peopleIn(posts, sortedMeetings),
    proposerComments: posts
      .flatMap((post) => [post, ...post.replies])
      .filter((post) => isProposer(identity, post.author))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
      .map((post) => ({ post, read: readProposerText(post.body) })),
    proposerTurns: sortedMeetings.flatMap((meeting) =>
      meeting.passages
        .filter((passage) => passage.kind === 'transcript' && isProposer(identity, passage.speaker))
        .map((passage) => ({ meeting, passage, read: readProposerText(passage.text) })),
    ),
  };
  const questions: Question[] = [];
  for (const [index, post] of posts.entries()) {
    questions.push(...threadQuestions(post, post.replies, context, posts[index + 1] ?? null));
    for (const [index, reply] of post.replies.entries()) questions.push(...threadQuestions(reply, post.replies.slice(index + 1), context));
  }
  for (const meeting of sortedMeetings) questions.push(...meetingQuestions(meeting, context));
  const time = (question: Question) => (question.source.type === 'meeting' ? day(question.askedAt) : Date.parse(question.askedAt));
  return questions
    .map((question, order) => ({ question, order }))
    .sort((a, b) => time(a.question) - time(b.question) || a.order - b.order)
    .map(({ question }) => question);
}
