import { plainWord } from './tokenize.js';

const EMPTY = 0;
/**
 * Room for this many words before the arrays grow: a meeting corpus has some tens of thousands, and each growth
 * makes V8 drop the scan's optimised code.
 */
const INITIAL_WORDS = 1 << 15;
/** Words of up to this many letters or digits are numbered by their exact `shortWordKey`, longer ones by a hash. */
export const SHORT_WORD = 10;
/** `LETTER_VALUE[c]`: 1-26 for a-z and A-Z, 27-36 for 0-9, 0 for any other ASCII character. */
export const LETTER_VALUE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  LETTER_VALUE[c] = c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 64 : c >= 48 && c <= 57 ? c - 21 : 0;
}

/**
 * Interned words: each distinct lower-case word of the meetings gets a small number, found again from the meeting
 * text without building a string. A short word (the most of them) is found by its key, a number that spells it out
 * exactly (`shortWordKey`), so nothing is compared letter by letter; a longer word by its hash, its letters compared
 * in place. Meeting vocabularies repeat a lot, so after the first meetings nearly every word is found without
 * allocating anything.
 */
export class WordTable {
  /** Lower-case letters/digits, diacritics removed (`Token.plain`). */
  readonly plain: string[] = [];
  /** `plain` with a plural `s` removed (`Token.stem`). */
  readonly stem: string[] = [];
  /** A number for each distinct stem ("provider" and "providers" share one), to compare stems as numbers. */
  readonly stemId: number[] = [];
  /** Which passage-cue word sets each word is in (`read-passage-cues`), filled in as words are first asked about; 0: not yet. */
  cueBits = new Uint8Array(INITIAL_WORDS);
  /** What `markWord` said of each word when it was first seen; the scan lists where marked words are. */
  marks = new Uint8Array(INITIAL_WORDS);
  private stemIds = new Map<string, number>();
  private stemListIds = new WeakMap<readonly string[], Int32Array>();
  /** `shortWordKey` of each word, -1 for a long one. */
  private keys = new Float64Array(INITIAL_WORDS);
  /** The hash each word is slotted by: `mixKey` of its key, or FNV-1a of a long word. */
  private hashes = new Int32Array(INITIAL_WORDS);
  private slots = new Int32Array(INITIAL_WORDS * 2);
  private mask = INITIAL_WORDS * 2 - 1;

  /** `markWord` gives each new word its marks (bits, 0 for none), once, in the order words are added. */
  constructor(private readonly markWord: (id: number) => number = () => 0) {}

  get size(): number {
    return this.plain.length;
  }

  /** The number of the ASCII word `text[start, end)` of at most `SHORT_WORD` characters whose `shortWordKey` is `key`. */
  internShortAscii(text: string, start: number, end: number, key: number): number {
    const hash = mixKey(key);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.keys[entry - 1] === key) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(text.slice(start, end).toLowerCase(), slot, hash, key);
  }

  /** The number of the ASCII word `text[start, end)`, compared case-insensitively. */
  internAscii(text: string, start: number, end: number): number {
    if (end - start <= SHORT_WORD) {
      let key = 0;
      for (let i = start; i < end; i++) key = key * 37 + LETTER_VALUE[text.charCodeAt(i)]!;
      return this.internShortAscii(text, start, end, key);
    }
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    hash |= 0;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === -1 && sameAscii(this.plain[entry - 1]!, text, start, end)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(text.slice(start, end).toLowerCase(), slot, hash, -1);
  }

  /** The number of a word given as its plain form (for words with characters outside ASCII). */
  internPlain(word: string): number {
    const key = shortWordKey(word);
    const hash = key === -1 ? hashPlain(word) : mixKey(key);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.keys[entry - 1] === key && (key !== -1 || this.plain[entry - 1] === word)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(word, slot, hash, key);
  }

  /** The number of the non-ASCII word `text[start, end)`. */
  internOther(text: string, start: number, end: number): number {
    return this.internPlain(plainWord(text.slice(start, end)));
  }

  private add(plain: string, slot: number, hash: number, key: number): number {
    const id = this.plain.length;
    this.plain.push(plain);
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, new Int32Array(id * 2));
      this.keys = grown(this.keys, new Float64Array(id * 2));
      this.cueBits = grown(this.cueBits, new Uint8Array(id * 2));
      this.marks = grown(this.marks, new Uint8Array(id * 2));
    }
    this.hashes[id] = hash;
    this.keys[id] = key;
    const len = plain.length;
    // Same rule as `tokenize`: a plural "s" off words longer than four letters, not "ss".
    const stem = len > 4 && plain.charCodeAt(len - 1) === 115 && plain.charCodeAt(len - 2) !== 115 && !/\d/.test(plain) ? plain.slice(0, -1) : plain;
    this.stem.push(stem);
    this.stemId.push(this.stemIdOf(stem));
    this.marks[id] = this.markWord(id);
    this.slots[slot] = id + 1;
    if (this.plain.length * 2 > this.slots.length) this.grow();
    return id;
  }

  /** How many stems have a number (`stemIdOf`). */
  get stemCount(): number {
    return this.stemIds.size;
  }

  /** The number of a stem, whether or not a word of the meetings has it yet. */
  stemIdOf(stem: string): number {
    let id = this.stemIds.get(stem);
    if (id === undefined) this.stemIds.set(stem, (id = this.stemIds.size));
    return id;
  }

  /** `stemIdOf` of each stem of a list that does not change (a proposal's key words), worked out once per list. */
  stemIdsOf(stems: readonly string[]): Int32Array {
    let ids = this.stemListIds.get(stems);
    if (!ids) this.stemListIds.set(stems, (ids = Int32Array.from(stems, (stem) => this.stemIdOf(stem))));
    return ids;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.plain.forEach((_, id) => {
      let slot = this.hashes[id]! & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    });
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/**
 * A number that spells out a plain word of at most `SHORT_WORD` lower-case letters and digits (base 37, every
 * character 1-36, so no two such words share one and it stays below 2^53); -1 for any other word.
 */
export function shortWordKey(plain: string): number {
  if (plain.length > SHORT_WORD) return -1;
  let key = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return -1;
    const value = LETTER_VALUE[c]!;
    if (value === 0) return -1;
    key = key * 37 + value;
  }
  return key;
}

/** A 32-bit hash of a word key (its low and high 32 bits mixed; `| 0` and a power-of-two multiple are exact here and fast). */
function mixKey(key: number): number {
  const low = key | 0;
  const high = (key * 2.3283064365386963e-10) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
}

/** FNV-1a over the characters of a plain (lower-case) word, as a signed 32-bit number. */
function hashPlain(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Is `text[start, end)`, lower-cased, the plain word `word`? */
function sameAscii(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}
