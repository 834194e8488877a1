import { distance } from 'fastest-levenshtein';
import { doubleMetaphone } from 'double-metaphone';
import { laterSound, letterSet, soundKeys } from './build-proposal-index.js';
import type { IndexLexicon } from './index-lexicon.js';
import type { LinedTokens } from './read-passage-cues.js';
import { GENERIC_WORDS, STOP_WORDS } from './stop-words.js';
import type { GarbledNameIndex, GarbledTarget, NamePhrase, ProposalIndex } from './types.js';

/*
 * Garbled names: runs of one to three words compared to the proper names of the index by spelling (edit distance)
 * and by sound (double-metaphone keys), with what is known of each word kept in the index's lexicon.
 */

/**
 * Is `text` (whose `letterSet` is `textLetters` and whose double-metaphone keys are `keysOf()`, worked out only when
 * needed) a garbling of the target name?
 */
function fuzzyAccepts(text: string, textLetters: number, keysOf: RunSounds, { phrase, sounds: targetKeys, letters }: GarbledTarget): boolean {
  const target = phrase.joined;
  if (text === target) return true;
  const len = Math.max(text.length, target.length);
  const limit = len <= 5 ? 1 : len <= 11 ? 2 : 3;
  // The edit distance is at least the difference in length, and at least the count of letters one has and the other lacks.
  if (Math.abs(text.length - target.length) > limit) return false;
  if (bitCount(textLetters & ~letters) > limit || bitCount(letters & ~textLetters) > limit) return false;
  const d = distance(text, target);
  if (d > limit) return false;
  const textKeys = keysOf.get();
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

export function soundsOf(lexicon: IndexLexicon, id: number): [string, string] {
  let sounds = lexicon.sounds[id];
  if (sounds === undefined) lexicon.sounds[id] = sounds = doubleMetaphone(lexicon.table.plain[id]!);
  return sounds;
}

/** The garbled names a run of words starting with one word may be, as far as that word tells. */
export interface GarbleStart {
  /** Names with the word's first three letters, by length. */
  byLength: Map<number, GarbledTarget[]> | undefined;
  /** The same names in an array by length. */
  byLengthList: (GarbledTarget[] | undefined)[];
  /** For each length, every letter (`letterSet`) any of those names has. */
  lettersByLength: number[];
  /** Some name's sound begins with one of the word's keys. */
  soundsLikeStart: boolean;
}

/**
 * Could a garbled name start with this word? Not a stop word, a generic word, a number or a word under three letters;
 * some name starts with its first three letters or its first word sounds like it. Null when not.
 */
export function garbleStart(lexicon: IndexLexicon, index: ProposalIndex, id: number): GarbleStart | null {
  const plain = lexicon.table.plain[id]!;
  const code = plain.charCodeAt(0);
  const garbled = index.garbled;
  if (garbled.byPrefix.size === 0 || plain.length < 3 || (code >= 48 && code <= 57) || STOP_WORDS.has(plain) || GENERIC_WORDS.has(lexicon.table.stem[id]!)) return null;
  const byLength = garbled.byPrefix.get(plain.slice(0, 3));
  if (byLength === undefined && !eitherIn(garbled.firstWordSounds, soundsOf(lexicon, id))) return null;
  const byLengthList: (GarbledTarget[] | undefined)[] = [];
  const lettersByLength: number[] = [];
  if (byLength) {
    for (const [length, targets] of byLength) byLengthList[length] = targets;
    for (let length = 0; length < byLengthList.length; length++) lettersByLength.push((byLengthList[length] ?? []).reduce((set, t) => set | t.letters, 0));
  }
  return { byLength, byLengthList, lettersByLength, soundsLikeStart: eitherIn(garbled.soundPrefixes, soundsOf(lexicon, id)) };
}

/** Is either of a word's two double-metaphone keys in the set? */
const eitherIn = (set: ReadonlySet<string>, [primary, alternative]: readonly [string, string]): boolean => set.has(primary) || set.has(alternative);

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
    // A letter the words have and none of these names has takes an edit for every name.
    if (Math.abs(length - len) > limit || bitCount(letters & ~start.lettersByLength[len]!) > limit) continue;
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
export class NumberSet {
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
    const [p, pp] = soundHash(primary);
    const [a, ap] = soundHash(alternative);
    const [lp, lpp] = soundHash(laterSound(primary));
    const [la, lap] = soundHash(laterSound(alternative));
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
export function trimClosestMemo(lexicon: IndexLexicon): void {
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

/**
 * `closestName` for the words `from` to `from + extra` joined (`letters` their `letterSet`, `length` their letters),
 * remembered by their word numbers. A run of several words is looked up only when `mayBeGarbled` says it may be a
 * name; what that says is remembered the same way, as it depends on nothing but the words.
 */
export function closestNameOf(
  lexicon: IndexLexicon,
  index: ProposalIndex,
  t: LinedTokens,
  from: number,
  extra: number,
  start: GarbleStart,
  letters: number,
  length: number,
): NamePhrase | null {
  const plain = lexicon.table.plain;
  const a = t.word[from]!;
  if (extra === 0) {
    let found = lexicon.closest1[a];
    if (found === undefined) lexicon.closest1[a] = found = closestName(index.garbled, plain[a]!, start, new RunSounds(lexicon, a, -1, -1));
    return found;
  }
  const b = t.word[from + 1]!;
  const c = extra === 2 ? t.word[from + 2]! : -1;
  const remembered = lexicon.closestRun.get(a, b, c);
  if (remembered !== -1) return lexicon.closestNames[remembered]!;
  const found = mayBeGarbled(lexicon, t, from, extra, start, letters, length)
    ? closestName(index.garbled, plain[a]! + plain[b]! + (c === -1 ? '' : plain[c]!), start, new RunSounds(lexicon, a, b, c))
    : null;
  lexicon.closestRun.set(a, b, c, closestNumber(lexicon, found));
  return found;
}

/**
 * The sounds of one to three words joined (`runSounds`; `b`, `c` -1 when absent), worked out on first use. An object,
 * not a closure: the runner (tsx, esbuild's keepNames) names each closure with a property write when it is made.
 */
class RunSounds {
  private keys: string[] | null = null;
  constructor(
    private readonly lexicon: IndexLexicon,
    private readonly a: number,
    private readonly b: number,
    private readonly c: number,
  ) {}

  get(): string[] {
    if (this.keys === null) {
      const { lexicon, a, b, c } = this;
      let [primary, alternative] = soundsOf(lexicon, a);
      // `runSounds` of the words' keys, without making a list of them.
      for (let k = 1; k <= 2; k++) {
        const later = k === 1 ? b : c;
        if (later === -1) break;
        const sounds = soundsOf(lexicon, later);
        primary += laterSound(sounds[0]);
        alternative += laterSound(sounds[1]);
      }
      this.keys = soundKeys(primary, alternative);
    }
    return this.keys;
  }
}

/**
 * The name these joined words (sounding `sounds.get()`, see `runSounds`) are a garbling of (spelling and sound), the
 * weightiest when several fit; among equally weighty ones, the first by `localeCompare`, then the first found (names
 * with the same first three letters and a length within two, shortest first, then names that sound the same). The
 * sounds are worked out only when a name is close in spelling or may sound the same.
 */
function closestName(garbled: GarbledNameIndex, joined: string, start: GarbleStart, keysOf: RunSounds): NamePhrase | null {
  let best: GarbledTarget | null = null;
  const letters = letterSet(joined);
  const byLength = start.byLength;
  if (byLength) for (let len = joined.length - 2; len <= joined.length + 2; len++) best = closestOf(byLength.get(len), joined, letters, keysOf, best);
  if (start.soundsLikeStart) for (const sound of keysOf.get()) best = closestOf(garbled.bySound.get(sound), joined, letters, keysOf, best);
  return best === null ? null : best.phrase;
}

/** The weightiest (`outranks`, the earlier among equals) of `best` and the targets the joined words are a garbling of. */
function closestOf(
  targets: GarbledTarget[] | undefined,
  joined: string,
  letters: number,
  keysOf: RunSounds,
  best: GarbledTarget | null,
): GarbledTarget | null {
  if (targets) for (const target of targets) if ((best === null || outranks(target, best)) && fuzzyAccepts(joined, letters, keysOf, target)) best = target;
  return best;
}

function outranks(a: GarbledTarget, b: GarbledTarget): boolean {
  return a.phrase.weight > b.phrase.weight || (a.phrase.weight === b.phrase.weight && a.rank < b.rank);
}
