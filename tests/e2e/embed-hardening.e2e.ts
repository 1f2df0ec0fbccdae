/**
 * The origin lock and the embedding code under attack or abuse, each case as a red team found it:
 * a long query, the URL rewritten as the reader moves, a reload, a strict sandbox, DOM clobbering,
 * messages before the atlas is ready, a flood of messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { settled, watch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

const PREFIX = '/news/atlas/';
let browser: Browser;
let atlas: Served;
/** The same build on a host that allows cross-origin reads of its scripts only (as a CORS rule for `*.js` would). */
let scriptCors: Served;
let article: Served;
let stranger: Served;
const routes: Record<string, [string, string]> = {};

beforeAll(async () => {
  const dist = resolve(import.meta.dirname, '../../dist');
  atlas = await serve({ root: dist, prefix: PREFIX, gzip: true });
  scriptCors = await serve({
    root: dist,
    prefix: PREFIX,
    gzip: true,
    headersFor: (file): Record<string, string> => (/\.m?js$/.test(file) ? { 'access-control-allow-origin': '*' } : {}),
  });
  article = await serve({ root: dist, prefix: '/nothing-here/', routes });
  stranger = await serve({ root: dist, prefix: '/nothing-here/', routes: {} });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([atlas?.close(), scriptCors?.close(), article?.close(), stranger?.close()]);
});

interface Opened {
  page: Page;
  frame: Frame;
  errors: string[];
}

/** An article on the second origin with `body` (an iframe of the atlas, scripts…); waits for the atlas to draw. */
async function openArticle(body: string, from: Served = atlas, width = 720): Promise<Opened> {
  const path = `/article-${Math.random().toString(36).slice(2)}.html`;
  routes[path] = [
    'text/html; charset=utf-8',
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title>
<script>
  window.heard = [];
  addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(from.origin)}) heard.push(e.data); });
</script></head><body style="margin:0">${body}</body></html>`,
  ];
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const w = watch(page, [from.origin, article.origin, stranger.origin]);
  await page.goto(`${article.origin}${path}`);
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(from.url)), { timeout: 20_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(from.url))!;
  await frame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
  return { page, frame, errors: w.errors };
}

const iframe = (src: string, extra = '') =>
  `<iframe data-atlas src="${src.replace(/&/g, '&amp;')}" title="Atlas" width="100%" height="760" style="border:0;width:100%" ${extra}></iframe>`;
// What the atlas said (the tests' own `test:` probes and markers left out: browser.ts, settled).
const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: { type: string }[] }).heard.filter((m) => !String(m.type).startsWith('test:')));
const send = (page: Page, data: unknown) =>
  page.evaluate((d) => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage(d, '*'), data);
const timeOf = (frame: Frame) => frame.locator('#atlas-time').getAttribute('aria-valuetext');

describe('the origin lock', () => {
  it('holds with a query over 4,096 characters, and a valid date= in it still counts', async () => {
    const src = `${atlas.url}?date=2019-04&embed=1&origin=${encodeURIComponent(stranger.origin)}&note=${'x'.repeat(5000)}`;
    const e = await openArticle(iframe(src));
    expect(await timeOf(e.frame)).toBe('April 2019');
    await send(e.page, { type: 'atlas:set', version: 1, date: '1960-01' });
    await settled(e.page, e.frame);
    expect(await timeOf(e.frame)).toBe('April 2019');
    // The article is not the origin the embedder named: it hears nothing, not even "ready".
    expect(await heard(e.page)).toEqual([]);
    await e.page.close();
  });

  it('survives the reader\'s steps (the URL rewrite) and a reload of the frame', async () => {
    const src = `${atlas.url}?date=1960-01&embed=1&origin=${encodeURIComponent(stranger.origin)}`;
    const e = await openArticle(iframe(src));
    await e.frame.locator('#atlas-time').focus();
    await e.page.keyboard.press('PageUp');
    await expect.poll(() => e.frame.evaluate(() => location.search)).toContain('date=1961-01');
    expect(await e.frame.evaluate(() => new URLSearchParams(location.search).get('origin'))).toBe(stranger.origin);
    // The old page's "map ready" must not pass for the new one's: it is cleared before the reload.
    await e.frame.evaluate(() => {
      document.documentElement.dataset['mapReady'] = 'reloading';
      location.reload();
    });
    await expect.poll(() => e.frame.evaluate(() => document.documentElement.dataset['mapReady'] ?? '').catch(() => ''), { timeout: 45_000 }).toBe('true');
    expect(await timeOf(e.frame)).toBe('January 1961');
    await send(e.page, { type: 'atlas:set', version: 1, date: '2019-04' });
    await settled(e.page, e.frame);
    expect(await timeOf(e.frame)).toBe('January 1961');
    expect(await heard(e.page)).toEqual([]);
    await e.page.close();
  });
});

describe('embed.js', () => {
  it('keeps sizing the frame when the article has an element whose id is a likely guard name', async () => {
    const clobber = ['__libyaAtlasEmbed', 'libyaAtlasEmbed', 'atlasEmbed'].map((id) => `<a id="${id}" name="${id}"></a>`).join('');
    const e = await openArticle(`${clobber}${iframe(`${atlas.url}?date=1960-01&embed=1`)}<script src="${atlas.url}embed.js" async></script>`);
    const frameHeight = () => e.page.locator('iframe[data-atlas]').evaluate((el) => el.getBoundingClientRect().height);
    const content = () => e.frame.evaluate(() => document.body.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await content())), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await frameHeight()).not.toBe(760);
    await e.page.close();
  });
});

describe('embed.js inserted after the atlas has started (issue 24)', () => {
  it('asks each frame for its height: at 390 px both atlases on the page take their content\'s height', async () => {
    const e = await openArticle(`${iframe(`${atlas.url}?date=2019-04&embed=1`)}<p>Between the two maps.</p>${iframe(`${atlas.url}?date=1970-01&embed=1&lang=ru`)}`, atlas, 390);
    const frames = () => e.page.frames().filter((f) => f.url().startsWith(atlas.url));
    await expect.poll(() => frames().length).toBe(2);
    for (const f of frames()) await f.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
    // Both have said their height already, to a page with nobody listening.
    await expect.poll(() => heard(e.page).then((h) => h.filter((m) => m.type === 'atlas:height').length)).toBeGreaterThanOrEqual(2);
    await e.page.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src;
      document.body.append(s);
    }, `${atlas.url}embed.js`);
    const gaps = async () => {
      const out: number[] = [];
      const boxes = await e.page.locator('iframe[data-atlas]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      const list = frames();
      for (let i = 0; i < list.length; i++) out.push(Math.abs(boxes[i]! - (await list[i]!.evaluate(() => document.body.getBoundingClientRect().height))));
      return Math.max(...out);
    };
    await expect.poll(gaps, { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await e.page.locator('iframe[data-atlas]').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)))).not.toContain(760);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });
});

describe('embed.js among clobbering names and an about:blank frame (issue 24)', () => {
  it('keeps the scroll steps working with <img name="readyState"> and <img name="addEventListener">, and a step aimed at about:blank throws nothing', async () => {
    const filler = '<div style="height:1400px"></div>';
    const e = await openArticle(
      `<img name="readyState" src="data:," alt=""><img name="addEventListener" src="data:," alt="">${iframe(`${atlas.url}?date=1960-01&embed=1`)}<iframe data-atlas id="blank" src="about:blank" title="Empty" height="50"></iframe>` +
        `<script src="${atlas.url}embed.js"></script>${filler}<p data-atlas-step data-atlas-for="blank" data-date="1970-01">A step for the empty frame.</p>${filler}` +
        `<p data-atlas-step data-date="2019-04" data-place="tripoli">In April 2019 Haftar's forces moved on Tripoli.</p>${filler}`,
    );
    for (const text of ['A step for the empty frame.', 'In April 2019']) {
      const y = await e.page.evaluate((t) => [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith(t))!.getBoundingClientRect().top + scrollY, text);
      await e.page.evaluate((top) => window.scrollTo(0, top - innerHeight / 2), y);
      await expect.poll(() => e.page.evaluate((t) => [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith(t))!.hasAttribute('data-atlas-active'), text)).toBe(true);
    }
    await expect.poll(() => timeOf(e.frame), { timeout: 10_000 }).toBe('April 2019');
    // And it sizes the atlas.
    const frameHeight = () => e.page.locator('iframe[data-atlas]').first().evaluate((el) => el.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await e.frame.evaluate(() => document.body.getBoundingClientRect().height))), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(e.errors).toEqual([]);
    await e.page.close();
  });
});

describe('host messages', () => {
  it('a message sent when the frame loads, before "atlas:ready", is kept and applied', async () => {
    const src = `${atlas.url}?date=1960-01&lang=ru&embed=1`;
    const e = await openArticle(
      `${iframe(src)}<script>
        const f = document.querySelector('iframe[data-atlas]');
        f.addEventListener('load', () => { window.sentBeforeReady = !heard.some((m) => m.type === 'atlas:ready'); f.contentWindow.postMessage({ type: 'atlas:set', version: 1, date: '2019-04' }, '*'); });
      </script>`,
    );
    await expect.poll(() => heard(e.page).then((h) => h.some((m) => m.type === 'atlas:ready'))).toBe(true);
    expect(await e.page.evaluate(() => (window as unknown as { sentBeforeReady: boolean }).sentBeforeReady)).toBe(true);
    await expect.poll(() => e.frame.locator('#atlas-time').inputValue(), { timeout: 5000 }).toBe(String(2019 * 12 + 3));
    await e.page.close();
  });

  it('a third-party frame flooding the atlas while it starts cannot push out the article\'s first atlas:set (issue 24)', async () => {
    // In Russian: the atlas waits for its language while it starts, the window the flood aims at.
    const src = `${atlas.url}?date=1960-01&lang=ru&embed=1`;
    // A sandboxed frame of nobody's origin posts 100 messages a tick to the atlas (the page's first frame) for six seconds.
    const flood = `<script>const t = parent.frames[0]; const end = Date.now() + 6000; (function go() { for (let i = 0; i < 100; i++) t.postMessage({ type: 'atlas:set', version: 1, date: '1950-01' }, '*'); if (Date.now() < end) setTimeout(go, 0); })();<\/script>`;
    const e = await openArticle(
      `${iframe(src)}<iframe sandbox="allow-scripts" title="Ad" srcdoc="${flood.replace(/"/g, '&quot;')}"></iframe><script>
        const f = document.querySelector('iframe[data-atlas]');
        f.addEventListener('load', () => { window.sentBeforeReady = !heard.some((m) => m.type === 'atlas:ready'); f.contentWindow.postMessage({ type: 'atlas:set', version: 1, date: '2019-04' }, '*'); });
      </script>`,
    );
    await expect.poll(() => heard(e.page).then((h) => h.some((m) => m.type === 'atlas:ready'))).toBe(true);
    expect(await e.page.evaluate(() => (window as unknown as { sentBeforeReady: boolean }).sentBeforeReady)).toBe(true);
    await expect.poll(() => e.frame.locator('#atlas-time').inputValue(), { timeout: 10_000 }).toBe(String(2019 * 12 + 3));
    expect(e.errors).toEqual([]);
    await e.page.close();
  });

  it('a flood of 1,000 messages is coalesced: the last one wins and the page is not redrawn 1,000 times', async () => {
    const e = await openArticle(iframe(`${atlas.url}?date=1960-01&embed=1`));
    await e.frame.evaluate(() => {
      const w = window as unknown as { changes: number };
      w.changes = 0;
      new MutationObserver((list) => void (w.changes += list.length)).observe(document.getElementById('atlas-time')!, { attributes: true, attributeFilter: ['aria-valuetext'] });
    });
    const started = Date.now();
    await e.page.evaluate(() => {
      const target = document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!;
      for (let i = 0; i < 999; i++) target.postMessage({ type: 'atlas:set', version: 1, date: `${1950 + (i % 60)}-0${1 + (i % 9)}` }, '*');
      target.postMessage({ type: 'atlas:set', version: 1, date: '2019-04' }, '*');
    });
    await expect.poll(() => timeOf(e.frame), { timeout: 20_000 }).toBe('April 2019');
    const took = Date.now() - started;
    await settled(e.page, e.frame);
    expect(await timeOf(e.frame)).toBe('April 2019');
    const changes = await e.frame.evaluate(() => (window as unknown as { changes: number }).changes);
    expect(changes).toBeLessThan(60);
    expect(took).toBeLessThan(10_000);
    await e.page.close();
  });
});

describe('inside sandbox="allow-scripts" alone (an opaque origin)', () => {
  it('is styled and draws, on a host whose CORS rule covers its scripts', async () => {
    const e = await openArticle(iframe(`${scriptCors.url}?date=2019-04&embed=1`, 'sandbox="allow-scripts"'), scriptCors);
    // The zoomable map and its stylesheet come with the reader's first zoom.
    await e.frame.getByRole('button', { name: 'Zoom in' }).click();
    await e.frame.locator('.maplibregl-map').waitFor({ state: 'attached', timeout: 45_000 });
    const styled = await e.frame.evaluate(() => ({
      bodyMargin: getComputedStyle(document.body).margin,
      sheets: [...document.styleSheets].length,
      mapOverflow: getComputedStyle(document.querySelector('.maplibregl-map') ?? document.body).overflow,
    }));
    expect(styled.bodyMargin).toBe('0px');
    // maplibre-gl.css, which comes with the map's chunk, applies too.
    expect(styled.mapOverflow).toBe('hidden');
    expect(e.errors.filter((m) => /CORS|stylesheet/i.test(m))).toEqual([]);
    await e.page.close();
  });
});
