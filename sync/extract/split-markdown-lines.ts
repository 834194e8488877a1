import { parseMoney } from './parse-money.js';

export interface MarkdownLine {
  text: string;
  /** Headings above this line, outermost first (ATX, setext and bold-only lines such as "**Phase 1**"). */
  headings: string[];
  isHeading: boolean;
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u;
const BOLD_LINE = /^\s{0,3}(\*\*|__)([^*_\n]{1,100})\1\s*:?\s*$/u;
const SETEXT = /^\s{0,3}(=+|-{2,})\s*$/u;
const PSEUDO_HEADING_LEVEL = 7;

/** Drops what is never prose: fenced code, HTML comments and tags (keeping their text). */
export function stripMarkdownNoise(markdown: string): string {
  return markdown
    .replace(/\r\n?/gu, '\n')
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/^\s{0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^\s{0,3}\1[^\n]*$|(?![\s\S]))/gmu, '')
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/<\/?[a-z][^<>\n]{0,200}>/giu, '');
}

function headingOf(line: string, next: string | undefined): { level: number; text: string } | null {
  const atx = ATX.exec(line);
  if (atx?.[1] && atx[2] !== undefined) return { level: atx[1].length, text: atx[2].replace(/[*_`]/gu, '').trim() };
  const bold = BOLD_LINE.exec(line);
  if (bold?.[2] && parseMoney(bold[2]).length === 0) return { level: PSEUDO_HEADING_LEVEL, text: bold[2].trim() };
  const plain = line.trim();
  if (next !== undefined && plain !== '' && !/^[-*+|>]|^\d+[.)]/u.test(plain)) {
    const setext = SETEXT.exec(next);
    if (setext?.[1]) return { level: setext[1].startsWith('=') ? 1 : 2, text: plain.replace(/[*_`]/gu, '') };
  }
  return null;
}

/** Splits markdown into lines, each knowing the headings it sits under. */
export function splitMarkdownLines(markdown: string): MarkdownLine[] {
  const raw = stripMarkdownNoise(markdown).split('\n');
  const stack: { level: number; text: string }[] = [];
  const lines: MarkdownLine[] = [];
  for (let index = 0; index < raw.length; index++) {
    const text = raw[index] ?? '';
    const heading = headingOf(text, raw[index + 1]);
    if (heading) {
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= heading.level) stack.pop();
      stack.push(heading);
      lines.push({ text, headings: stack.map((entry) => entry.text), isHeading: true });
      if (SETEXT.test(raw[index + 1] ?? '') && !ATX.test(text) && !BOLD_LINE.test(text)) index++;
      continue;
    }
    lines.push({ text, headings: stack.map((entry) => entry.text), isHeading: false });
  }
  return lines;
}
