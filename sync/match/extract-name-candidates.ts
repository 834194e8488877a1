import { distance } from 'fastest-levenshtein';
import { doubleMetaphone } from 'double-metaphone';
import { letterSet, runSounds } from './build-proposal-index.js';
import { timeOf } from './date-times.js';
import { GENERIC_WORDS, STOP_WORDS, readOrdinal } from './stop-words.js';
import { hasSubjectSupport, plainAt, readPassageCues, stemAt, windowOf, type LinedTokens, type PassageCues } from './read-passage-cues.js';
import { resolveCandidates, type MatchContext } from './resolve-candidates.js';
import { WordTable } from './word-table.js';
import { WordRunMemo } from './word-run-memo.js';
import type { GarbledNameIndex, GarbledTarget, IndexedProposal, NameCandidate, NamePhrase, PhraseTarget, ProposalIndex } from './types.js';

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

/**
 * Is `text` (whose `letterSet` is `textLetters` and whose double-metaphone keys are `keysOf()`, worked out only when
 * needed) a garbling of the target name?
 */
function fuzzyAccepts(text: string, textLetters: number, keysOf: () => string[], { phrase, sounds: targetKeys, letters }: GarbledTarget): boolean {
  const target = phrase.joined;
  if (text === target) return true;
  const len = Math.max(text.length, target.length);
  const limit = len <= 5 ? 1 : len <= 11 ? 2 : 3;
  // The edit distance is at least the difference in length, and at least the count of letters one has and the other lacks.
  if (Math.abs(text.length - target.length) > limit) return false;
  if (bitCount(textLetters & ~letters) > limit || bitCount(letters & ~textLetters) > limit) return false;
  const d = distance(text, target);
  if (d > limit) return false;
  const textKeys = keysOf();
  const samePhonetic = textKeys.some((k) => targetKeys.includes(k));
  if (samePhonetic) return true;
  // Near-miss spellings with the same first letter ("cloud most" for Cloudmos) need one edit at most... or two for long names.
  const nearPhonetic = textKeys.some((k) => targetKeys.some((tk) => distance(k, tk) <= 1));
  return d <= 1 && text[0] === target[0] && nearPhonetic && len > 5;
}

function bitCount(bits: number): number {
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
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
    if (/^\d{1,2}$/.test(plain) || readOrdinal(plain) !== null) return true;
    if (plain !== 'zero') return false;
  }
  return false;
}

/** Words that set what follows apart from what is known: "a new hackathon proposal", "another events budget". */
const ANOTHER = new Set(['new', 'another', 'separate', 'different']);

/**
 * Is one everyday word ("hackathon", "events") said of some other one: "a new hackathon", "another event", or with a
 * name of its own before it that the proposal's title does not have ("the Cosmoverse hackathon")?
 */
export function namesAnotherOne(t: LinedTokens, from: number, titleStems: readonly string[]): boolean {
  const before = from - 1;
  if (before < 0 || t.sentence[before] !== t.sentence[from]) return false;
  const plain = plainAt(t, before)!;
  if (ANOTHER.has(plain)) return true;
  const stem = t.table.stem[t.word[before]!]!;
  if (t.cap[before] !== 1 || !/^\p{L}/u.test(plain) || STOP_WORDS.has(stem) || GENERIC_WORDS.has(stem) || titleStems.includes(stem)) return false;
  // A capital at the start of a sentence or line item is no name.
  return before >= 1 && t.sentence[before - 1] === t.sentence[before] && /^\p{L}/u.test(plainAt(t, before - 1)!);
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
}

function refersToProposal(hit: Hit, target: PhraseTarget, { cues, support, days, writtenAsName, writtenAsTitle, current }: Circumstances): boolean {
  const within = (before: number, after: number): boolean => days === null || (days >= -before && days <= after);
  switch (target.role) {
    case 'name':
      return cues.any || support || (within(30, 60) && (hit.to - hit.from > 1 || writtenAsName));
    case 'team':
      if (target.platform && (cues.anyOnLine || support) && within(60, 270)) return true;
      if ((cues.strong || support) && within(60, 270)) return true;
      return target.platform && writtenAsName && within(30, 60);
    case 'topic':
      // One everyday word ("events", "hackathon") needs its proposal word right beside it; a longer phrase may have it nearby.
      if (cues.adjacent || cues.period) return true;
      // Part of a long title: three of its words are specific enough when the proposal itself is spoken of nearby.
      if (!target.whole) return hit.phrase.content >= 3 && cues.strong && (support || cues.decision);
      // One everyday word ("the hackathon") needs the decision itself nearby: a vote, the proposal, passing.
      if (hit.phrase.content < 2) return cues.decision;
      // The program's own name written as a name ("Provider Incentives", "Website Revamp") while it runs.
      return cues.strong || support || (writtenAsTitle && hit.phrase.gap === 0 && current);
    case 'acronym':
    case 'version':
      return cues.strong || support;
  }
}

/**
 * What each word of the meetings is to one proposal index, remembered across meetings (their vocabularies repeat a
 * lot): the words themselves (`WordTable`), the phrases a word starts, whether a garbled name may start with it, and
 * the garbled-name lookups already made.
 */
export interface IndexLexicon {
  table: WordTable;
  /** Phrases starting with each word's stem; null when none. */
  starts: (NamePhrase[] | null)[];
  /** The stems (`WordTable.stemIdOf`) of each of those phrases, in the same order. */
  startStems: (Int32Array[] | null)[];
  /** For each word a garbled name may start with, which names it may start (see `GarbleStart`); null for other words. */
  garbleStarts: (GarbleStart | null)[];
  /** Double-metaphone keys (primary, alternative) of each word, worked out when first needed. */
  sounds: ([string, string] | undefined)[];
  /** The garbled name one word is closest to (`closestName`), null when none; undefined: not looked up yet. */
  closest1: (NamePhrase | null | undefined)[];
  /** The same for two or three words in a row. */
  closestRun: WordRunMemo;
  /** The names `closestRun` remembers, by number: 0 for none, n for `closestNames[n]`. */
  closestNames: (NamePhrase | null)[];
  closestNumbers: Map<NamePhrase, number>;
  /** `letterSet` of each word. */
  letters: number[];
  /** `soundHashesOf` each word, worked out when first needed. */
  soundHashes: (Int32Array | undefined)[];
  /** `soundKeyHashes`, worked out when first needed. */
  soundKeys: NumberSet | null;
  index: ProposalIndex;
  /** The proposals each phrase may point to (see `candidatesFor`). */
  candidates: Map<NamePhrase, IndexedProposal[]>;
}

const lexicons = new WeakMap<ProposalIndex, IndexLexicon>();
/** Past this many distinct words, the memory starts afresh. */
const LEXICON_LIMIT = 1 << 20;

/** Word marks (`WordTable.marks`): a phrase may start with the word; a garbled name may. */
const PHRASE_START = 1;
const GARBLE_START = 2;

/** The lexicon of an index; call once per meeting, before scanning it (a full lexicon is replaced here). */
export function lexiconFor(index: ProposalIndex): IndexLexicon {
  let lexicon = lexicons.get(index);
  if (!lexicon || lexicon.table.size > LEXICON_LIMIT) {
    const fresh: IndexLexicon = {
      table: new WordTable((id) => markWord(fresh, index, id)),
      starts: [],
      startStems: [],
      garbleStarts: [],
      sounds: [],
      closest1: [],
      closestRun: new WordRunMemo(),
      closestNames: [null],
      letters: [],
      soundHashes: [],
      soundKeys: null,
      index,
      closestNumbers: new Map(),
      candidates: new Map(),
    };
    lexicon = fresh;
    lexicons.set(index, lexicon);
  }
  return lexicon;
}

/**
 * What a word newly seen is to the index, worked out once: the phrases and garbled names it may start. Words come
 * in order, so the per-word memory grows by one here.
 */
function markWord(lexicon: IndexLexicon, index: ProposalIndex, id: number): number {
  lexicon.sounds.push(undefined);
  lexicon.soundHashes.push(undefined);
  lexicon.letters.push(letterSet(lexicon.table.plain[id]!));
  lexicon.closest1.push(undefined);
  const phrases = index.phrasesByFirst.get(lexicon.table.stem[id]!) ?? null;
  lexicon.starts.push(phrases);
  lexicon.startStems.push(phrases && phrases.map((phrase) => lexicon.table.stemIdsOf(phrase.tokens)));
  const start = garbleStart(lexicon, index, id);
  lexicon.garbleStarts.push(start);
  return (phrases === null ? 0 : PHRASE_START) | (start === null ? 0 : GARBLE_START);
}

/**
 * The proposals a phrase may point to. "Akash events" is only in the 2023 title, but the 2024 events are as much
 * meant: a topic phrase stands for its whole program. A phrase with a series number in it ("Builder Quests Proposal
 * 2") names its edition.
 */
function candidatesFor(lexicon: IndexLexicon, index: ProposalIndex, phrase: NamePhrase): IndexedProposal[] {
  let found = lexicon.candidates.get(phrase);
  if (found === undefined) {
    const numbered = phrase.tokens.some((w) => /^\d+$/.test(w));
    const numbers = numbered
      ? phrase.proposals
      : [...new Set(phrase.targets.flatMap((x) => (x.role === 'topic' ? index.seriesMembers.get(index.byNumber.get(x.proposal)!.series) ?? [x.proposal] : [x.proposal])))];
    found = numbers.map((n) => index.byNumber.get(n)).filter((p): p is IndexedProposal => p !== undefined);
    lexicon.candidates.set(phrase, found);
  }
  return found;
}

function soundsOf(lexicon: IndexLexicon, id: number): [string, string] {
  let sounds = lexicon.sounds[id];
  if (sounds === undefined) lexicon.sounds[id] = sounds = doubleMetaphone(lexicon.table.plain[id]!);
  return sounds;
}

/** The garbled names a run of words starting with one word may be, as far as that word tells. */
interface GarbleStart {
  /** Names with the word's first three letters, by length. */
  byLength: Map<number, GarbledTarget[]> | undefined;
  /** The same names in an array by length. */
  byLengthList: (GarbledTarget[] | undefined)[];
  /** Some name's sound begins with one of the word's keys. */
  soundsLikeStart: boolean;
}

/**
 * Could a garbled name start with this word? Not a stop word, a generic word, a number or a word under three letters;
 * some name starts with its first three letters or its first word sounds like it. Null when not.
 */
function garbleStart(lexicon: IndexLexicon, index: ProposalIndex, id: number): GarbleStart | null {
  const plain = lexicon.table.plain[id]!;
  const code = plain.charCodeAt(0);
  const garbled = index.garbled;
  const pass =
    garbled.byPrefix.size > 0 &&
    plain.length >= 3 &&
    !(code >= 48 && code <= 57) &&
    !STOP_WORDS.has(plain) &&
    !GENERIC_WORDS.has(lexicon.table.stem[id]!) &&
    (garbled.byPrefix.has(plain.slice(0, 3)) || soundsOf(lexicon, id).some((k) => garbled.firstWordSounds.has(k)));
  if (!pass) return null;
  const byLength = garbled.byPrefix.get(plain.slice(0, 3));
  const byLengthList: (GarbledTarget[] | undefined)[] = [];
  if (byLength) for (const [length, targets] of byLength) byLengthList[length] = targets;
  return { byLength, byLengthList, soundsLikeStart: soundsOf(lexicon, id).some((k) => garbled.soundPrefixes.has(k)) };
}

/**
 * Can `closestName` find anything for the words `from` to `from + extra` (`letters` their `letterSet`, `length` their
 * letters) that start with `start`'s word? Only if a name with the first word's first three letters is close enough
 * in length and letters (`fuzzyAccepts` rules the rest out), or if the words' sounds are a name's: both told from
 * what is kept per word, without building a string. Most runs can find nothing, and need no lookup.
 */
function mayBeGarbled(lexicon: IndexLexicon, t: LinedTokens, from: number, extra: number, start: GarbleStart, letters: number, length: number): boolean {
  const byLength = start.byLengthList;
  for (let len = Math.max(0, length - 2); len <= length + 2 && len < byLength.length; len++) {
    const targets = byLength[len];
    if (targets === undefined) continue;
    const longer = Math.max(length, len);
    const limit = longer <= 5 ? 1 : longer <= 11 ? 2 : 3;
    if (Math.abs(length - len) > limit) continue;
    for (const target of targets) {
      if (bitCount(letters & ~target.letters) <= limit && bitCount(target.letters & ~letters) <= limit) return true;
    }
  }
  if (!start.soundsLikeStart) return false;
  // The run's sounds (`runSounds`) hashed from its words' hashes; a hash that is no name's rules the sound out.
  let primary = 0;
  let alternative = 0;
  for (let k = 0; k <= extra; k++) {
    const h = soundHashesOf(lexicon, t.word[from + k]!);
    const at = k === 0 ? 0 : 4;
    primary = (Math.imul(primary, h[at + 2]!) + h[at]!) | 0;
    alternative = (Math.imul(alternative, h[at + 3]!) + h[at + 1]!) | 0;
  }
  const keys = soundKeyHashes(lexicon);
  return keys.has(primary) || keys.has(alternative);
}

/** A set of 32-bit numbers: open addressing over a typed array small enough to stay in cache. */
class NumberSet {
  private slots: Int32Array;
  private used: Uint8Array;
  private mask: number;

  constructor(numbers: Iterable<number>) {
    const list = [...numbers];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
    for (const n of list) {
      let slot = spread(n) & this.mask;
      while (this.used[slot] === 1 && this.slots[slot] !== n) slot = (slot + 1) & this.mask;
      this.slots[slot] = n;
      this.used[slot] = 1;
    }
  }

  has(n: number): boolean {
    let slot = spread(n) & this.mask;
    while (this.used[slot] === 1) {
      if (this.slots[slot] === n) return true;
      slot = (slot + 1) & this.mask;
    }
    return false;
  }
}

const spread = (n: number): number => {
  const h = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
};

const SOUND_BASE = 0x01000193;

/** A polynomial hash of a string, with `SOUND_BASE` to the power of its length: the hash of `x + y` is `hash(x) * power(y) + hash(y)`. */
function soundHash(key: string): [number, number] {
  let hash = 0;
  let power = 1;
  for (let i = 0; i < key.length; i++) {
    hash = (Math.imul(hash, SOUND_BASE) + key.charCodeAt(i)) | 0;
    power = Math.imul(power, SOUND_BASE);
  }
  return [hash, power];
}

/**
 * `soundHash` of a word's keys, as the first word of a run (primary, alternative, and their powers) and as a later one
 * (the same without a leading "A", see `runSounds`).
 */
function soundHashesOf(lexicon: IndexLexicon, id: number): Int32Array {
  let hashes = lexicon.soundHashes[id];
  if (hashes === undefined) {
    const [primary, alternative] = soundsOf(lexicon, id);
    const later = (key: string): string => (key.charCodeAt(0) === 65 ? key.slice(1) : key);
    const [p, pp] = soundHash(primary);
    const [a, ap] = soundHash(alternative);
    const [lp, lpp] = soundHash(later(primary));
    const [la, lap] = soundHash(later(alternative));
    lexicon.soundHashes[id] = hashes = Int32Array.of(p, a, pp, ap, lp, la, lpp, lap);
  }
  return hashes;
}

/** `soundHash` of every sound a name is looked up by (`GarbledNameIndex.bySound`). */
function soundKeyHashes(lexicon: IndexLexicon): NumberSet {
  if (lexicon.soundKeys === null) lexicon.soundKeys = new NumberSet([...lexicon.index.garbled.bySound.keys()].map((key) => soundHash(key)[0]));
  return lexicon.soundKeys;
}

const CLOSEST_MEMO_LIMIT = 500_000;

/** The garbled-name lookups are a cache: past a size they start afresh (between meetings, never within one). */
function trimClosestMemo(lexicon: IndexLexicon): void {
  if (lexicon.closestRun.size > CLOSEST_MEMO_LIMIT) lexicon.closestRun.clear();
}

/** The number `closestRun` remembers a name (or none) by. */
function closestNumber(lexicon: IndexLexicon, phrase: NamePhrase | null): number {
  if (phrase === null) return 0;
  let n = lexicon.closestNumbers.get(phrase);
  if (n === undefined) {
    n = lexicon.closestNames.length;
    lexicon.closestNames.push(phrase);
    lexicon.closestNumbers.set(phrase, n);
  }
  return n;
}

/** `closestName` for the words `from` to `from + extra` joined, remembered by their word numbers. */
function closestNameOf(lexicon: IndexLexicon, index: ProposalIndex, t: LinedTokens, from: number, extra: number, start: GarbleStart): NamePhrase | null {
  const plain = lexicon.table.plain;
  const a = t.word[from]!;
  if (extra === 0) {
    let found = lexicon.closest1[a];
    if (found === undefined) lexicon.closest1[a] = found = closestName(index.garbled, plain[a]!, start, () => runSounds([soundsOf(lexicon, a)]));
    return found;
  }
  const b = t.word[from + 1]!;
  const c = extra === 2 ? t.word[from + 2]! : -1;
  const remembered = lexicon.closestRun.get(a, b, c);
  if (remembered !== -1) return lexicon.closestNames[remembered]!;
  const joined = plain[a]! + plain[b]! + (c === -1 ? '' : plain[c]!);
  const sounds = (): string[] =>
    runSounds(c === -1 ? [soundsOf(lexicon, a), soundsOf(lexicon, b)] : [soundsOf(lexicon, a), soundsOf(lexicon, b), soundsOf(lexicon, c)]);
  const found = closestName(index.garbled, joined, start, sounds);
  lexicon.closestRun.set(a, b, c, closestNumber(lexicon, found));
  return found;
}

/**
 * The name these joined words (sounding `soundsOf()`, see `runSounds`) are a garbling of (spelling and sound), the
 * weightiest when several fit; among equally weighty ones, the first by `localeCompare`, then the first found (names
 * with the same first three letters and a length within two, shortest first, then names that sound the same). The
 * sounds are worked out only when a name is close in spelling or may sound the same.
 */
function closestName(garbled: GarbledNameIndex, joined: string, start: GarbleStart, soundsOf: () => string[]): NamePhrase | null {
  let sounds: string[] | null = null;
  const keysOf = (): string[] => (sounds ??= soundsOf());
  let best: GarbledTarget | null = null;
  const letters = letterSet(joined);
  const byLength = start.byLength;
  if (byLength) for (let len = joined.length - 2; len <= joined.length + 2; len++) best = closestOf(byLength.get(len), joined, letters, keysOf, best);
  if (start.soundsLikeStart) for (const sound of keysOf()) best = closestOf(garbled.bySound.get(sound), joined, letters, keysOf, best);
  return best === null ? null : best.phrase;
}

/** The weightiest (`outranks`, the earlier among equals) of `best` and the targets the joined words are a garbling of. */
function closestOf(
  targets: GarbledTarget[] | undefined,
  joined: string,
  letters: number,
  keysOf: () => string[],
  best: GarbledTarget | null,
): GarbledTarget | null {
  if (targets) for (const target of targets) if ((best === null || outranks(target, best)) && fuzzyAccepts(joined, letters, keysOf, target)) best = target;
  return best;
}

function outranks(a: GarbledTarget, b: GarbledTarget): boolean {
  return a.phrase.weight > b.phrase.weight || (a.phrase.weight === b.phrase.weight && a.phrase.joined.localeCompare(b.phrase.joined) < 0);
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
  const usedAsName = (i: number): boolean => t.cap[i] === 1 && capitalLead[stemIds[t.word[i]!]!]! > 0;

  // "the Q3 events support proposal": one everyday word right after another proposal's name is part of that name.
  const followsOtherName = (hit: Hit, proposal: number): boolean => {
    const before = hit.from - 1;
    if (before < 0 || t.sentence[before] !== t.sentence[hit.from]) return false;
    const phrases = lexicon.starts[t.word[before]!]!;
    return phrases !== null && phrases.some((p) => p.tokens.length === 1 && p.content > 0 && !p.proposals.includes(proposal));
  };

  const meetingTime = Date.parse(meetingDate);
  const judge = (hit: Hit): NameCandidate | null => {
    const [windowFrom, windowTo] = windowOf(t, hit.from, hit.to, WINDOW);
    const ctx: MatchContext = { text: t, from: hit.from, to: hit.to, windowFrom, windowTo, meetingDate };
    const resolved = resolveCandidates(candidatesFor(lexicon, index, hit.phrase), ctx, index, hit.phrase);
    if (!resolved) return null;
    // A later edition under a new title ("the 2025 community support proposal") is found through the year said.
    const series = index.byNumber.get(resolved.proposal)!.series;
    const sibling = hit.phrase.targets.find((x) => index.byNumber.get(x.proposal)!.series === series);
    let target = hit.phrase.targets.find((x) => x.proposal === resolved.proposal) ??
      (sibling ? { ...sibling, proposal: resolved.proposal } : { proposal: resolved.proposal, role: 'topic', whole: true, platform: false });
    // "the Quasarch team": the team going about its business unless the passage is about its proposal.
    const next = plainAt(t, hit.to);
    if (target.role === 'name' && next !== undefined && t.line[hit.to] === t.line[hit.from] && (next === 'team' || next === 'teams')) {
      target = { ...target, role: 'team', platform: false };
    }
    const proposal = index.byNumber.get(resolved.proposal)!;
    // Before a proposal existed, its words meant something else.
    if (proposal.earliest !== null && meetingDate < proposal.earliest) return null;
    const cues = readPassageCues(t, hit.from, hit.to);
    if (target.role === 'acronym' && !numberAfter(t, hit.to) && !cues.strong) return null;
    const support = hasSubjectSupport(t, hit.from, hit.to, proposal.subject, hit.phrase.tokens);
    const writtenAsName = hit.fuzzy ? t.cap[hit.from] === 1 : usedAsName(hit.from);
    let writtenAsTitle = true;
    for (let k = hit.from; k < hit.to && writtenAsTitle; k++) writtenAsTitle = t.cap[k] === 1 || !/^\p{L}/u.test(plainAt(t, k)!);
    const days = daysFromAnchor(proposal, meetingTime);
    // A yearly program ("2024 Community Support") runs to the end of its year unless a next edition takes over.
    const runsUntil = proposal.until ?? (proposal.year !== null ? `${proposal.year + 1}-01-01` : null);
    const current = days !== null && days >= -60 && (runsUntil === null ? days <= CURRENT_DAYS : meetingDate < runsUntil);
    const qualified =
      refersToProposal(hit, target, { cues, support, days, writtenAsName, writtenAsTitle, current }) &&
      !(target.role === 'topic' && hit.phrase.content < 2 && (namesAnotherOne(t, hit.from, proposal.titleStems) || followsOtherName(hit, resolved.proposal)));
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
      content: hit.phrase.content,
      phrase: hit.phrase.tokens,
    };
  };

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
    const judged = judge(hit);
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
      // One word is looked up in a plain array; a run only when it may be a name at all.
      if (joinedLength < 4 || (k > 0 && !mayBeGarbled(lexicon, t, i, k, start, letters, joinedLength))) continue;
      const phrase = closestNameOf(lexicon, index, t, i, k, start);
      if (!phrase) continue;
      const to = i + k + 1;
      if (k === 0 && t.cap[i] !== 1 && !readPassageCues(t, i, to).any) continue;
      const judged = judge({ phrase, from: i, to, fuzzy: true });
      if (!judged) continue;
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
