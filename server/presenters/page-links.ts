/** Builds a path with a query string, leaving out empty values, in the given key order. */
export function buildUrl(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export interface Pagination {
  page: number;
  pageCount: number;
  total: number;
  from: number;
  to: number;
  previous: string | null;
  next: string | null;
  /** A short run of page links around the current one: `null` marks a gap. */
  pages: ({ number: number; url: string; current: boolean } | null)[];
}

export function buildPagination(page: number, perPage: number, total: number, urlFor: (page: number) => string): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const pages: Pagination['pages'] = [];
  sorted.forEach((number, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && number - previous > 1) pages.push(null);
    pages.push({ number, url: urlFor(number), current: number === page });
  });
  return {
    page,
    pageCount,
    total,
    from: total === 0 ? 0 : Math.min(total, (page - 1) * perPage + 1),
    to: Math.min(total, page * perPage),
    previous: page > 1 ? urlFor(Math.min(page - 1, pageCount)) : null,
    next: page < pageCount ? urlFor(page + 1) : null,
    pages,
  };
}
