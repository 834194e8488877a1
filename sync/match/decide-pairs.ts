import type { ParsedMeeting } from '../parse/types.js';
import type { RawMention } from './extract-number-mentions.js';
import type { LinedTokens } from './read-passage-cues.js';
import { timeOf } from './date-times.js';
import { GENERIC_WORDS, STOP_WORDS } from './stop-words.js';
import type { IndexedProposal, NameCandidate, ProposalIndex } from './types.js';

/** Where in the meeting a candidate sits. */
export type Place = 'heading' | 'agenda' | 'notes' | 'transcript';

/** Everything one meeting says about one proposal, and the verdict. */
export interface PairDecision {
  proposal: number;
  accepted: boolean;
  score: number;
  /** A discussion link, AEP number or on-chain number: decisive on its own. */
  decisive: boolean;
  names: NameCandidate[];
  /** The place of each name candidate (same order as `names`). */
  places: Place[];
  /** The sentence number of each name candidate (same order as `names`). */
  sentences: number[];
  /** What each name candidate is worth as evidence, in [0, 1] (same order as `names`). */
  evidence: number[];
  /** Distinct sentences with a name candidate. */
  passages: number;
  /** A proposer's name is among the meeting's participants, committee or speakers. */
  proposerPresent: boolean;
}

export interface PairInput {
  meeting: ParsedMeeting;
  text: LinedTokens;
  numbers: RawMention[];
  names: NameCandidate[];
  index: ProposalIndex;
}

const WHITE_SPACE = /\s/;

/** Start offsets of markdown heading lines and of lines that are only a bold label ("**Zealy update:**"). */
function isHeadingLike(raw: string, offset: number): boolean {
  const lineStart = raw.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = raw.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = raw.length;
  // Each such line starts with "#", "-", "*" or "+" after white space (as `trim` takes it off); most lines do not.
  let first = lineStart;
  while (first < lineEnd && WHITE_SPACE.test(raw[first]!)) first++;
  const lead = raw.charCodeAt(first);
  if (first === lineEnd || (lead !== 35 && lead !== 45 && lead !== 42 && lead !== 43)) return false;
  const line = raw.slice(lineStart, lineEnd).trim();
  if (/^#{1,6}\s/.test(line)) return true;
  return /^(?:[-*+]\s+)?\*\*[^*]+\*\*:?\s*$/.test(line) || /^(?:[-*+]\s+)?\*\*[^*]+:\*\*\s*$/.test(line);
}

function placeOf(meeting: ParsedMeeting, offset: number): Place {
  if (isHeadingLike(meeting.raw, offset)) return 'heading';
  for (const section of meeting.sections) {
    if (offset >= section.span[0] && offset < section.span[1] && section.isTranscript) return 'transcript';
  }
  for (const item of meeting.agenda) if (offset >= item.span[0] && offset < item.span[1]) return 'agenda';
  return 'notes';
}

const nameWordsCache = new Map<string, string[]>();

/**
 * The words of a person's name (lower case, plural "s" off as in stems), worked out once per name: the same people
 * come to meeting after meeting.
 */
function nameWords(name: string): string[] {
  let words = nameWordsCache.get(name);
  if (words === undefined) {
    words = [];
    for (const w of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) words.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
    if (nameWordsCache.size >= 10_000) nameWordsCache.clear();
    nameWordsCache.set(name, words);
  }
  return words;
}

function meetingPeople(meeting: ParsedMeeting): Set<string> {
  const words = new Set<string>();
  const seen = new Set<string>();
  const add = (name: string | null): void => {
    // Transcripts name the same few speakers turn after turn.
    if (!name || seen.has(name)) return;
    seen.add(name);
    for (const w of nameWords(name)) words.add(w);
  };
  for (const p of meeting.participants) add(p.name);
  for (const p of meeting.committee) add(p.name);
  for (const t of meeting.turns) add(t.speaker);
  return words;
}

/**
 * One sense per discourse: a meeting that names a proposal outright (a link, a number, or words that single it out)
 * means that proposal when it uses the same words again. A candidate placed only by the meeting date moves to such a
 * proposal when that proposal was found from the same phrase, or when its title holds every word of the phrase.
 */
function settleSenses(names: NameCandidate[], places: Place[], decisive: Set<number>, index: ProposalIndex): NameCandidate[] {
  const explicit = new Map<string, Set<number>>();
  for (let i = 0; i < names.length; i++) {
    const c = names[i]!;
    // Only a heading or agenda item sets the sense for the meeting: a passing "events for 2024" does not.
    if (c.byDate || !c.qualified || (places[i] !== 'heading' && places[i] !== 'agenda')) continue;
    const key = c.phrase.join(' ');
    explicit.set(key, (explicit.get(key) ?? new Set()).add(c.proposal));
  }
  const present = new Set([...decisive, ...[...explicit.values()].flatMap((s) => [...s])]);
  // Nothing to point a sense to (most meetings): every candidate stays as it is.
  if (present.size === 0) return names;
  return names.map((c) => {
    // Talk of this year's running program stays with it when next year's proposal is named too.
    if (!c.byDate || c.runningEdition) return c;
    const same = [...(explicit.get(c.phrase.join(' ')) ?? [])].filter((p) => p !== c.proposal);
    const words = c.phrase.filter((w) => !GENERIC_WORDS.has(w) && !STOP_WORDS.has(w));
    const holding = [...present].filter(
      (p) => p !== c.proposal && words.length > 0 && words.every((w) => index.byNumber.get(p)?.titleStems.includes(w) ?? false),
    );
    const to = same.length === 1 ? same[0]! : same.length === 0 && holding.length === 1 ? holding[0]! : null;
    return to === null ? c : { ...c, proposal: to, qualified: c.qualified };
  });
}

/**
 * Decides each (meeting, proposal) pair from all its evidence in the meeting: links and numbers are decisive; names
 * are weighed by how well their passages point at the proposal, how many passages there are, where they are, and
 * whether the proposer took part.
 */
export function decidePairs({ meeting, text, numbers, names, index }: PairInput): Map<number, PairDecision> {
  const decisions = new Map<number, PairDecision>();
  const people = meetingPeople(meeting);
  const decisive = new Set<number>();
  for (const m of numbers) for (const p of m.proposals) decisive.add(p);
  for (const p of decisive) decisionFor(decisions, p, index, people).decisive = true;
  const places = names.map((c) => placeOf(meeting, c.start));
  const settled = settleSenses(names, places, decisive, index);
  // A sentence that runs through several proposals ("events, community support, accelerate, provider incentives:
  // tons of props") lends each of them less than a sentence about one.
  const proposalsInSentence = new Map<number, Set<number>>();
  for (const c of settled) noteInSentence(proposalsInSentence, text.sentence[c.fromToken]!, c.proposal);
  // The work per candidate is in module functions: V8 optimises those early in a corpus, this one only late.
  for (let i = 0; i < settled.length; i++) addCandidate(decisionFor(decisions, settled[i]!.proposal, index, people), settled[i]!, places[i]!, text, proposalsInSentence, index);
  for (const d of decisions.values()) {
    d.passages = new Set(d.sentences).size;
    d.score = scorePair(d);
    d.accepted = d.decisive || d.score >= ACCEPT;
  }
  return decisions;
}

/** The decision for a proposal, made empty the first time it is asked for. */
function decisionFor(decisions: Map<number, PairDecision>, proposal: number, index: ProposalIndex, people: Set<string>): PairDecision {
  let d = decisions.get(proposal);
  if (!d) {
    const p = index.byNumber.get(proposal);
    const present = p !== undefined && p.people.some((w) => people.has(w));
    d = { proposal, accepted: false, score: 0, decisive: false, names: [], places: [], sentences: [], evidence: [], passages: 0, proposerPresent: present };
    decisions.set(proposal, d);
  }
  return d;
}

function noteInSentence(proposalsInSentence: Map<number, Set<number>>, sentence: number, proposal: number): void {
  let set = proposalsInSentence.get(sentence);
  if (!set) proposalsInSentence.set(sentence, (set = new Set()));
  set.add(proposal);
}

/** Adds a name candidate, at `place`, and what it is worth to the proposal's decision. */
function addCandidate(d: PairDecision, c: NameCandidate, place: Place, text: LinedTokens, proposalsInSentence: Map<number, Set<number>>, index: ProposalIndex): void {
  const sentence = text.sentence[c.fromToken]!;
  d.names.push(c);
  d.places.push(place);
  d.sentences.push(sentence);
  const shape: SentenceShape = proposalsInSentence.get(sentence)!.size < 3 ? 'few' : callsVote(text, c.fromToken) ? 'ballot' : 'list';
  d.evidence.push(weighCandidate(c, shape, index.byNumber.get(c.proposal)!));
}

/**
 * How a sentence speaks of the proposals in it: of one or two (`few`); running through three or more (`list`: "we put
 * up props: events, community support, accelerate"); or asking for votes on three or more (`ballot`: "please vote
 * on the events and community support, and the hackathon one is coming"), where each is the object of the vote.
 */
type SentenceShape = 'few' | 'list' | 'ballot';

const VOTE_WORDS = new Set(['vote', 'voting', 'voted']);

/** Does the sentence holding word `at` speak of a vote? */
function callsVote(t: LinedTokens, at: number): boolean {
  const s = t.sentence[at]!;
  let a = at;
  while (a > 0 && t.sentence[a - 1] === s) a--;
  for (let i = a; i < t.count && t.sentence[i] === s; i++) if (VOTE_WORDS.has(t.table.plain[t.word[i]!]!)) return true;
  return false;
}

/**
 * A pair is accepted at this score: one passage that refers to the proposal on its own reaches it, as do two loosely
 * cued ones, or four or five passages where a running program's name is written as a name.
 */
export const ACCEPT = 0.8;

/** How long a program without a year or a next edition is talked of as running, after its proposal. */
const RUNNING_DAYS = 90;

/**
 * Is the proposal's program running at the meeting (so that its words, said without any proposal word, may still be
 * about it)? From its known date (a month before, when the date is only a bound from later links: talk of a product
 * before its proposal went up is about the work, not the ask) to the end of its title year, or for a quarter after
 * it; never past the next edition.
 */
function running(c: NameCandidate, p: IndexedProposal): boolean {
  if (c.days === null) return false;
  const lead = p.anchorIsBound ? 30 : 0;
  if (c.days < -lead) return false;
  // A yearly program runs through its year; any other for about a quarter, or less when a next edition takes over.
  if (p.year !== null) return c.current;
  // An estimated date may be weeks early; the program surely ran for a quarter after the first link showed it existed.
  const later = p.linkBound !== null && p.anchor !== null && p.linkBound > p.anchor ? (timeOf(p.linkBound) - timeOf(p.anchor)) / 86_400_000 : 0;
  return c.days - later <= RUNNING_DAYS && c.current;
}

/**
 * What one candidate passage is worth, in [0, 1]:
 * - a passage that refers to the proposal on its own (see `PhraseRole`) is worth 1, except one everyday word in lower
 *   case cued only by a decision word somewhere in its sentence ("all the events ... from the community pool") is
 *   worth 0.6;
 * - other passages count only while the program runs: a name written as one, or several title words with a proposal
 *   word in the sentence, 0.35 (a team's or program's words capitalised mid-sentence 0.3; several words that are the
 *   whole of the title's subject, "provider incentives", 0.25, so that six such passages make a mention); any other
 *   nothing;
 * - garbled speech that does not refer on its own counts half, and a sentence that runs through three or more
 *   proposals lends each 0.6 of its worth, unless it asks for votes on them: then the vote is about each of them,
 *   as if beside it, and a running program's words in it count in full.
 */
function weighCandidate(c: NameCandidate, shape: SentenceShape, p: IndexedProposal): number {
  let e: number;
  if (c.qualified) {
    const oneWord = c.role === 'topic' && c.content < 2;
    const looselyCued = oneWord && !(c.cues.adjacent || c.cues.period || c.cues.subject || shape === 'ballot') && !c.writtenAsName;
    e = looselyCued ? LOOSE : 1;
  } else if (shape === 'ballot' && (c.whole || c.role === 'name') && running(c, p)) {
    e = 1;
  } else {
    if (!running(c, p)) return 0;
    const several = c.toToken - c.fromToken > 1;
    if (c.role === 'name') e = c.writtenAsName || several ? 0.35 : 0.1;
    else if (c.role === 'topic' && c.content >= 2 && c.cues.strong) e = 0.35;
    else if ((c.role === 'team' || c.role === 'topic') && c.writtenAsName) e = 0.3;
    else if (c.role === 'topic' && c.content >= 2 && c.whole) e = 0.25;
    // Everyday words said in passing ("events", "incentives") say nothing, however often they come up.
    else return 0;
    if (c.kind === 'fuzzy_name') e *= 0.5;
  }
  return shape === 'list' ? e * LISTED : e;
}

const LOOSE = 0.6;
const LISTED = 0.6;

/**
 * Distinct passages are independent pieces of evidence: the pair is missed only if every one of them misses
 * (1 - the product of 1 - worth). A proposer taking part is one more small piece.
 */
function scorePair(d: PairDecision): number {
  const bySentence = new Map<number, number>();
  d.evidence.forEach((e, i) => {
    const s = d.sentences[i]!;
    if (e > (bySentence.get(s) ?? 0)) bySentence.set(s, e);
  });
  const values = [...bySentence.values()].filter((e) => e > 0);
  if (values.length === 0) return 0;
  let miss = d.proposerPresent ? 1 - PROPOSER_BONUS : 1;
  for (const e of values) miss *= 1 - e;
  return 1 - miss;
}

const PROPOSER_BONUS = 0.15;

/**
 * The name mentions shown for an accepted pair: those whose passages point at the proposal on their own; when none
 * does (the pair was accepted on the weight of several), the strongest few.
 */
export function evidenceToKeep(d: PairDecision): NameCandidate[] {
  const qualified = d.names.filter((c) => c.qualified);
  if (qualified.length > 0 || d.decisive) return qualified;
  const order = d.names.map((c, i) => ({ c, e: d.evidence[i]! })).sort((a, b) => b.e - a.e || a.c.start - b.c.start);
  return order.slice(0, 3).map((x) => x.c);
}
