/**
 * Faults a reader can meet, survived: the graphics card drops the WebGL context, the connection
 * drops after the page has loaded, a data file is damaged after the build. Each ends in a readable
 * atlas and a message, never a blank or frozen page.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, mapReady, useWebgl, watch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

const svgFill = (page: Page, area: string) => page.locator(`[data-testid="svg-map"] path[data-area="${area}"]`).getAttribute('fill');

describe('the first look, before the script', () => {
  it('shows the title in the reader\'s language at once, and says so when the atlas\'s script does not arrive', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // The script that starts the atlas never arrives.
    await page.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
    await page.goto(`${baseUrl}?lang=ar`);
    const title = page.getByRole('heading', { level: 1 });
    expect(await title.textContent()).toBe('أطلس ليبيا وروسيا');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 }).toBe('تعذّر تحميل الأطلس (ربما انقطع الاتصال). أعد تحميل الصفحة للمحاولة مرة أخرى.');
    expect(await page.getByText('جارٍ تحميل الخريطة…').isVisible()).toBe(false);
    await page.close();

    // With the script: the atlas replaces the first look (one title, no alert), and an embed never shows it.
    const ok = await context.newPage();
    await ok.goto(`${baseUrl}?lang=ar`);
    await mapReady(ok);
    expect(await ok.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await ok.locator('.shell').count()).toBe(0);
    const embed = await context.newPage();
    await embed.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
    await embed.goto(`${baseUrl}?embed=1`);
    expect(await embed.getByRole('heading', { level: 1 }).count()).toBe(0);
    await context.close();
  });
});

describe('a lost WebGL context', () => {
  it('shows the SVG map of the same month at once, with a note, and MapLibre again once the context is restored', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 860 } });
    const w = watch(page, [origin]);
    await page.goto(`${baseUrl}?date=2019-06`);
    await mapReady(page);
    await useWebgl(page);
    expect(await page.locator('[data-testid="svg-map"]').count()).toBe(0);

    await page.evaluate(() => {
      const gl = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!.getContext('webgl2')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { lose: WEBGL_lose_context }).lose.loseContext();
    });
    await page.locator('[data-testid="svg-map"] path[data-area="cyrenaica"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="svg-map"] path[data-area="cyrenaica"]').getAttribute('data-actor')).toBe('lna');
    expect(await page.getByTestId('map-note').textContent()).toMatch(/stopped drawing the zoomable map/);

    // Later steps and layer changes draw the SVG map and throw nothing (issue 24); the note leaves the zoom buttons free.
    const slider = page.getByRole('slider', { name: 'Time' });
    await slider.focus();
    for (const key of ['PageUp', 'ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp']) await page.keyboard.press(key);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('June 2020');
    await page.getByRole('checkbox', { name: /Diplomacy/ }).click();
    await page.getByRole('checkbox', { name: /Diplomacy/ }).click();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(w.errors).toEqual([]);
    const note = await page.getByTestId('map-note').boundingBox();
    for (const name of ['Zoom in', 'Zoom out', 'Show all of Libya']) {
      const b = (await page.getByRole('button', { name }).boundingBox())!;
      const apart = b.x + b.width <= note!.x || note!.x + note!.width <= b.x || b.y + b.height <= note!.y || note!.y + note!.height <= b.y;
      expect(apart, `${name} is under the note`).toBe(true);
      // Nothing covers it: the button itself is what a click there reaches.
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.getAttribute('aria-label'), [b.x + b.width / 2, b.y + b.height / 2])).toBe(name);
    }

    await page.evaluate(() => (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext());
    await expect.poll(() => page.locator('[data-testid="svg-map"]').count(), { timeout: 20_000 }).toBe(0);
    expect(await page.getByTestId('map-note').count()).toBe(0);
    await page.close();
  });
});

describe('a dropped connection after load', () => {
  it('opening a place and a language say what failed and offer a retry that works once back online', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const w = watch(page, [origin]);
    await page.goto(`${baseUrl}?date=2011-08`);
    await mapReady(page);
    await context.setOffline(true);
    await page.locator('nav').getByRole('button', { name: 'Benghazi', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: /sources could not be loaded/ });
    await alert.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('alert').filter({ hasText: /language could not be loaded/ }).waitFor({ timeout: 15_000 });
    // Nothing left pressed and dead: English is still the language shown.
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('region', { name: 'Benghazi' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe('ru');
    expect(w.errors.filter((e) => !/Failed to fetch|net::ERR_INTERNET_DISCONNECTED|dynamically imported module/i.test(e))).toEqual([]);
    await context.close();
  });

  it('a zoomable map that fails to load says so (not "no WebGL") and loads on retry', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?date=2019-06`);
    await mapReady(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.getByTestId('map-note').textContent(), { timeout: 15_000 }).toMatch(/could not be loaded/);
    expect(await page.getByTestId('map-note').textContent()).not.toMatch(/WebGL is unavailable/);
    await context.setOffline(false);
    await page.getByTestId('map-note').getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 45_000 });
    await context.close();
  });
});

describe('the whole record and the comparison, offline (issue 24)', () => {
  it('say what failed and offer a retry that works once back online, with no unhandled error', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const w = watch(page, [origin]);
    await page.goto(`${baseUrl}?date=2011-08`);
    await mapReady(page);
    await context.setOffline(true);
    for (const [button, heading] of [['The whole record', 'atlas-records-heading'], ['Compare two dates', 'atlas-compare-heading']] as const) {
      await page.getByRole('button', { name: button }).click();
      const alert = page.getByRole('alert').filter({ hasText: /could not be loaded/ });
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.textContent()).toMatch(/connection/);
      await context.setOffline(false);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.locator(`#${heading}`).waitFor({ timeout: 15_000 });
      expect(await page.getByRole('alert').filter({ hasText: /could not be loaded/ }).count()).toBe(0);
      await context.setOffline(true);
    }
    expect(w.errors.filter((e) => !/Failed to fetch|net::ERR_INTERNET_DISCONNECTED/i.test(e))).toEqual([]);
    await context.close();
  });
});

describe('a map worker served with the wrong type (a host that does not know .mjs) (issue 24)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve({ root: resolve(import.meta.dirname, '../../dist'), gzip: true, headersFor: (file): Record<string, string> => (file.endsWith('.mjs') ? { 'content-type': 'application/octet-stream' } : {}) });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('says so in the map\'s note, names the type, and keeps the SVG map working', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 860 } });
    const w = watch(page, [served.origin]);
    await page.goto(`${served.url}?date=2019-06`);
    await mapReady(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const note = page.getByTestId('map-note');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toMatch(/serves the map’s worker \(\.mjs\) as "application\/octet-stream"/);
    expect(await page.locator('[data-testid="svg-map"] path[data-area="cyrenaica"]').getAttribute('data-actor')).toBe('lna');
    // The SVG map still follows the reader.
    await page.getByRole('slider', { name: 'Time' }).focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext')).toBe('June 2018');
    expect(await page.evaluate(() => document.documentElement.dataset['webgl'])).toBeUndefined();
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('a data file damaged after the build', () => {
  let served: Served;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-damaged-'));
    cpSync(resolve(import.meta.dirname, '../../dist'), dir, { recursive: true });
    const assets = join(dir, 'assets');
    // The records and the actors are in the main chunk; the sources in the citations chunk.
    for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      const path = join(assets, f);
      let js = readFileSync(path, 'utf8');
      const before = js;
      js = js.replace('"date":"2008-04-16"', '"date":"2008-99-99"'); // an event with an impossible date
      js = js.replace('"status":"alleged"', '"status":"<b>rumour</b>"'); // an unknown status
      js = js.replace('"color":"#7b3f00"', '"color":"url(https://evil.example/x.png)"'); // a colour that is not one
      js = js.replace(/"url":"https?:[^"]+"/g, '"url":"javascript:alert(1)"'); // links that are not web addresses
      if (js !== before) writeFileSync(path, js);
    }
    served = await serve({ root: dir, gzip: true });
  });
  afterAll(async () => {
    await served?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the rest of the atlas, leaves the bad records out, and makes no bad link or request', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 860 } });
    const w = watch(page, [served.origin]);
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${served.url}?date=2019-06&place=tripoli`);
    await mapReady(page);
    expect(await page.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext')).toBe('June 2019');
    expect(await page.getByRole('status').first().textContent()).toMatch(/Cyrenaica: /);
    // The LNA's colour was replaced by a URL: the map falls back to a plain colour and requests nothing.
    expect(await svgFill(page, 'cyrenaica')).toMatch(/^#[0-9a-f]{6}$/);
    const panel = page.getByRole('region', { name: 'Tripoli' });
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await panel.getByRole('listitem').count()).toBeGreaterThan(5);
    expect(warnings.some((x) => /left out/.test(x))).toBe(true);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });
});
