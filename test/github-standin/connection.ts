/**
 * Relay-style slicing of an ordered list. Cursors encode the item's sort key, not its index, so a
 * cursor stays meaningful after items are added, removed or re-ordered (like GitHub's).
 */

export type SortKey = readonly (string | number)[];

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { startCursor: string | null; endCursor: string | null; hasNextPage: boolean; hasPreviousPage: boolean };
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`\`${cursor}\` does not appear to be a valid cursor.`);
  }
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64');
}

export function decodeCursor(cursor: string): SortKey {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith('cursor:v2:')) throw new InvalidCursorError(cursor);
  try {
    const key: unknown = JSON.parse(text.slice('cursor:v2:'.length));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key as SortKey;
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError(cursor);
}

/** Compares sort keys element by element; `descending` flips the order. */
export function compareKeys(a: SortKey, b: SortKey, descending = false): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return descending ? 1 : -1;
    if (y === undefined) return descending ? -1 : 1;
    const order = x < y ? -1 : 1;
    return descending ? -order : order;
  }
  return 0;
}

/** First index whose key sorts after `key` (binary search over a list already sorted by `keyOf`). */
function firstIndexAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, key: SortKey, descending: boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keyOf(items[mid] as T), key, descending) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstIndexAtOrAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, key: SortKey, descending: boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keyOf(items[mid] as T), key, descending) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `items` must already be sorted by `keyOf` in the requested direction. */
export function sliceConnection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  keyOf: (item: T) => SortKey,
  descending = false,
): Connection<T> {
  let start = 0;
  let end = items.length;
  if (args.after) start = firstIndexAfter(items, keyOf, decodeCursor(args.after), descending);
  if (args.before) end = Math.max(start, firstIndexAtOrAfter(items, keyOf, decodeCursor(args.before), descending));
  if (typeof args.first === 'number') end = Math.min(end, start + args.first);
  if (typeof args.last === 'number') start = Math.max(start, end - args.last);
  const page = items.slice(start, end);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount: items.length,
    nodes: page,
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
    },
  };
}

export function emptyConnection<T>(): Connection<T> {
  return sliceConnection<T>([], {}, () => []);
}
