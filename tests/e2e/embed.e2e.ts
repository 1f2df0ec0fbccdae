/**
 * The atlas inside someone else's article: the built atlas served from a sub-folder under a strict
 * Content-Security-Policy; an article on a second origin pastes the snippet from the Share dialog; a
 * third origin plays the stranger. Checks sizing, host messages both ways, and what is ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { mapReady, nextFrames, pixelsOf, settled, useWebgl, watch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import { releaseBuild } from '../../scripts/lib/releases.ts';
import { readTree } from '../../scripts/validate/disk.ts';
import { frameProjection } from '../../src/lib/map/frame.ts';
import { IMAGE_SIZES } from '../../src/lib/map/image.ts';

const PREFIX = '/news/atlas/';
/** The Share dialog pins the embed to the release the build shows (issue 15); none while data/ has unreleased changes. */
const current = releaseBuild(readTree(resolve(import.meta.dirname, '../..'))).stamp.current;
const PIN = current ? `&amp;release=${current}` : '';
/** What a careful news site would send: nothing inline, nothing eval'd, nothing from elsewhere. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  // The Share dialog measures the embed's height in a hidden frame of the atlas itself.
  "frame-src 'self'",
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

/** What a journalist may set in the Share dialog before copying the snippet. */
interface DialogChoices {
  title?: string;
  caption?: string;
  minimal?: boolean;
  fixed?: boolean;
  lang?: 'en' | 'ar' | 'ru';
  theme?: 'Light' | 'Dark' | 'The reader’s setting (light or dark)';
  transparent?: boolean;
}

/** The snippet exactly as the Share dialog gives it to a journalist, once its height is measured. */
async function snippetFor(query: string, choices: DialogChoices = {}): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${atlas.url}${query}`);
  const share = page.getByRole('button', { name: 'Share / embed' });
  await share.click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
  if (choices.title !== undefined) await dialog.getByRole('textbox', { name: /^Title/ }).fill(choices.title);
  if (choices.caption !== undefined) await dialog.getByRole('textbox', { name: /^Caption/ }).fill(choices.caption);
  if (choices.minimal) await dialog.getByRole('checkbox', { name: /^Minimal/ }).check();
  if (choices.fixed) await dialog.getByRole('checkbox', { name: /^Fixed date/ }).check();
  if (choices.lang) await dialog.getByRole('combobox', { name: 'Language of the embed' }).selectOption(choices.lang);
  if (choices.theme) await dialog.getByRole('combobox', { name: 'Theme' }).selectOption({ label: choices.theme });
  if (choices.transparent) await dialog.getByRole('checkbox', { name: /^Transparent background/ }).check();
  const field = dialog.getByRole('textbox', { name: 'Embed code for an article' });
  // The dialog measures the embed in a hidden 720 px frame and writes that height into the snippet.
  await expect.poll(() => field.getAttribute('data-height-state'), { timeout: 45_000 }).toBe('measured');
  // …and draws the picture of the view for readers without JavaScript.
  await expect.poll(() => field.getAttribute('data-picture-state'), { timeout: 45_000 }).toBe('ready');
  const snippet = await field.inputValue();
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Share / embed');
  await page.close();
  return snippet;
}

/** An article page on the second origin: the snippet, a stranger's frame, and a log of what the atlas says. */
function articleHtml(snippet: string, bodyStyle = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title>
<script>
  window.heard = [];
  addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(atlas.origin)}) heard.push(e.data); });
</script></head>
<body style="margin:0;font:16px sans-serif;${bodyStyle}"><h1>Russia in Libya</h1><p>Story text before the map.</p>
${snippet}
<p>Story text after the map.</p>
<div style="height:3000px">More of the story.</div>
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

async function openArticle(snippet: string, width = 420, waitReady = true, height = 900, bodyStyle = ''): Promise<Embedded> {
  const path = `/article-${Math.random().toString(36).slice(2)}.html`;
  articleRoutes[path] = ['text/html; charset=utf-8', articleHtml(snippet, bodyStyle)];
  const page = await browser.newPage({ viewport: { width, height } });
  const w = watch(page, [atlas.origin, article.origin, stranger.origin]);
  await page.goto(`${article.origin}${path}`);
  const frame = page.frameLocator('iframe[data-atlas]');
  await frame.getByTestId('credit-line').waitFor();
  const atlasFrame = page.frames().find((f) => f.url().startsWith(atlas.url))!;
  await atlasFrame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
  if (waitReady) await page.waitForFunction(() => (window as unknown as { heard: { type: string }[] }).heard.some((m) => m.type === 'atlas:ready'));
  return { page, frame, atlasFrame, errors: w.errors, foreign: w.foreign };
}

// What the atlas said (the tests' own `test:` probes and markers left out: browser.ts, settled).
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: Record<string, unknown>[] }).heard.filter((m) => !String(m['type']).startsWith('test:')));
const send = (page: Page, data: unknown) =>
  page.evaluate((d) => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage(d, '*'), data);
const statusOf = (f: FrameLocator) => f.getByRole('status').first().textContent();
const timeOf = (f: FrameLocator) => f.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext');

/** A place's button on the map (the WebGL map's marker, or the SVG map's when WebGL is missing). */
const marker = (e: Embedded, id: string) => e.frame.locator(`[data-place="${id}"]`).first();

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
    await nextFrames(page);
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
    // The page's clock is Playwright's, so a pause (the history's "after a pause": over 1 s) is a jump, not a wait.
    await page.clock.install();
    await page.goto(`${atlas.url}?date=1960-01`);
    await mapReady(page);
    const slider = page.getByRole('slider', { name: 'Time' });
    const time = () => slider.getAttribute('aria-valuetext');
    const pause = () => page.clock.fastForward(1100);
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
    expect(snippet).toContain(`src="${atlas.url}?date=1960-01&amp;embed=1${PIN}"`);
    expect(snippet).toContain('title="Libya–Russia Atlas"');
    expect(snippet).toContain(`<script src="${atlas.url}embed.js" async></script>`);
  });

  it('sizes itself to its content; an open place stays inside the same bounds', async () => {
    const e = await openArticle(snippet);
    await expect.poll(async () => {
      const h = await heights(e);
      return Math.abs(h.frameHeight - h.content);
    }).toBeLessThanOrEqual(2);
    const before = (await heights(e)).frameHeight;
    await marker(e, 'benghazi').click();
    await expect.poll(() => e.frame.getByRole('region', { name: 'Benghazi' }).isVisible()).toBe(true);
    expect((await heights(e)).frameHeight).toBeLessThanOrEqual(before + 2);
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
    const link = e.frame.getByRole('link', { name: /open the full atlas/i });
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
    expect(await e.atlasFrame.evaluate(() => new URLSearchParams(location.search).get('layers'))).toBe('control');
    await settled(e.page, e.atlasFrame);
    expect((await heard(e.page)).filter((m) => m['type'] === 'atlas:date' || m['type'] === 'atlas:place')).toEqual([]);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('tells the article when the reader opens a place or changes the date', async () => {
    const e = await openArticle(snippet);
    const ready = (await heard(e.page)).find((m) => m['type'] === 'atlas:ready');
    expect(ready).toEqual({ type: 'atlas:ready', version: 1, date: '1960-01', place: null, layers: ['control', 'presence', 'diplomacy'], lang: 'en' });
    const steps = await e.page.evaluate(() => history.length);
    await marker(e, 'benghazi').click();
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
    await settled(e.page, e.atlasFrame);
    await settled(e.page, e.atlasFrame, (m) => strangerFrame.evaluate((d) => parent.frames[0]!.postMessage(d, '*'), m));
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
    await settled(ignored.page, ignored.atlasFrame);
    await send(ignored.page, { type: 'atlas:set', version: 1, date: '2019-04' });
    await settled(ignored.page, ignored.atlasFrame);
    expect(await timeOf(ignored.frame)).toBe('January 1960');
    expect(await heard(ignored.page)).toEqual([]);
    await ignored.page.close();

    const e = await openArticle(right);
    await send(e.page, { type: 'atlas:set', version: 1, date: '2019-04' });
    await expect.poll(() => timeOf(e.frame)).toBe('April 2019');
    await e.page.close();
  });
});

/** The height budget of issue 10: at most 900 px, and at most 1.2 viewport heights on a phone. */
const budget = (viewportHeight: number) => Math.min(900, 1.2 * viewportHeight);
const hostState = (page: Page) =>
  page.evaluate(() => ({ scrollY: window.scrollY, active: document.activeElement?.tagName ?? '', hasFocus: document.hasFocus() }));
const frameBox = (e: Embedded) => e.page.locator('iframe[data-atlas]').boundingBox().then((b) => b!);

describe('a graphics desk embeds ?date=2020-06&place=jufra with the snippet from the Share dialog', () => {
  let snippet: string;
  const VIEWPORTS = [
    { width: 390, height: 844 },
    { width: 720, height: 900 },
    { width: 1200, height: 900 },
  ];

  it('the snippet carries the measured height and the sandbox tokens', async () => {
    snippet = await snippetFor('?date=2020-06&place=jufra');
    expect(snippet).toContain(`src="${atlas.url}?date=2020-06&amp;place=jufra&amp;embed=1${PIN}"`);
    expect(snippet).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"');
    expect(Number(/height="(\d+)"/.exec(snippet)?.[1])).toBeLessThanOrEqual(900);
  });

  for (const vp of VIEWPORTS) {
    it(`at ${vp.width} px: within the height budget, no scroll or focus grab on load and on atlas:set, the credit line`, async () => {
      const e = await openArticle(snippet, vp.width, true, vp.height);
      await expect.poll(() => e.frame.getByRole('region', { name: 'al-Jufra air base' }).isVisible()).toBe(true);
      await expect.poll(async () => Math.abs((await heights(e)).frameHeight - (await heights(e)).content)).toBeLessThanOrEqual(2);
      const atLoad = (await heights(e)).frameHeight;
      expect(atLoad).toBeLessThanOrEqual(budget(vp.height));
      expect(await hostState(e.page)).toMatchObject({ scrollY: 0, active: 'BODY' });

      await send(e.page, { type: 'atlas:set', version: 1, place: 'tripoli' });
      await expect.poll(() => e.frame.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
      // embed.js has sized the frame to its content again.
      await expect.poll(async () => Math.abs((await heights(e)).frameHeight - (await heights(e)).content)).toBeLessThanOrEqual(2);
      await settled(e.page, e.atlasFrame);
      expect((await heights(e)).frameHeight).toBeLessThanOrEqual(budget(vp.height));
      expect(await hostState(e.page)).toMatchObject({ scrollY: 0, active: 'BODY' });

      const credit = e.frame.getByTestId('credit-line');
      expect(await credit.isVisible()).toBe(true);
      expect(await credit.textContent()).toMatch(/Libya–Russia Atlas\s*·\s*data as of [\w ,]+\d{4}\s*·\s*sources for every record\s*·\s*how this atlas is made\s*·\s*open the full atlas/);
      expect(await credit.locator('[data-as-of]').getAttribute('data-as-of')).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(e.errors).toEqual([]);
      expect(e.foreign).toEqual([]);
      await e.page.close();
    });
  }

  it('the snippet\'s height is within 5 % of the embed\'s real height in a 720 px column', async () => {
    const said = Number(/height="(\d+)"/.exec(snippet)?.[1]);
    // embed.js is left out: the iframe keeps the snippet's height, as when the script is blocked or late.
    const bare = snippet.replace(/<script[^>]*><\/script>/, '');
    const e = await openArticle(bare, 720);
    const real = (await heights(e)).content;
    expect(Math.abs(said - real) / real).toBeLessThanOrEqual(0.05);
    expect((await heights(e)).frameHeight).toBe(said);
    await e.page.close();
  });

  it('the reader opens Tripoli inside at 390 px: the focus moves into the panel, the article does not move', async () => {
    const e = await openArticle(snippet, 390, true, 844);
    await e.frame.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => e.frame.getByRole('region', { name: 'al-Jufra air base' }).count()).toBe(0);
    await marker(e, 'tripoli').click();
    const panel = e.frame.getByRole('region', { name: 'Tripoli' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await expect.poll(() => e.atlasFrame.evaluate(() => !!document.activeElement?.closest('[data-testid="place-panel"]'))).toBe(true);
    expect((await hostState(e.page)).scrollY).toBe(0);
    expect((await heights(e)).frameHeight).toBeLessThanOrEqual(budget(844));
    await e.page.close();
  });

  for (const vp of [VIEWPORTS[0]!, VIEWPORTS[2]!]) {
    it(`at ${vp.width} px the wheel over the map, and over the panel at its end, scrolls the article`, async () => {
      const e = await openArticle(snippet, vp.width, true, vp.height);
      await expect.poll(() => e.frame.getByRole('region', { name: 'al-Jufra air base' }).isVisible()).toBe(true);
      const frame = await frameBox(e);
      const inFrame = async (selector: string) => {
        const r = await e.atlasFrame.locator(selector).first().evaluate((el) => {
          const b = el.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + Math.min(b.height / 2, 80) };
        });
        return { x: frame.x + r.x, y: frame.y + r.y };
      };

      // Over the map (its upper part: the sheet covers the lower part on a phone).
      const map = await e.atlasFrame.locator('.map-wrap').evaluate((el) => {
        const b = el.getBoundingClientRect();
        return { x: b.x + b.width * 0.3, y: b.y + 30 };
      });
      await e.page.mouse.move(frame.x + map.x, frame.y + map.y);
      await e.page.mouse.wheel(0, 400);
      await expect.poll(() => e.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

      // Over the panel: the wheel scrolls the panel to its end, and then the article scrolls on. (As a
      // reader does it: a scrollTop set by script can sit a fraction of a pixel past the end, which the
      // next turn of the wheel corrects instead of passing on.)
      await e.page.evaluate(() => window.scrollTo(0, 0));
      const panel = await inFrame('[data-testid="panel-area"]');
      await e.page.mouse.move(panel.x, panel.y);
      const left = () => e.atlasFrame.locator('[data-testid="panel-area"]').evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
      let turns = 0;
      while ((await e.page.evaluate(() => window.scrollY)) === 0 && turns < 40) {
        await e.page.mouse.wheel(0, 400);
        await nextFrames(e.page);
        turns++;
      }
      expect(turns).toBeGreaterThan(1);
      expect(await e.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      expect(await left()).toBeLessThanOrEqual(1);
      await e.page.close();
    });
  }
});

describe('a journalist\'s options in the Share dialog', () => {
  it('a dark, transparent embed in a dark article: the article\'s colour shows around the map, no backdrop, no flash', async () => {
    const snippet = await snippetFor('?date=2019-06', { theme: 'Dark', transparent: true });
    expect(snippet).toContain('theme=dark');
    expect(snippet).toContain('bg=transparent');
    expect(snippet).toContain('color-scheme:dark');
    // A dark article page that declares it is dark, as a dark-mode article does.
    const e = await openArticle(snippet, 720, true, 900, 'background:#1b2a3a;color:#eee;color-scheme:dark');
    const frame = (await e.page.locator('iframe[data-atlas]').boundingBox())!;
    const map = await e.atlasFrame.locator('.map-wrap').evaluate((el) => { const b = el.getBoundingClientRect(); return { x: b.x, y: b.y }; });
    const shot = await e.page.screenshot();
    const reader = await browser.newPage();
    const [padding, sea] = (await pixelsOf(reader, shot, [[frame.x + 3, frame.y + 3], [frame.x + map.x + 4, frame.y + map.y + 4]])).colours;
    await reader.close();
    // The embed's own padding, top left: the article's colour. The map keeps its colours (its sea).
    expect(padding).toEqual([0x1b, 0x2a, 0x3a]);
    expect(sea).not.toEqual([0x1b, 0x2a, 0x3a]);
    // Its words are light on the dark article.
    expect(await e.atlasFrame.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(236, 236, 236)');
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('title and caption stay plain text; minimal chrome has no language, Data or Share buttons; a fixed date has no slider', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Wagner & co';
    const snippet = await snippetFor('?date=2020-06', { title: hostile, caption: 'Who held what, <b>June 2020</b>', minimal: true, fixed: true });
    expect(snippet).toContain('title="&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;Wagner &amp; co"');
    // The only markup is the snippet's own: the picture for readers without JavaScript.
    expect(snippet.replace(/\n<noscript>.*<\/noscript>/, '')).not.toContain('<img');
    expect(snippet.match(/<img /g)).toHaveLength(1);
    expect(snippet).not.toContain('onerror="');
    const e = await openArticle(snippet, 720);
    expect(await e.frame.getByRole('heading', { level: 1 }).textContent()).toBe(hostile);
    expect(await e.frame.getByText('Who held what, <b>June 2020</b>').isVisible()).toBe(true);
    expect(await e.atlasFrame.evaluate(() => ({ imgs: document.querySelectorAll('header img, header b').length, pwned: (window as unknown as { __pwned?: number }).__pwned }))).toEqual({ imgs: 0, pwned: undefined });
    expect(await e.frame.getByRole('slider', { name: 'Time' }).count()).toBe(0);
    expect(await e.frame.getByTestId('fixed-date').textContent()).toBe('June 2020');
    for (const name of ['English', 'Русский', 'Share / embed', 'Data']) expect(await e.frame.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await e.frame.getByTestId('credit-line').isVisible()).toBe(true);
    // The options survive the URL the atlas writes as the reader moves.
    await marker(e, 'tripoli').click();
    await expect.poll(() => e.atlasFrame.evaluate(() => location.search)).toContain('place=tripoli');
    expect(await e.atlasFrame.evaluate(() => new URLSearchParams(location.search).get('chrome'))).toBe('minimal');
    await e.page.close();
  });

  it('a reader without JavaScript sees the picture of the embed\'s view in its place, described in words and linked to the atlas', async () => {
    const snippet = await snippetFor('?date=2011-08&place=tripoli', { lang: 'ar' });
    expect(snippet).toMatch(/<noscript><style>iframe\[data-atlas\]\[src="[^"<]+"\]\{display:none\}<\/style><figure [^>]*><a href="[^"]+"><img src="data:image\/webp;base64,[A-Za-z0-9+/=]+" width="720" height="405" alt="[^"]+"/);
    const path = `/article-nojs-${Math.random().toString(36).slice(2)}.html`;
    articleRoutes[path] = ['text/html; charset=utf-8', articleHtml(snippet)];

    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await nojs.newPage();
    await page.goto(`${article.origin}${path}`);
    const picture = page.locator('noscript img');
    await picture.waitFor();
    // In the frame's place: the whole column wide, the social card's shape, and no frame that could only say "needs JavaScript".
    const box = (await picture.boundingBox())!;
    expect(Math.round(box.width)).toBe(390);
    expect(Math.abs(box.height - (390 * 405) / 720)).toBeLessThan(2);
    expect(await page.locator('iframe[data-atlas]').isVisible()).toBe(false);
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720);
    // The view in words under it, readable on a phone, in the embed's language (the alt text names the
    // map and its month and points to them), and a link to the full atlas at the same view.
    const alt = (await picture.getAttribute('alt'))!;
    expect(alt).toContain(new Intl.DateTimeFormat('ar-LY', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2011, 7)));
    const caption = page.locator('noscript figcaption');
    expect(await caption.isVisible()).toBe(true);
    expect(await caption.textContent()).toContain('طرابلس');
    expect(await caption.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect((await caption.boundingBox())!.y).toBeGreaterThan(box.y + box.height - 1);
    const href = new URL((await page.locator('noscript a').getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe(atlas.url);
    expect(Object.fromEntries(href.searchParams)).toMatchObject({ date: '2011-08', place: 'tripoli', lang: 'ar' });
    expect(href.searchParams.has('embed')).toBe(false);
    const src = (await picture.getAttribute('src'))!;
    await nojs.close();

    // Its map shows the colours the atlas shows for August 2011 at the same places.
    const reader = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await reader.goto(`${atlas.url}?date=2011-08&layers=control`);
    await mapReady(reader);
    const stage = (await reader.locator('[data-testid="svg-map"]').boundingBox())!;
    const screen = frameProjection(stage.width, stage.height);
    const places: [number, number][] = [
      [21.5, 26.5], // Cyrenaica's desert: the NTC
      [13.0, 25.0], // Fezzan: the Jamahiriya
    ];
    const onScreen = await pixelsOf(reader, await reader.screenshot(), places.map(([lng, lat]) => {
      const [x, y] = screen([lng, lat])!;
      return [stage.x + x, stage.y + y];
    }));
    // image.ts's social layout, right to left in Arabic, drawn at 720 px (0.6 of 1,200).
    const { width, height } = IMAGE_SIZES.social;
    const [pad, side, head, foot] = [28, 330, 96, 54];
    const [mapW, mapH] = [width - side - pad * 3, height - head - foot - pad];
    const inImage = frameProjection(mapW, mapH);
    const k = 720 / width;
    const fromImage = await pixelsOf(reader, src, places.map(([lng, lat]) => {
      const [x, y] = inImage([lng, lat])!;
      return [(width - pad - mapW + x) * k, (head + y) * k];
    }));
    expect([fromImage.width, fromImage.height]).toEqual([720, 405]);
    // WebP at quality 0.8 shifts flat colours a little (by up to about 20); the two holders differ by far more.
    fromImage.colours.forEach((c, i) => expect(Math.hypot(...c.map((v, j) => v - onScreen.colours[i]![j]!)), `point ${i}: picture ${c}, screen ${onScreen.colours[i]}`).toBeLessThan(24));
    expect(Math.hypot(...fromImage.colours[0]!.map((v, j) => v - fromImage.colours[1]![j]!))).toBeGreaterThan(40);
    await reader.close();

    // With JavaScript the article shows the embed and no picture.
    const e = await openArticle(snippet, 390, true, 844);
    expect(await e.page.locator('iframe[data-atlas]').isVisible()).toBe(true);
    expect(await e.page.evaluate(() => document.images.length)).toBe(0);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('for an AMP page: the AMP code from the Share dialog, and the atlas asks AMP for its height in AMP\'s own message', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${atlas.url}?date=2020-06&place=jufra`);
    await page.getByRole('button', { name: 'Share / embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await dialog.getByText('For an AMP page', { exact: true }).click();
    const field = dialog.getByRole('textbox', { name: 'Embed code for an AMP page' });
    await expect.poll(() => field.getAttribute('data-height-state'), { timeout: 45_000 }).toBe('measured');
    await expect.poll(() => field.getAttribute('data-picture-state'), { timeout: 45_000 }).toBe('ready');
    const code = await field.inputValue();
    await page.close();
    const lines = code.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^<amp-iframe src="${atlas.url.replace(/[.?]/g, '\\$&')}\\?date=2020-06&amp;place=jufra&amp;embed=1${PIN}&amp;host=amp" title="Libya–Russia Atlas" height="\\d+" layout="fixed-height" resizable frameborder="0"$`));
    expect(lines[2]).toBe('  <div overflow tabindex="0" role="button" aria-label="Show the whole map">Show the whole map</div>');
    expect(lines[3]).toMatch(/^  <amp-img placeholder layout="fill" object-fit="contain" src="data:image\/webp;base64,[A-Za-z0-9+/=]+" alt="Map of Libya in June 2020: [^"]+"><\/amp-img>$/);
    expect(lines.at(-1)).toBe('</amp-iframe>');

    // AMP's runtime comes from cdn.ampproject.org, which this network cannot reach: the article plays
    // amp-iframe's part, listening for the embed-size request it honours.
    const src = lines[0]!.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const e = await openArticle(`<iframe data-atlas src="${src.replace(/&/g, '&amp;')}" width="100%" height="700" style="border:0"></iframe>`, 390, true, 844);
    const asks = async () => (await heard(e.page)).filter((m) => m['sentinel'] === 'amp');
    await expect.poll(async () => (await asks()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    // The atlas's own height messages go on as before, for embed.js.
    expect((await heard(e.page)).some((m) => m['type'] === 'atlas:height')).toBe(true);
    const asked = (await asks()).at(-1);
    const content = await e.atlasFrame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    expect(asked).toEqual({ sentinel: 'amp', type: 'embed-size', height: content });
    await e.page.close();
  });

  it('in Arabic at 390 and 1,200 px, with a place open, the embed stays within the budget', async () => {
    const snippet = await snippetFor('?date=2020-06&place=tripoli', { lang: 'ar' });
    expect(snippet).toContain('lang=ar');
    for (const vp of [{ width: 390, height: 844 }, { width: 1200, height: 900 }]) {
      const e = await openArticle(snippet, vp.width, true, vp.height);
      await expect.poll(() => e.frame.getByRole('region', { name: 'طرابلس' }).isVisible()).toBe(true);
      await expect.poll(async () => Math.abs((await heights(e)).frameHeight - (await heights(e)).content)).toBeLessThanOrEqual(2);
      expect((await heights(e)).frameHeight).toBeLessThanOrEqual(budget(vp.height));
      expect(await e.frame.getByTestId('credit-line').isVisible()).toBe(true);
      expect((await hostState(e.page)).scrollY).toBe(0);
      await e.page.close();
    }
  });
});

describe('the full atlas on a phone', () => {
  it('a link with place= opens at the top: the whole map in view, the place as a bottom sheet over the lower part of the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${atlas.url}?date=2020-06&place=tripoli`);
    await mapReady(page);
    const panel = page.getByRole('region', { name: 'Tripoli' });
    await expect.poll(() => panel.count()).toBe(1);
    await nextFrames(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (sel: string) => page.locator(sel).first().evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const map = await box('.map-wrap');
    const sheet = await box('[data-testid="panel-area"]');
    expect(map.top).toBeGreaterThanOrEqual(0);
    expect(map.bottom).toBeLessThanOrEqual(844);
    // The sheet rises from the bottom of the screen and leaves most of the map above it.
    expect(sheet.bottom).toBeGreaterThanOrEqual(843);
    expect(sheet.top - map.top).toBeGreaterThanOrEqual((map.bottom - map.top) / 2);
    expect(await panel.isVisible()).toBe(true);
    await page.close();
  });
});
