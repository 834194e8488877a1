import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Store, startGitHubStandIn, type StandIn, type StoreOptions } from './index.js';
import { postGraphQL } from './post-graphql.js';

interface CommentView {
  id: string;
  body: string;
  deletedAt: string | null;
  isAnswer: boolean;
  replies: { totalCount: number; nodes: { body: string }[] };
}
interface DiscussionView {
  number: number;
  title: string;
  updatedAt: string;
  closed: boolean;
  closedAt: string | null;
  stateReason: string | null;
  isAnswered: boolean | null;
  answer: { id: string } | null;
  category: { name: string };
  labels: { nodes: { name: string }[] };
  comments: { totalCount: number; nodes: CommentView[] };
}

const DISCUSSION = `query D($owner: String!, $name: String!, $number: Int!) {
  repository(owner: $owner, name: $name) {
    discussion(number: $number) {
      number title updatedAt closed closedAt stateReason isAnswered answer { id } category { name } labels(first: 10) { nodes { name } }
      comments(first: 50) { totalCount nodes { id body deletedAt isAnswer replies(first: 50) { totalCount nodes { body } } } }
    }
  }
}`;

function buildStore(options: StoreOptions = {}): Store {
  const store = new Store({ start: '2024-03-01T00:00:00Z', ...options });
  store.addRepository({ owner: 'o', name: 'r', categories: [{ name: 'Proposals' }, { name: 'Q&A', slug: 'q-a', isAnswerable: true }] });
  store.addRepository({ owner: 'o', name: 'archive', categories: [{ name: 'Proposals' }] });
  store.addDiscussion('o/r', { title: 'First', body: 'b', author: 'alice', category: 'Proposals' });
  return store;
}

describe('NOT_FOUND shapes', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildStore());
  });
  afterAll(() => standIn.close());

  test('an unknown repository is null with a NOT_FOUND error at ["repository"]', async () => {
    const reply = await postGraphQL(standIn.url, '{ repository(owner: "nobody", name: "nothing") { id } }');
    expect(reply.body).toEqual({
      data: { repository: null },
      errors: [{ type: 'NOT_FOUND', path: ['repository'], locations: [{ line: 1, column: 3 }], message: "Could not resolve to a Repository with the name 'nobody/nothing'." }],
    });
  });

  test('an unknown discussion number is null with a NOT_FOUND error at ["repository","discussion"]', async () => {
    const reply = await postGraphQL<{ repository: { discussion: null } }>(standIn.url, DISCUSSION, { owner: 'o', name: 'r', number: 99 });
    expect(reply.body.data).toEqual({ repository: { discussion: null } });
    expect(reply.body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['repository', 'discussion'], message: 'Could not resolve to a Discussion with the number of 99.' })]);
  });

  test('node and nodes resolve ids and report unknown ones', async () => {
    const d = standIn.store.discussion('o/r', 1);
    const reply = await postGraphQL<{ node: { number: number }; nodes: ({ title: string } | null)[] }>(
      standIn.url,
      'query Q($id: ID!, $ids: [ID!]!) { node(id: $id) { ... on Discussion { number } } nodes(ids: $ids) { ... on Discussion { title } } }',
      { id: d.id, ids: [d.id, 'D_missing'] },
    );
    expect(reply.body.data).toEqual({ node: { number: 1 }, nodes: [{ title: 'First' }, null] });
    expect(reply.body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['nodes', 1] })]);
  });
});

describe('store mutations are reflected in answers', () => {
  let standIn: StandIn;
  const fetchDiscussion = async (number: number, name = 'r') =>
    (await postGraphQL<{ repository: { discussion: DiscussionView | null } }>(standIn.url, DISCUSSION, { owner: 'o', name, number })).body.data?.repository.discussion;

  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildStore());
  });
  afterAll(() => standIn.close());

  test('comments, replies, tombstones and deletions', async () => {
    const { store } = standIn;
    const d = store.discussion('o/r', 1);
    store.clock.advance(60_000);
    const lonely = store.addComment(d, { body: 'lonely', author: 'bob' });
    const threaded = store.addComment(d, { body: 'threaded', author: 'bob' });
    const reply = store.addReply(threaded, { body: 'reply 1', author: 'alice' });
    store.addReply(threaded, { body: 'reply 2', author: 'carol' });
    expect((await fetchDiscussion(1))?.comments.totalCount).toBe(2);

    store.clock.advance(60_000);
    store.deleteComment(lonely);
    store.deleteComment(threaded);
    store.deleteReply(reply);
    store.editComment(store.discussion('o/r', 1).comments[0]!.replies[0]!, { body: 'reply 2 (edited)' });
    const after = await fetchDiscussion(1);
    expect(after?.comments.totalCount).toBe(1);
    expect(after?.comments.nodes[0]).toMatchObject({ body: '', deletedAt: '2024-03-01T00:02:00Z', replies: { totalCount: 1, nodes: [{ body: 'reply 2 (edited)' }] } });
  });

  test('title edit, close and reopen, labels, category move and answers', async () => {
    const { store } = standIn;
    const d = store.addDiscussion('o/r', { title: 'Question', body: 'how?', author: 'dave', category: 'Proposals' });
    store.editDiscussion(d, { title: 'Question (renamed)' });
    store.addLabel(d, 'needs-info');
    store.moveCategory(d, 'q-a');
    const answer = store.addComment(d, { body: 'like this', author: 'erin' });
    store.markAnswer(answer);
    store.clock.advance(1000);
    store.closeDiscussion(d, 'RESOLVED');
    const closed = await fetchDiscussion(d.number);
    expect(closed).toMatchObject({
      title: 'Question (renamed)',
      closed: true,
      closedAt: '2024-03-01T00:02:01Z',
      stateReason: 'RESOLVED',
      isAnswered: true,
      answer: { id: answer.id },
      category: { name: 'Q&A' },
      labels: { nodes: [{ name: 'needs-info' }] },
    });
    expect(closed?.comments.nodes[0]?.isAnswer).toBe(true);
    store.reopenDiscussion(d);
    expect(await fetchDiscussion(d.number)).toMatchObject({ closed: false, closedAt: null, stateReason: 'REOPENED' });
  });

  test('a deleted discussion stops resolving; a transferred one resolves under its new number only', async () => {
    const { store } = standIn;
    const gone = store.addDiscussion('o/r', { title: 'Gone', body: '', author: 'x', category: 'Proposals' });
    store.deleteDiscussion(gone);
    expect(await fetchDiscussion(gone.number)).toBeNull();

    const moving = store.addDiscussion('o/r', { title: 'Moving', body: '', author: 'x', category: 'Proposals' });
    store.addComment(moving, { body: 'comes along', author: 'y' });
    const moved = store.transferDiscussion(moving, 'o/archive');
    expect(await fetchDiscussion(moving.number)).toBeNull();
    const there = await fetchDiscussion(moved.number, 'archive');
    expect(there).toMatchObject({ title: 'Moving', comments: { totalCount: 1 } });
    expect(moved.id).not.toBe(moving.id);
  });
});

describe('updatedAt bump switches', () => {
  async function updatedAtAfter(options: StoreOptions, change: (store: Store) => void): Promise<string | undefined> {
    const store = buildStore(options);
    change(store);
    const standIn = await startGitHubStandIn(store);
    const reply = await postGraphQL<{ repository: { discussion: { updatedAt: string } } }>(standIn.url, DISCUSSION, { owner: 'o', name: 'r', number: 1 });
    await standIn.close();
    return reply.body.data?.repository.discussion.updatedAt;
  }
  const comment = (store: Store) => {
    store.clock.advance(3_600_000);
    store.addComment(store.discussion('o/r', 1), { body: 'hi', author: 'z' });
  };
  const move = (store: Store) => {
    store.clock.advance(3_600_000);
    store.moveCategory(store.discussion('o/r', 1), 'Q&A');
  };

  test('comment activity bumps updatedAt by default and not when switched off', async () => {
    expect(await updatedAtAfter({}, comment)).toBe('2024-03-01T01:00:00Z');
    expect(await updatedAtAfter({ commentActivityBumpsDiscussionUpdatedAt: false }, comment)).toBe('2024-03-01T00:00:00Z');
  });

  test('a category move does not bump updatedAt by default, and does when switched on', async () => {
    expect(await updatedAtAfter({}, move)).toBe('2024-03-01T00:00:00Z');
    expect(await updatedAtAfter({ categoryMoveBumpsDiscussionUpdatedAt: true }, move)).toBe('2024-03-01T01:00:00Z');
  });
});
