import { classOf, isCapital } from './tokenize.js';
import { LETTER_VALUE, SHORT_WORD, type WordTable } from './word-table.js';

/**
 * The words of a meeting as parallel arrays (no object per word): the same words, offsets and capitals as
 * `tokenize`, each word as its number in a `WordTable`, with the line and sentence each word is in.
 */
export interface WordScan {
  raw: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Number of each word in `table`. */
  word: Int32Array;
  /** 1 when the word starts with a capital letter. */
  cap: Uint8Array;
  /** Line number of each word. */
  line: Int32Array;
  /** Sentence number of each word: a new line or a full stop (".", "?", "!", ";" before white space) starts one. */
  sentence: Int32Array;
  /** Positions of the words `table` marks (`WordTable.marks`), in order. */
  marked: Int32Array;
  markedCount: number;
  table: WordTable;
}

/** 1 for ASCII letters, 2 for digits, 0 for anything else. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c >= 48 && c <= 57 ? 2 : 0;

/**
 * 2 for the first half of a surrogate pair with its second half in the text, else 1. Both tests always run (`&`, not
 * `&&`): a test first met after the scan is optimised would have V8 drop the optimised code mid-meeting.
 */
const widthAt = (code: number, i: number, n: number): number => 1 + (((code & 0xfc00) === 0xd800 ? 1 : 0) & (i + 1 < n ? 1 : 0));

interface Scratch {
  size: number;
  start: Int32Array;
  end: Int32Array;
  word: Int32Array;
  cap: Uint8Array;
  line: Int32Array;
  sentence: Int32Array;
  marked: Int32Array;
  /** One number: how many of `marked` are set. */
  markedCount: Int32Array;
}

const newScratch = (n: number): Scratch => ({
  size: n,
  start: new Int32Array(n),
  end: new Int32Array(n),
  word: new Int32Array(n),
  cap: new Uint8Array(n),
  line: new Int32Array(n),
  sentence: new Int32Array(n),
  marked: new Int32Array(n),
  markedCount: new Int32Array(1),
});

let scratch = newScratch(0);

function buffers(size: number): Scratch {
  if (scratch.size < size) scratch = newScratch(Math.max(size, scratch.size * 2, 1 << 17));
  return scratch;
}

/**
 * One pass over the text: words (runs of letters or of digits), their lines and sentences. The arrays are reused
 * from call to call, so a scan is valid until the next one.
 */
export function scanWords(raw: string, table: WordTable): WordScan {
  const b = buffers(raw.length + 1);
  const count = scanInto(raw, table, b);
  const { start, end, word, cap, line, sentence, marked } = b;
  return { raw, count, start, end, word, cap, line, sentence, marked, markedCount: b.markedCount[0]!, table };
}

/**
 * The scan itself, into `b`; returns the number of words. Nothing follows the loop but the return: V8 compiles this
 * loop while it runs (on-stack replacement), and code after it that had not run yet would throw that code away at
 * the end of every meeting.
 */
function scanInto(raw: string, table: WordTable, b: Scratch): number {
  const n = raw.length;
  const { start: starts, end: ends, word, cap, line: lines, sentence: sentences, marked, markedCount: markedCountOut } = b;
  markedCountOut[0] = 0;
  let count = 0;
  let markedCount = 0;
  let line = 0;
  let sentence = 0;
  // A sentence ends at ". ", "? ", "! " or "; " (or before a line break) between two words.
  let stop = false;
  let newLine = false;
  let i = 0;
  while (i < n) {
    let code = raw.charCodeAt(i);
    const from = i;
    let id = -1;
    let capital = 0;
    if (code < 128) {
      const kind = ASCII_CLASS[code]!;
      if (kind === 0) {
        if (code === 10) {
          line++;
          newLine = true;
        } else if ((code === 46 || code === 33 || code === 63 || code === 59) && i + 1 < n) {
          const next = raw.charCodeAt(i + 1);
          if (next === 32 || next === 10 || next === 9 || next === 13) stop = true;
        }
        i++;
        continue;
      }
      // The common case, an ASCII run: classify and spell out its key in one go.
      let key = LETTER_VALUE[code]!;
      let j = i + 1;
      let c = 0;
      for (; j < n; j++) {
        c = raw.charCodeAt(j);
        if (c >= 128 || ASCII_CLASS[c] !== kind) break;
        key = key * 37 + LETTER_VALUE[c]!;
      }
      // A run that goes on past ASCII ("café") is read by the general path below.
      if (!(j < n && c >= 128 && classOf(raw, j, c, widthAt(c, j, n)) === kind)) {
        id = j - from <= SHORT_WORD ? table.internShortAscii(raw, from, j, key) : table.internAscii(raw, from, j);
        capital = code >= 65 && code <= 90 ? 1 : 0;
        i = j;
      }
    }
    if (id === -1) {
      let width = widthAt(code, i, n);
      let kind = classOf(raw, i, code, width);
      // Not part of a word (and not ASCII: line breaks and full stops were seen above).
      if (kind === 0) {
        i += width;
        continue;
      }
      const runKind = kind;
      let ascii = code < 128;
      while (i < n && kind === runKind) {
        i += width;
        if (i >= n) break;
        code = raw.charCodeAt(i);
        width = widthAt(code, i, n);
        kind = classOf(raw, i, code, width);
        if (kind === runKind && code >= 128) ascii = false;
      }
      id = ascii ? table.internAscii(raw, from, i) : table.internOther(raw, from, i);
      // A run whose plain form is empty (only marks) is no word, as in `tokenize`.
      if (table.plain[id]!.length === 0) continue;
      const first = raw.charCodeAt(from);
      capital = ascii ? (first >= 65 && first <= 90 ? 1 : 0) : isCapital(first, raw.slice(from, i)) ? 1 : 0;
    }
    // Both paths record their word here, so a word first met on the rare path finds this code already optimised.
    if (count > 0 && (newLine || stop)) sentence++;
    starts[count] = from;
    ends[count] = i;
    word[count] = id;
    if (table.marks[id] !== 0) {
      marked[markedCount++] = count;
      markedCountOut[0] = markedCount;
    }
    cap[count] = capital;
    lines[count] = line;
    sentences[count] = sentence;
    count++;
    stop = false;
    newLine = false;
  }
  return count;
}
