/**
 * A reader's journey through the atlas in a real headless Chromium: scrub the years, read the map
 * in words, look at the map's colours, open Tripoli, follow a deep link, survive a hostile URL.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, mapReady, pixelsOf, useWebgl, watch, whenStable, type PageWatch } from './browser.ts';
import actors from '../../data/actors.json';
import { FILL_OPACITY, blend } from '../../src/lib/map/encoding.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

async function open(query = ''): Promise<{ page: Page; w: PageWatch }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 860 } });
  const w = watch(page, [origin]);
  await page.goto(`${baseUrl}${query}`);
  await mapReady(page);
  return { page, w };
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Time' });
const statusText = (page: Page) => page.getByRole('status').first().textContent();
const valueText = (page: Page) => slider(page).getAttribute('aria-valuetext');

/** Web Mercator y, to place a coordinate between two markers whose screen positions we read. */
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Screen position of a coordinate, from two place markers' rendered positions (no map internals). */
async function screenPoint(page: Page, lng: number, lat: number): Promise<{ x: number; y: number }> {
  const dot = async (id: string) => {
    const box = await page.locator(`[data-place="${id}"] .dot`).boundingBox();
    if (!box) throw new Error(`marker ${id} not on screen`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const a = { ...(await dot('sabha')), lng: 14.4283, lat: 27.0377 };
  const b = { ...(await dot('tobruk')), lng: 23.9613, lat: 32.0836 };
  const x = a.x + ((lng - a.lng) / (b.lng - a.lng)) * (b.x - a.x);
  const y = a.y + ((mercY(lat) - mercY(a.lat)) / (mercY(b.lat) - mercY(a.lat))) * (b.y - a.y);
  return { x, y };
}

async function pixel(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(x) - 2, y: Math.round(y) - 2, width: 5, height: 5 } });
  return (await pixelsOf(page, png, [[2, 2]])).colours[0] as [number, number, number];
}

const colorOf = (id: string) => (actors as { id: string; color?: string }[]).find((a) => a.id === id)!.color!;
/** A region's fill as the map draws it (encoding.ts): its holder's colour over white land. */
const fillOf = (id: string) => blend(colorOf(id), FILL_OPACITY.certain);
const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

async function waitForMap(page: Page) {
  // The map has repainted after the last change: two screenshots of it, two frames apart, are the same.
  await whenStable(page, () => page.locator('.map-wrap').screenshot());
}

describe('the time slider', () => {
  it('steps by month and year from the keyboard and says the month in words', async () => {
    const { page, w } = await open('?date=2011-07');
    await slider(page).focus();
    expect(await valueText(page)).toBe('July 2011');
    const before = await statusText(page);
    await page.keyboard.press('ArrowRight');
    expect(await valueText(page)).toBe('August 2011');
    await page.keyboard.press('ArrowLeft');
    expect(await valueText(page)).toBe('July 2011');
    await page.keyboard.press('PageUp');
    expect(await valueText(page)).toBe('July 2012');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await valueText(page)).toBe('July 2010');
    await page.keyboard.press('Home');
    expect(await valueText(page)).toBe('January 1943');
    // The status text follows ~300 ms after the last step (one announcement, not one per month).
    await expect.poll(() => statusText(page)).not.toBe(before);
    await page.keyboard.press('End');
    const now = new Date();
    const expected = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(now);
    expect(await valueText(page)).toBe(expected);
    await expect.poll(() => page.url()).toContain(`date=${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('dragging moves through the years and the status text follows', async () => {
    const { page, w } = await open('?date=1943-01');
    const box = (await slider(page).boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 4, y);
    await page.mouse.down();
    const seen = new Set<string>();
    for (const f of [0.2, 0.4, 0.6, 0.8, 0.95]) {
      await page.mouse.move(box.x + box.width * f, y, { steps: 4 });
      seen.add((await valueText(page)) ?? '');
    }
    await page.mouse.up();
    expect(seen.size).toBeGreaterThanOrEqual(4);
    const year = Number((await valueText(page))!.split(' ').at(-1));
    expect(year).toBeGreaterThan(2010);
    expect(await statusText(page)).toMatch(/Cyrenaica: /);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('the status text says who controls each region and which foreign forces are present', async () => {
    const { page } = await open('?date=1960-06');
    const in1960 = (await statusText(page))!;
    expect(in1960).toMatch(/Tripolitania: Kingdom\./);
    expect(in1960).toMatch(/Cyrenaica: Kingdom\./);
    expect(in1960).toMatch(/Fezzan: Kingdom\./);
    // Foreign forces are grouped by force, one line each.
    expect(in1960).toMatch(/US forces: Wheelus/);

    await slider(page).focus();
    for (let i = 0; i < 59; i++) await page.keyboard.press('PageUp');
    expect(await valueText(page)).toBe('June 2019');
    await expect.poll(() => statusText(page)).toMatch(/Wagner/);
    const in2019 = (await statusText(page))!;
    expect(in2019).toMatch(/Cyrenaica: LNA \(Haftar\)/);
    expect(in2019).toMatch(/Wagner/);
    expect(in2019).not.toMatch(/Wheelus/);
    await page.close();
  });
});

describe('the map', () => {
  for (const renderer of ['svg', 'webgl'] as const) {
    it(`colours Cyrenaica by its ruler: the Kingdom in 1960, the LNA in 2019 (${renderer === 'svg' ? 'the SVG map' : 'MapLibre, after a zoom'})`, async () => {
      const colours: [number, number, number][] = [];
      const { page } = await open('?date=1960-06&layers=control');
      for (const date of ['1960-06', '2019-06']) {
        if (date !== '1960-06') {
          await page.goto(`${baseUrl}?date=${date}&layers=control`);
          await mapReady(page);
        }
        if (renderer === 'webgl') await useWebgl(page);
        await waitForMap(page);
        // Deep in the Cyrenaican desert, far from labels and markers.
        const at = await screenPoint(page, 21.5, 26.5);
        colours.push(await pixel(page, at.x, at.y));
      }
      const [in1960, in2019] = colours as [[number, number, number], [number, number, number]];
      expect(distance(in1960, fillOf('kingdom-of-libya')), `1960 pixel ${in1960}`).toBeLessThan(30);
      expect(distance(in2019, fillOf('lna')), `2019 pixel ${in2019}`).toBeLessThan(30);
      expect(distance(in1960, in2019)).toBeGreaterThan(60);
      await page.close();
    });
  }

  it('loads nothing from any other host', async () => {
    const { page, w } = await open('?date=2019-06&place=tripoli');
    await waitForMap(page);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('places and their events', () => {
  it('clicking Tripoli opens its panel with Putin’s April 2008 visit and a working source link', async () => {
    const { page, w } = await open('?date=2008-04');
    await page.locator('[data-place="tripoli"]').click();
    const panel = page.getByRole('region', { name: 'Tripoli' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('Tripoli');
    const visit = panel.getByRole('listitem').filter({ hasText: /Putin/ }).filter({ hasText: /April 2008/ }).first();
    expect(await visit.isVisible()).toBe(true);
    const link = visit.getByRole('link').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^https?:\/\//);
    expect(() => new URL(href)).not.toThrow();
    expect(page.url()).toContain('place=tripoli');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('the places list opens a place from the keyboard and Escape closes it', async () => {
    const { page } = await open('?date=2017-07');
    const button = page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Benghazi', exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Benghazi' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByRole('listitem').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Benghazi');
    await page.close();
  });
});

describe('claims as claims', () => {
  it('the panel shows The Sun’s allegation as alleged, with the Russian embassy’s denial and both sources', async () => {
    const { page } = await open('?date=2018-10&place=tobruk');
    const panel = page.getByRole('region', { name: 'Tobruk' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const claim = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /The Sun alleges/ }) });
    expect(await claim.count()).toBe(1);
    expect(await claim.textContent()).toMatch(/alleged/);
    expect(await claim.textContent()).toMatch(/Claimed by The Sun/);
    expect(await claim.textContent()).toMatch(/Response:\s*denied/);
    const denial = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Russian embassy in London denies/ }) });
    expect(await denial.count()).toBe(1);
    expect(await denial.textContent()).toMatch(/9 October 2018/);
    expect(await denial.textContent()).toMatch(/denied/);
    // Each names its source; the denial's passage quotes the embassy.
    expect(await claim.getByRole('list', { name: 'Sources' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await denial.getByText('Show the passage').first().click();
    expect(await denial.locator('blockquote').filter({ hasText: /nothing to do with reality/ }).isVisible()).toBe(true);
    await page.close();
  });
});

describe('links', () => {
  it('a deep link opens the date and the place it names', async () => {
    const { page } = await open('?date=2011-08&place=benghazi');
    expect(await valueText(page)).toBe('August 2011');
    expect(await page.getByRole('region', { name: 'Benghazi' }).getByRole('heading', { level: 2 }).textContent()).toBe('Benghazi');
    await page.close();
  });

  it('year= opens January of that year', async () => {
    const { page } = await open('?year=1969');
    expect(await valueText(page)).toBe('January 1969');
    await page.close();
  });

  it('hostile URL parameters give a normal page, echo nothing and run nothing', async () => {
    const hostile =
      '?date=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&place=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E' +
      '&layers=%3Cb%3E&lang=%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E&year=-1&embed=javascript:alert(1)';
    const { page, w } = await open(hostile);
    expect(await slider(page).isVisible()).toBe(true);
    expect(await statusText(page)).toMatch(/Tripolitania: /);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const html = await page.content();
    expect(html).not.toContain('onerror=');
    expect(html).not.toContain('<script>window');
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(await page.getByRole('region', { name: /script/i }).count()).toBe(0);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
