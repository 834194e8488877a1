import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Store, startGitHubStandIn, type StandIn } from './index.js';
import { postGraphQL } from './post-graphql.js';

const QUERY = '{ repository(owner: "o", name: "r") { discussions(first: 10) { nodes { number title } } } }';

function buildStore(): Store {
  const store = new Store();
  const repo = store.addRepository({ owner: 'o', name: 'r', categories: [{ name: 'General' }] });
  for (let i = 0; i < 10; i += 1) store.addDiscussion(repo, { title: `A fairly long title number ${i} to make the body big`, body: 'x', author: 'a', category: 'General' });
  return store;
}

async function raw(url: string, token = 'test-token'): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: `token ${token}` }, body: JSON.stringify({ query: QUERY }) });
}

describe('authentication', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildStore(), { token: 'secret' });
  });
  afterAll(() => standIn.close());

  test('a wrong token gets 401 Bad credentials; a missing one is told to authenticate', async () => {
    const wrong = await postGraphQL(standIn.url, QUERY, {}, { token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    const missing = await postGraphQL(standIn.url, QUERY, {}, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.message).toBe('This endpoint requires you to be authenticated.');
  });

  test('both "bearer" and "token" schemes are accepted', async () => {
    expect((await postGraphQL(standIn.url, QUERY, {}, { token: 'secret' })).status).toBe(200);
    expect((await raw(standIn.url, 'secret')).status).toBe(200);
    expect(standIn.requests.map((r) => r.status)).toEqual([401, 401, 200, 200]);
  });
});

describe('rate limit budget', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startGitHubStandIn(buildStore(), { pointsPerHour: 3 });
  });
  afterAll(() => standIn.close());

  test('spending the budget gives RATE_LIMITED with x-ratelimit-remaining 0, and resetBudget restores it', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postGraphQL(standIn.url, QUERY)).body.errors).toBeUndefined();
    const limited = await postGraphQL(standIn.url, QUERY);
    expect(limited.status).toBe(200);
    expect(limited.body).toEqual({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-used')).toBe('3');
    expect(standIn.requests.at(-1)).toMatchObject({ charged: 0, errorTypes: ['RATE_LIMITED'] });
    standIn.resetBudget();
    expect((await postGraphQL(standIn.url, QUERY)).headers.get('x-ratelimit-remaining')).toBe('2');
  });

  test('exhaustBudget sets the reset time; the budget refills by itself once it has passed', async () => {
    standIn.exhaustBudget(1);
    const limited = await postGraphQL(standIn.url, QUERY);
    expect(limited.body.errors?.[0]?.type).toBe('RATE_LIMITED');
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await postGraphQL(standIn.url, QUERY);
    expect(after.body.errors).toBeUndefined();
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  test('a query costing more than what is left is refused although remaining is not 0', async () => {
    standIn.resetBudget();
    // requests: 1 + 100 + 100 x 5 = 601, so 6 points
    const expensive = '{ repository(owner: "o", name: "r") { discussions(first: 100) { nodes { comments(first: 5) { nodes { replies(first: 5) { nodes { id } } } } } } } }';
    const reply = await postGraphQL(standIn.url, expensive);
    expect(reply.body.errors?.[0]?.type).toBe('RATE_LIMITED');
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('3');
    expect(standIn.requests.at(-1)).toMatchObject({ cost: 6, charged: 0 });
  });
});

describe('2026 rate-limit variant and timeouts', () => {
  test('rateLimitErrorType RATE_LIMIT answers with the graphql_rate_limit code', async () => {
    const standIn = await startGitHubStandIn(buildStore(), { rateLimitErrorType: 'RATE_LIMIT' });
    standIn.exhaustBudget();
    const reply = await postGraphQL(standIn.url, QUERY);
    expect(reply.body).toEqual({ errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: 'API rate limit already exceeded for user ID 1.' }] });
    await standIn.close();
  });

  test('queries above timeoutAboveNodes answer 502 "couldn\'t respond in time"; smaller pages pass', async () => {
    const standIn = await startGitHubStandIn(buildStore(), { timeoutAboveNodes: 5 });
    const big = await postGraphQL(standIn.url, QUERY);
    expect(big.status).toBe(502);
    expect(big.body.errors?.[0]?.message).toMatch(/^We couldn't respond to your request in time/);
    const small = await postGraphQL(standIn.url, QUERY.replace('first: 10', 'first: 5'));
    expect(small.status).toBe(200);
    standIn.setTimeoutAbove({ cost: 0 });
    expect((await postGraphQL(standIn.url, QUERY)).status).toBe(502);
    expect(standIn.requests.map((r) => [r.status, r.fault ?? null, r.charged])).toEqual([
      [502, 'timeout', 0],
      [200, null, 1],
      [502, 'timeout', 0],
    ]);
    await standIn.close();
  });
});

describe('fault injection', () => {
  test('every fault kind answers like GitHub and charges nothing', async () => {
    const standIn = await startGitHubStandIn(buildStore(), { faults: { rate502: 1 } });
    const badGateway = await raw(standIn.url);
    expect(badGateway.status).toBe(502);
    expect(badGateway.headers.get('content-type')).toMatch(/text\/html/);
    expect(await badGateway.text()).toMatch(/502 Bad Gateway/);

    standIn.setFaults({ rateSecondaryLimit: 1, retryAfterSeconds: 7 });
    const secondary = await raw(standIn.url);
    expect(secondary.status).toBe(403);
    expect(secondary.headers.get('retry-after')).toBe('7');
    expect(((await secondary.json()) as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);

    standIn.setFaults({ rateTruncated: 1 });
    const truncated = await raw(standIn.url);
    expect(truncated.status).toBe(200);
    expect(truncated.headers.get('content-type')).toMatch(/application\/json/);
    await expect(truncated.text()).rejects.toThrow();

    standIn.setFaults({ slowMs: 300 });
    const started = Date.now();
    expect((await raw(standIn.url)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);

    expect(standIn.requests.map((r) => [r.status, r.fault ?? null])).toEqual([
      [502, 'bad-gateway'],
      [403, 'secondary-limit'],
      [200, 'truncated'],
      [200, null],
    ]);
    expect(standIn.budget().used).toBe(1);
    await standIn.close();
  });

  test('fault rates are seeded: the same seed gives the same sequence, roughly at the asked rate', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const standIn = await startGitHubStandIn(buildStore(), { faults: { seed: 42, rate502: 0.2, rateSecondaryLimit: 0.2, retryAfterSeconds: 0 } });
      for (let i = 0; i < 40; i += 1) await raw(standIn.url);
      runs.push(standIn.requests.map((r) => r.fault ?? 'ok'));
      await standIn.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    const count = (kind: string) => runs[0]?.filter((f) => f === kind).length ?? 0;
    expect(count('bad-gateway')).toBeGreaterThanOrEqual(3);
    expect(count('bad-gateway')).toBeLessThanOrEqual(15);
    expect(count('secondary-limit')).toBeGreaterThanOrEqual(2);
    expect(count('ok')).toBeGreaterThanOrEqual(15);
  });
});
