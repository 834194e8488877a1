import { timeOf } from './date-times.js';
import { closestNameOf, trimClosestMemo } from './garbled-names.js';
import { PHRASE_START, candidatesFor, type IndexLexicon } from './index-lexicon.js';
import { GENERIC_WORDS, STOP_WORDS, isShortNumber, readOrdinal } from './stop-words.js';
import { hasSubjectSupport, plainAt, readPassageCues, startsWithLetter, windowEnd, windowStart, type LinedTokens, type PassageCues } from './read-passage-cues.js';
import { resolveCandidates, type MatchContext, type Resolution } from './resolve-candidates.js';
import type { IndexedProposal, NameCandidate, NamePhrase, PhraseRole, PhraseTarget, ProposalIndex } from './types.js';

const WINDOW = 12;

/** Where the phrase whose words have the stems `stems` (`WordTable.stemIdOf`) ends when it starts at word `i`; -1 when it does not. */
function phraseAt(t: LinedTokens, i: number, phrase: NamePhrase, stems: Int32Array): number {
  const n = stems.length;
  if (i + n > t.count) return -1;
  const stemId = t.table.stemId;
  for (let k = 0; k < n - 1; k++) if (stemId[t.word[i + k]!] !== stems[k] || t.line[i + k] !== t.line[i]) return -1;
  const last = stems[n - 1]!;
  for (let g = 0; g <= phrase.gap; g++) {
    const j = i + n - 1 + g;
    if (j >= t.count || t.line[j] !== t.line[i]) return -1;
    if (stemId[t.word[j]!] === last) return j + 1;
  }
  return -1;
}

const DAY = 86_400_000;
/** How long a one-off program runs after its proposal, when no next edition says otherwise. */
const CURRENT_DAYS = 180;

/** Days from the proposal's known date to the meeting (`meetingTime`, parsed); null when the proposal has no known date. */
function daysFromAnchor(proposal: IndexedProposal, meetingTime: number): number | null {
  const anchor = proposal.anchor;
  if (!anchor) return null;
  return (meetingTime - timeOf(anchor)) / DAY;
}

/** A series number right after the name ("PIP 02", "PIP Zero-One", "PIP01"). */
function numberAfter(t: LinedTokens, to: number): boolean {
  for (let i = to; i < Math.min(t.count, to + 2) && t.line[i] === t.line[to - 1]; i++) {
    const plain = plainAt(t, i)!;
    if (isShortNumber(plain) || readOrdinal(plain) !== null) return true;
    if (plain !== 'zero' && plain !== 'round' && plain !== 'rnd') return false;
  }
  return false;
}

/** Words that set what follows apart from what is known: "a new hackathon proposal", "another events budget". */
const ANOTHER = new Set(['new', 'another', 'separate', 'different']);
/** "its own", "their own": possessives that make what follows someone else's. */
const OTHERS_OWN = new Set(['its', 'their', 'his', 'her']);
/** Words that make what follows a kind of thing rather than one of them: "all the events", "other hackathons". */
const CLASS_WORDS = new Set(['all', 'any', 'other', 'some', 'many', 'most', 'various', 'several']);
const KIND_NOUNS = new Set(['type', 'types', 'kind', 'kinds', 'sort', 'sorts']);

/**
 * Is one everyday word ("hackathon", "events") said of some other one: "a new hackathon", "another event", or with a
 * name of its own before it that the proposal's title does not have ("the Cosmoverse hackathon")?
 */
export function namesAnotherOne(t: LinedTokens, from: number, titleStems: readonly string[]): boolean {
  const before = from - 1;
  if (before < 0 || t.sentence[before] !== t.sentence[from]) return false;
  const plain = plainAt(t, before)!;
  if (ANOTHER.has(plain)) return true;
  // "the Veridian chain passed its own hackathon proposal": someone else's.
  if (plain === 'own' && before >= 1 && t.sentence[before - 1] === t.sentence[from] && OTHERS_OWN.has(plainAt(t, before - 1)!)) return true;
  const stem = t.table.stem[t.word[before]!]!;
  if (t.cap[before] !== 1 || !startsWithLetter(t, before) || STOP_WORDS.has(stem) || GENERIC_WORDS.has(stem) || titleStems.includes(stem)) return false;
  // A capital at the start of a sentence or line item is no name.
  return before >= 1 && t.sentence[before - 1] === t.sentence[before] && startsWithLetter(t, before - 1);
}

/** The word `back` words before `from` in the same sentence, or undefined. */
function wordBefore(t: LinedTokens, from: number, back: number): string | undefined {
  const i = from - back;
  return i >= 0 && t.sentence[i] === t.sentence[from] ? plainAt(t, i) : undefined;
}

/**
 * Is the phrase said of a kind of thing rather than of one program: "all the events", "any hackathons", "events
 * such as hackathons", "those types of events"?
 */
export function saidAsAKind(t: LinedTokens, from: number): boolean {
  const one = wordBefore(t, from, 1);
  const two = wordBefore(t, from, 2);
  if (one === undefined) return false;
  if (CLASS_WORDS.has(one) || (one === 'the' && two !== undefined && CLASS_WORDS.has(two))) return true;
  if (one === 'as' && two === 'such') return true;
  return one === 'of' && two !== undefined && KIND_NOUNS.has(two);
}

/** Words after which a word is a verb: "should anchor", "we anchor", "to anchor", "I'll tally". */
const BEFORE_VERB = new Set(['to', 'should', 'shall', 'can', 'could', 'will', 'would', 'must', 'might', 'may', 'we', 'they', 'you', 'i', 'cannot', 'dont', 'not', 'll']);

/** Is the word at `from` a verb by the word before it ("programs should anchor their budgets")? */
export function saidAsVerb(t: LinedTokens, from: number): boolean {
  const one = wordBefore(t, from, 1);
  return one !== undefined && BEFORE_VERB.has(one);
}

/**
 * "a small hackathon", "an event": one everyday word with an indefinite article before it (and at most one word
 * between) is some such thing, not the program. "a hackathon proposal" is another matter: the article is the proposal's.
 */
export function saidOfSomeOne(t: LinedTokens, from: number, titleStems: readonly string[]): boolean {
  const one = wordBefore(t, from, 1);
  if (one === 'a' || one === 'an') return true;
  const two = wordBefore(t, from, 2);
  if (two !== 'a' && two !== 'an') return false;
  const stem = t.table.stem[t.word[from - 1]!]!;
  return t.cap[from - 1] !== 1 && startsWithLetter(t, from - 1) && !STOP_WORDS.has(stem) && !GENERIC_WORDS.has(stem) && !titleStems.includes(stem);
}

/** Is `year` written right before or after the words of `hit`, in its sentence? */
function yearBeside(t: LinedTokens, hit: Hit, year: number | null): boolean {
  if (year === null) return false;
  const said = String(year);
  return yearAt(t, hit.from - 1, hit.from, said) || yearAt(t, hit.to, hit.from, said);
}

/** Is the word at `i` the year `said`, in the sentence of the word at `from`? */
function yearAt(t: LinedTokens, i: number, from: number, said: string): boolean {
  return i >= 0 && i < t.count && t.sentence[i] === t.sentence[from] && plainAt(t, i) === said;
}

/** A name that ends on its title's series number ("Builder Quests Proposal 2", "Pilot 02"), not on a version ("2.0"). */
function endsOnSeriesNumber(tokens: readonly string[], ordinal: number | null): boolean {
  if (ordinal === null || ordinal < 1 || tokens.length < 2) return false;
  const last = tokens[tokens.length - 1]!;
  return /^\d{1,2}$/.test(last) && Number(last) === ordinal && !/^\d+$/.test(tokens[tokens.length - 2]!);
}

interface Hit {
  phrase: NamePhrase;
  from: number;
  to: number;
  fuzzy: boolean;
}

/**
 * Does the passage around a name refer to the proposal (or the program it funded)? The rule depends on what the
 * phrase is to the proposal (see `PhraseRole`):
 * - a subject name counts alone while the proposal is current (from two months before its known date to four after),
 *   and with a proposal word or the proposal's subject words at any time;
 * - the proposer's team or product counts only with a proposal word or subject words nearby, and not long after the
 *   proposal (a year on, the same team's name with "funding" is about its next request); a platform in the title's
 *   brackets may also stand alone, written as a name, in the first two months;
 * - ordinary title words need a proposal word beside them or a period ("Q3 events"); when they are all the title is
 *   about ("the hackathon" for "Akash Hackathon Proposal") any proposal word nearby, or the proposal's first months, will do;
 * - initials need a series number after them or a proposal word.
 */
interface Circumstances {
  cues: PassageCues;
  support: boolean;
  /** Days from the proposal's known date to the meeting, null when unknown. */
  days: number | null;
  /** The first word is capitalised as a name in this meeting. */
  writtenAsName: boolean;
  /** Every word of the match is capitalised ("Provider Incentives"). */
  writtenAsTitle: boolean;
  /** The meeting falls while the proposal's program runs: from two months before its date until the next edition. */
  current: boolean;
  /** The year of the proposal's title is said right with the name ("Overflow 2025", "the 2025 Overflow"). */
  editionYear: boolean;
}

/** Is the meeting from `before` days before to `after` days after the proposal's date (or is that date unknown)? */
const within = (days: number | null, before: number, after: number): boolean => days === null || (days >= -before && days <= after);

function refersToProposal(hit: Hit, target: PhraseTarget, { cues, support, days, writtenAsName, writtenAsTitle, current, editionYear }: Circumstances): boolean {
  switch (target.role) {
    case 'name':
      // "Overflow 2025": a name with its own edition's year is that edition.
      // Three or more words that are all the title is about say which one outright, whenever they are said.
      return cues.any || support || editionYear || (target.whole && hit.phrase.content >= 3) || (within(days, 30, 60) && (hit.to - hit.from > 1 || writtenAsName));
    case 'team':
      if (target.platform && (cues.anyOnLine || support) && within(days, 60, 270)) return true;
      if ((cues.strong || support) && within(days, 60, 270)) return true;
      return target.platform && writtenAsName && within(days, 30, 60);
    case 'topic':
      // One everyday word ("events", "hackathon") needs its proposal word right beside it; a longer phrase may have it nearby.
      if (cues.adjacent || cues.period) return true;
      // Part of a long title: three of its words are specific enough when the proposal itself is spoken of nearby.
      if (!target.whole) return hit.phrase.content >= 3 && cues.strong && (support || cues.decision);
      // One everyday word ("the hackathon") needs the decision itself nearby: a vote, the proposal, passing.
      if (hit.phrase.content < 2) return cues.decision;
      // Three or more words that are all the title is about ("Builder Residency spring cohort") say which one outright.
      if (hit.phrase.content >= 3) return true;
      // The program's own name written as a name ("Provider Incentives", "Website Revamp") while it runs.
      return cues.strong || support || (writtenAsTitle && hit.phrase.gap === 0 && current);
    case 'acronym':
    case 'version':
      return cues.strong || support;
  }
}

/**
 * What judging a name needs of the meeting, and what it remembers while reading it. Judging is done by module functions
 * taking this, not closures made per meeting: V8 then optimises each of them on its own and early in a corpus.
 */
interface Reading {
  t: LinedTokens;
  index: ProposalIndex;
  lexicon: IndexLexicon;
  meetingDate: string;
  meetingTime: number;
  /** Per stem: times written with a capital less times in lower case (read for the words a phrase may start with). */
  capitalLead: Int32Array;
  /** Per line: the stems of everyday words said there of some other one (`saidOfAnotherOne`). */
  otherOnesByLine: Map<number, Set<number>>;
  /** Per sentence: the edition of each program (by `series`) named there by its own period ("the Q4 rewards proposal"). */
  editionsBySentence: Map<number, Map<string, number>>;
}

/** Is the word at `i` capitalised, and written so in this meeting more often than not? */
function usedAsName(r: Reading, i: number): boolean {
  return r.t.cap[i] === 1 && r.capitalLead[r.lexicon.table.stemId[r.t.word[i]!]!]! > 0;
}

/** "the Q3 events support proposal": one everyday word right after another proposal's name is part of that name. */
function followsOtherName(r: Reading, hit: Hit, proposal: number): boolean {
  const t = r.t;
  const before = hit.from - 1;
  if (before < 0 || t.sentence[before] !== t.sentence[hit.from]) return false;
  const phrases = r.lexicon.starts[t.word[before]!]!;
  return phrases !== null && phrases.some((p) => p.tokens.length === 1 && p.content > 0 && !p.proposals.includes(proposal));
}

/**
 * "Spark Hackathon: engagement with the hackathon": once a line has said an everyday word of some other one, the
 * same word later on that line means that one too.
 */
function saidOfAnotherOne(r: Reading, hit: Hit, proposal: IndexedProposal, number: number): boolean {
  const t = r.t;
  const line = t.line[hit.from]!;
  const stem = r.lexicon.table.stemId[t.word[hit.from]!]!;
  if (namesAnotherOne(t, hit.from, proposal.titleStems) || followsOtherName(r, hit, number)) {
    let set = r.otherOnesByLine.get(line);
    if (!set) r.otherOnesByLine.set(line, (set = new Set()));
    set.add(stem);
    return true;
  }
  return r.otherOnesByLine.get(line)?.has(stem) ?? false;
}

/**
 * One edition per sentence: "the Q4 rewards proposal is up, and this quarter I want ambassadors to test features"
 * keeps to the edition the sentence named by its own period, unless the later words name theirs as plainly.
 */
function sameEditionInSentence(r: Reading, hit: Hit, resolved: Resolution, series: string): Resolution {
  const sentence = r.t.sentence[hit.from]!;
  let editions = r.editionsBySentence.get(sentence);
  if (resolved.byPeriod && !resolved.periodInSentence) {
    if (!editions) r.editionsBySentence.set(sentence, (editions = new Map()));
    editions.set(series, resolved.proposal);
    return resolved;
  }
  const named = editions?.get(series);
  return named === undefined || named === resolved.proposal ? resolved : { proposal: named, byDate: false };
}

/**
 * A phrase target made while judging, built like the index's own (not spread from one): every target then has one
 * hidden class, and the code reading them stays optimised.
 */
const targetOf = (proposal: number, role: PhraseRole, whole: boolean, platform: boolean): PhraseTarget => ({ proposal, role, whole, platform });

/** What a name is to a proposal it points to only through the proposal's program (see `candidatesFor`). */
const WHOLE_TOPIC = targetOf(0, 'topic', true, false);

/** The candidate a name found at `hit` makes, with what its passage says; null when it points to no proposal. */
function judge(r: Reading, hit: Hit): NameCandidate | null {
  const { t, index, lexicon, meetingDate } = r;
  const windowFrom = windowStart(t.line, hit.from, WINDOW);
  const windowTo = windowEnd(t, t.line, hit.from, hit.to, WINDOW);
  const ctx: MatchContext = { text: t, from: hit.from, to: hit.to, windowFrom, windowTo, meetingDate };
  let resolved = resolveCandidates(candidatesFor(lexicon, index, hit.phrase), ctx, index, hit.phrase);
  if (!resolved) return null;
  const cues = readPassageCues(t, hit.from, hit.to);
  // A later edition under a new title ("the 2025 community support proposal") is found through the year said.
  const series = index.byNumber.get(resolved.proposal)!.series;
  resolved = sameEditionInSentence(r, hit, resolved, series);
  const sibling = hit.phrase.targets.find((x) => index.byNumber.get(x.proposal)!.series === series);
  // Always made the same way, whichever target it copies: a branch first taken mid-corpus makes V8 drop judge's
  // optimised code, and this one is taken rarely but early (and the copy is cheap).
  const like = hit.phrase.targets.find((x) => x.proposal === resolved.proposal) ?? sibling ?? WHOLE_TOPIC;
  let target = targetOf(resolved.proposal, like.role, like.whole, like.platform);
  // "the Quasarch team": the team going about its business unless the passage is about its proposal.
  const next = plainAt(t, hit.to);
  if (target.role === 'name' && next !== undefined && t.line[hit.to] === t.line[hit.from] && (next === 'team' || next === 'teams')) {
    target = targetOf(target.proposal, 'team', target.whole, false);
  }
  const proposal = index.byNumber.get(resolved.proposal)!;
  // Before a proposal existed, its words meant something else.
  if (proposal.earliest !== null && meetingDate < proposal.earliest) return null;
  // "Q3 ambassador rewards", "round three of the uptime challenge": the edition named by its period or number.
  if (resolved.byPeriod || endsOnSeriesNumber(hit.phrase.tokens, proposal.ordinal)) cues.period = true;
  if (target.role === 'acronym' && !numberAfter(t, hit.to) && !cues.strong) return null;
  const support = hasSubjectSupport(t, hit.from, hit.to, proposal.subject, hit.phrase.tokens);
  const writtenAsName = hit.fuzzy ? t.cap[hit.from] === 1 : usedAsName(r, hit.from);
  let writtenAsTitle = true;
  for (let k = hit.from; k < hit.to && writtenAsTitle; k++) writtenAsTitle = t.cap[k] === 1 || !startsWithLetter(t, k);
  const days = daysFromAnchor(proposal, r.meetingTime);
  // A program for a period ("2024 Community Support", "Q3 2025 Ambassador Rewards") runs to the end of it, even once
  // the next period's proposal is up; any other until its next edition.
  const runsUntil = proposal.period?.to ?? proposal.until;
  const current = days !== null && days >= -60 && (runsUntil === null ? days <= CURRENT_DAYS : meetingDate < runsUntil);
  const oneWord = target.role === 'topic' && hit.phrase.content < 2;
  const qualified =
    refersToProposal(hit, target, { cues, support, days, writtenAsName, writtenAsTitle, current, editionYear: yearBeside(t, hit, proposal.year) }) &&
    !(target.role === 'topic' && saidAsAKind(t, hit.from)) &&
    !(oneWord && !cues.adjacent && !cues.period && saidOfSomeOne(t, hit.from, proposal.titleStems)) &&
    !(oneWord && saidOfAnotherOne(r, hit, proposal, resolved.proposal)) &&
    // "Stack Overflow" is not "Overflow": a capitalised word before a one-word name makes another name.
    !(target.role === 'name' && !hit.fuzzy && hit.to - hit.from === 1 && namesAnotherOne(t, hit.from, proposal.titleStems)) &&
    // "a moral compass" is some compass, not the product Compass; "should anchor their budgets" is a verb.
    !(target.role === 'name' && !hit.fuzzy && hit.to - hit.from === 1 && t.cap[hit.from] !== 1 && (saidOfSomeOne(t, hit.from, proposal.titleStems) || saidAsVerb(t, hit.from)));
  const base = target.role === 'name' ? (hit.to - hit.from > 1 ? 0.85 : 0.75) : target.role === 'team' ? 0.7 : 0.6;
  return {
    proposal: resolved.proposal,
    kind: hit.fuzzy ? 'fuzzy_name' : 'name',
    confidence: (hit.fuzzy ? Math.min(base, 0.5) : base) * (resolved.byDate ? 0.85 : 1),
    start: t.start[hit.from]!,
    end: t.end[hit.to - 1]!,
    fromToken: hit.from,
    toToken: hit.to,
    role: target.role,
    whole: target.whole,
    qualified,
    cues,
    support,
    days,
    current,
    writtenAsName,
    writtenAsTitle,
    byDate: resolved.byDate,
    runningEdition: resolved.running === true,
    content: hit.phrase.content,
    phrase: hit.phrase.tokens,
  };
}

let counters = new Int32Array(1 << 14);

/** A scratch counter for each of `size` stems (reused from meeting to meeting: set what you read). */
function countersFor(size: number): Int32Array {
  if (counters.length < size) counters = new Int32Array(Math.max(size, counters.length * 2));
  return counters;
}

/**
 * Names and garbled names of proposals in the meeting tokens, each with what its passage says (cues, subject words,
 * dates) and whether it refers to the proposal on its own (`qualified`). Exact phrases first (longest at each
 * position); then, over the words no exact name covers, joined one-to-three-word windows compared to names by
 * spelling and sound. Whether a proposal is mentioned at all is decided later, over all its candidates in the meeting.
 */
export function extractNameCandidates(t: LinedTokens, index: ProposalIndex, meetingDate: string, lexicon: IndexLexicon): NameCandidate[] {
  const mentions: NameCandidate[] = [];
  const covered = new Uint8Array(t.count);
  const stemIds = lexicon.table.stemId;

  // Where a phrase may start (the only words the exact pass looks at), and how this meeting writes each of those
  // words: a name is capitalised; a word mostly written in lower case is everyday talk here.
  const starts: number[] = [];
  const marks = lexicon.table.marks;
  for (let m = 0; m < t.markedCount; m++) {
    const i = t.marked[m]!;
    if ((marks[t.word[i]!]! & PHRASE_START) !== 0) starts.push(i);
  }
  // Per stem: times written with a capital less times in lower case.
  const capitalLead = countersFor(lexicon.table.stemCount);
  for (const i of starts) capitalLead[stemIds[t.word[i]!]!] = 0;
  for (const i of starts) {
    const stem = stemIds[t.word[i]!]!;
    capitalLead[stem] = capitalLead[stem]! + (t.cap[i] ? 1 : -1);
  }
  const reading: Reading = { t, index, lexicon, meetingDate, meetingTime: Date.parse(meetingDate), capitalLead, otherOnesByLine: new Map(), editionsBySentence: new Map() };

  for (let s = 0; s < starts.length; s++) {
    const i = starts[s]!;
    const phrases = lexicon.starts[t.word[i]!]!;
    const stems = lexicon.startStems[t.word[i]!]!;
    let best: NamePhrase | null = null;
    let bestTo = -1;
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!;
      const to = phraseAt(t, i, phrase, stems[p]!);
      if (to !== -1 && (!best || phrase.tokens.length > best.tokens.length)) {
        best = phrase;
        bestTo = to;
      }
    }
    if (!best) continue;
    const start = i;
    for (let k = start; k < bestTo; k++) covered[k] = 1;
    // Words inside a matched name are not looked up again ("Builder Quests Proposal 2" is not also "quests").
    while (s + 1 < starts.length && starts[s + 1]! < bestTo) s++;
    const hit: Hit = { phrase: best, from: start, to: bestTo, fuzzy: false };
    const judged = judge(reading, hit);
    if (judged) mentions.push(judged);
  }
  if (index.garbled.byPrefix.size === 0) return mentions;
  trimClosestMemo(lexicon);
  for (let m = 0; m < t.markedCount; m++) {
    const i = t.marked[m]!;
    if (covered[i]) continue;
    // Cheap gate: some name starts with the same three letters, or its first word sounds like this word.
    const start = lexicon.garbleStarts[t.word[i]!]!;
    if (start === null) continue;
    let joinedLength = 0;
    let letters = 0;
    let weak: NameCandidate | null = null;
    for (let k = 0; k < 3 && i + k < t.count; k++) {
      if (covered[i + k] || t.line[i + k] !== t.line[i]) break;
      joinedLength += plainAt(t, i + k)!.length;
      letters |= lexicon.letters[t.word[i + k]!]!;
      if (joinedLength < 4) continue;
      const phrase = closestNameOf(lexicon, index, t, i, k, start, letters, joinedLength);
      if (!phrase) continue;
      const to = i + k + 1;
      // One lower-case word that sounds like a name is a name only with a proposal word or the proposal's subject near.
      const lone = k === 0 && t.cap[i] !== 1 && !readPassageCues(t, i, to).any;
      const judged = judge(reading, { phrase, from: i, to, fuzzy: true });
      if (!judged || (lone && !judged.support)) continue;
      // A reading that does not refer to the proposal on its own is kept in reserve: a longer window may read better.
      if (!judged.qualified) {
        weak ??= judged;
        continue;
      }
      weak = null;
      mentions.push(judged);
      for (let c = i; c < to; c++) covered[c] = 1;
      break;
    }
    if (weak) mentions.push(weak);
  }
  return mentions;
}

export type { LinedTokens };
