import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import request from 'supertest';
import type { Express } from 'express';
import type { DatabaseHandle } from '../../db/database.js';
import { engines, openTestDatabase } from '../helpers/engines.js';
import { createTestApp, HOSTILE_NUMBER, seedWebData } from './seed-web.js';

const HTML = 'text/html,application/xhtml+xml';

/** The only script a page may load is our own file; no real tag may carry a handler or a script URL. */
function expectInert(html: string) {
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  expect(scripts).toEqual(['<script src="/static/app.js" defer>']);
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  expect(tags.length).toBeGreaterThan(50);
  for (const tag of tags) {
    expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
    expect(tag).not.toMatch(/^<(iframe|style|math|object|embed|svg(?! xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart"))\b/i);
  }
}

describe.each(engines)('web pages on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Express;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    await seedWebData(handle);
    app = createTestApp(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const get = (path: string) => request(app).get(path).set('Accept', HTML);

  describe('review queue', () => {
    test('lists every proposal with status, ask and the demo banner', async () => {
      const res = await get('/');
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain('You are looking at demo data');
      expect(res.text).toContain('Lumen Explorer: an open network analytics dashboard');
      expect(res.text).toContain('48,000 USD');
      expect(res.text).toMatch(/Showing 1–9 of 9 proposals/);
    });

    test('filters by status, category, year and flags, all from the URL', async () => {
      const passed = await get('/?status=passed');
      expect(passed.text).toContain('Provider onboarding toolkit, phase 2');
      expect(passed.text).not.toContain('Lumen Explorer');
      expect((await get('/?category=Nothing')).text).toContain('No proposal matches these filters');
      expect((await get('/?year=2019')).text).toContain('No proposal matches these filters');
      const stale = await get('/?stale=1');
      expect(stale.text).toContain('Terraform provider for deployments');
      expect(stale.text).not.toContain('Community meetup sponsorship');
      const awaiting = await get('/?awaiting-proposer=1');
      expect(awaiting.text).toContain('Lumen Explorer');
      expect(awaiting.text).not.toContain('Provider onboarding toolkit');
      const needs = await get('/?needs-response=1');
      expect(needs.status).toBe(200);
      expect(needs.text).not.toContain('Tidepool');
    });

    test('an empty form field means no filter, not an error', async () => {
      const res = await get('/?status=&category=&year=&member=');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/of 9 proposals/);
    });

    test('the per-member view lists what waits for that member', async () => {
      const res = await get(`/?member=${encodeURIComponent('Mira Castellanos')}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Waiting for Mira Castellanos');
      expect(res.text).toContain('Documentation translations');
      expect(res.text).not.toContain('Tidepool');
    });

    test('sorts and paginates with links that keep the filter', async () => {
      const first = await get('/?perPage=5&sort=number&dir=asc');
      expect(first.text).toMatch(/Showing 1–5 of 9/);
      expect(first.text.indexOf('#101')).toBeLessThan(first.text.indexOf('#102'));
      expect(first.text).toContain('href="/?sort=number&amp;dir=asc&amp;perPage=5&amp;page=2"');
      const second = await get('/?perPage=5&sort=number&dir=asc&page=2');
      expect(second.text).toMatch(/Showing 6–9 of 9/);
      expect(second.text).toContain(`#${HOSTILE_NUMBER}`);
    });

    test.each([
      ['/?status=bogus', 'status'],
      ['/?page=0', 'page'],
      ['/?page=abc', 'page'],
      ['/?year=19', 'year'],
      ['/?sort=evil', 'sort'],
      ['/?dir=up', 'dir'],
      ['/?perPage=1000', 'perPage'],
      ['/?status=new&status=passed', 'status'],
      ['/?needs-response=maybe', 'needs-response'],
      ['/?source=not-a-repo', 'source'],
    ])('%s is a 400 naming %s', async (path, name) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain(name);
    });
  });

  describe('proposal page', () => {
    test('shows status, budget, questions, feedback, mentions, timeline, body and comments', async () => {
      const res = await get('/proposals/demo-dao/community/101');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Awaiting proposer');
      expect(res.text).toContain('Indexer and public API');
      expect(res.text).toMatch(/Can you break down the \$10,000/);
      expect(res.text).toContain('Not heard from:');
      expect(res.text).toMatch(/href="\/meetings\/\d+#t-00-09-30"/);
      expect(res.text).toContain('id="comment-DEMO_C_101_0"');
      expect(res.text).toContain('<h4>Summary</h4>');
      expect(res.text).toContain('href="/proposals/demo-dao/community/101/feed.xml"');
    });

    test('is case-insensitive in owner and repo', async () => {
      expect((await get('/proposals/Demo-DAO/Community/101')).status).toBe(200);
    });

    test('renders hostile markdown inert', async () => {
      const res = await get(`/proposals/demo-dao/community/${HOSTILE_NUMBER}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('xsspayload &lt;script&gt;');
      expect(res.text).toContain('rel="nofollow noopener noreferrer"');
      expectInert(res.text);
    });

    test.each([
      ['/proposals/demo-dao/community/99999', 404],
      ['/proposals/nobody/nothing/1', 404],
      ['/proposals/demo-dao/community/abc', 400],
      ['/proposals/demo-dao/community/0', 400],
      ['/proposals/demo-dao/community/99999999999', 400],
      ['/proposals/bad$owner/community/1', 400],
    ])('%s is %d', async (path, status) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.type).toBe('text/html');
    });
  });

  describe('meetings', () => {
    test('lists meetings with group and year filters', async () => {
      const all = await get('/meetings');
      expect(all.status).toBe(200);
      expect(all.text).toContain('Steering Committee Meeting #31');
      const sig = await get('/meetings?group=sig-economics');
      expect(sig.text).toContain('SIG Economics Monthly Meeting');
      expect(sig.text).not.toContain('Steering Committee Meeting #31');
      expect((await get('/meetings?year=2001')).text).toContain('No meetings match');
    });

    test('a meeting page has its transcript with an anchor per timestamp and highlighted mentions', async () => {
      const list = await get('/meetings?group=committee-steering');
      const id = /href="\/meetings\/(\d+)">Steering Committee Meeting #31/.exec(list.text)?.[1];
      expect(id).toBeDefined();
      const res = await get(`/meetings/${id}`);
      expect(res.status).toBe(200);
      for (const anchor of ['t-00-00-40', 't-00-04-15', 't-00-09-30', 't-00-12-05']) expect(res.text).toContain(`id="${anchor}"`);
      expect(res.text).toMatch(/<mark><a href="\/proposals\/demo-dao\/community\/\d+"/);
      expect(res.text).toContain('Mira Castellanos');
      expect(res.text).toContain('Kwame Asante to add the confirmed clubs');
    });

    test('hostile meeting notes and transcripts render inert', async () => {
      const list = await get('/meetings?group=sig-chaos');
      const id = /href="\/meetings\/(\d+)"/.exec(list.text)?.[1];
      const res = await get(`/meetings/${id}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('(25)&lt;/script&gt;');
      expect(res.text).toContain('I agree about xsspayload &lt;a href=&#34;javascript:__xss(27)&#34;&gt;here&lt;/a&gt;.');
      expectInert(res.text);
    });

    test.each([
      ['/meetings/abc', 400],
      ['/meetings/0', 400],
      ['/meetings/424242', 404],
      ['/meetings?group=../etc', 400],
      ['/meetings?page=-1', 400],
      ['/meetings?year=abc', 400],
    ])('%s is %d', async (path, status) => {
      expect((await get(path)).status).toBe(status);
    });
  });

  describe('funding', () => {
    test('shows totals, a server-rendered chart and the requests', async () => {
      const res = await get('/funding');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="chart"');
      expect(res.text).toContain('Per year');
      expect(res.text).toContain('Per requester');
      expect(res.text).toContain('Provider onboarding toolkit, phase 2');
      expect((await get('/funding?currency=AKT')).text).toContain('Requested AKT per quarter');
    });

    test('exports CSV with one row per proposal and currency, formulas neutralised', async () => {
      const res = await request(app).get('/funding.csv');
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/csv');
      expect(res.headers['content-disposition']).toContain('funding.csv');
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('date,quarter,source,number,title,author,category,status,outcome,currency,amount,url');
      const lumen = lines.find((l) => l.includes('Lumen Explorer'));
      expect(lumen).toMatch(/,101,Lumen Explorer: an open network analytics dashboard,orla-brennan,Proposals,awaiting_proposer,pending,USD,48000,/);
      const workshop = lines.filter((l) => l.includes(',102,'));
      expect(workshop.map((l) => l.split(',').slice(-3, -1).join(' '))).toEqual(expect.arrayContaining(['USD 25000', 'AKT 10000']));
      expect(lines.some((l) => l.includes('"xsspayload <script>__xss(8)</script><img src=x onerror=__xss(9)> ""quoted"" & more"'))).toBe(true);
    });

    test('exports JSON with items and totals per year, quarter and requester', async () => {
      const res = await request(app).get('/funding.json');
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/json');
      const numbers = res.body.items.map((i: { number: number }) => i.number);
      expect(numbers).toEqual(expect.arrayContaining([101, 102, 103]));
      const passed = res.body.items.find((i: { number: number }) => i.number === 103);
      expect(passed).toMatchObject({ status: 'passed', outcome: 'funded', requested: [{ currency: 'USD', amount: 60000 }] });
      expect(passed.trackerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/proposals\/demo-dao\/community\/103$/);
      const usd = res.body.totals.overall.find((t: { currency: string }) => t.currency === 'USD');
      expect(usd.funded).toBe(60000);
      expect(res.body.totals.byRequester.find((t: { key: string; currency: string }) => t.key === 'orla-brennan' && t.currency === 'USD').requested).toBe(80000);
    });

    test.each(['/funding?year=abc', '/funding.csv?year=3000', '/funding.json?year=1.5', '/funding?currency=%3Cscript%3E', '/funding?page=0'])('%s is a 400', async (path) => {
      expect((await get(path)).status).toBe(400);
    });
  });

  describe('people', () => {
    test('a proposer page lists requests, feedback received and questions waiting', async () => {
      const res = await get('/people/orla-brennan');
      expect(res.status).toBe(200);
      expect(res.text).toContain('Lumen Explorer');
      expect(res.text).toContain('Terraform provider for deployments');
      expect(res.text).toMatch(/Questions waiting for an answer \([1-9]/);
      expect(res.text).toContain('Feedback received');
    });

    test.each([['/people/nobody-here', 404], ['/people/bad%20login', 400], ['/people/-dash', 400]])('%s is %d', async (path, status) => {
      expect((await get(path)).status).toBe(status);
    });
  });

  describe('search', () => {
    test('finds proposals, comments and transcripts with highlighted snippets linking to the exact place', async () => {
      const res = await get('/search?q=hosting');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<mark>');
      expect(res.text).toMatch(/href="\/proposals\/demo-dao\/community\/101#comment-DEMO_C_101_1"/);
      const transcript = await get('/search?q=indexer%20testnet');
      expect(transcript.text).toMatch(/href="\/meetings\/\d+#t-00-09-30"/);
    });

    test('snippets of hostile text are escaped', async () => {
      const res = await get('/search?q=xsspayload');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<mark>xsspayload</mark>');
      expectInert(res.text);
    });

    test('odd query syntax is not an error', async () => {
      for (const q of ['"unbalanced', '!!! && ||', '-', 'or', '<script>']) {
        const res = await get(`/search?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
      }
      expect((await get('/search')).text).not.toContain('result');
    });

    test.each(['/search?q=' + 'a'.repeat(201), '/search?q=x&page=51', '/search?q=x&page=zero'])('%s is a 400', async (path) => {
      expect((await get(path)).status).toBe(400);
    });
  });

  describe('status, feeds, errors and static files', () => {
    test('sync status shows each source, runs and escaped errors', async () => {
      const res = await get('/status');
      expect(res.status).toBe(200);
      expect(res.text).toContain('demo-dao/community');
      expect(res.text).toContain('GitHub said &lt;script&gt;');
      expectInert(res.text);
    });

    test('the site feed is Atom with new proposals and status changes', async () => {
      const res = await request(app).get('/feed.xml');
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/atom+xml');
      expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      expect(res.text).toContain('<title type="text">New proposal: Community meetup sponsorship, fourth quarter</title>');
      expect(res.text).toMatch(/<title type="text">(Passed|Rejected|Withdrawn|Presented|Awaiting proposer): /);
      expect(res.text).toContain('xsspayload &lt;script&gt;');
      expect(res.text).not.toContain('<script>');
    });

    test('each proposal has its own feed of timeline events', async () => {
      const res = await request(app).get('/proposals/demo-dao/community/101/feed.xml');
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/atom+xml');
      expect((res.text.match(/<entry>/g) ?? []).length).toBeGreaterThan(3);
      expect((await request(app).get('/proposals/demo-dao/community/4040/feed.xml')).status).toBe(404);
      expect((await request(app).get('/proposals/demo-dao/community/x/feed.xml')).status).toBe(400);
    });

    test('an unknown page is a helpful 404 page', async () => {
      const res = await get('/no/such/page');
      expect(res.status).toBe(404);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain('Back to the review queue');
      const json = await request(app).get('/no/such/page').set('Accept', 'application/json');
      expect(json.body).toEqual({ error: { code: 'not_found', message: 'Nothing is at /no/such/page.' } });
    });

    test('serves the stylesheet, script and icon, and sets a CSP without inline scripts', async () => {
      expect((await request(app).get('/static/style.css')).type).toBe('text/css');
      expect((await request(app).get('/static/app.js')).type).toBe('text/javascript');
      expect((await request(app).get('/static/favicon.svg')).type).toBe('image/svg+xml');
      const csp = (await get('/')).headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    });

    test('without the demo flag there is no demo banner, and notices are shown', async () => {
      const plain = createTestApp(handle, { demo: false, notices: ['Set GITHUB_TOKEN <now>'] });
      const res = await request(plain).get('/').set('Accept', HTML);
      expect(res.text).not.toContain('You are looking at demo data');
      expect(res.text).toContain('Set GITHUB_TOKEN &lt;now&gt;');
    });
  });
});
