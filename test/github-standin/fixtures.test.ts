import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  AKASH_REPO,
  BUSY_COMMENT_REPLIES,
  BUSY_THREAD_COMMENTS,
  BUSY_THREAD_NUMBER,
  buildAkashLikeStore,
  COMMITTEE_MEMBERS,
  FIXTURE_DISCUSSIONS,
  FIXTURE_PROPOSALS,
  generateSyntheticStore,
} from '../fixtures/discussions/index.js';
import { startGitHubStandIn, type StandIn, type StoreDiscussion } from './index.js';
import { postGraphQL, SYNC_QUERY } from './post-graphql.js';

function allText(discussion: StoreDiscussion): string {
  return discussion.comments.flatMap((c) => [c.body, ...c.replies.map((r) => r.body)]).join('\n');
}

describe('hand-written Akash-like fixtures', () => {
  const store = buildAkashLikeStore();
  const repoName = `${AKASH_REPO.owner}/${AKASH_REPO.name}`;

  test('at least 35 proposals, unique numbers, each with ground truth', () => {
    expect(FIXTURE_PROPOSALS.length).toBeGreaterThanOrEqual(35);
    const numbers = FIXTURE_DISCUSSIONS.map((p) => p.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of FIXTURE_PROPOSALS) {
      expect(Array.isArray(p.expected.totals)).toBe(true);
      for (const total of p.expected.totals) expect(total.amount).toBeGreaterThan(0);
    }
  });

  test('every expected question appears in its thread (after edits and deletions)', () => {
    for (const fixture of FIXTURE_DISCUSSIONS) {
      const text = allText(store.discussion(repoName, fixture.number));
      for (const q of fixture.expected.questions) {
        if (!text.includes(q.textStartsWith)) throw new Error(`#${fixture.number}: "${q.textStartsWith}" not found in its thread`);
      }
    }
  });

  test('the committee list is fixed and has names, logins (or null) and aliases', () => {
    expect(COMMITTEE_MEMBERS.length).toBeGreaterThanOrEqual(5);
    expect(COMMITTEE_MEMBERS.some((m) => m.login === null)).toBe(true);
    for (const m of COMMITTEE_MEMBERS) expect(m.aliases.length).toBeGreaterThan(0);
  });

  test('the store holds edits, closings, a tombstone, hostile markdown and the busy thread', () => {
    const edits = store.discussion(repoName, 509).edits.map((e) => e.diff);
    expect(edits).toHaveLength(3);
    expect([edits[0]?.includes('$200,000'), edits[1]?.includes('$150,000'), edits[2]?.includes('**$120,000**')]).toEqual([true, true, true]);
    expect(store.discussion(repoName, 510)).toMatchObject({ closed: true, stateReason: 'OUTDATED' });
    expect(store.discussion(repoName, 536).title).toMatch(/^\[WITHDRAWN\]/);
    expect(store.discussion(repoName, 539).comments[0]).toMatchObject({ body: '', replies: [expect.anything()] });
    const hostile = store.discussion(repoName, 511).body;
    for (const marker of ['<script>', 'onerror=', '](javascript:', 'onclick=', '<iframe']) expect(hostile).toContain(marker);
    const busy = store.discussion(repoName, BUSY_THREAD_NUMBER);
    expect(busy.comments).toHaveLength(BUSY_THREAD_COMMENTS);
    expect(busy.comments[0]?.replies).toHaveLength(BUSY_COMMENT_REPLIES);
  });
});

describe('fixtures through the stand-in', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildAkashLikeStore());
  });
  afterAll(() => standIn.close());

  test('the sync query returns every discussion in one page, at 27 points', async () => {
    const reply = await postGraphQL<{ repository: { discussions: { totalCount: number; nodes: unknown[] } }; rateLimit: { cost: number } }>(standIn.url, SYNC_QUERY, AKASH_REPO);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.repository.discussions.totalCount).toBe(FIXTURE_DISCUSSIONS.length);
    expect(reply.body.data?.rateLimit.cost).toBe(27);
  });

  test('300 comments take three pages of 100, and 150 replies take two', async () => {
    type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] };
    const comments: string[] = [];
    let after: string | null = null;
    do {
      const reply: Awaited<ReturnType<typeof postGraphQL<{ repository: { discussion: { comments: Page } } }>>> = await postGraphQL(
        standIn.url,
        'query Q($after: String) { repository(owner: "akash-network", name: "community") { discussion(number: 533) { comments(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }',
        { after },
      );
      const page = reply.body.data?.repository.discussion.comments;
      if (!page) throw new Error(JSON.stringify(reply.body.errors));
      comments.push(...page.nodes.map((n) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(comments).toHaveLength(300);
    expect(new Set(comments).size).toBe(300);

    const repliesQuery = 'query Q($id: ID!, $after: String) { node(id: $id) { ... on DiscussionComment { replies(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }';
    const first = await postGraphQL<{ node: { replies: Page } }>(standIn.url, repliesQuery, { id: comments[0] });
    const second = await postGraphQL<{ node: { replies: Page } }>(standIn.url, repliesQuery, { id: comments[0], after: first.body.data?.node.replies.pageInfo.endCursor });
    expect(first.body.data?.node.replies.nodes).toHaveLength(100);
    expect(second.body.data?.node.replies).toMatchObject({ totalCount: 150, pageInfo: { hasNextPage: false } });
    expect(second.body.data?.node.replies.nodes).toHaveLength(50);
  });
});

describe('synthetic store', () => {
  test('2,000 discussions x 15 comments x 2 replies builds in well under a few seconds and is deterministic', () => {
    const started = performance.now();
    const store = generateSyntheticStore({ discussions: 2000, commentsPerDiscussion: 15, repliesPerComment: 2, seed: 3 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000);
    const repo = store.repository('akash-network/community');
    expect(repo.discussions.size).toBe(2000);
    expect(store.discussion('akash-network/community', 2000).comments).toHaveLength(15);
    expect(store.discussion('akash-network/community', 1).comments[0]?.replies).toHaveLength(2);
    const again = generateSyntheticStore({ discussions: 3, commentsPerDiscussion: 2, repliesPerComment: 0, seed: 3 });
    const once = generateSyntheticStore({ discussions: 3, commentsPerDiscussion: 2, repliesPerComment: 0, seed: 3 });
    expect(again.discussion('akash-network/community', 2).body).toBe(once.discussion('akash-network/community', 2).body);
  });
});
