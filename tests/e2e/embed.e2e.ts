/**
 * The atlas inside someone else's article: the built atlas served from a sub-folder under a strict
 * Content-Security-Policy; an article on a second origin pastes the snippet from the Share dialog; a
 * third origin plays the stranger. Checks sizing, host messages both ways, and what is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { launch, mapReady, useWebgl, watch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

const PREFIX = '/news/atlas/';
/** What a careful news site would send: nothing inline, nothing eval'd, nothing from elsewhere. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

let browser: Browser;
let atlas: Served;
let article: Served;
let stranger: Served;
const articleRoutes: Record<string, [string, string]> = {};
const strangerRoutes: Record<string, [string, string]> = {};

beforeAll(async () => {
  const dist = resolve(import.meta.dirname, '../../dist');
  atlas = await serve({ root: dist, prefix: PREFIX, gzip: true, headers: { 'content-security-policy': CSP } });
  article = await serve({ root: dist, prefix: '/nothing-here/', routes: articleRoutes });
  stranger = await serve({ root: dist, prefix: '/nothing-here/', routes: strangerRoutes });
  strangerRoutes['/stranger.html'] = ['text/html; charset=utf-8', '<!doctype html><link rel="icon" href="data:,"><title>stranger</title><p>stranger</p>'];
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([atlas?.close(), article?.close(), stranger?.close()]);
});

/** The snippet exactly as the Share dialog gives it to a journalist. */
async function snippetFor(query: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${atlas.url}${query}`);
  const share = page.getByRole('button', { name: 'Share / embed' });
  await share.click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
  const snippet = await dialog.getByRole('textbox', { name: 'Embed code for an article' }).inputValue();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Share / embed');
  await page.close();
  return snippet;
}

/** An article page on the second origin: the snippet, a stranger's frame, and a log of what the atlas says. */
function articleHtml(snippet: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title>
<script>
  window.heard = [];
  addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(atlas.origin)}) heard.push(e.data); });
</script></head>
<body style="margin:0;font:16px sans-serif"><h1>Russia in Libya</h1><p>Story text before the map.</p>
${snippet}
<p>Story text after the map.</p>
<iframe id="stranger" src="${stranger.origin}/stranger.html" width="50" height="50"></iframe>
</body></html>`;
}

interface Embedded {
  page: Page;
  frame: FrameLocator;
  atlasFrame: Frame;
  errors: string[];
  foreign: string[];
}

async function openArticle(snippet: string, width = 420, waitReady = true): Promise<Embedded> {
  const path = `/article-${Math.random().toString(36).slice(2)}.html`;
  articleRoutes[path] = ['text/html; charset=utf-8', articleHtml(snippet)];
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const w = watch(page, [atlas.origin, article.origin, stranger.origin]);
  await page.goto(`${article.origin}${path}`);
  const frame = page.frameLocator('iframe[data-atlas]');
  await frame.getByRole('slider', { name: 'Time' }).waitFor();
  const atlasFrame = page.frames().find((f) => f.url().startsWith(atlas.url))!;
  await atlasFrame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
  if (waitReady) await page.waitForFunction(() => (window as unknown as { heard: { type: string }[] }).heard.some((m) => m.type === 'atlas:ready'));
  return { page, frame, atlasFrame, errors: w.errors, foreign: w.foreign };
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Record<string, unknown>[] }).heard);
const send = (page: Page, data: unknown) =>
  page.evaluate((d) => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage(d, '*'), data);
const statusOf = (f: FrameLocator) => f.getByRole('status').first().textContent();
const timeOf = (f: FrameLocator) => f.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext');

async function heights(e: Embedded) {
  const frameHeight = await e.page.locator('iframe[data-atlas]').evaluate((el) => el.getBoundingClientRect().height);
  const content = await e.atlasFrame.evaluate(() => document.body.getBoundingClientRect().height);
  return { frameHeight, content };
}

describe('the build from a sub-folder under a strict CSP', () => {
  it('draws the map with zero console errors and zero requests to other hosts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const w = watch(page, [atlas.origin]);
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { violations: string[] }).violations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${atlas.url}?date=2019-04&place=benghazi`);
    await mapReady(page);
    // The zoomable map (MapLibre, its worker and its chunk) loads when the reader zooms.
    await useWebgl(page);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(await page.getByRole('region', { name: 'Benghazi' }).isVisible()).toBe(true);
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });
});

describe('Back and Forward', () => {
  it('walk through the reader\'s steps: key steps, places, layers, language', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${atlas.url}?date=1960-01`);
    await mapReady(page);
    const slider = page.getByRole('slider', { name: 'Time' });
    const time = () => slider.getAttribute('aria-valuetext');
    const pause = () => page.waitForTimeout(1100);
    await slider.focus();
    await pause();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await pause();
    await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Benghazi', exact: true }).click();
    await pause();
    await page.getByRole('checkbox', { name: 'Diplomacy with Moscow' }).uncheck();
    await pause();
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.url()).toContain('lang=ru');

    await page.goBack();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('checkbox', { name: 'Diplomacy with Moscow' }).isChecked()).toBe(false);
    await page.goBack();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Diplomacy with Moscow' }).isChecked()).toBe(true);
    expect(await page.getByRole('region', { name: 'Benghazi' }).isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.getByRole('region', { name: 'Benghazi' }).count()).toBe(0);
    // Two quick key steps are one step back.
    expect(await time()).toBe('January 1962');
    await page.goBack();
    await expect.poll(time).toBe('January 1960');
    await page.goForward();
    await expect.poll(time).toBe('January 1962');
    await page.close();
  });
});

describe('embedded in an article on another origin', () => {
  let snippet: string;

  it('the Share dialog gives an iframe with a title and the sizing script from the atlas folder', async () => {
    snippet = await snippetFor('?date=1960-01');
    expect(snippet).toContain(`src="${atlas.url}?date=1960-01&amp;embed=1"`);
    expect(snippet).toContain('title="Libya–Russia Atlas"');
    expect(snippet).toContain(`<script src="${atlas.url}embed.js" async></script>`);
  });

  it('sizes itself to its content, also when the content grows', async () => {
    const e = await openArticle(snippet);
    await expect.poll(async () => {
      const h = await heights(e);
      return Math.abs(h.frameHeight - h.content);
    }).toBeLessThanOrEqual(2);
    const before = (await heights(e)).frameHeight;
    expect(before).not.toBe(760);
    await e.frame.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Benghazi', exact: true }).click();
    await expect.poll(async () => (await heights(e)).frameHeight).toBeGreaterThan(before + 50);
    await expect.poll(async () => {
      const h = await heights(e);
      return Math.abs(h.frameHeight - h.content);
    }).toBeLessThanOrEqual(2);
    expect(e.errors).toEqual([]);
    expect(e.foreign).toEqual([]);
    await e.page.close();
  });

  it('embed mode: an "Open the full atlas" link to the same view, cooperative gestures, fits 300 px', async () => {
    const e = await openArticle(snippet, 300);
    const link = e.frame.getByRole('link', { name: /Open the full atlas/ });
    expect(await link.getAttribute('href')).toBe(`${atlas.url}?date=1960-01`);
    expect(await link.getAttribute('target')).toBe('_blank');
    // A wheel over the map scrolls the article; the zoomable map, once the reader asks for it, is cooperative too.
    await e.atlasFrame.getByRole('button', { name: 'Zoom in' }).click();
    await e.atlasFrame.locator('.maplibregl-cooperative-gesture-screen').waitFor({ state: 'attached', timeout: 45_000 });
    const overflow = await e.atlasFrame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('the article sets the date, place and layers; the status text follows; nothing is echoed back', async () => {
    const e = await openArticle(snippet);
    const in1960 = await statusOf(e.frame);
    expect(await timeOf(e.frame)).toBe('January 1960');
    await send(e.page, { type: 'atlas:set', version: 1, date: '2019-04', place: 'tripoli', layers: ['control'] });
    await expect.poll(() => timeOf(e.frame)).toBe('April 2019');
    await expect.poll(() => statusOf(e.frame)).not.toBe(in1960);
    await expect.poll(() => e.frame.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    expect(await e.frame.getByRole('checkbox', { name: 'Foreign forces' }).isChecked()).toBe(false);
    await e.page.waitForTimeout(300);
    expect((await heard(e.page)).filter((m) => m['type'] === 'atlas:date' || m['type'] === 'atlas:place')).toEqual([]);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('tells the article when the reader opens a place or changes the date', async () => {
    const e = await openArticle(snippet);
    const ready = (await heard(e.page)).find((m) => m['type'] === 'atlas:ready');
    expect(ready).toEqual({ type: 'atlas:ready', version: 1, date: '1960-01', place: null, layers: ['control', 'presence', 'diplomacy'], lang: 'en' });
    const steps = await e.page.evaluate(() => history.length);
    await e.frame.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Benghazi', exact: true }).click();
    await expect.poll(() => heard(e.page)).toContainEqual({ type: 'atlas:place', version: 1, place: 'benghazi' });
    // The article's Back button leaves the article; it does not rewind the embedded map.
    expect(await e.page.evaluate(() => history.length)).toBe(steps);
    await e.frame.getByRole('slider', { name: 'Time' }).focus();
    await e.page.keyboard.press('PageUp');
    await expect.poll(() => heard(e.page)).toContainEqual({ type: 'atlas:date', version: 1, date: '1961-01' });
    expect((await heard(e.page)).every((m) => m['version'] === 1)).toBe(true);
    await e.page.close();
  });

  it('ignores malformed messages and messages from strangers', async () => {
    const e = await openArticle(snippet);
    const status = await statusOf(e.frame);
    const bad: unknown[] = [
      'atlas:set date=2019-04',
      null,
      { type: 'atlas:set', date: '2019-04' },
      { type: 'atlas:set', version: 2, date: '2019-04' },
      { type: 'atlas:jump', version: 1, date: '2019-04' },
      { type: 'atlas:set', version: 1, date: '2019-13' },
      { type: 'atlas:set', version: 1, date: '2019-04', place: '<img src=x onerror=alert(1)>' },
      { type: 'atlas:set', version: 1, layers: ['control', 'tanks'] },
      { type: 'atlas:set', version: 1, date: { year: 2019 } },
    ];
    for (const m of bad) await send(e.page, m);
    // A third origin's frame on the same page talks to the atlas directly.
    const strangerFrame = e.page.frames().find((f) => f.url().startsWith(stranger.origin))!;
    await strangerFrame.evaluate(() => parent.frames[0]!.postMessage({ type: 'atlas:set', version: 1, date: '2019-04', place: 'tripoli' }, '*'));
    await e.page.waitForTimeout(600);
    expect(await timeOf(e.frame)).toBe('January 1960');
    expect(await statusOf(e.frame)).toBe(status);
    expect(await e.frame.getByRole('region', { name: 'Tripoli' }).count()).toBe(0);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('with origin= set, only that origin may drive the atlas', async () => {
    const wrong = snippet.replace('embed=1', `embed=1&amp;origin=${encodeURIComponent(stranger.origin)}`);
    const right = snippet.replace('embed=1', `embed=1&amp;origin=${encodeURIComponent(article.origin)}`);
    // The atlas answers only the configured origin, so this article never even hears "ready".
    const ignored = await openArticle(wrong, 420, false);
    await ignored.page.waitForTimeout(500);
    await send(ignored.page, { type: 'atlas:set', version: 1, date: '2019-04' });
    await ignored.page.waitForTimeout(500);
    expect(await timeOf(ignored.frame)).toBe('January 1960');
    expect(await heard(ignored.page)).toEqual([]);
    await ignored.page.close();

    const e = await openArticle(right);
    await send(e.page, { type: 'atlas:set', version: 1, date: '2019-04' });
    await expect.poll(() => timeOf(e.frame)).toBe('April 2019');
    await e.page.close();
  });
});
