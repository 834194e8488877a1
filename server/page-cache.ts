import type { RequestHandler } from 'express';

export interface PageCacheOptions {
  /** Reads the data version (one tiny query); pages rendered at another version are stale. */
  readVersion: () => Promise<number>;
  /** Reuse a version read for this long, so a busy server asks at most a few times a second. */
  versionTtlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

interface Entry {
  version: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Caches whole rendered pages (HTML, feeds, exports) for anonymous GETs, keyed by URL and the
 * data version: every write to a page-visible table bumps the version (a database trigger), so a
 * page is at most `versionTtlMs` out of date and is re-rendered on the first request after a
 * change. The API is not cached. Bounded by entries and bytes, least recently used out first.
 */
export function createPageCache(options: PageCacheOptions): RequestHandler & { stats: { hits: number; misses: number } } {
  const ttl = options.versionTtlMs ?? 1000;
  const maxEntries = options.maxEntries ?? 1000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let known: { version: number; at: number } | null = null;
  let pending: Promise<number> | null = null;
  const stats = { hits: 0, misses: 0 };

  const currentVersion = async (): Promise<number> => {
    if (known && Date.now() - known.at < ttl) return known.version;
    pending ??= options.readVersion().finally(() => (pending = null));
    const version = await pending;
    known = { version, at: Date.now() };
    return version;
  };
  const evict = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= old.body.length;
    entries.delete(key);
  };

  const middleware: RequestHandler = async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path.startsWith('/static/') || req.path === '/healthz') {
      return next();
    }
    let version: number;
    try {
      version = await currentVersion();
    } catch {
      return next(); // the database is unreachable: render, and let the page report it
    }
    const key = `${req.accepts(['html', 'json', 'xml', 'csv']) || '*'} ${req.originalUrl}`;
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      stats.hits++;
      entries.delete(key); // move to the most recent end
      entries.set(key, hit);
      res.status(hit.status).set(hit.headers).set('x-page-cache', 'hit');
      return void res.end(req.method === 'HEAD' ? undefined : hit.body);
    }
    stats.misses++;
    evict(key);
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.set('x-page-cache', 'miss');
      const result = send(body as never);
      // After send: Express has set the content type by now.
      if (res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body))) {
        const buffer = typeof body === 'string' ? Buffer.from(body) : body;
        if (buffer.length <= maxBytes / 4) {
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'content-disposition', 'cache-control']) {
            const value = res.getHeader(name);
            if (typeof value === 'string') headers[name] = value;
          }
          entries.set(key, { version, status: 200, headers, body: buffer });
          bytes += buffer.length;
          while (entries.size > maxEntries || bytes > maxBytes) evict(entries.keys().next().value as string);
        }
      }
      return result;
    };
    next();
  };
  return Object.assign(middleware, { stats });
}
