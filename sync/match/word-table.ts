import { plainWord } from './tokenize.js';

const EMPTY = 0;

/**
 * Interned words: each distinct lower-case word of the meetings gets a small number, found again from the meeting
 * text without building a string (the word's characters are hashed and compared in place). Meeting vocabularies
 * repeat a lot, so after the first meetings nearly every word is found without allocating anything.
 */
export class WordTable {
  /** Lower-case letters/digits, diacritics removed (`Token.plain`). */
  readonly plain: string[] = [];
  /** `plain` with a plural `s` removed (`Token.stem`). */
  readonly stem: string[] = [];
  /** A number for each distinct stem ("provider" and "providers" share one), to compare stems as numbers. */
  readonly stemId: number[] = [];
  /** Which passage-cue word sets each word is in (`read-passage-cues`), filled in as words are first asked about; 0: not yet. */
  cueBits = new Uint8Array(1 << 13);
  private stemIds = new Map<string, number>();
  private stemListIds = new WeakMap<readonly string[], Int32Array>();
  /** FNV-1a hash of each `plain`, so a probe compares characters only when the hashes agree. */
  private hashes = new Int32Array(1 << 13);
  private slots = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;

  get size(): number {
    return this.plain.length;
  }

  /** The number of the ASCII word `text[start, end)`, compared case-insensitively. */
  internAscii(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    return this.internAsciiHashed(text, start, end, hash | 0);
  }

  /** `internAscii` when the caller already hashed the lower-cased characters (FNV-1a, as a signed 32-bit number). */
  internAsciiHashed(text: string, start: number, end: number, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.hashes[entry - 1] === hash && sameAscii(this.plain[entry - 1]!, text, start, end)) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(text.slice(start, end).toLowerCase(), slot, hash);
  }

  /** The number of a word given as its plain form (for words with characters outside ASCII). */
  internPlain(word: string): number {
    const hash = hashPlain(word);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) break;
      if (this.plain[entry - 1] === word) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.add(word, slot, hash);
  }

  /** The number of the non-ASCII word `text[start, end)`. */
  internOther(text: string, start: number, end: number): number {
    return this.internPlain(plainWord(text.slice(start, end)));
  }

  private add(plain: string, slot: number, hash: number): number {
    const id = this.plain.length;
    this.plain.push(plain);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const cueBits = new Uint8Array(id * 2);
      cueBits.set(this.cueBits);
      this.cueBits = cueBits;
    }
    this.hashes[id] = hash;
    const len = plain.length;
    // Same rule as `tokenize`: a plural "s" off words longer than four letters, not "ss".
    const stem = len > 4 && plain.charCodeAt(len - 1) === 115 && plain.charCodeAt(len - 2) !== 115 && !/\d/.test(plain) ? plain.slice(0, -1) : plain;
    this.stem.push(stem);
    this.stemId.push(this.stemIdOf(stem));
    this.slots[slot] = id + 1;
    if (this.plain.length * 2 > this.slots.length) this.grow();
    return id;
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
