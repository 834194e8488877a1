import { describe, test, expect } from '@jest/globals';
import { parseDateText, parseMonthWord } from '../../sync/parse/parse-date-text.js';
import { extractGroup } from '../../sync/parse/extract-group.js';
import { matchSpeaker, matchTimestamp } from '../../sync/parse/extract-transcript.js';

describe('parseDateText', () => {
  test.each([
    ['Thursday, August 29th, 2024', '2024-08-29'],
    ['July 9, 2026', '2026-07-09'],
    ['2024-08-29', '2024-08-29'],
    ['2023, January 25 09:00AM PT', '2023-01-25'],
    ['29 August 2024', '2024-08-29'],
    ['Tuesday, November, 14 2023', '2023-11-14'],
    ['Tuesday, Feburary 6th, 2024', '2024-02-06'],
    ['Ocober 3, 2023', '2023-10-03'],
    ['Nov 8, 2023', '2023-11-08'],
    ['Sept. 5, 2024', '2024-09-05'],
    ['8/29/2024', '2024-08-29'],
    ['2024-03-06T18:00:00Z', '2024-03-06'],
  ])('%s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  test('impossible or missing dates give null', () => {
    expect(parseDateText('February 30, 2024')).toBeNull();
    expect(parseDateText('sometime next week')).toBeNull();
    expect(parseDateText('')).toBeNull();
  });

  test('month words', () => {
    expect(parseMonthWord('Sept')).toBe(9);
    expect(parseMonthWord('Wednesday')).toBeNull();
    expect(parseMonthWord('Date')).toBeNull();
  });
});

describe('extractGroup', () => {
  test.each([
    ['committee-steering/meetings/019.md', 'Steering Committee', 'committee'],
    ['sig-economics/meetings/001.md', 'SIG Economics', 'sig'],
    ['/repo/wg-Akash-youtube/meetings/001.md', 'Akash YouTube Working Group', 'wg'],
    ['wg-events/meetings-2024/001.md', 'Events Working Group', 'wg'],
    ['sig-ai/meetings/001.md', 'SIG AI', 'sig'],
    ['notes/meetings/001.md', 'Notes', 'other'],
    ['001.md', 'Ungrouped', 'other'],
  ])('%s', (path, name, kind) => {
    const group = extractGroup(path);
    expect(group.name).toBe(name);
    expect(group.kind).toBe(kind);
  });
});

describe('transcript line rules', () => {
  test('timestamps in several styles', () => {
    expect(matchTimestamp('### 00:25:00')?.timestamp).toBe('00:25:00');
    expect(matchTimestamp(' 28:33 ')?.timestamp).toBe('00:28:33');
    expect(matchTimestamp('(1:02:03)')?.seconds).toBe(3723);
    expect(matchTimestamp('**00:05:00**')?.timestamp).toBe('00:05:00');
    expect(matchTimestamp('00:75')).toBeNull();
    expect(matchTimestamp('at 10:30 we start')).toBeNull();
  });

  test('speaker labels versus sentences with a colon', () => {
    expect(matchSpeaker('Tyler Wright: hello')?.speaker).toBe('Tyler Wright');
    expect(matchSpeaker('**Tyler Wright:** hello')?.speaker).toBe('Tyler Wright');
    expect(matchSpeaker('**Tyler Wright**: hello')?.speaker).toBe('Tyler Wright');
    expect(matchSpeaker('oo o: yes')?.speaker).toBe('oo o');
    expect(matchSpeaker('Max:')?.speaker).toBe('Max');
    expect(matchSpeaker('So basically: the thing')).toBeNull();
    expect(matchSpeaker('and then we went to the place: nothing')).toBeNull();
    expect(matchSpeaker('https://example.org: x')).toBeNull();
  });
});
