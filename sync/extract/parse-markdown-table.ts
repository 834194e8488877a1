export interface MarkdownTable {
  header: string[];
  rows: string[][];
  /** Index of the first line after the table. */
  end: number;
}

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/u;

/** Cells of one table row; `\|` stays inside its cell. */
export function splitTableRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/u, '').replace(/(?<!\\)\|$/u, '');
  return trimmed.split(/(?<!\\)\|/u).map((cell) => cell.replace(/\\\|/gu, '|').trim());
}

/** A GitHub-flavoured markdown table starting at `lines[start]`, or null when there is none. */
export function parseMarkdownTable(lines: readonly string[], start: number): MarkdownTable | null {
  const headerLine = lines[start];
  const separator = lines[start + 1];
  if (headerLine === undefined || separator === undefined) return null;
  if (!headerLine.includes('|') || !SEPARATOR.test(separator) || !separator.includes('-')) return null;
  const header = splitTableRow(headerLine);
  const rows: string[][] = [];
  let index = start + 2;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '' || !line.includes('|')) break;
    rows.push(splitTableRow(line));
  }
  return { header, rows, end: index };
}
