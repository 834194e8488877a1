import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Express } from 'express';
import { startGitHubStandIn, type StandIn } from '../github-standin/index.js';
import { buildAkashLikeStore, BUSY_THREAD_NUMBER, BUSY_THREAD_COMMENTS, BUSY_COMMENT_REPLIES } from '../fixtures/discussions/index.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { syncOnce } from '../helpers/sync-harness.js';
import { createApp } from '../../server/app.js';
import { silentLogger } from '../../lib/logger.js';
import { parseTrackerConfig } from '../../lib/config.js';
import type { DatabaseHandle } from '../../db/database.js';
import { runAnalysis } from '../../sync/run-analysis.js';
import { COMMITTEE_MEMBERS, FIXTURE_PROPOSALS } from '../fixtures/discussions/index.js';

describe.each(engines)('JSON API v1 on %s', (engine) => {
  let handle: DatabaseHandle;
  let standIn: StandIn;
  let app: Express;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    standIn = await startGitHubStandIn(buildAkashLikeStore());
    const result = await syncOnce(handle, standIn, { owner: 'akash-network', repo: 'community' });
    expect(result.status).toBe('ok');
    const committee = COMMITTEE_MEMBERS.map((m) => ({ name: m.name, login: m.login, aliases: [...m.aliases] }));
    await runAnalysis({ handle, committee, log: silentLogger });
    app = createApp({ handle, config: parseTrackerConfig({ committee }), log: silentLogger });
  }, 60_000);
  afterAll(async () => {
    await standIn.close();
    await handle.close();
  });

  test('GET /api/proposals pages through every discussion, newest update first, with the summary fields', async () => {
    const first = await request(app).get('/api/proposals?perPage=10').expect(200).expect('content-type', /json/);
    expect(first.body).toMatchObject({ page: 1, perPage: 10, total: standIn.store.repository('akash-network/community').discussions.size });
    expect(first.body.items).toHaveLength(10);
    const item = first.body.items[0];
    for (const key of ['owner', 'repo', 'number', 'title', 'url', 'author', 'category', 'labels', 'createdAt', 'updatedAt', 'closed', 'commentCount', 'status', 'requested', 'mentionCount', 'openQuestionCount']) {
      expect(item).toHaveProperty(key);
    }
    const dates = first.body.items.map((i: { updatedAt: string }) => i.updatedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const numbers = new Set<number>();
    for (let page = 1; page <= Math.ceil(first.body.total / 10); page++) {
      const res = await request(app).get(`/api/proposals?perPage=10&page=${page}`).expect(200);
      for (const i of res.body.items) numbers.add(i.number);
    }
    expect(numbers.size).toBe(first.body.total);
  });

  test('filters by source, text and updated-since', async () => {
    const other = await request(app).get('/api/proposals?source=akash-network/other').expect(200);
    expect(other.body).toMatchObject({ items: [], total: 0 });
    const text = await request(app).get('/api/proposals?q=' + encodeURIComponent('community pool')).expect(200);
    expect(text.body.total).toBeGreaterThan(0);
    for (const i of text.body.items) expect(i).toHaveProperty('title');
    const all = await request(app).get('/api/proposals?perPage=100').expect(200);
    const middle = all.body.items[Math.floor(all.body.items.length / 2)].updatedAt;
    const since = await request(app).get(`/api/proposals?perPage=100&updatedSince=${encodeURIComponent(middle)}`).expect(200);
    expect(since.body.total).toBeLessThan(all.body.total);
    for (const i of since.body.items) expect(i.updatedAt >= middle).toBe(true);
  });

  test('invalid parameters are 400 with the error shape, never 500', async () => {
    for (const query of ['page=0', 'page=abc', 'perPage=1000', 'source=nope', 'updatedSince=yesterday', 'q=' + 'x'.repeat(300), 'bogus=1', 'page=1&page=2']) {
      const res = await request(app).get(`/api/proposals?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error).toMatchObject({ code: 'invalid_parameters', message: expect.any(String) });
    }
    await request(app).get('/api/proposals/akash-network/community/abc').expect(400);
    await request(app).get('/api/proposals/akash-network/community/0').expect(400);
    await request(app).get('/api/sync/runs?page=-1').expect(400);
  });

  test('GET /api/proposals/:owner/:repo/:number nests every comment, reply and edit', async () => {
    const res = await request(app).get(`/api/proposals/akash-network/community/${BUSY_THREAD_NUMBER}`).expect(200);
    expect(res.body.comments).toHaveLength(BUSY_THREAD_COMMENTS);
    expect(Math.max(...res.body.comments.map((c: { replies: unknown[] }) => c.replies.length))).toBe(BUSY_COMMENT_REPLIES);
    for (const key of ['body', 'comments', 'edits', 'budget', 'mentions', 'questions', 'feedback', 'actionItems', 'statusReason', 'timeline']) {
      expect(res.body).toHaveProperty(key);
    }
    const edited = [...standIn.store.repository('akash-network/community').discussions.values()].find((d) => d.edits.length > 0)!;
    const detail = await request(app).get(`/api/proposals/akash-network/community/${edited.number}`).expect(200);
    expect(detail.body.edits).toHaveLength(edited.edits.length);
    expect(detail.body.edits[0]).toEqual({ editedAt: expect.any(String), editor: expect.anything() });
    expect(detail.body.body).toBe(edited.body);
  });

  test('list and detail carry the stored analysis: requested, status, questions, budget, feedback, timeline', async () => {
    const withAsk = FIXTURE_PROPOSALS.find((p) => p.expected.totals.length > 0 && p.expected.questions.some((q) => !q.answered))!;
    const list = await request(app).get('/api/proposals?perPage=100').expect(200);
    const summary = list.body.items.find((i: { number: number }) => i.number === withAsk.number);
    expect(summary.status).toEqual(expect.any(String));
    expect([...summary.requested].sort((a: { currency: string }, b: { currency: string }) => a.currency.localeCompare(b.currency))).toEqual(
      [...withAsk.expected.totals].map((t) => ({ currency: t.currency, amount: t.amount })).sort((a, b) => a.currency.localeCompare(b.currency)),
    );
    expect(summary.openQuestionCount).toBeGreaterThanOrEqual(withAsk.expected.questions.filter((q) => !q.answered).length);

    const detail = await request(app).get(`/api/proposals/akash-network/community/${withAsk.number}`).expect(200);
    expect(detail.body.statusReason).toEqual(expect.any(String));
    expect(detail.body.budget.totals).toEqual(summary.requested);
    expect(detail.body.budget.phases.length).toBeGreaterThan(0);
    expect(detail.body.budget.phases[0]).toEqual(expect.objectContaining({ label: expect.any(String), amount: expect.any(Number), currency: expect.any(String) }));
    expect(detail.body.questions[0]).toEqual(
      expect.objectContaining({ text: expect.any(String), askedAt: expect.any(String), source: expect.objectContaining({ type: 'comment', ref: expect.stringContaining('discussioncomment') }), answered: expect.any(Boolean) }),
    );
    expect(detail.body.timeline[0]).toEqual(expect.objectContaining({ at: expect.any(String), type: 'created', summary: expect.any(String) }));
    expect(Array.isArray(detail.body.feedback)).toBe(true);
    expect(Array.isArray(detail.body.actionItems)).toBe(true);

    const filtered = await request(app).get(`/api/proposals?perPage=100&status=${summary.status}`).expect(200);
    expect(filtered.body.items.every((i: { status: string }) => i.status === summary.status)).toBe(true);
    expect(filtered.body.items.some((i: { number: number }) => i.number === withAsk.number)).toBe(true);
    await request(app).get('/api/proposals?status=maybe').expect(400);
  });

  test('unknown proposals and paths are 404 with the error shape', async () => {
    const res = await request(app).get('/api/proposals/akash-network/community/999999').expect(404);
    expect(res.body.error.code).toBe('not_found');
    const path = await request(app).get('/api/nothing-here').expect(404);
    expect(path.body.error.code).toBe('not_found');
  });

  test('GET /api/sync/runs lists runs with requests, cost and status; /healthz answers', async () => {
    const res = await request(app).get('/api/sync/runs').expect(200);
    expect(res.body.items[0]).toMatchObject({
      source: 'akash-network/community',
      kind: 'discussions',
      status: 'ok',
      requests: expect.any(Number),
      cost: expect.any(Number),
      changed: expect.any(Number),
      error: null,
    });
    expect(res.body.items[0].requests).toBeGreaterThan(0);
    await request(app).get('/healthz').expect(200, { status: 'ok', database: 'ok' });
  });
});
