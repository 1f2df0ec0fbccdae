/**
 * Without WebGL (Chromium's --disable-webgl removes WebGL 1 and 2; --disable-webgl2 alone leaves WebGL 1,
 * which MapLibre cannot use): the reader gets an SVG map coloured for the selected month, the slider,
 * the status text and the panel, and no error.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { pixelsOf, watch, type PageWatch } from './browser.ts';
import { FILL_OPACITY, blend, regionFill } from '../../src/lib/map/encoding.ts';
import actors from '../../data/actors.json';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(['--disable-webgl']);
});
afterAll(async () => {
  await browser?.close();
});

const colorOf = (id: string) => (actors as { id: string; color?: string }[]).find((a) => a.id === id)?.color?.toLowerCase();
/** The region's fill as the map draws it (encoding.ts): the holder's colour over white land. */
const drawnFill = (id: string) => regionFill(colorOf(id)!, false);
const cyrenaica = (page: Page) => page.locator('[data-testid="svg-map"] path[data-area="cyrenaica"]');
const fillOf = async (page: Page) => (await cyrenaica(page).getAttribute('fill'))?.toLowerCase();

async function open(query: string): Promise<{ page: Page; w: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const w = watch(page, [origin]);
  await page.goto(`${baseUrl}${query}`);
  await cyrenaica(page).waitFor({ timeout: 30_000 });
  return { page, w };
}

describe('without WebGL', () => {
  it('really has no WebGL in this browser', async () => {
    const page = await browser.newPage();
    await page.setContent('<canvas></canvas>');
    expect(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'))).toBe(false);
    await page.close();
  });

  it('colours Cyrenaica for the Kingdom in 1960 and the LNA in 2019, and follows the slider', async () => {
    const { page, w } = await open('?date=1960-01');
    expect(colorOf('kingdom-of-libya')).toBeTruthy();
    expect(await fillOf(page)).toBe(drawnFill('kingdom-of-libya'));
    expect(await cyrenaica(page).getAttribute('data-actor')).toBe('kingdom-of-libya');
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
    // Zooming needs WebGL: asked for, the atlas says why it cannot and keeps the same map.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/WebGL is unavailable/);
    expect(await fillOf(page)).toBe(drawnFill('kingdom-of-libya'));

    const slider = page.getByRole('slider', { name: 'Time' });
    await slider.fill(String(2019 * 12 + 3));
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('April 2019');
    await expect.poll(() => fillOf(page)).toBe(drawnFill('lna'));
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Cyrenaica: /);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });

  it('paints those colours on screen', async () => {
    const { page } = await open('?date=2019-04');
    // A point inside Cyrenaica away from its label: the Kufra desert, read from the path's own box.
    const box = (await cyrenaica(page).boundingBox())!;
    const png = await page.screenshot({ clip: { x: Math.round(box.x + box.width * 0.6), y: Math.round(box.y + box.height * 0.85), width: 1, height: 1 } });
    const [rgb] = (await pixelsOf(page, png, [[0, 0]])).colours as [number[]];
    const want = blend(colorOf('lna')!, FILL_OPACITY.certain);
    expect(Math.hypot(...rgb.map((v, i) => v - want[i]!))).toBeLessThan(40);
    await page.close();
  });

  it('places are buttons named after the place and open the panel', async () => {
    const { page, w } = await open('?date=2008-04');
    await page.locator('[data-place="tripoli"]').click();
    await expect.poll(() => page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    expect(page.url()).toContain('place=tripoli');
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
