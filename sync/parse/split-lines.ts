export interface Line {
  /** Line text without the line break (a trailing `\r` is dropped too). */
  text: string;
  start: number;
  /** Offset just after the text, before the line break. */
  end: number;
  /** 1-based line number. */
  number: number;
}

/** Splits text into lines that keep their offsets into the original string (LF and CRLF). */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  while (start <= raw.length) {
    const nl = raw.indexOf('\n', start);
    const lineEnd = nl === -1 ? raw.length : nl;
    const end = lineEnd > start && raw.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ text: raw.slice(start, end), start, end, number });
    if (nl === -1) break;
    start = nl + 1;
    number++;
  }
  return lines;
}
