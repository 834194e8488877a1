import { describe, test, expect, beforeEach, afterEach } from '@jest/globals';
import { sql } from 'kysely';
import { startGitHubStandIn, type StandIn, type Store } from '../github-standin/index.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { syncOnce, standInClient } from '../helpers/sync-harness.js';
import { dumpStoredDiscussions } from '../helpers/dump-database.js';
import type { DatabaseHandle } from '../../db/database.js';
import { buildSyncStore, REPO } from './build-sync-store.js';

async function storedCounts(handle: DatabaseHandle) {
  const row = await sql<{ discussions: number; comments: number; replies: number; edits: number }>`
    select (select count(*) from discussions where removed_at is null)::int as discussions,
           (select count(*) from comments where parent_node_id is null and removed_at is null)::int as comments,
           (select count(*) from comments where parent_node_id is not null and removed_at is null)::int as replies,
           (select count(*) from edits)::int as edits`.execute(handle.db);
  return row.rows[0]!;
}

function expectedCounts(store: Store) {
  const discussions = [...store.repository(`${REPO.owner}/${REPO.repo}`).discussions.values()];
  return {
    discussions: discussions.length,
    comments: discussions.reduce((n, d) => n + d.comments.length, 0),
    replies: discussions.reduce((n, d) => n + d.comments.reduce((m, c) => m + c.replies.length, 0), 0),
    edits: discussions.reduce((n, d) => n + d.edits.length, 0),
  };
}

describe.each(engines)('discussions sync on %s', (engine) => {
  let handle: DatabaseHandle;
  let standIn: StandIn;
  let store: Store;

  beforeEach(async () => {
    handle = await openTestDatabase(engine);
    store = buildSyncStore();
    standIn = await startGitHubStandIn(store);
  });
  afterEach(async () => {
    await standIn.close();
    await handle.close();
  });

  test('a full sync stores every discussion, comment, reply and edit exactly', async () => {
    const result = await syncOnce(handle, standIn, REPO);
    expect(result.status).toBe('ok');
    expect(result.mode).toBe('full');
    expect(await storedCounts(handle)).toEqual(expectedCounts(store));
    const big = [...store.repository('akash-network/community').discussions.values()].find((d) => d.title.startsWith('Long thread'))!;
    const bodies = await handle.db
      .selectFrom('comments')
      .innerJoin('discussions', 'discussions.id', 'comments.discussion_id')
      .select(['comments.body', 'comments.parent_node_id'])
      .where('discussions.number', '=', big.number)
      .orderBy('comments.created_at')
      .orderBy('comments.id')
      .execute();
    expect(bodies.filter((b) => !b.parent_node_id).map((b) => b.body)).toEqual(big.comments.map((c) => c.body));
    expect(bodies.filter((b) => b.parent_node_id).map((b) => b.body)).toEqual(big.comments[3]!.replies.map((r) => r.body));
    const edits = await handle.db.selectFrom('edits').select('diff').where('discussion_id', '=', (await handle.db.selectFrom('discussions').select('id').where('number', '=', big.number).executeTakeFirstOrThrow()).id).execute();
    expect(edits.map((e) => e.diff).sort()).toEqual(big.edits.map((e) => e.diff).sort());
    const run = await handle.db.selectFrom('sync_runs').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'ok', kind: 'discussions', mode: 'full', requests: result.requests, changed: 13 });
    expect(run.requests).toBe(standIn.requests.length);
    expect(run.cost).toBe(standIn.requests.reduce((n, r) => n + r.cost, 0));
    expect(run.finished_at).not.toBeNull();
  });

  test('a run where nothing changed costs exactly one GraphQL request', async () => {
    await syncOnce(handle, standIn, REPO);
    const before = await dumpStoredDiscussions(handle.db);
    const sent = standIn.requests.length;
    const again = await syncOnce(handle, standIn, REPO);
    expect(again).toMatchObject({ status: 'ok', mode: 'incremental', changed: 0, requests: 1 });
    expect(standIn.requests.length - sent).toBe(1);
    expect(await dumpStoredDiscussions(handle.db)).toEqual(before);
  });

  test('with a category filter, an unchanged run still costs one request', async () => {
    const source = { ...REPO, categories: ['Proposals', 'general'] };
    await syncOnce(handle, standIn, source);
    const sent = standIn.requests.length;
    // Two categories are two scans; each stops on its first page.
    const again = await syncOnce(handle, standIn, { ...REPO, categories: ['Proposals'] });
    expect(again).toMatchObject({ status: 'ok', mode: 'incremental', changed: 0 });
    expect(standIn.requests.length - sent).toBe(1);
  });

  test('new comments, replies, edits and deletions show up in the next incremental run', async () => {
    await syncOnce(handle, standIn, REPO);
    const d = store.discussion('akash-network/community', 2);
    store.clock.advance(3600_000);
    const comment = store.addComment(d, { body: 'A committee question: who maintains this after phase 2?', author: 'committee1' });
    store.addReply(comment, { body: 'We do, for two years.', author: 'proposer2' });
    store.editDiscussion(store.discussion('akash-network/community', 5), { body: 'Rewritten ask: $9,000', editor: 'proposer5' });
    store.deleteComment(store.discussion('akash-network/community', 3).comments[1]!);
    const result = await syncOnce(handle, standIn, REPO);
    expect(result).toMatchObject({ status: 'ok', mode: 'incremental', changed: 3 });
    const live = await storedCounts(handle);
    expect(live).toEqual(expectedCounts(store));
    const removed = await handle.db.selectFrom('comments').select(['body', 'removed_at']).where('removed_at', 'is not', null).execute();
    expect(removed).toHaveLength(1); // kept, marked, not deleted
    const body = await handle.db.selectFrom('discussions').select('body').where('number', '=', 5).executeTakeFirstOrThrow();
    expect(body.body).toBe('Rewritten ask: $9,000');
  });

  test('when comments do not bump updatedAt, the incremental scan misses them and --full finds them', async () => {
    await standIn.close();
    store = buildSyncStore({ commentActivityBumpsDiscussionUpdatedAt: false });
    standIn = await startGitHubStandIn(store);
    await syncOnce(handle, standIn, REPO);
    store.clock.advance(3600_000);
    store.addComment(store.discussion('akash-network/community', 1), { body: 'Quiet comment', author: 'someone' });
    store.deleteComment(store.discussion('akash-network/community', 4).comments[0]!);
    const incremental = await syncOnce(handle, standIn, REPO);
    expect(incremental).toMatchObject({ mode: 'incremental', changed: 0 });
    const full = await syncOnce(handle, standIn, REPO, { mode: 'full' });
    expect(full).toMatchObject({ status: 'ok', mode: 'full', changed: 2 });
    expect(await storedCounts(handle)).toEqual(expectedCounts(store));
  });

  test('a full reconciliation marks deleted, transferred and moved discussions without dropping them', async () => {
    const source = { ...REPO, categories: ['Proposals'] };
    store.addRepository({ owner: 'akash-network', name: 'other', categories: [{ name: 'Proposals' }] });
    await syncOnce(handle, standIn, source);
    store.deleteDiscussion(store.discussion('akash-network/community', 1));
    store.transferDiscussion(store.discussion('akash-network/community', 2), 'akash-network/other');
    store.moveCategory(store.discussion('akash-network/community', 3), 'Ideas');
    const full = await syncOnce(handle, standIn, source, { mode: 'full' });
    expect(full).toMatchObject({ status: 'ok', removed: 3 });
    const rows = await handle.db.selectFrom('discussions').select(['number', 'removed_reason', 'title']).where('removed_at', 'is not', null).orderBy('number').execute();
    expect(rows.map((r) => [r.number, r.removed_reason])).toEqual([
      [1, 'deleted_or_transferred'],
      [2, 'deleted_or_transferred'],
      [3, 'moved_out_of_tracked_categories'],
    ]);
    expect(rows[0]!.title).toContain('Proposal 1'); // history kept
    const events = await handle.db.selectFrom('discussion_events').select(['type']).execute();
    expect(events.filter((e) => e.type === 'removed')).toHaveLength(3);
    // Moved back: restored on the next full run.
    store.moveCategory(store.discussion('akash-network/community', 3), 'Proposals');
    await syncOnce(handle, standIn, source, { mode: 'full' });
    const restored = await handle.db.selectFrom('discussions').select(['removed_at']).where('number', '=', 3).executeTakeFirstOrThrow();
    expect(restored.removed_at).toBeNull();
  });

  test('a category move between tracked categories is recorded as an event', async () => {
    await syncOnce(handle, standIn, REPO);
    store.moveCategory(store.discussion('akash-network/community', 6), 'Ideas');
    const full = await syncOnce(handle, standIn, REPO, { mode: 'full' });
    expect(full.changed).toBe(1);
    const events = await handle.db.selectFrom('discussion_events').select(['type', 'details']).execute();
    expect(events).toEqual([{ type: 'category_changed', details: expect.objectContaining({ to_name: 'Ideas' }) }]);
  });

  test('with 10% 502s and 5% secondary limits the stored data equals the fault-free result', async () => {
    const clean = await openTestDatabase(engine);
    try {
      await syncOnce(clean, standIn, REPO);
      const expected = await dumpStoredDiscussions(clean.db);
      standIn.setFaults({ seed: 11, rate502: 0.1, rateSecondaryLimit: 0.05, retryAfterSeconds: 1 });
      // Small pages: more requests, so both kinds of fault occur.
      const result = await syncOnce(handle, standIn, REPO, { pageSizes: { discussions: 1, comments: 10, replies: 5, edits: 5 } });
      expect(result.status).toBe('ok');
      expect(standIn.requests.some((r) => r.fault === 'bad-gateway')).toBe(true);
      expect(standIn.requests.some((r) => r.fault === 'secondary-limit')).toBe(true);
      expect(await dumpStoredDiscussions(handle.db)).toEqual(expected);
    } finally {
      await clean.close();
    }
  });

  test('truncated and slow answers are retried and lose nothing', async () => {
    const clean = await openTestDatabase(engine);
    try {
      await syncOnce(clean, standIn, REPO);
      const expected = await dumpStoredDiscussions(clean.db);
      standIn.setFaults({ seed: 3, rateTruncated: 0.15, rateSlow: 0.1, slowMs: 30 });
      const result = await syncOnce(handle, standIn, REPO);
      expect(result.status).toBe('ok');
      expect(standIn.requests.some((r) => r.fault === 'truncated')).toBe(true);
      expect(await dumpStoredDiscussions(handle.db)).toEqual(expected);
    } finally {
      await clean.close();
    }
  });

  test('an exhausted budget ends the run cleanly and the next run resumes from there', async () => {
    const clean = await openTestDatabase(engine);
    try {
      await syncOnce(clean, standIn, REPO, { pageSizes: { discussions: 5, comments: 50, replies: 20, edits: 10 } });
      const expected = await dumpStoredDiscussions(clean.db);
      standIn.requests.length = 0;
      // Exhaust the budget after the first page.
      let pages = 0;
      const client = standInClient(standIn);
      const original = client.query.bind(client);
      client.query = async (q, v) => {
        if (q.includes('TrackerDiscussions(') && ++pages === 2) standIn.exhaustBudget(120);
        return original(q, v);
      };
      const first = await syncOnce(handle, standIn, REPO, { client, pageSizes: { discussions: 5, comments: 50, replies: 20, edits: 10 } });
      expect(first.status).toBe('rate_limited');
      expect(first.error?.message).toMatch(/^rate limited until \d\d:\d\d UTC/);
      const run = await handle.db.selectFrom('sync_runs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(run).toMatchObject({ status: 'rate_limited' });
      expect(run.rate_limited_until).not.toBeNull();
      const partial = await storedCounts(handle);
      expect(partial.discussions).toBe(5);
      // Before the reset: no request is sent at all.
      const sent = standIn.requests.length;
      const early = await syncOnce(handle, standIn, REPO);
      expect(early.status).toBe('rate_limited');
      expect(standIn.requests.length).toBe(sent);
      // After the reset: the run resumes from the saved page, not from the start.
      standIn.resetBudget();
      await handle.db.updateTable('sources').set({ rate_limited_until: new Date(Date.now() - 1000) }).execute();
      const resumed = await syncOnce(handle, standIn, REPO, { pageSizes: { discussions: 5, comments: 50, replies: 20, edits: 10 } });
      expect(resumed).toMatchObject({ status: 'ok', mode: 'full' });
      const pageRequests = standIn.requests.slice(sent).filter((r) => r.query?.includes('TrackerDiscussions('));
      expect(pageRequests[0]!.variables!.cursor).not.toBeNull();
      expect(await dumpStoredDiscussions(handle.db)).toEqual(expected);
    } finally {
      await clean.close();
    }
  });

  test('the 2026 RATE_LIMIT error type is treated like RATE_LIMITED', async () => {
    await standIn.close();
    standIn = await startGitHubStandIn(store, { rateLimitErrorType: 'RATE_LIMIT' });
    standIn.exhaustBudget(60);
    const result = await syncOnce(handle, standIn, REPO);
    expect(result.status).toBe('rate_limited');
    expect(result.rateLimitedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  test('page sizes shrink when GitHub says a query is too expensive', async () => {
    standIn.setTimeoutAbove({ cost: 10 });
    const result = await syncOnce(handle, standIn, REPO);
    expect(result.status).toBe('ok');
    expect(standIn.requests.some((r) => r.fault === 'timeout')).toBe(true);
    expect(await storedCounts(handle)).toEqual(expectedCounts(store));
  });

  test('a bad token and an unknown repository give one actionable line each, and store nothing', async () => {
    const bad = await syncOnce(handle, standIn, REPO, { client: standInClient(standIn, 'wrong-token') });
    expect(bad.status).toBe('error');
    expect(bad.error?.message).toMatch(/GitHub rejected the token.*set GITHUB_TOKEN/);
    const unknown = await syncOnce(handle, standIn, { owner: 'akash-network', repo: 'nope' });
    expect(unknown.error?.message).toMatch(/no repository akash-network\/nope.*check "discussions" in the config/);
    expect(unknown.error?.message).not.toContain('\n');
    const category = await syncOnce(handle, standIn, { ...REPO, categories: ['Proposalz'] });
    expect(category.error?.message).toMatch(/no discussion category "Proposalz": use one of "Proposals", "General", "Ideas"/);
    expect((await storedCounts(handle)).discussions).toBe(0);
  });
});
