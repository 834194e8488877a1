import type { MeetingLink } from './types.js';
import type { Line } from './split-lines.js';

const MARKDOWN_LINK = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const BARE_URL = /(?:\bhttps?:\/\/|\bwww\.|\b(?:github\.com|mintscan\.io)\/)[^\s<>()[\]"'`]+/gi;

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?*_]+$/, '');
}

/**
 * Markdown links `[text](url)`, autolinks `<url>` and bare URLs (also `github.com/...` without a scheme).
 * Anchors inside the document (`#progress`) and relative links are kept: the caller decides what they mean.
 */
export function extractLinks(raw: string, lines: Line[]): MeetingLink[] {
  const links: MeetingLink[] = [];
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo]!.number;
  };
  const covered: [number, number][] = [];
  for (const m of raw.matchAll(MARKDOWN_LINK)) {
    const start = m.index;
    const end = start + m[0].length;
    covered.push([start, end]);
    links.push({ url: m[2]!, text: m[1]!.trim() || null, span: [start, end], line: lineOf(start) });
  }
  let c = 0;
  for (const m of raw.matchAll(BARE_URL)) {
    const start = m.index;
    while (c < covered.length && covered[c]![1] <= start) c++;
    const inside = c < covered.length && covered[c]![0] <= start;
    if (inside) continue;
    const url = trimUrl(m[0]);
    links.push({ url, text: null, span: [start, start + url.length], line: lineOf(start) });
  }
  links.sort((a, b) => a.span[0] - b.span[0]);
  return links;
}
