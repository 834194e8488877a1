import type { Line } from './split-lines.js';

export interface FrontMatter {
  /** Scalar `key: value` pairs, keys lower-cased, quotes removed. */
  values: Record<string, { value: string; lineIndex: number }>;
  /** `key:` followed by `- item` lines. */
  lists: Record<string, { value: string; lineIndex: number }[]>;
  /** Index of the closing `---` line. */
  endLineIndex: number;
}

/** A YAML-like front-matter block at the very top (`---` ... `---`), read leniently: only flat keys and lists. */
export function extractFrontMatter(lines: Line[]): FrontMatter | null {
  let first = 0;
  while (first < lines.length && lines[first]!.text.trim() === '') first++;
  if (first >= lines.length || lines[first]!.text.trim() !== '---') return null;
  const values: FrontMatter['values'] = Object.create(null) as FrontMatter['values'];
  const lists: FrontMatter['lists'] = Object.create(null) as FrontMatter['lists'];
  let currentList: string | null = null;
  for (let i = first + 1; i < lines.length && i < first + 400; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '---' || text.trim() === '...') return { values, lists, endLineIndex: i };
    const item = /^\s*-\s+(.*)$/.exec(text);
    if (item && currentList) {
      lists[currentList]!.push({ value: unquote(item[1]!), lineIndex: i });
      continue;
    }
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(text);
    if (kv) {
      const key = kv[1]!.toLowerCase();
      const value = kv[2]!.trim();
      if (value === '') {
        currentList = key;
        lists[key] = [];
      } else {
        currentList = null;
        values[key] = { value: unquote(value), lineIndex: i };
      }
    }
  }
  return null;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}
