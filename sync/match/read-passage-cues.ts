import { distance } from 'fastest-levenshtein';
import { ADJACENT_ONLY_CUES, DECISION_CUES, PAIR_CUES, PROPOSAL_CUES, STRONG_PROPOSAL_CUES } from './stop-words.js';
import type { WordScan } from './scan-words.js';

/** The meeting's words with their lines and sentences (see `scanWords`). */
export type LinedTokens = WordScan;

/** What the words around a matched phrase say about it: is the passage about a proposal or a funded program? */
export interface PassageCues {
  /** A proposal or program word (proposal, budget, vote, initiative, sprint, ...) in the passage. */
  any: boolean;
  /** A word about the proposal itself (proposal, funding, budget, vote, on chain, community pool, ...). */
  strong: boolean;
  /** A proposal word right after the phrase ("events proposal", "hackathon budget") or just before it ("proposal for the hackathon"). */
  adjacent: boolean;
  /** A period said with the phrase: "Q3 events", "Q4 hackathon". */
  period: boolean;
  /** A word of the governance decision itself nearby: proposal, governance, vote, passed, approved, on chain. */
  decision: boolean;
  /** A proposal or program word on the same line, in this sentence or the next ("Questly update. Sprint 2 started."). */
  anyOnLine: boolean;
  /** The phrase opens a short sentence, which is then one statement about it, read whole. */
  subject: boolean;
}

const CUE_WINDOW = 12;
/** Words in a sentence short enough to be read whole. */
const SHORT_SENTENCE = 24;
/** Words that may open a sentence before its subject ("The hackathon ..."). */
const SUBJECT_START = 1;
/** Words that may stand between a phrase and its proposal word: "events governance proposal", "hackathon 2024 budget". */
const FILLERS = new Set(['governance', 'spend', 'funding', 'community', 'pool', 'support', 'akash', 'the', 'a', 'for', 'on', 'chain']);
const LEADING_FILLERS = new Set(['for', 'the', 'a', 'an', 'on', 'about', 'of', 'around', 'akash']);
/** Proposal words that may come before what they are for ("the proposal for the hackathon"). */
const LEADING_CUES = new Set(['proposal', 'prop', 'funding', 'fund', 'budget', 'grant', 'request', 'requested', 'spend', 'resourcing']);

const COORDINATORS = new Set(['and', 'or']);
/** A year right before the phrase ("the 2025 meetups"), in its sentence. */
const yearBefore = (t: LinedTokens, from: number): boolean => from > 0 && t.sentence[from - 1] === t.sentence[from] && isYearWord(plainAt(t, from - 1)!);
/** Words that, after a year and a program's words, name that year's program: "the 2025 meetups program". */
const PROGRAM_WORDS = new Set(['program', 'programme', 'initiative', 'campaign', 'serie', 'pilot']);

/** A year written as four digits, 1900 to 2099 (`/^(19|20)\d\d$/` without a regular expression). */
export function isYearWord(plain: string): boolean {
  if (plain.length !== 4) return false;
  const a = plain.charCodeAt(0);
  const b = plain.charCodeAt(1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigit(plain.charCodeAt(2)) && isDigit(plain.charCodeAt(3));
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Stem and plain form of the word at `i`, or undefined past the end. */
export const stemAt = (t: LinedTokens, i: number): string | undefined => (i >= 0 && i < t.count ? t.table.stem[t.word[i]!] : undefined);
export const plainAt = (t: LinedTokens, i: number): string | undefined => (i >= 0 && i < t.count ? t.table.plain[t.word[i]!] : undefined);

const isQuarter = (t: LinedTokens, i: number): boolean =>
  plainAt(t, i) === 'q' && /^[1-4]$/.test(plainAt(t, i + 1) ?? '') && t.sentence[i] === t.sentence[i + 1];

const STRONG_BIT = 1;
const CUE_BIT = 2;
const DECISION_BIT = 4;
const PAIR_FIRST_BIT = 8;
const KNOWN_BIT = 16;
/** A year, 1900 to 2099. */
export const YEAR_BIT = 32;
/** "q", as in "Q3". */
export const Q_BIT = 64;
/** Starts with a letter (`/^\p{L}/u`). */
const LETTER_BIT = 128;

/** Which cue sets the word at `i` is in, and whether it is a year or "q", as bits, worked out once per word of the table. */
export function cueBitsAt(t: LinedTokens, i: number): number {
  const id = t.word[i]!;
  let bits = t.table.cueBits[id]!;
  if (bits === 0) {
    const stem = t.table.stem[id]!;
    bits = KNOWN_BIT;
    if (STRONG_PROPOSAL_CUES.has(stem)) bits |= STRONG_BIT;
    if (PROPOSAL_CUES.has(stem)) bits |= CUE_BIT;
    if (DECISION_CUES.has(stem)) bits |= DECISION_BIT;
    if (PAIR_CUES.has(t.table.plain[id]!)) bits |= PAIR_FIRST_BIT;
    const plain = t.table.plain[id]!;
    if (isYearWord(plain)) bits |= YEAR_BIT;
    if (plain === 'q') bits |= Q_BIT;
    if (startsWithLetterCode(plain)) bits |= LETTER_BIT;
    t.table.cueBits[id] = bits;
  }
  return bits;
}

/** `/^\p{L}/u.test(plain)`, without the regular expression for a word that starts with an ASCII character. */
function startsWithLetterCode(plain: string): boolean {
  const c = plain.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return /^\p{L}/u.test(plain);
}

/** Does the word at `i` start with a letter? */
export const startsWithLetter = (t: LinedTokens, i: number): boolean => (cueBitsAt(t, i) & LETTER_BIT) !== 0;

/** "AEP-71", "aep71": an AEP with its number is that proposal, not a word about the names around it. */
const numberedAep = (t: LinedTokens, i: number): boolean =>
  plainAt(t, i) === 'aep' && /^\d/.test(plainAt(t, i + 1) ?? '') && t.sentence[i + 1] === t.sentence[i];

function isCueAt(t: LinedTokens, i: number, set: ReadonlySet<string>): boolean {
  const bits = cueBitsAt(t, i);
  const bit = set === STRONG_PROPOSAL_CUES ? STRONG_BIT : set === PROPOSAL_CUES ? CUE_BIT : set === DECISION_CUES ? DECISION_BIT : 0;
  if (bit === 0 ? set.has(stemAt(t, i)!) : (bits & bit) !== 0) return !numberedAep(t, i);
  if ((bits & PAIR_FIRST_BIT) === 0) return false;
  const second = PAIR_CUES.get(plainAt(t, i)!);
  return second !== undefined && plainAt(t, i + 1) === second && t.sentence[i + 1] === t.sentence[i];
}

/**
 * Where the window of the same line or sentence (`of`: `t.line` or `t.sentence`) reaching `size` words either side of
 * [from, to) starts; `windowEnd` is where it ends. Two functions, not one returning a pair: no array is made and taken
 * apart per passage.
 */
export function windowStart(of: Int32Array, from: number, size: number): number {
  const id = of[from]!;
  let a = from;
  while (a > 0 && from - a < size && of[a - 1] === id) a--;
  return a;
}

/** One past the last word of the window `windowStart` starts. */
export function windowEnd(t: LinedTokens, of: Int32Array, from: number, to: number, size: number): number {
  const id = of[from]!;
  let b = to;
  while (b < t.count && b - to < size && of[b] === id) b++;
  return b;
}

/** Is word `i` joined by "and" (or the like) right before or after the phrase [from, to)? (A module function: see `quarterAt`.) */
function isSibling(t: LinedTokens, i: number, from: number, to: number): boolean {
  return (i === from - 2 && COORDINATORS.has(plainAt(t, from - 1)!)) || (i === to + 1 && COORDINATORS.has(plainAt(t, to)!));
}

/** Reads the proposal words and periods around words [from, to). */
export function readPassageCues(t: LinedTokens, from: number, to: number): PassageCues {
  const line = t.sentence[from]!;
  const cues: PassageCues = { any: false, strong: false, adjacent: false, period: false, decision: false, anyOnLine: false, subject: false };

  // "the 2025 meetups program", "2025 hackathon series": a year, the name and a program word, also at a sentence's end.
  if (yearBefore(t, from) && (PROGRAM_WORDS.has(stemAt(t, to - 1)!) || (to < t.count && t.sentence[to] === line && PROGRAM_WORDS.has(stemAt(t, to)!)))) {
    cues.adjacent = true;
  }
  for (let i = to, skipped = 0; !cues.adjacent && i < t.count && t.sentence[i] === line && skipped <= 2; i++) {
    if (isCueAt(t, i, STRONG_PROPOSAL_CUES) || ADJACENT_ONLY_CUES.has(plainAt(t, i)!)) {
      cues.adjacent = true;
      break;
    }
    if (!FILLERS.has(stemAt(t, i)!) && !isYearWord(plainAt(t, i)!)) break;
    skipped++;
  }
  // "funding proposal for the hackathon", "budget for Q3 events".
  for (let i = from - 1, skipped = 0; i >= 0 && t.sentence[i] === line && skipped <= 3; i--) {
    const stem = stemAt(t, i)!;
    if (skipped > 0 && LEADING_CUES.has(stem)) {
      cues.adjacent = true;
      break;
    }
    if (!LEADING_FILLERS.has(stem) && !(i >= 1 && isQuarter(t, i - 1)) && !isQuarter(t, i)) break;
    skipped++;
  }
  // "Q3 events", "Q4 Akash hackathon". A year alone is not enough: "2024 events" is as often the events as the budget.
  for (let i = from - 1, skipped = 0; i >= 1 && t.sentence[i] === line && skipped <= 1; i--) {
    if (isQuarter(t, i - 1)) {
      cues.period = true;
      break;
    }
    if (!LEADING_FILLERS.has(stemAt(t, i)!)) break;
    skipped++;
  }

  let a = windowStart(t.sentence, from, SHORT_SENTENCE);
  let b = windowEnd(t, t.sentence, from, to, SHORT_SENTENCE);
  // A short sentence is read whole; in a longer one only the words near the phrase bear on it.
  if (b - a >= SHORT_SENTENCE || (a > 0 && t.sentence[a - 1] === line) || (b < t.count && t.sentence[b] === line)) {
    a = windowStart(t.sentence, from, CUE_WINDOW);
    b = windowEnd(t, t.sentence, from, to, CUE_WINDOW);
  } else cues.subject = from - a <= SUBJECT_START;
  // "proposals and events": a proposal word joined to the phrase by "and" is a thing beside it, not about it.
  for (let i = a; i < b; i++) {
    if ((i >= from && i < to) || isSibling(t, i, from, to)) continue;
    if (isCueAt(t, i, STRONG_PROPOSAL_CUES)) {
      cues.strong = true;
      cues.any = true;
      cues.anyOnLine = true;
      break;
    }
    if (isCueAt(t, i, PROPOSAL_CUES)) cues.any = cues.anyOnLine = true;
  }
  for (let i = a; i < b && !cues.decision; i++) if ((i < from || i >= to) && !isSibling(t, i, from, to) && isCueAt(t, i, DECISION_CUES)) cues.decision = true;
  const la = windowStart(t.line, from, CUE_WINDOW);
  const lb = windowEnd(t, t.line, from, to, CUE_WINDOW);
  for (let i = la; i < lb && !cues.anyOnLine; i++) if ((i < from || i >= to) && isCueAt(t, i, PROPOSAL_CUES)) cues.anyOnLine = true;
  for (let i = from; i < to; i++) {
    if (STRONG_PROPOSAL_CUES.has(stemAt(t, i)!)) cues.adjacent = cues.strong = cues.any = cues.anyOnLine = true;
  }
  return cues;
}

const SUPPORT_WINDOW = 12;

/** A subject word misspelt by one letter ("acquistion"). */
const nearlySpelt = (stem: string, w: string): boolean => Math.abs(stem.length - w.length) <= 1 && stem[0] === w[0] && distance(stem, w) <= 1;

const subjectWordsCache = new WeakMap<readonly string[], WeakMap<readonly string[], readonly string[]>>();

/** The subject words with a letter that are not among the words said, once per (subject, phrase) pair. */
function subjectWordsBesides(subject: readonly string[], said: readonly string[]): readonly string[] {
  let bySaid = subjectWordsCache.get(subject);
  if (!bySaid) subjectWordsCache.set(subject, (bySaid = new WeakMap()));
  let words = bySaid.get(said);
  if (!words) bySaid.set(said, (words = subject.filter((w) => !said.includes(w) && /\p{L}/u.test(w))));
  return words;
}

/**
 * Does the passage also use the proposal's own subject words ("Thumper ... foundational model", "Zealy ... developer
 * onboarding")? Words of the matched phrase do not count. Long words may be misspelt by one letter ("acquistion").
 * `subject` and `said` are lists that do not change (a proposal's subject words, a phrase's words).
 */
export function hasSubjectSupport(t: LinedTokens, from: number, to: number, subject: readonly string[], said: readonly string[]): boolean {
  const words = subjectWordsBesides(subject, said);
  if (words.length === 0) return false;
  // The same stems compared as numbers (`WordTable.stemIdOf`); only long words are also compared letter by letter.
  const ids = t.table.stemIdsOf(words);
  const a = windowStart(t.sentence, from, SUPPORT_WINDOW);
  const b = windowEnd(t, t.sentence, from, to, SUPPORT_WINDOW);
  for (let i = a; i < b; i++) {
    if (i >= from && i < to) continue;
    const stemId = t.table.stemId[t.word[i]!]!;
    for (let k = 0; k < words.length; k++) {
      if (ids[k] === stemId) return true;
      const w = words[k]!;
      if (w.length >= 7 && nearlySpelt(stemAt(t, i)!, w)) return true;
    }
  }
  return false;
}
