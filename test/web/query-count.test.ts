import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { seedBulk } from './bulk-seed.js';
import { createTestApp, seedWebData } from './seed-web.js';

/** Counts every statement sent through Kysely, raw `sql` included. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const PAGES = [
  '/',
  '/?needs-response=1&sort=committee',
  '/?member=Mira%20Castellanos',
  '/proposals/demo-dao/community/101',
  '/meetings',
  '/meetings/1',
  '/funding',
  '/funding.csv',
  '/people/orla-brennan',
  '/search?q=workshop%20provider',
  '/status',
  '/feed.xml',
  '/proposals/demo-dao/community/101/feed.xml',
];

const MAX_QUERIES_PER_PAGE = 8;

describe.each(engines)('SQL queries per page on %s', (engine) => {
  let handle: DatabaseHandle;
  const counter = new QueryCounter();

  async function countPerPage(): Promise<Record<string, number>> {
    const app = createTestApp({ ...handle, db: handle.db.withPlugin(counter) });
    const counts: Record<string, number> = {};
    for (const page of PAGES) {
      counter.count = 0;
      const res = await request(app).get(page).set('Accept', 'text/html');
      expect([page, res.status]).toEqual([page, 200]);
      counts[page] = counter.count;
    }
    return counts;
  }

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedWebData(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('every page issues a small number of queries, the same with 9 or 209 proposals (no N+1)', async () => {
    const small = await countPerPage();
    await seedBulk(handle.db, { proposals: 200, commentsPerProposal: 6, meetings: 30, mentionsPerMeeting: 4 });
    const large = await countPerPage();
    expect(large).toEqual(small);
    for (const [page, n] of Object.entries(small)) {
      expect([page, n >= 1 && n <= MAX_QUERIES_PER_PAGE]).toEqual([page, true]);
    }
  });
});
