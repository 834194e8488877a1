import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Store, startGitHubStandIn, type StandIn } from './index.js';
import { postGraphQL } from './post-graphql.js';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: { number: number }[];
}
type DiscussionsReply = { repository: { discussions: Page } };

const LIST = `query List($first: Int, $last: Int, $after: String, $before: String, $order: DiscussionOrder, $categoryId: ID) {
  repository(owner: "o", name: "r") {
    discussions(first: $first, last: $last, after: $after, before: $before, orderBy: $order, categoryId: $categoryId) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { number }
    }
  }
}`;

function buildStore(): Store {
  const store = new Store({ start: '2024-01-01T00:00:00Z' });
  const repo = store.addRepository({ owner: 'o', name: 'r', categories: [{ name: 'Proposals' }, { name: 'General' }] });
  for (let n = 1; n <= 7; n += 1) {
    store.clock.advance(3_600_000);
    store.addDiscussion(repo, { title: `D${n}`, body: '', author: 'a', category: n % 2 === 0 ? 'General' : 'Proposals' });
  }
  // #2 becomes the most recently updated discussion.
  store.clock.advance(3_600_000);
  store.editDiscussion(store.discussion('o/r', 2), { body: 'edited' });
  return store;
}

describe('discussions pagination and ordering', () => {
  let standIn: StandIn;
  const list = (variables: Record<string, unknown>) => postGraphQL<DiscussionsReply>(standIn.url, LIST, variables);
  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildStore());
  });
  afterAll(() => standIn.close());

  test('default order is UPDATED_AT DESC', async () => {
    const reply = await list({ first: 10 });
    expect(reply.body.data?.repository.discussions.nodes.map((d) => d.number)).toEqual([2, 7, 6, 5, 4, 3, 1]);
  });

  test('first/after walks forward with opaque cursors until hasNextPage is false', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const reply = await list({ first: 3, after, order: { field: 'CREATED_AT', direction: 'ASC' } });
      const page = reply.body.data?.repository.discussions;
      if (!page) throw new Error(JSON.stringify(reply.body));
      pages += 1;
      seen.push(...page.nodes.map((d) => d.number));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test('last/before walks backward', async () => {
    const order = { field: 'CREATED_AT', direction: 'DESC' };
    const last = await list({ last: 2, order });
    expect(last.body.data?.repository.discussions.nodes.map((d) => d.number)).toEqual([2, 1]);
    const before = await list({ last: 2, before: last.body.data?.repository.discussions.pageInfo.startCursor, order });
    const page = before.body.data?.repository.discussions;
    expect(page?.nodes.map((d) => d.number)).toEqual([4, 3]);
    expect(page?.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  test('categoryId filters, and an unknown cursor is an INVALID_CURSOR_ARGUMENTS error', async () => {
    const general = standIn.store.category(standIn.store.repository('o/r'), 'General');
    const reply = await list({ first: 10, categoryId: general.id, order: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(reply.body.data?.repository.discussions.nodes.map((d) => d.number)).toEqual([2, 4, 6]);
    const bad = await list({ first: 10, after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]).toMatchObject({ type: 'INVALID_CURSOR_ARGUMENTS', path: ['repository', 'discussions'] });
  });

  test('a cursor stays valid when its item is deleted', async () => {
    const first = await list({ first: 2, order: { field: 'CREATED_AT', direction: 'ASC' } });
    const cursor = first.body.data?.repository.discussions.pageInfo.endCursor;
    standIn.store.deleteDiscussion(standIn.store.discussion('o/r', 2));
    const next = await list({ first: 2, after: cursor, order: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(next.body.data?.repository.discussions.nodes.map((d) => d.number)).toEqual([3, 4]);
  });
});

describe('comments, replies and edits', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    const store = new Store({ start: '2024-01-01T00:00:00Z' });
    const repo = store.addRepository({ owner: 'o', name: 'r', categories: [{ name: 'Proposals' }] });
    const d = store.addDiscussion(repo, { title: 'T', body: 'v1', author: 'alice', category: 'Proposals' });
    for (let i = 1; i <= 5; i += 1) {
      store.clock.advance(1000);
      const c = store.addComment(d, { body: `c${i}`, author: 'bob' });
      if (i === 1) for (let j = 1; j <= 4; j += 1) store.addReply(c, { body: `r${j}`, author: 'carol' });
    }
    store.clock.advance(60_000);
    store.editDiscussion(d, { body: 'v2', editor: 'alice' });
    store.clock.advance(60_000);
    store.editDiscussion(d, { body: 'v3', editor: 'mod' });
    standIn = await startGitHubStandIn(store);
  });
  afterAll(() => standIn.close());

  test('comments and replies come oldest first and page with after and last', async () => {
    type Reply = { repository: { discussion: { comments: { nodes: { body: string; replies: { totalCount: number; nodes: { body: string }[] } }[]; pageInfo: { endCursor: string } } } } };
    const q = `query Q($after: String) { repository(owner: "o", name: "r") { discussion(number: 1) {
      comments(first: 2, after: $after) { pageInfo { endCursor } nodes { body replies(last: 2) { totalCount nodes { body } } } } } } }`;
    const first = await postGraphQL<Reply>(standIn.url, q);
    const comments = first.body.data?.repository.discussion.comments;
    expect(comments?.nodes.map((c) => c.body)).toEqual(['c1', 'c2']);
    expect(comments?.nodes[0]?.replies).toEqual({ totalCount: 4, nodes: [{ body: 'r3' }, { body: 'r4' }] });
    const second = await postGraphQL<Reply>(standIn.url, q, { after: comments?.pageInfo.endCursor });
    expect(second.body.data?.repository.discussion.comments.nodes.map((c) => c.body)).toEqual(['c3', 'c4']);
  });

  test('userContentEdits are newest first, each diff holding the full body of its version, original included', async () => {
    type Reply = { repository: { discussion: { lastEditedAt: string; body: string; userContentEdits: { totalCount: number; nodes: { diff: string; editedAt: string; editor: { login: string } }[] } } } };
    const reply = await postGraphQL<Reply>(standIn.url, '{ repository(owner: "o", name: "r") { discussion(number: 1) { body lastEditedAt userContentEdits(first: 10) { totalCount nodes { diff editedAt editor { login } } } } } }');
    const d = reply.body.data?.repository.discussion;
    expect(d?.body).toBe('v3');
    expect(d?.userContentEdits.totalCount).toBe(3);
    expect(d?.userContentEdits.nodes.map((e) => [e.diff, e.editor.login])).toEqual([
      ['v3', 'mod'],
      ['v2', 'alice'],
      ['v1', 'alice'],
    ]);
    expect(d?.userContentEdits.nodes[0]?.editedAt).toBe(d?.lastEditedAt);
    expect(d?.userContentEdits.nodes[2]?.editedAt).toBe('2024-01-01T00:00:00Z');
  });
});
