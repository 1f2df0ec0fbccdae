/**
 * A newsroom graphic on every screen (issue 21), measured as a reader meets it in a real Chromium:
 * the map first on a phone, the map at least half of an embed, most of the map in view with a place
 * open, a dark theme whose map is dark, and no WCAG violation on each layout, light and dark.
 */
import { describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { mapReady, pixelsOf, useBrowser } from './browser.ts';
import { MAP } from '../../src/lib/tokens/tokens.ts';
import { hexToRgb } from '../../src/lib/map/encoding.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function open(query: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser().newContext({ viewport, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(`${baseUrl}?${query}`);
  await mapReady(page);
  await page.locator('.overlay button').first().waitFor({ state: 'attached' });
  return page;
}

const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));

/** The share of the map's area a reader sees: a grid of points over the map, each on the map or its overlay, not under a sheet or a panel. */
async function visibleMapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-testid="map-stage"]')!;
    const r = stage.getBoundingClientRect();
    let seen = 0;
    let all = 0;
    for (let i = 1; i < 20; i++) {
      for (let j = 1; j < 20; j++) {
        const x = r.left + (r.width * i) / 20;
        const y = r.top + (r.height * j) / 20;
        all++;
        if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) continue;
        const el = document.elementFromPoint(x, y);
        if (el && stage.contains(el)) seen++;
      }
    }
    return seen / all;
  });
}

describe('the map first on a phone (full atlas)', () => {
  for (const [viewport, maxTop, lang] of [
    [{ width: 390, height: 844 }, 280, 'en'],
    [{ width: 390, height: 844 }, 280, 'ru'],
    [{ width: 320, height: 640 }, 280, 'en'],
    [{ width: 320, height: 640 }, 280, 'ar'],
  ] as const) {
    it(`${viewport.width} × ${viewport.height} (${lang}): the whole map on the first screen, its top within ${maxTop} px, at least 40 % of the screen at 390 px; every secondary action one Menu away`, async () => {
      const page = await open(`lang=${lang}`, viewport);
      const box = (await page.getByTestId('map-stage').boundingBox())!;
      expect(box.y, 'the map’s top').toBeLessThanOrEqual(maxTop);
      expect(box.y + box.height, 'the map’s bottom is on the first screen').toBeLessThanOrEqual(viewport.height);
      if (viewport.width >= 390) expect((box.width * box.height) / (viewport.width * viewport.height)).toBeGreaterThanOrEqual(0.4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // Data, Image and Share are behind Menu: hidden until it opens, then there and usable.
      const menu = page.locator('.menu-toggle');
      expect(await page.locator('#atlas-tools').isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => page.locator('#atlas-tools').isVisible()).toBe(true);
      expect(await page.locator('#atlas-tools button[aria-haspopup="dialog"]').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#atlas-tools').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);
      await page.close();
    });
  }

  it('390 px: a place opens as a bottom sheet that leaves at least half of the map in view; its handle pulls it up', async () => {
    const page = await open('date=2020-06&place=tripoli', { width: 390, height: 844 });
    const sheet = page.getByTestId('panel-area');
    await sheet.waitFor();
    const share = await visibleMapShare(page);
    expect(share, 'the part of the map in view with the sheet open').toBeGreaterThanOrEqual(0.5);
    expect(await page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    const before = (await sheet.boundingBox())!.height;
    await page.getByRole('button', { name: "Pull the place's panel up" }).click();
    await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(before * 1.5);
    await page.close();
  });
});

describe('the embed is a map with a frame', () => {
  for (const width of [390, 720, 1200]) {
    for (const lang of ['en', 'ru'] as const) {
      it(`${width} px, ${lang}: the map is at least half the embed's height, which stays under 900 px; with a place open at least half of the map stays in view`, async () => {
        const page = await open(`embed=1&date=2020-06&lang=${lang}`, { width, height: 1000 });
        // The embed's height as it tells the article (its body's, not the test window's).
        const bodyHeight = () => page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
        const height = await bodyHeight();
        const map = (await page.locator('.map-wrap').boundingBox())!;
        expect(height).toBeLessThanOrEqual(900);
        expect(map.height / height, `map ${map.height} of ${height} px`).toBeGreaterThanOrEqual(0.5);
        // The place's name on the map (the timeline's marks also name al-Jufra, in their events).
        await page.getByTestId('map-stage').locator('button.place').filter({ hasText: lang === 'en' ? 'al-Jufra air base' : /Джуфра/ }).first().click();
        await page.getByTestId('panel-area').waitFor();
        expect(await visibleMapShare(page)).toBeGreaterThanOrEqual(0.5);
        expect(await bodyHeight()).toBeLessThanOrEqual(900);
        await page.close();
      });
    }
  }
});

describe('a dark theme that is dark', () => {
  for (const [where, query, viewport] of [
    ['full atlas, 1,280 px', 'theme=dark&date=2020-06', { width: 1280, height: 800 }],
    ['phone, theme=auto under a dark preference', 'theme=auto&date=2020-06', { width: 390, height: 844 }],
    ['embed, 720 px', 'theme=dark&embed=1&date=2020-06', { width: 720, height: 900 }],
  ] as const) {
    it(`${where}: the sea and the land around Libya are the dark theme's, the zoom buttons stand out, axe finds nothing`, async () => {
      const page = await open(query, viewport, 'dark');
      const shot = await page.screenshot();
      const stage = (await page.getByTestId('map-stage').boundingBox())!;
      const zoom = (await page.locator('[data-testid="map-stage"] .controls button').first().boundingBox())!;
      // The sea north-east of Libya, the land south-west (Niger, Algeria), inside the frame, and the zoom button's face.
      const points: [number, number][] = [
        [stage.x + stage.width * 0.95, stage.y + 6],
        [stage.x + 6, stage.y + stage.height * 0.6],
        [zoom.x + 4, zoom.y + 4],
      ];
      const { colours } = await pixelsOf(page, shot, points);
      const near = (c: number[], hex: string, d = 14) => Math.hypot(...c.map((v, i) => v - hexToRgb(hex)[i]!)) <= d;
      expect(near(colours[0]!, MAP.dark.sea), `sea rgb(${colours[0]})`).toBe(true);
      expect(near(colours[1]!, MAP.dark.land), `land rgb(${colours[1]})`).toBe(true);
      const lum = (c: number[]) => (0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!) / 255;
      expect(lum(colours[2]!), 'the zoom button is a dark surface').toBeLessThan(0.3);
      expect(await page.locator('[data-testid="map-stage"] .controls button').first().evaluate((b) => getComputedStyle(b).color)).toBe('rgb(240, 240, 240)');
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('no WCAG violations on the new layouts', () => {
  for (const [where, query, viewport] of [
    ['phone, light, menu open', 'date=2019-06', { width: 390, height: 844 }],
    ['phone, a place open in its sheet', 'date=2019-06&place=benghazi', { width: 390, height: 844 }],
    ['embed at 390 px', 'embed=1&date=2019-06', { width: 390, height: 844 }],
  ] as const) {
    it(where, async () => {
      const page = await open(query, viewport);
      if (where.includes('menu open')) await page.locator('.menu-toggle').click();
      expect(await axe(page)).toEqual([]);
      await page.close();
    });
  }
});
