/**
 * A legible map (issue 12), in a real Chromium, with the SVG map and with MapLibre: a click at the
 * centre of a name opens that place; no two names overlap (boxes read from the DOM) at 320, 390
 * and 1,280 px in English, Arabic and Russian; every foreign force is a named control that opens
 * its record; Libya lies inside the map at every size; the zoom buttons work from the keyboard and
 * the reader never zooms out past the basemap's edge; an arc that leaves the frame says where to.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, mapReady, useWebgl, whenStable } from './browser.ts';
import { BASEMAP_BOUNDS, LIBYA_BOUNDS } from '../../src/lib/map/frame.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

type Rect = { x: number; y: number; width: number; height: number };

async function open(query: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const page = await browser().newPage({ viewport, reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}?${query}`);
  await mapReady(page);
  await page.locator('.overlay button').first().waitFor({ state: 'attached' });
  return page;
}

/** Overlapping pairs among the names on the map and among its buttons (hit targets), read from the DOM. */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stage = document.querySelector('.overlay')!.parentElement!;
    const box = (el: Element) => el.getBoundingClientRect();
    const named = (el: Element) => `${el.getAttribute('data-label') ?? el.tagName} "${el.textContent?.trim()}"`;
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    const labels = [...stage.querySelectorAll('[data-label], .overlay .name')].filter((el, i, all) => box(el).width > 0 && all.indexOf(el) === i);
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (hit(box(labels[i]!), box(labels[j]!))) out.push(`${named(labels[i]!)} × ${named(labels[j]!)}`);
    // Each button's own box, and each place's dot target (part of its place's button).
    const targets = [...stage.querySelectorAll('.overlay button, .overlay .target')].filter((el) => box(el).width > 0);
    const owner = (el: Element) => (el.classList.contains('target') ? el.closest('button') : el);
    // A place's forces stand against its dot, inside the dot's target (a base's forces on the base itself): one marker.
    const sameMarker = (a: Element, b: Element) => {
      const force = [a, b].find((el) => el.classList.contains('force'));
      const dot = [a, b].find((el) => el.classList.contains('target') || (el.matches('button.place') && !el.classList.contains('named')));
      // The dot's target, or its button when the button is the dot alone (no name beside it).
      return !!force && !!dot && force.getAttribute('data-marker') === dot.closest('[data-place]')?.getAttribute('data-place');
    };
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        if (owner(targets[i]!) === owner(targets[j]!) || sameMarker(targets[i]!, targets[j]!)) continue;
        if (hit(box(targets[i]!), box(targets[j]!))) out.push(`button ${targets[i]!.getAttribute('aria-label') ?? 'dot'} × ${targets[j]!.getAttribute('aria-label') ?? 'dot'}`);
      }
    }
    // A name fits the box it was measured for.
    for (const el of labels) if ((el as HTMLElement).scrollWidth > (el as HTMLElement).clientWidth + 1) out.push(`${named(el)} overflows its box`);
    return out;
  });
}

for (const renderer of ['svg', 'webgl'] as const) {
  const webgl = renderer === 'webgl';
  const how = webgl ? 'MapLibre' : 'the SVG map';

  describe(`names on ${how}`, () => {
    for (const [date, viewport] of [
      ['2019-06', { width: 1280, height: 860 }],
      ['1960-06', { width: 390, height: 844 }],
    ] as const) {
      it(`${date}, ${viewport.width} px: a click at the centre of each name opens that place, and a region's name opens the region`, async () => {
        const page = await open(`date=${date}`, viewport);
        if (webgl) await useWebgl(page);
        const names = await page.locator('.overlay [data-place] .name, .overlay [data-region] [data-label]').filter({ visible: true }).all();
        expect(names.length).toBeGreaterThan(5);
        for (const name of names) {
          const want = await name.evaluate((el) => el.closest('button')!.getAttribute('data-place') ?? el.closest('button')!.getAttribute('data-region'));
          // Playwright clicks the name's centre, and fails if anything else would take the click there.
          await name.click();
          await expect.poll(() => new URL(page.url()).searchParams.get('place'), { timeout: 5000 }).toBe(want);
        }
        await page.close();
      });
    }

    for (const viewport of [{ width: 320, height: 640 }, { width: 390, height: 844 }, { width: 1280, height: 860 }]) {
      for (const lang of webgl ? ['en'] : ['en', 'ar', 'ru']) {
        it(`${viewport.width} px, ${lang}: no two names and no two buttons overlap (2020-06, 2014-09, 1951-12)`, async () => {
          const page = await open(`lang=${lang}&date=2020-06`, viewport);
          if (webgl) await useWebgl(page);
          for (const date of ['2020-06', '2014-09', '1951-12']) {
            if (date !== '2020-06') {
              await page.goto(`${baseUrl}?lang=${lang}&date=${date}`);
              await mapReady(page);
              if (webgl) await useWebgl(page);
            }
            expect(await page.locator('.overlay [data-label], .overlay .name').count()).toBeGreaterThan(5);
            expect(await collisions(page), `${date}`).toEqual([]);
            // Every button on the map is at least 24 × 24 px.
            const small = await page.locator('.overlay button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && (r.width < 23.5 || r.height < 23.5)).length);
            expect(small, `${date}`).toBe(0);
          }
          await page.close();
        });
      }
    }
  });

  describe(`foreign forces on ${how}`, () => {
    it('June 2020: every force is a control named after the force and its place, and opens that presence in the panel', async () => {
      const page = await open('date=2020-06');
      if (webgl) await useWebgl(page);
      const groups = await page.locator('.overlay [data-forces]').all();
      expect(groups.length).toBeGreaterThan(3);
      let opened = 0;
      for (let g = 0; g < groups.length; g++) {
        const group = page.locator('.overlay [data-forces]').nth(g);
        const ids = (await group.getAttribute('data-forces'))!.split(' ');
        for (const id of ids) {
          let control = page.locator(`.overlay [data-forces]`).nth(g);
          if (ids.length > 1) {
            expect(await control.getAttribute('aria-label')).toMatch(new RegExp(`^${ids.length} foreign forces at .+: .+ at .+`));
            await control.click();
            control = page.locator(`.overlay [role="group"] button[data-force="${id}"]`);
          }
          const label = (await control.getAttribute('aria-label')) ?? (await control.textContent())!;
          expect(label).toMatch(/^.+ at .+, (confirmed|reported|alleged|denied|last reported .+)$/);
          await control.click();
          const row = page.locator(`[data-testid="place-panel"] [data-presence="${id}"]`);
          await expect.poll(() => row.getAttribute('aria-current'), { timeout: 10_000 }).toBe('true');
          // The place named in the label is the panel's place.
          const heading = (await page.locator('#atlas-panel-heading').textContent())!;
          expect(label).toContain(` at ${heading}`);
          expect(await row.isVisible()).toBe(true);
          opened++;
          await page.keyboard.press('Escape');
          await expect.poll(() => page.locator('[data-testid="place-panel"]').count()).toBe(0);
        }
      }
      expect(opened).toBeGreaterThanOrEqual(6);
      await page.close();
    });
  });

  describe(`Libya in the frame on ${how}`, () => {
    for (const viewport of [
      { width: 320, height: 480 },
      { width: 390, height: 844 },
      { width: 768, height: 1024 },
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      it(`${viewport.width} × ${viewport.height}: Libya's outline lies inside the map`, async () => {
        const page = await open('date=2019-06', viewport);
        if (webgl) await useWebgl(page);
        const stage = (await page.locator('[data-testid="map-stage"]').boundingBox())!;
        const frame = (await page.locator('[data-frame]').boundingBox())!;
        const inside = (r: Rect) => r.x >= stage.x - 0.5 && r.y >= stage.y - 0.5 && r.x + r.width <= stage.x + stage.width + 0.5 && r.y + r.height <= stage.y + stage.height + 0.5;
        expect(inside(frame), JSON.stringify({ stage, frame })).toBe(true);
        // As large as the frame allows: Libya fills the map's width or its height (less the padding).
        expect(Math.max(frame.width / stage.width, frame.height / stage.height)).toBeGreaterThan(0.85);
        if (!webgl) {
          for (const area of await page.locator('[data-testid="svg-map"] path[data-area]').all()) expect(inside((await area.boundingBox())!)).toBe(true);
        }
        await page.close();
      });
    }
  });
}

describe('zoom buttons and the basemap’s edge', () => {
  it('zoom in, zoom out and reset work from the keyboard; the reader never sees past the basemap', async () => {
    const page = await open('date=2019-06');
    const frame = async () => (await page.locator('[data-frame]').boundingBox())!;
    const start = await frame();
    await page.getByRole('button', { name: 'Zoom in' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 45_000 });
    await expect.poll(async () => (await frame()).width, { timeout: 10_000 }).toBeGreaterThan(start.width * 1.5);
    await page.getByRole('button', { name: 'Show all of Libya' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Math.abs((await frame()).width - start.width), { timeout: 10_000 }).toBeLessThan(2);
    const stage = (await page.locator('[data-testid="map-stage"]').boundingBox())!;
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    await zoomOut.focus();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(' ');
      // Each step's zoom has ended: the frame has stopped moving.
      await whenStable(page, frame);
    }
    const f = await whenStable(page, frame);
    expect(f.width).toBeLessThan(start.width);
    // What the map shows, from where Libya's bounds are drawn: inside the basemap's bounds.
    const [[w, s], [e, n]] = LIBYA_BOUNDS;
    const perLon = f.width / (e - w);
    const west = w - (f.x - stage.x) / perLon;
    const east = e + (stage.x + stage.width - (f.x + f.width)) / perLon;
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const perRad = f.height / (mercY(n) - mercY(s));
    const lat = (y: number) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;
    const north = lat(mercY(n) + (f.y - stage.y) / perRad);
    const south = lat(mercY(s) - (stage.y + stage.height - (f.y + f.height)) / perRad);
    const [[bw, bs], [be, bn]] = BASEMAP_BOUNDS;
    expect(west).toBeGreaterThanOrEqual(bw - 0.5);
    expect(east).toBeLessThanOrEqual(be + 0.5);
    expect(south).toBeGreaterThanOrEqual(bs - 0.5);
    expect(north).toBeLessThanOrEqual(bn + 0.5);
    await page.close();
  });
});

describe('diplomacy that leaves the frame', () => {
  for (const renderer of ['svg', 'webgl'] as const) {
    it(`November 2018 (${renderer}): Moscow is named at the edge where its arc leaves the map, with how far`, async () => {
      const page = await open('date=2018-11');
      if (renderer === 'webgl') await useWebgl(page);
      const edge = page.locator('.overlay [data-label="edge"]').filter({ hasText: 'Moscow' });
      expect(await edge.count()).toBe(1);
      expect(await edge.textContent()).toMatch(/^↗ Moscow, \d,\d00 km/);
      const stage = (await page.locator('[data-testid="map-stage"]').boundingBox())!;
      const b = (await edge.boundingBox())!;
      expect(b.y - stage.y).toBeLessThan(40);
      await page.close();
    });
  }
});
