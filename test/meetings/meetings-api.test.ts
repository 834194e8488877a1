import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import type express from 'express';
import request from 'supertest';
import { rm } from 'node:fs/promises';
import type { DatabaseHandle } from '../../db/database.js';
import { silentLogger } from '../../lib/logger.js';
import { createApp } from '../../server/app.js';
import { parseTrackerConfig } from '../../lib/config.js';
import { runMeetingsSync } from '../../sync/run-meetings-sync.js';
import { runMatching } from '../../sync/run-matching.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { createTempGitRepo, makeTempDir, type TempGitRepo } from './temp-git-repo.js';
import { INCLUDE, MEETING_FILES, PROPOSALS } from './meeting-fixtures.js';
import { seedProposals } from './seed-proposals.js';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/** Counts the SQL statements a request runs. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const MARCH = 'committee-steering/meetings/007-2024-03-14.md';
const NOVEMBER = 'sig-economics/meetings/meeting-2023-11-02.md';

function apiApp(handle: DatabaseHandle): express.Express {
  return createApp({ handle, config: parseTrackerConfig({}), log: silentLogger });
}

describe.each(engines)('meetings API on %s', (engine) => {
  let handle: DatabaseHandle;
  let repo: TempGitRepo;
  let dataDir: string;
  let app: express.Express;
  const idOf = async (path: string) => (await handle.db.selectFrom('meetings').select('id').where('path', '=', path).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    repo = await createTempGitRepo();
    dataDir = await makeTempDir('data');
    await seedProposals(handle, PROPOSALS);
    await repo.commit({ ...MEETING_FILES, 'sig-economics/meetings/empty.md': '' });
    await runMeetingsSync({ handle, source: { repo: repo.dir, include: INCLUDE }, dataDir, log: silentLogger });
    await runMatching({ handle, log: silentLogger });
    app = apiApp(handle);
  });
  afterAll(async () => {
    await handle.close();
    await repo.remove();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('GET /api/meetings lists meetings newest first, with files that did not parse last', async () => {
    const res = await request(app).get('/api/meetings').expect(200);
    expect(res.body).toMatchObject({ page: 1, perPage: 25, total: 5 });
    expect(res.body.items.map((m: { date: string | null }) => m.date)).toEqual(['2024-05-09', '2024-04-11', '2024-03-14', '2023-11-02', null]);
    expect(res.body.items[2]).toMatchObject({
      id: await idOf(MARCH),
      path: MARCH,
      group: 'committee-steering',
      title: 'Akash Network - Steering Committee - Meeting #7',
      number: 7,
      date: '2024-03-14',
      parseError: null,
    });
    expect(res.body.items[4]).toMatchObject({ path: 'sig-economics/meetings/empty.md', date: null, parseError: expect.stringMatching(/empty/) });
  });

  test('GET /api/meetings filters by group and date range, and pages', async () => {
    const steering = await request(app).get('/api/meetings?group=committee-steering').expect(200);
    expect(steering.body.items.map((m: { path: string }) => m.path)).toEqual(['committee-steering/meetings/2024/008-2024-04-11.md', MARCH]);
    const range = await request(app).get('/api/meetings?from=2024-01-01&to=2024-04-30').expect(200);
    expect(range.body.total).toBe(2);
    expect(range.body.items.map((m: { date: string }) => m.date)).toEqual(['2024-04-11', '2024-03-14']);
    const page2 = await request(app).get('/api/meetings?perPage=2&page=2').expect(200);
    expect(page2.body).toMatchObject({ page: 2, perPage: 2, total: 5 });
    expect(page2.body.items.map((m: { date: string }) => m.date)).toEqual(['2024-03-14', '2023-11-02']);
  });

  test('GET /api/meetings/:id returns the parsed meeting and its mentions with evidence', async () => {
    const res = await request(app).get(`/api/meetings/${await idOf(MARCH)}`).expect(200);
    expect(res.body).toMatchObject({
      path: MARCH,
      group: 'committee-steering',
      date: '2024-03-14',
      recordingUrl: 'https://example.invalid/rec/sc-007',
      removedAt: null,
    });
    expect(res.body.committee.map((p: { name: string }) => p.name)).toEqual(['Oren Castell', 'Pia Lindqvist']);
    expect(res.body.participants.map((p: { name: string }) => p.name)).toContain('Marta Quill');
    expect(res.body.agenda.map((a: { text: string }) => a.text)).toContain('Open floor');
    expect(res.body.actionItems).toContainEqual({ text: expect.stringContaining('post the revised budget'), owner: 'Marta' });
    const links = res.body.mentions.filter((m: { kind: string }) => m.kind === 'link');
    expect(links).toHaveLength(2);
    for (const m of links) expect(m.proposal).toEqual({ owner: 'akash-network', repo: 'community', number: 41, title: 'Lumenforge GPU Marketplace Integration' });
    expect(links[1]).toMatchObject({ speaker: 'Marta Quill', timestamp: '00:12:00', heading: 'Transcript', confidence: expect.any(Number) });
    expect(links[1].excerpt).toContain('github.com/akash-network/community/discussions/41');
  });

  test('GET /api/proposals/:owner/:repo/:number lists the meetings that mention it, and the list counts them', async () => {
    const res = await request(app).get('/api/proposals/akash-network/community/60').expect(200);
    expect(res.body.mentionCount).toBe(res.body.mentions.length);
    const meetings = res.body.mentions.map((m: { meeting: { path: string } }) => m.meeting.path);
    expect(new Set(meetings)).toEqual(new Set([NOVEMBER, 'committee-steering/meetings/2024/008-2024-04-11.md']));
    const aep = res.body.mentions.find((m: { kind: string; meeting: { path: string } }) => m.kind === 'aep' && m.meeting.path === NOVEMBER);
    expect(aep).toMatchObject({
      meeting: { id: await idOf(NOVEMBER), path: NOVEMBER, group: 'sig-economics', title: 'SIG Economics Meeting #3', date: '2023-11-02' },
      heading: 'Notes',
      speaker: null,
      timestamp: null,
    });
    expect(aep.excerpt).toContain('AEP-17');

    const list = await request(app).get('/api/proposals').expect(200);
    const counts = Object.fromEntries(list.body.items.map((p: { number: number; mentionCount: number }) => [p.number, p.mentionCount]));
    expect(counts[60]).toBe(res.body.mentions.length);
    expect(counts[41]).toBeGreaterThanOrEqual(2);
    expect(counts[52]).toBeGreaterThanOrEqual(1);
  });

  test('mentions in a removed meeting leave the proposal page but the meeting stays readable', async () => {
    const id = await idOf(NOVEMBER);
    await handle.db.updateTable('meetings').set({ removed_at: new Date() }).where('id', '=', id).execute();
    try {
      const res = await request(app).get('/api/proposals/akash-network/community/60').expect(200);
      expect(res.body.mentions.map((m: { meeting: { path: string } }) => m.meeting.path)).not.toContain(NOVEMBER);
      const meeting = await request(app).get(`/api/meetings/${id}`).expect(200);
      expect(meeting.body.removedAt).toEqual(expect.any(String));
      const list = await request(app).get('/api/meetings').expect(200);
      expect(list.body.items.map((m: { path: string }) => m.path)).not.toContain(NOVEMBER);
    } finally {
      await handle.db.updateTable('meetings').set({ removed_at: null }).where('id', '=', id).execute();
    }
  });

  test.each([
    ['/api/meetings?page=0', /page/],
    ['/api/meetings?perPage=500', /perPage/],
    ['/api/meetings?from=yesterday', /from: must be a date/],
    ['/api/meetings?to=2024-13-45', /to: must be a date/],
    ['/api/meetings?from=2024-05-01&to=2024-01-01', /from: must not be after "to"/],
    ['/api/meetings?group=../../etc', /group/],
    ['/api/meetings?sort=date', /unknown|unrecognized/i],
    ['/api/meetings/abc', /id: must be a meeting id/],
    ['/api/meetings/-3', /id/],
    ['/api/meetings/1e3', /id/],
  ])('GET %s is a 400 naming the parameter', async (url, message) => {
    const res = await request(app).get(url).expect(400);
    expect(res.body.error.code).toBe('invalid_parameters');
    expect(res.body.error.message).toMatch(message);
  });

  test('the number of queries per request does not grow with the page size or the mentions', async () => {
    const counter = new QueryCounter();
    const counted = createApp({ handle: { ...handle, db: handle.db.withPlugin(counter) }, config: parseTrackerConfig({}), log: silentLogger });
    const queries = async (url: string) => {
      counter.count = 0;
      await request(counted).get(url).expect(200);
      return counter.count;
    };
    expect(await queries('/api/meetings?perPage=100')).toBe(await queries('/api/meetings?perPage=1'));
    expect(await queries('/api/proposals?perPage=100')).toBe(await queries('/api/proposals?perPage=1'));
    expect(await queries('/api/meetings?perPage=100')).toBe(2);
    expect(await queries(`/api/meetings/${await idOf(MARCH)}`)).toBe(2);
    expect(await queries('/api/proposals?perPage=100')).toBe(3);
    const detail41 = await queries('/api/proposals/akash-network/community/41');
    expect(await queries('/api/proposals/akash-network/community/52')).toBe(detail41);
  });

  test('an unknown meeting id is a 404', async () => {
    const res = await request(app).get('/api/meetings/987654').expect(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'No meeting 987654 is stored.' });
  });
});
