import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';
import { MeetingParseError } from '../../sync/parse/meeting-parse-error.js';

const fixtures = fileURLToPath(new URL('../fixtures/meetings/', import.meta.url));
const load = (rel: string) => parseMeeting(rel, readFileSync(fixtures + rel, 'utf8'));

describe('parseMeeting on a 2023 steering-committee file', () => {
  const m = load('committee-steering/meetings/004-2023-06-15.md');

  test('title, number, group, date, time, recording', () => {
    expect(m.title).toBe('Akash Network - Steering Committee - Meeting #4');
    expect(m.number).toBe(4);
    expect(m.group).toEqual({ slug: 'committee-steering', name: 'Steering Committee', kind: 'committee' });
    expect(m.date).toBe('2023-06-15');
    expect(m.dateSource).toBe('date-line');
    expect(m.time).toBe('09:00 AM PT (Pacific Time)');
    expect(m.recordingUrl).toBe('https://example.org/recordings/sc-004');
  });

  test('committee with affiliations in both spellings, and participants', () => {
    expect(m.committee.map((p) => [p.name, p.affiliation])).toEqual([
      ['Rowan Ashby', 'Lantern Labs'],
      ['Imke Sorensen', 'Lantern Labs'],
      ['Tobiah Green', null],
    ]);
    expect(m.participants.map((p) => p.name)).toContain('Dana Okafor');
    expect(m.participants).toHaveLength(5);
  });

  test('agenda keeps nesting depth', () => {
    expect(m.agenda.map((a) => [a.text, a.depth])).toEqual([
      ['Review feedback from the community.', 0],
      ['Presentation from the Nebulon team.', 0],
      ['Budget questions', 2],
      ['Open floor.', 0],
    ]);
  });

  test('sections carry their heading path without the document title', () => {
    const paths = m.sections.map((s) => s.headingPath.join(' > '));
    expect(paths).toContain('Notes > Open Floor');
    expect(paths).toContain('Agenda');
    const transcript = m.sections.find((s) => s.isTranscript);
    expect(transcript?.headingPath).toEqual(['Transcript']);
  });

  test('action items with owners from "Name to", "Name will" and "@handle"', () => {
    expect(m.actionItems.map((a) => [a.owner, a.ownerSource])).toEqual([
      ['Quill', 'bullet'],
      ['Dana Okafor', 'bullet'],
      ['tobiah', 'bullet'],
      [null, null],
    ]);
  });

  test('transcript turns: speakers, continuation lines, block timestamps, exact spans', () => {
    expect(m.transcriptBlocks.map((b) => b.timestamp)).toEqual(['00:05:00']);
    expect(m.turns.map((t) => [t.speaker, t.timestamp])).toEqual([
      ['Rowan Ashby', null],
      ['Quill Ferreira', null],
      ['Quill Ferreira', '00:05:00'],
      ['Imke Sorensen', '00:05:00'],
      ['Dana Okafor', '00:05:00'],
    ]);
    const second = m.turns[1]!;
    expect(second.text).toContain('We want to run the indexer for a year.');
    for (const turn of m.turns) {
      expect(m.raw.slice(turn.textStart, turn.span[1])).toBe(turn.text);
      expect(m.raw.slice(turn.span[0], turn.span[1]).startsWith(turn.speaker!)).toBe(true);
    }
  });

  test('links in markdown and bare form, with spans into the original', () => {
    const urls = m.links.map((l) => l.url);
    expect(urls).toContain('https://github.com/akash-network/community/discussions/301');
    expect(urls).toContain('github.com/orgs/akash-network/discussions/58#discussioncomment-4411');
    for (const link of m.links) expect(m.raw.slice(link.span[0], link.span[1])).toContain(link.url);
  });

  test('the result is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe('parseMeeting on later styles', () => {
  test('front matter, MM:SS timestamps, bold speakers and per-person action headings', () => {
    const m = load('sig-economics/meetings/012-2024-01-10.md');
    expect(m.title).toBe('Economics SIG Meeting #12');
    expect(m.date).toBe('2024-01-10');
    expect(m.dateSource).toBe('front-matter');
    expect(m.time).toBe('18:00 UTC');
    expect(m.group.name).toBe('SIG Economics');
    expect(m.participants.map((p) => p.name)).toEqual(['Mina Castellanos', 'Ravi Teodoro', 'Sol Abara']);
    expect(m.agenda.map((a) => a.text)).toEqual(['Updates on proposals', 'Sky Harbour discussion']);
    expect(m.actionItems.map((a) => [a.owner, a.ownerSource])).toEqual([
      ['Mina Castellanos', 'heading'],
      ['Mina Castellanos', 'heading'],
      ['Ravi Teodoro', 'heading'],
    ]);
    expect(m.transcriptBlocks.map((b) => b.timestamp)).toEqual(['00:00:11', '00:00:42', '00:01:30']);
    expect(m.turns.map((t) => [t.speaker, t.timestamp])).toEqual([
      ['Mina Castellanos', '00:00:11'],
      ['Ravi Teodoro', '00:00:42'],
      ['Sol Abara', '00:01:30'],
    ]);
    expect(m.turns[1]!.text).toContain('the bridge looks good.');
  });

  test('working-group name, abbreviated month, "Name: text" action owner', () => {
    const m = load('wg-akash-website/meetings/014-2024-09-05.md');
    expect(m.group).toEqual({ slug: 'wg-akash-website', name: 'Akash Website Working Group', kind: 'wg' });
    expect(m.date).toBe('2024-09-05');
    expect(m.recordingUrl).toBe('https://example.org/rec/wg-14');
    expect(m.participants.map((p) => [p.name, p.affiliation])).toEqual([
      ['Noor Haddad', 'Questly'],
      ['Piet Lund', null],
    ]);
    expect(m.actionItems.map((a) => a.owner)).toEqual(['Noor Haddad', 'Piet']);
    expect(m.turns).toHaveLength(3);
  });

  test('a year slip in the date line yields to the file name, with a warning', () => {
    const m = load('sig-community/meetings/009-2024-11-20.md');
    expect(m.date).toBe('2024-11-20');
    expect(m.dateSource).toBe('file-name');
    expect(m.warnings.join(' ')).toContain('differs from the date in the file name');
  });

  test('the file name is the fallback when the text has no date', () => {
    const m = parseMeeting('wg-gpu/meetings/002-2023-03-07.md', '# GPU WG\n\n## Notes\n- hello\n');
    expect(m.date).toBe('2023-03-07');
    expect(m.dateSource).toBe('file-name');
    expect(m.group.name).toBe('GPU Working Group');
    expect(m.number).toBe(2);
  });

  test('CRLF line endings keep offsets exact', () => {
    const text = '# T\r\n\r\n- Date: March 3, 2024\r\n\r\n## Transcript\r\n\r\nAna Li: hello there\r\nmore words\r\n';
    const m = parseMeeting('sig-chain/meetings/x.md', text);
    expect(m.date).toBe('2024-03-03');
    expect(m.turns).toHaveLength(1);
    expect(m.turns[0]!.text).toBe('hello there\r\nmore words');
    expect(text.slice(m.turns[0]!.textStart, m.turns[0]!.span[1])).toBe(m.turns[0]!.text);
  });

  test('headings inside code fences are ignored and hostile markdown does not throw', () => {
    const text = '# Title\n- Date: 2024-02-02\n```\n# not a heading\n```\n## Notes\n[broken](\n**unclosed\n<script>x</script>\n';
    const m = parseMeeting('sig-design/meetings/x.md', text);
    expect(m.sections.map((s) => s.headingPath.join('>'))).toEqual(['Notes']);
  });
});

describe('MeetingParseError', () => {
  test('empty, binary and undated input are refused with a clear message', () => {
    expect(() => parseMeeting('a.md', '  \n')).toThrow(MeetingParseError);
    expect(() => parseMeeting('a.md', 'x\u0000y')).toThrow(/NUL bytes/);
    const rel = 'sig-community/meetings/no-date.md';
    try {
      parseMeeting(rel, readFileSync(fixtures + rel, 'utf8'));
      throw new Error('expected a MeetingParseError');
    } catch (error) {
      expect(error).toBeInstanceOf(MeetingParseError);
      expect((error as MeetingParseError).code).toBe('no-date');
      expect((error as Error).message).toContain('no-date.md: no meeting date found');
    }
  });
});
