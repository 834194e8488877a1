import { describe, test, expect } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseMeeting } from '../../sync/parse/parse-meeting.js';

/** Runs only when MEETINGS_CORPUS_DIR points at a folder of real meeting files (read-only). */
const corpus = process.env.MEETINGS_CORPUS_DIR;

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMarkdown(path);
    return name.toLowerCase().endsWith('.md') ? [path] : [];
  });
}

(corpus ? describe : describe.skip)('every meeting file of MEETINGS_CORPUS_DIR', () => {
  test('parses with a date and a group; files with transcript blocks have timed speaker turns', () => {
    const files = listMarkdown(corpus!);
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of files) {
      const rel = relative(corpus!, file).split(sep).join('/');
      try {
        const m = parseMeeting(rel, readFileSync(file, 'utf8'));
        if (!/^\d{4}-\d{2}-\d{2}$/.test(m.date)) problems.push(`${rel}: bad date ${m.date}`);
        if (!m.group.name || !m.group.slug) problems.push(`${rel}: no group`);
        if (m.transcriptBlocks.length > 0 && !m.turns.some((t) => t.timestamp !== null && t.speaker !== null)) {
          problems.push(`${rel}: transcript blocks but no timed speaker turns`);
        }
        for (const t of m.turns) {
          if (m.raw.slice(t.textStart, t.span[1]) !== t.text) problems.push(`${rel}: turn span does not match its text`);
        }
      } catch (error) {
        problems.push(`${rel}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
