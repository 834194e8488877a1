import type { Line } from './split-lines.js';

export interface Heading {
  level: number;
  /** Heading text without markup: `## **Action Items:**` gives "Action Items". */
  text: string;
  lineIndex: number;
}

/** Removes emphasis markers, link syntax and a trailing colon from a heading or label. */
export function cleanInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
    .trim();
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|(?=[*_]))(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** ATX headings outside fenced code blocks. `#**Title**` (no space) is accepted, as people write it. */
export function extractHeadings(lines: Line[]): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  lines.forEach((line, lineIndex) => {
    const f = FENCE.exec(line.text);
    if (f) {
      const marker = f[1]!;
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const m = ATX.exec(line.text);
    if (!m) return;
    const text = cleanInline(m[2]!);
    headings.push({ level: m[1]!.length, text, lineIndex });
  });
  return headings;
}
