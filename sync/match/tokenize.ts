export interface Token {
  /** Lower-case letters/digits, diacritics removed. */
  plain: string;
  /** `plain` with a plural `s` removed, used for exact matching. */
  stem: string;
  start: number;
  end: number;
  capitalised: boolean;
}

const ASCII = /^[\x00-\x7f]*$/;

export function plainWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function stemWord(plain: string): string {
  if (plain.length > 4 && plain.endsWith('s') && !plain.endsWith('ss') && !/\d/.test(plain)) return plain.slice(0, -1);
  return plain;
}

/** 0: not part of a word, 1: letter, 2: digit; for the Basic Multilingual Plane, filled lazily. */
const CLASS = new Uint8Array(65536).fill(255);
const LETTER = /\p{L}/u;
const DIGIT_OR_NUMBER = /\p{N}/u;

/** Class of the character at `i` whose UTF-16 code is `code` and length `width` (2 for a surrogate pair). */
export function classOf(text: string, i: number, code: number, width: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 1;
    return code >= 48 && code <= 57 ? 2 : 0;
  }
  if (width === 1) {
    let c = CLASS[code]!;
    if (c === 255) {
      const char = text[i]!;
      c = LETTER.test(char) ? 1 : DIGIT_OR_NUMBER.test(char) ? 2 : 0;
      CLASS[code] = c;
    }
    return c;
  }
  const char = text.slice(i, i + 2);
  return LETTER.test(char) ? 1 : DIGIT_OR_NUMBER.test(char) ? 2 : 0;
}

/**
 * Words with their offsets. Letter/digit runs are split ("PIP02" is "pip", "02"; "Crew3" is "crew", "3"), so the
 * same name written with or without a space matches. CamelCase is kept whole ("DeAI").
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    let width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    let kind = classOf(text, i, code, width);
    if (kind === 0) {
      i += width;
      continue;
    }
    // One run of letters or one run of digits: a change of kind starts a new token.
    const start = i;
    const runKind = kind;
    let ascii = code < 128;
    let upperFirst = code >= 65 && code <= 90;
    while (i < n && kind === runKind) {
      i += width;
      if (i >= n) break;
      code = text.charCodeAt(i);
      width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      kind = classOf(text, i, code, width);
      if (kind === runKind && code >= 128) ascii = false;
    }
    const part = text.slice(start, i);
    if (!ascii && start < n) upperFirst = isCapital(part.charCodeAt(0), part);
    const plain = ascii ? part.toLowerCase() : plainWord(part);
    if (plain.length > 0) {
      const len = plain.length;
      // Plural "s" off letter words longer than four letters ("events"), not "ss" ("class").
      const stem = runKind === 1 && len > 4 && plain.charCodeAt(len - 1) === 115 && plain.charCodeAt(len - 2) !== 115 ? plain.slice(0, -1) : plain;
      tokens.push({ plain, stem, start: offset + start, end: offset + i, capitalised: upperFirst });
    }
  }
  return tokens;
}
export function isCapital(code: number, part: string): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return /^\p{Lu}/u.test(part);
}
