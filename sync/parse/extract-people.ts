import type { Line } from './split-lines.js';
import type { Person } from './types.js';
import { cleanInline } from './extract-headings.js';

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

/** One list entry: "Name, Affiliation", "Name (Affiliation)", "Name - Affiliation", "Name | Affiliation" or "Name". */
export function parsePersonEntry(entry: string): { name: string; affiliation: string | null } | null {
  const text = cleanInline(entry);
  if (text === '' || text.length > 120) return null;
  const paren = /^(.+?)\s*\(([^)]+)\)\s*$/.exec(text);
  if (paren) return { name: paren[1]!.trim(), affiliation: paren[2]!.trim() };
  const split = /^(.+?)\s*(?:,|\s[-–—|]\s|:)\s*(.+)$/.exec(text);
  if (split) return { name: split[1]!.trim(), affiliation: split[2]!.trim() };
  return { name: text, affiliation: null };
}

/** Bullet entries of a people list between two line indexes. */
export function extractPeople(lines: Line[], from: number, to: number): Person[] {
  const people: Person[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const bullet = BULLET.exec(line.text);
    if (!bullet) continue;
    const person = parsePersonEntry(bullet[1]!);
    if (!person) continue;
    people.push({ ...person, span: [line.start, line.end], line: line.number });
  }
  return people;
}

export { BULLET };
