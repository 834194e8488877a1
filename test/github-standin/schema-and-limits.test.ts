import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Store, startGitHubStandIn, type StandIn } from './index.js';
import { postGraphQL, SYNC_QUERY } from './post-graphql.js';

function smallStore(): Store {
  const store = new Store({ start: '2024-05-01T00:00:00Z' });
  const repo = store.addRepository({ owner: 'o', name: 'r', categories: [{ name: 'Proposals' }] });
  for (let i = 0; i < 3; i += 1) {
    store.clock.advance(60_000);
    store.addDiscussion(repo, { title: `D${i}`, body: `body ${i}`, author: 'alice', category: 'Proposals' });
  }
  return store;
}

describe('schema validation', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(smallStore());
  });
  afterAll(() => standIn.close());

  test('rejects a wrong field (upvotes on Discussion) with GitHub-shaped errors and no data', async () => {
    const reply = await postGraphQL(standIn.url, '{ repository(owner: "o", name: "r") { discussion(number: 1) { upvotes } } }');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toEqual([
      {
        message: "Field 'upvotes' doesn't exist on type 'Discussion'",
        locations: [{ line: 1, column: 63 }],
        extensions: { code: 'undefinedField', typeName: 'Discussion', fieldName: 'upvotes' },
      },
    ]);
  });

  test('rejects a syntax error and a missing required variable', async () => {
    const syntax = await postGraphQL(standIn.url, '{ repository(owner: "o" { id } }');
    expect(syntax.body.errors?.[0]?.message).toMatch(/Syntax Error/);
    const missing = await postGraphQL(standIn.url, 'query Q($owner: String!) { repository(owner: $owner, name: "r") { id } }');
    expect(missing.body.errors?.[0]?.message).toMatch(/Variable "\$owner" of required type "String!" was not provided/);
  });

  test('accepts the full sync query of GITHUB-API.md §3.4 and answers it', async () => {
    const reply = await postGraphQL<{ repository: { discussions: { totalCount: number; nodes: { number: number }[] } } }>(standIn.url, SYNC_QUERY, { owner: 'o', name: 'r' });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.repository.discussions.totalCount).toBe(3);
    expect(reply.body.data?.repository.discussions.nodes.map((d) => d.number)).toEqual([3, 2, 1]);
  });

  test('a query without a query string is refused', async () => {
    const response = await fetch(`${standIn.url}/graphql`, { method: 'POST', headers: { authorization: 'token test-token' }, body: '{"variables":{}}' });
    expect(await response.json()).toEqual({ errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
  });
});

describe('cost, node count and page-size limits', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(smallStore());
  });
  afterAll(() => standIn.close());

  test('the §3.4 query costs 27 points and 53,800 nodes, in rateLimit, the record and the headers', async () => {
    standIn.resetBudget();
    const reply = await postGraphQL<{ rateLimit: { cost: number; nodeCount: number; limit: number; remaining: number; used: number; resetAt: string } }>(
      standIn.url,
      SYNC_QUERY,
      { owner: 'o', name: 'r' },
    );
    expect(reply.body.data?.rateLimit).toMatchObject({ cost: 27, nodeCount: 53_800, limit: 5000, remaining: 4973, used: 27 });
    expect(reply.body.data?.rateLimit.resetAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('4973');
    expect(reply.headers.get('x-ratelimit-used')).toBe('27');
    expect(reply.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(reply.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(reply.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(standIn.requests.at(-1)).toMatchObject({ cost: 27, nodeCount: 53_800, charged: 27, status: 200 });
  });

  test("GitHub's worked example costs 51 points (1 + 100 + 5,000 requests)", async () => {
    const query = `{ viewer { repositories(first: 100) { nodes { issues(first: 50) { nodes { labels(first: 60) { nodes { name } } } } } } } rateLimit(dryRun: true) { cost nodeCount } }`;
    const reply = await postGraphQL<{ rateLimit: { cost: number; nodeCount: number } }>(standIn.url, query);
    expect(reply.body.data?.rateLimit).toEqual({ cost: 51, nodeCount: 100 + 5_000 + 300_000 });
  });

  test('the minimum cost is 1, and variables are resolved before pricing', async () => {
    const query = 'query Q($n: Int!) { repository(owner: "o", name: "r") { discussions(first: $n) { nodes { number } } } rateLimit { cost nodeCount } }';
    const reply = await postGraphQL<{ rateLimit: { cost: number; nodeCount: number } }>(standIn.url, query, { n: 7 });
    expect(reply.body.data?.rateLimit).toEqual({ cost: 1, nodeCount: 7 });
  });

  test('nodes(ids:) multiplies nested connections by the number of ids', async () => {
    const ids = [...standIn.store.repository('o/r').discussions.values()].map((d) => d.id);
    const query = `query Q($ids: [ID!]!) { nodes(ids: $ids) { ... on Discussion { comments(first: 100) { nodes { replies(first: 100) { nodes { id } } } } } } rateLimit(dryRun: true) { cost nodeCount } }`;
    const reply = await postGraphQL<{ rateLimit: { cost: number; nodeCount: number } }>(standIn.url, query, { ids });
    // requests: comments 3 + replies 3 x 100 = 303 -> 3 points; nodes: 300 + 30,000
    expect(reply.body.data?.rateLimit).toEqual({ cost: 3, nodeCount: 30_300 });
  });

  test('dryRun prices without running or charging', async () => {
    const before = standIn.budget().used;
    const reply = await postGraphQL<Record<string, unknown>>(standIn.url, SYNC_QUERY.replace('rateLimit {', 'rateLimit(dryRun: true) {'), { owner: 'o', name: 'r' });
    expect(Object.keys(reply.body.data ?? {})).toEqual(['rateLimit']);
    expect(reply.body.data?.rateLimit).toMatchObject({ cost: 27, nodeCount: 53_800 });
    expect(standIn.budget().used).toBe(before);
  });

  test('a connection without first/last is refused with MISSING_PAGINATION_BOUNDARIES', async () => {
    const reply = await postGraphQL(standIn.url, '{ repository(owner: "o", name: "r") { discussions { nodes { id } } } }');
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        type: 'MISSING_PAGINATION_BOUNDARIES',
        path: ['repository', 'discussions'],
        message: 'You must provide a `first` or `last` value to properly paginate the `discussions` connection.',
      }),
    ]);
  });

  test('a connection asking only for totalCount needs no first/last', async () => {
    const reply = await postGraphQL<{ repository: { discussions: { totalCount: number } } }>(standIn.url, '{ repository(owner: "o", name: "r") { discussions { totalCount } } }');
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.repository.discussions.totalCount).toBe(3);
  });

  test('first: 101 and last: 0 are refused', async () => {
    const over = await postGraphQL(standIn.url, '{ repository(owner: "o", name: "r") { discussions(first: 101) { nodes { id } } } }');
    expect(over.body.errors).toEqual([
      expect.objectContaining({ type: 'EXCESSIVE_PAGINATION', message: 'Requesting 101 records on the `discussions` connection exceeds the `first` limit of 100 records.' }),
    ]);
    const zero = await postGraphQL(standIn.url, 'query Q($n: Int) { repository(owner: "o", name: "r") { discussions(last: $n) { nodes { id } } } }', { n: 0 });
    expect(zero.body.errors?.[0]?.type).toBe('INVALID_PAGINATION');
  });

  test('more than 500,000 nodes is refused with MAX_NODE_LIMIT_EXCEEDED and not charged', async () => {
    const used = standIn.budget().used;
    const query = '{ repository(owner: "o", name: "r") { discussions(first: 100) { nodes { comments(first: 100) { nodes { replies(first: 100) { nodes { id } } } } } } } }';
    const reply = await postGraphQL(standIn.url, query);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        type: 'MAX_NODE_LIMIT_EXCEEDED',
        message: 'By the time this query traverses to the replies connection, it is requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.',
      }),
    ]);
    expect(standIn.budget().used).toBe(used);
  });
});
