import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { DatabaseHandle } from '../../db/database.js';
import { openTestDatabase } from '../helpers/engines.js';
import { createTestApp, HOSTILE_NUMBER, seedWebData } from './seed-web.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/web';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
const browserDescribe = hasChromium ? describe : describe.skip;

/** Records console errors, page errors, CSP violations and calls to `__xss`, which hostile payloads call. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __xssCalls: number[]; __cspViolations: string[]; __xss: (n: number) => void };
    w.__xssCalls = [];
    w.__cspViolations = [];
    w.__xss = (n: number) => w.__xssCalls.push(n);
    document.addEventListener('securitypolicyviolation', (event) => w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}

browserDescribe('the web app in Chromium', () => {
  let handle: DatabaseHandle;
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    handle = await openTestDatabase('pglite');
    await seedWebData(handle);
    const app = createTestApp(handle);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await handle?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    const page = await browser.newPage({ viewport });
    const problems = await watch(page);
    const response = await page.goto(`${base}${path}`);
    return { page, problems, status: response?.status() ?? 0 };
  }

  const PAGES: [string, string][] = [
    ['/', 'queue'],
    ['/proposals/demo-dao/community/101', 'proposal'],
    ['/meetings', 'meetings'],
    ['/funding', 'funding'],
    ['/people/orla-brennan', 'person'],
    ['/search?q=hosting', 'search'],
    ['/status', 'status'],
    ['/nothing/here', 'not-found'],
  ];

  test.each(PAGES)('%s loads without console errors and is screenshotted', async (path, name) => {
    const { page, problems, status } = await open(path);
    expect(status).toBe(name === 'not-found' ? 404 : 200);
    await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-phone.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect([path, overflow <= 1]).toEqual([path, true]);
    expect(problems.filter((p) => !(name === 'not-found' && p.includes('404')))).toEqual([]);
    await page.close();
  });

  test('a meeting page loads, jumps to a timestamp and is screenshotted', async () => {
    const { page, problems } = await open('/meetings?group=committee-steering');
    await page.getByRole('link', { name: 'Steering Committee Meeting #31' }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    await page.getByRole('navigation', { name: 'Jump to a time' }).getByRole('link', { name: '00:09:30' }).click();
    expect(page.url()).toMatch(/#t-00-09-30$/);
    expect(await page.locator('#t-00-09-30 mark a').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/meeting.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('filters and sorting work by clicking, and the URL keeps them', async () => {
    const { page, problems } = await open('/');
    await page.getByLabel('Status').selectOption('passed');
    await page.waitForURL(/status=passed/);
    expect(await page.locator('a.proposal-link').allTextContents()).toEqual(['Provider onboarding toolkit, phase 2']);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.getByRole('checkbox', { name: 'Awaiting proposer' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/awaiting-proposer=1/);
    const titles = await page.locator('a.proposal-link').allTextContents();
    expect(titles).toContain('Lumen Explorer: an open network analytics dashboard');
    expect(titles).not.toContain('Tidepool: a decentralised inference gateway');
    await page.getByRole('link', { name: /^Open questions/ }).click();
    await page.waitForURL(/sort=questions/);
    expect(page.url()).toContain('awaiting-proposer=1');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('pagination works by clicking', async () => {
    const { page, problems } = await open('/?perPage=5&sort=number&dir=asc');
    expect(await page.locator('a.proposal-link').count()).toBe(5);
    await page.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('a.proposal-link').count()).toBe(4);
    expect(await page.locator('.result-count').textContent()).toContain('Showing 6–9 of 9');
    await page.getByRole('link', { name: 'Page 1' }).click();
    await page.waitForURL((url) => !url.search.includes('page='));
    expect(await page.locator('a.proposal-link').count()).toBe(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the keyboard reaches the skip link first and focus is visible', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.text).toBe('Skip to content');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });

  test('every internal link on the main pages resolves', async () => {
    const seen = new Set<string>();
    const broken: string[] = [];
    for (const [path] of PAGES.slice(0, 7)) {
      const { page } = await open(path);
      const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
      await page.close();
      for (const href of hrefs) {
        const target = href.split('#')[0] ?? '';
        if (!target || seen.has(target)) continue;
        seen.add(target);
        const response = await fetch(`${base}${target}`, { headers: { accept: 'text/html' } });
        if (response.status !== 200) broken.push(`${path} → ${href}: ${response.status}`);
      }
    }
    expect(seen.size).toBeGreaterThan(30);
    expect(broken).toEqual([]);
  });

  test('hostile titles, bodies, comments and meeting notes run no script', async () => {
    const meetings = await fetch(`${base}/meetings?group=sig-chaos`).then((r) => r.text());
    const meetingPath = /href="(\/meetings\/\d+)"/.exec(meetings)?.[1];
    expect(meetingPath).toBeDefined();
    const paths = [`/proposals/demo-dao/community/${HOSTILE_NUMBER}`, meetingPath!, '/search?q=xsspayload', '/', '/people/mallory', '/funding', '/status'];
    for (const path of paths) {
      const { page, problems } = await open(path);
      await page.waitForLoadState('load');
      // Hover and focus everything a payload might hang on.
      for (const element of (await page.locator('.prose *, .turn *, .label, h1, mark a').all()).slice(0, 25)) await element.hover({ timeout: 100 }).catch(() => undefined);
      const state = await page.evaluate(() => {
        const w = window as unknown as { __xssCalls: number[]; __cspViolations: string[] };
        const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`));
        const badLinks = [...document.querySelectorAll('a[href], img[src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
          .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url));
        const foreign = [...document.querySelectorAll('main script, main iframe, main object, main embed, main style, .prose svg, .turn svg')].map((el) => el.tagName);
        return { calls: w.__xssCalls, csp: w.__cspViolations, handlers, badLinks, foreign };
      });
      expect({ path, ...state, problems }).toEqual({ path, calls: [], csp: [], handlers: [], badLinks: [], foreign: [], problems: [] });
      if (path.startsWith('/proposals/')) {
        expect(await page.locator('h1').textContent()).toBe('xsspayload <script>__xss(8)</script><img src=x onerror=__xss(9)> "quoted" & more');
        // Clicking the would-be javascript: link text does nothing either.
        await page.getByText('click me').first().click();
        await page.screenshot({ path: `${ARTIFACTS}/xss-proposal.png`, fullPage: true });
        expect(await page.evaluate(() => (window as unknown as { __xssCalls: number[] }).__xssCalls)).toEqual([]);
      }
      await page.close();
    }
  });

  test('the payload detector works: a page that does run a payload is caught', async () => {
    const page = await browser.newPage();
    await watch(page);
    await page.route(`${base}/__probe`, (route) => route.fulfill({ contentType: 'text/html', body: '<img src="x" onerror="__xss(99)">' }));
    await page.goto(`${base}/__probe`);
    await page.waitForFunction(() => (window as unknown as { __xssCalls: number[] }).__xssCalls.length > 0, undefined, { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { __xssCalls: number[] }).__xssCalls)).toEqual([99]);
    await page.close();
  });
});
