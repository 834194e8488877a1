import { describe, test, expect } from '@jest/globals';
import { scanWords } from '../../sync/match/scan-words.js';
import { tokenize } from '../../sync/match/tokenize.js';
import { WordTable, shortWordKey } from '../../sync/match/word-table.js';

const TEXT = [
  'Cloudmos and CLOUDMOS, cloudmos. PIP02 is Crew3; the café (cafe) and Café!',
  'Internationalization internationalisation INTERNATIONALIZATION 20240829 2024 q3 Q3 Straße ½ ²',
  'Überprüfung — naïve résumé, DeAI and deai; providers provider class classes 𝒳yz',
].join('\n');

describe('the word scan', () => {
  test('reads the same words, offsets and capitals as tokenize', () => {
    const table = new WordTable();
    const scan = scanWords(TEXT, table);
    const tokens = tokenize(TEXT);
    expect(scan.count).toBe(tokens.length);
    tokens.forEach((token, i) => {
      expect([table.plain[scan.word[i]!], table.stem[scan.word[i]!], scan.start[i], scan.end[i], scan.cap[i] === 1]).toEqual([
        token.plain,
        token.stem,
        token.start,
        token.end,
        token.capitalised,
      ]);
    });
  });

  test('gives one number per distinct word, however it is written or reached', () => {
    const table = new WordTable();
    const scan = scanWords(TEXT, table);
    const numbers = new Map<string, number>();
    for (let i = 0; i < scan.count; i++) {
      const plain = table.plain[scan.word[i]!]!;
      expect(numbers.get(plain) ?? scan.word[i]).toBe(scan.word[i]);
      numbers.set(plain, scan.word[i]!);
    }
    expect(new Set(numbers.values()).size).toBe(numbers.size);
    // "café" is read as "cafe", the same word as the ASCII one; long words are found again too.
    expect(table.internPlain('cafe')).toBe(numbers.get('cafe'));
    expect(table.internAscii('INTERNATIONALIZATION', 0, 20)).toBe(numbers.get('internationalization'));
    expect(table.internPlain('internationalization')).toBe(numbers.get('internationalization'));
    // Written in capitals, the same words are found again, none added.
    const size = table.size;
    const again = scanWords(TEXT.split('\n')[0]!.toUpperCase(), table);
    expect(table.size).toBe(size);
    expect(table.plain[again.word[0]!]).toBe('cloudmos');
  });

  test('short-word keys spell words out exactly', () => {
    const words = ['a', 'b', 'z', '0', '9', 'aa', 'ba', 'ab', 'zzzzzzzzzz', '9999999999', 'q3', 'cloudmos'];
    const keys = words.map(shortWordKey);
    expect(new Set(keys).size).toBe(words.length);
    expect(keys.every((k) => Number.isSafeInteger(k) && k > 0)).toBe(true);
    expect(shortWordKey('zzzzzzzzzzz')).toBe(-1);
    expect(shortWordKey('café')).toBe(-1);
    expect(shortWordKey('Ab')).toBe(-1);
  });
});
