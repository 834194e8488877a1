import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import express from 'express';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { createApp } from '../../server/app.js';
import { createPageCache } from '../../server/page-cache.js';
import { findDataVersion } from '../../db/queries/data-version.js';
import { upsertDiscussion, type DiscussionRecord } from '../../db/queries/discussions.js';
import { upsertSource } from '../../db/queries/sources.js';
import { parseTrackerConfig } from '../../lib/config.js';
import { silentLogger } from '../../lib/logger.js';
import type { DatabaseHandle } from '../../db/database.js';

function record(title: string): DiscussionRecord {
  return {
    nodeId: 'D_1', databaseId: 1, number: 7, title, body: 'We ask for $5,000.', url: 'https://github.com/o/r/discussions/7',
    author: { login: 'alice', type: 'User' }, category: null, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z',
    lastEditedAt: null, closed: false, closedAt: null, stateReason: null, isAnswered: null, answerNodeId: null, locked: false,
    upvoteCount: 0, labels: [], raw: { title }, comments: [], edits: [],
  };
}

describe.each(engines)('data version and page cache on %s', (engine) => {
  let handle: DatabaseHandle;
  let sourceId: number;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    sourceId = (await upsertSource(handle.db, 'discussions', 'o/r')).id;
  });
  afterAll(async () => {
    await handle.close();
  });

  test('every committed write bumps the version; a rolled-back one does not', async () => {
    const before = await findDataVersion(handle.db);
    await handle.db.transaction().execute((trx) => upsertDiscussion(trx, sourceId, record('First title'), new Date()));
    const afterWrite = await findDataVersion(handle.db);
    expect(afterWrite).toBeGreaterThan(before);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await upsertDiscussion(trx, sourceId, record('Never stored'), new Date());
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await findDataVersion(handle.db)).toBe(afterWrite);
  });

  test('pages are served from memory until the data changes, then rendered again', async () => {
    await handle.db.transaction().execute((trx) => upsertDiscussion(trx, sourceId, record('Cached title'), new Date()));
    const app = createApp({ handle, config: parseTrackerConfig({}), log: silentLogger, pageCache: true });
    const first = await request(app).get('/proposals/o/r/7').set('accept', 'text/html').expect(200);
    expect(first.headers['x-page-cache']).toBe('miss');
    expect(first.text).toContain('Cached title');
    const second = await request(app).get('/proposals/o/r/7').set('accept', 'text/html').expect(200);
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // The API is never cached.
    const api = await request(app).get('/api/proposals/o/r/7').expect(200);
    expect(api.headers['x-page-cache']).toBeUndefined();

    await handle.db.transaction().execute((trx) => upsertDiscussion(trx, sourceId, record('Renamed title'), new Date()));
    await new Promise((r) => setTimeout(r, 1100)); // the version is re-read at most once a second
    const fresh = await request(app).get('/proposals/o/r/7').set('accept', 'text/html').expect(200);
    expect(fresh.headers['x-page-cache']).toBe('miss');
    expect(fresh.text).toContain('Renamed title');
  });

  test('errors are not cached, and the cache stays within its entry bound', async () => {
    let version = 1;
    const cache = createPageCache({ readVersion: async () => version, maxEntries: 3, versionTtlMs: 0 });
    const app = express();
    let renders = 0;
    app.use(cache);
    app.get('/page/:n', (req, res) => {
      renders++;
      if (req.params.n === 'bad') return void res.status(500).send('broken');
      res.send(`page ${req.params.n}`);
    });
    await request(app).get('/page/bad').expect(500);
    await request(app).get('/page/bad').expect(500);
    expect(renders).toBe(2);
    for (const n of [1, 2, 3, 4]) await request(app).get(`/page/${n}`).expect(200);
    await request(app).get('/page/4').expect(200, 'page 4');
    await request(app).get('/page/1').expect(200, 'page 1'); // evicted: rendered again
    expect(renders).toBe(2 + 4 + 1);
    version = 2;
    await request(app).get('/page/4').expect(200);
    expect(renders).toBe(8);
    expect(cache.stats.hits).toBe(1);
  });
});
