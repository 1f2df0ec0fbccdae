/**
 * A map that cannot be misread (issue 20), as a reader sees it in a real Chromium:
 * - every place name on the map lies within 24 px of its place (its coordinates in geo/places.geojson
 *   through the map's camera: the frame both maps fit, frame.ts, which maps-agree.e2e.ts holds them to),
 *   or a leader line joins the two — on the SVG map and on MapLibre, in the full atlas, the embed and
 *   the story stepper, at 320, 390, 720 and 1,280 px, in English, Arabic and Russian, at the key dates;
 * - the same in the exported images (social and print), measured on the SVG as the browser draws it;
 * - each colour in the legend is the colour the map paints inside a region that authority holds, and
 *   each force in the legend has the map's symbol;
 * - the atlas opens at the record's "data as of" month and says so; a force no source has reported
 *   in 18 months is drawn faded and named "last reported".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapReady, pixelsOf, useBrowser, useWebgl } from './browser.ts';
import { frameProjection } from '../../src/lib/map/frame.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const ROOT = resolve(import.meta.dirname, '../..');
const places = (JSON.parse(readFileSync(join(ROOT, 'geo/places.geojson'), 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] }).features.map((f) => ({
  id: f.properties.id,
  ll: f.geometry.coordinates,
}));
const NEAR = 24;
const DATES = ['1943-06', '1970-06', '2011-08', '2016-06', '2019-06', '2020-06', '2025-06', ''];
const LANGS = ['en', 'ar', 'ru'] as const;

/** The record's "data as of": the newest date among the source documents. */
const dataAsOf = readdirSync(join(ROOT, 'data/sources'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(join(ROOT, 'data/sources', f), 'utf8')) as { date: string }).date)
  .sort()
  .at(-1)!;

/** Moves the slider as a reader's keyboard would land on a month (the value, then the input event). */
async function setMonth(page: Page, key: string): Promise<void> {
  if (!key) return;
  const [y, m] = key.split('-').map(Number);
  await page.evaluate((t) => {
    const input = document.querySelector<HTMLInputElement>('#atlas-time')!;
    input.value = String(t);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, y! * 12 + m! - 1);
  await page.waitForFunction((t) => document.querySelector<HTMLInputElement>('#atlas-time')?.value === String(t), y! * 12 + m! - 1);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Names on the map farther than NEAR px from their place and not joined to it by a leader line, or on another place's button. */
async function namesAway(page: Page): Promise<{ away: string[]; named: number }> {
  const stage = page.locator('[data-testid="map-stage"]');
  const box = (await stage.boundingBox())!;
  const project = frameProjection(Math.round(box.width), Math.round(box.height));
  const points = Object.fromEntries(places.map((p) => [p.id, project(p.ll) as [number, number]]));
  return page.evaluate(
    ([points, near]) => {
      const stage = document.querySelector('[data-testid="map-stage"]')!.getBoundingClientRect();
      const away: string[] = [];
      let named = 0;
      const dist = (p: number[], r: { left: number; right: number; top: number; bottom: number }) =>
        Math.hypot(Math.max(r.left - p[0]!, 0, p[0]! - r.right), Math.max(r.top - p[1]!, 0, p[1]! - r.bottom));
      for (const el of document.querySelectorAll('.overlay [data-label="place"]')) {
        const button = el.closest('[data-place]');
        const id = button?.getAttribute('data-place') ?? '';
        // The name is the button of the place it names: a tap on "al-Watiya" opens al-Watiya.
        if (el.textContent && !(button?.getAttribute('aria-label') ?? '').includes(el.textContent)) away.push(`${el.textContent} on the button of ${button?.getAttribute('aria-label')}`);
        const p = (points as Record<string, [number, number]>)[id];
        const r = el.getBoundingClientRect();
        if (!p || r.width === 0) continue;
        named++;
        const rel = { left: r.left - stage.left, right: r.right - stage.left, top: r.top - stage.top, bottom: r.bottom - stage.top };
        const d = dist(p, rel);
        if (d <= (near as number)) continue;
        // A leader line from the place's dot to the name.
        const line = document.querySelector(`.overlay [data-leader="${id}"] line:last-child`);
        const l = line ? ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a))) : null;
        const joined = l && Math.hypot(l[0]! - p[0], l[1]! - p[1]) <= 8 && dist([l[2]!, l[3]!], { left: rel.left - 4, right: rel.right + 4, top: rel.top - 6, bottom: rel.bottom + 6 }) === 0;
        if (!joined) away.push(`${el.textContent} (${id}) ${d.toFixed(0)} px away`);
      }
      return { away, named };
    },
    [points, NEAR] as const,
  );
}

async function openAtlas(query: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser().newPage({ viewport, reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}?${query}`);
  await mapReady(page);
  await page.locator('.overlay button').first().waitFor({ state: 'attached' });
  return page;
}

describe('every name at its place', () => {
  const cases: { where: string; query: string; viewport: { width: number; height: number }; webgl: boolean }[] = [
    { where: 'full atlas, 320 px', query: '', viewport: { width: 320, height: 640 }, webgl: false },
    { where: 'full atlas, 390 px', query: '', viewport: { width: 390, height: 844 }, webgl: false },
    { where: 'embed, 720 px', query: 'embed=1', viewport: { width: 720, height: 900 }, webgl: false },
    { where: 'full atlas, 1,280 px', query: '', viewport: { width: 1280, height: 800 }, webgl: false },
    { where: 'full atlas, 390 px, MapLibre', query: '', viewport: { width: 390, height: 844 }, webgl: true },
    { where: 'embed, 720 px, MapLibre', query: 'embed=1', viewport: { width: 720, height: 900 }, webgl: true },
    { where: 'full atlas, 1,280 px, MapLibre', query: '', viewport: { width: 1280, height: 800 }, webgl: true },
  ];
  for (const c of cases) {
    it(`${c.where}: in English, Arabic and Russian, at ${DATES.map((d) => d || 'the default view').join(', ')}`, { timeout: 240_000 }, async () => {
      const problems: string[] = [];
      let named = 0;
      for (const lang of LANGS) {
        const page = await openAtlas(`${c.query}${c.query ? '&' : ''}lang=${lang}`, c.viewport);
        if (c.webgl) await useWebgl(page);
        // The default view first (as opened), then each date.
        for (const date of ['', ...DATES.filter(Boolean)]) {
          await setMonth(page, date);
          const r = await namesAway(page);
          named += r.named;
          problems.push(...r.away.map((a) => `${lang} ${date || 'default'}: ${a}`));
        }
        await page.close();
      }
      expect(named, 'names were read from the map').toBeGreaterThan(50);
      expect(problems).toEqual([]);
    });
  }

  it('the story stepper at 390 and 720 px: every step’s names at their places', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const width of [390, 720]) {
      const page = await openAtlas('story=russia-in-libya&embed=1', { width, height: 900 });
      await page.getByTestId('story-caption').waitFor();
      for (let i = 0; i < 20; i++) {
        const r = await namesAway(page);
        problems.push(...r.away.map((a) => `${width} step ${i + 1}: ${a}`));
        const next = page.getByTestId('story').getByRole('button', { name: 'Next', exact: true });
        if (!(await next.isEnabled().catch(() => false))) break;
        await next.click();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  for (const size of ['social', 'print'] as const) {
    it(`the ${size} image (its SVG as the browser lays it out), June 2020 and the default month: every name at its place`, { timeout: 120_000 }, async () => {
      const problems: string[] = [];
      for (const date of ['2020-06', '']) {
        const page = await openAtlas(date ? `date=${date}` : '', { width: 1280, height: 800 });
        await page.getByText('Image', { exact: true }).click();
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: new RegExp(`^${size === 'social' ? 'Social' : 'Print'} .*, SVG$`) }).click()]);
        const svg = (await readFile(await download.path())).toString('utf8');
        // The map's box in the image (its frame), the scale the map is drawn at (image.ts draws it at
        // the box's size ÷ scale, then scales it up), and the frame's projection at that size.
        const frame = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="none" stroke="#c9c9c9"\/>/.exec(svg)!;
        expect(frame, 'the image has a map frame').not.toBeNull();
        const [fx, fy, fw, fh] = frame.slice(1).map(Number) as [number, number, number, number];
        const scale = Number(/data-image-map="([\d.]+)"/.exec(svg)?.[1]);
        expect(scale, 'the image says the scale of its map').toBeGreaterThan(0);
        const project = frameProjection(fw / scale, fh / scale);
        const points = Object.fromEntries(places.map((p) => [p.id, (([x, y]) => [fx + x * scale, fy + y * scale])(project(p.ll)!)]));
        await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
        const away = await page.evaluate(
          ([points, near, scale]) => {
            const out: string[] = [];
            const root = document.querySelector('svg')!.getBoundingClientRect();
            for (const el of document.querySelectorAll('text[data-place]')) {
              const p = (points as Record<string, number[]>)[el.getAttribute('data-place')!];
              if (!p) continue;
              const r = el.getBoundingClientRect();
              const [l, t, rr, b] = [r.left - root.left, r.top - root.top, r.right - root.left, r.bottom - root.top];
              const d = Math.hypot(Math.max(l - p[0]!, 0, p[0]! - rr), Math.max(t - p[1]!, 0, p[1]! - b));
              const joined = document.querySelector(`[data-leader="${el.getAttribute('data-place')}"]`);
              // NEAR px of the map as drawn, before its scale.
              if (d > ((near as number) + 4) * scale && !joined) out.push(`${el.textContent} ${(d / scale).toFixed(0)} px away`);
            }
            return out;
          },
          [points, NEAR, scale] as const,
        );
        problems.push(...away.map((a) => `${date || 'default'}: ${a}`));
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the legend paints what the map paints', () => {
  /** Land points across Libya, as a share of the frame (frame.ts LIBYA_BOUNDS): where fills show. */
  const GRID: [number, number][] = [];
  for (let lng = 10; lng <= 25; lng += 0.75) for (let lat = 20; lat <= 32.5; lat += 0.75) GRID.push([lng, lat]);
  const near = (a: number[], b: number[], d = 12) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!) <= d;

  for (const [where, query, viewport] of [
    ['full atlas, 1,280 × 800', 'date=2020-06', { width: 1280, height: 800 }],
    ['embed, 720 px', 'date=2020-06&embed=1', { width: 720, height: 900 }],
    ['full atlas, 1,280 × 800, the default view', '', { width: 1280, height: 800 }],
  ] as const) {
    it(`${where}: each authority's swatch is a colour the map paints, each fill on the map has its swatch, each force its symbol; the legend is in view`, async () => {
      const page = await openAtlas(query, viewport);
      const legend = page.locator(query.includes('embed') ? '[data-testid="compact-legend"]' : '[data-testid="legend"]').first();
      const lb = (await legend.boundingBox())!;
      expect(lb.y + lb.height, 'the legend is on the first screen').toBeLessThanOrEqual(viewport.height);
      const shot = await page.screenshot();
      // The legend's swatches, read at their centres.
      const swatches = await legend.locator('li[data-legend="holder"] svg').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { actor: el.closest('li')!.getAttribute('data-actor')!, at: [r.left + r.width / 2, r.top + r.height / 2] as [number, number], round: !!el.querySelector('circle') };
        }),
      );
      expect(swatches.length).toBeGreaterThan(0);
      // Land pixels of the map not under a name, a dot or a symbol.
      const stage = (await page.locator('[data-testid="map-stage"]').boundingBox())!;
      const project = frameProjection(Math.round(stage.width), Math.round(stage.height));
      const land = await page.evaluate((pts) => pts.filter(([x, y]) => {
        const el = document.elementFromPoint(x, y);
        return !!el && !el.closest('.overlay button, .overlay span, .controls') && (el.closest('[data-area]') !== null || el.tagName === 'CANVAS');
      }), GRID.map((ll) => { const p = project(ll)!; return [p[0] + stage.x, p[1] + stage.y] as [number, number]; }));
      expect(land.length).toBeGreaterThan(40);
      const px = await pixelsOf(page, shot, [...swatches.map((s) => s.at), ...land]);
      const swatchColours = px.colours.slice(0, swatches.length);
      const landColours = px.colours.slice(swatches.length);
      for (const [i, s] of swatches.entries()) {
        if (s.round) continue; // an authority holding only places: its dots' colour
        expect(landColours.some((c) => near(c, swatchColours[i]!)), `${s.actor}'s swatch rgb(${swatchColours[i]}) is painted on the map`).toBe(true);
      }
      // Every fill on the land is one of the swatches (or lies under stripes, dashes or the white region lines).
      const unexplained = landColours.filter((c) => !swatchColours.some((s) => near(c, s, 12)));
      expect(unexplained.length / landColours.length, `fills the legend does not explain: ${unexplained.slice(0, 5).map((c) => `rgb(${c})`).join(' ')}`).toBeLessThan(0.15);
      // Each force in the legend has the symbol the map draws for it.
      const legendForces = await legend.locator('li[data-legend="force"]').evaluateAll((els) => els.map((el) => ({ actor: el.getAttribute('data-actor')!, d: el.querySelector('path:last-of-type')?.getAttribute('d') ?? '' })));
      for (const f of legendForces) {
        const onMap = await page.evaluate((actor) => [...document.querySelectorAll(`.overlay button.force[data-actors~="${actor}"] path`)].map((p) => p.getAttribute('d')), f.actor);
        expect(onMap.length, `${f.actor} is on the map`).toBeGreaterThan(0);
        expect(onMap, `${f.actor}: the legend's symbol is the map's`).toContain(f.d);
      }
      await page.close();
    });
  }
});

describe('an honest today', () => {
  it('opens at the record’s "data as of" month and says so on the first screen of a phone', async () => {
    const page = await openAtlas('', { width: 390, height: 844 });
    const [y, m] = dataAsOf.split('-').map(Number);
    const month = new Date(Date.UTC(y!, m! - 1, 1)).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await expect.poll(() => page.locator('#atlas-time').getAttribute('aria-valuetext')).toBe(month);
    const asOf = page.getByTestId('as-of');
    await expect.poll(() => asOf.textContent()).toMatch(/^Data as of /);
    const box = (await asOf.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await page.close();
  });

  it('a force no source has reported in the 18 months before that month is faded and named "last reported"', async () => {
    const sources = new Map(readdirSync(join(ROOT, 'data/sources')).filter((f) => f.endsWith('.json')).map((f) => {
      const s = JSON.parse(readFileSync(join(ROOT, 'data/sources', f), 'utf8')) as { id: string; date: string };
      return [s.id, s.date] as const;
    }));
    const presence = JSON.parse(readFileSync(join(ROOT, 'data/presence.json'), 'utf8')) as { id: string; end: string | null; status: string; sources: { source: string }[] }[];
    const [y, m] = dataAsOf.split('-').map(Number);
    const asOfMonth = y! * 12 + m! - 1;
    // The newest source is the one that begins latest ("2024-06-17" after "2024"); its last month counts (December for a year).
    const monthOf = (d: string) => { const [yy, mm] = d.split('-').map(Number); return yy! * 12 + (mm ? mm - 1 : 11); };
    const newest = (p: (typeof presence)[number]) => p.sources.map((c) => sources.get(c.source)!).sort().at(-1)!;
    const stale = presence.filter((p) => p.end === null && p.status !== 'alleged' && p.status !== 'denied' && monthOf(newest(p)) + 18 <= asOfMonth);
    const fresh = presence.filter((p) => p.end === null && p.status !== 'alleged' && p.status !== 'denied' && !stale.includes(p));
    expect(stale.length, 'the record has open presences not reported for 18 months').toBeGreaterThan(0);
    const page = await openAtlas('', { width: 1280, height: 800 });
    for (const p of stale) {
      const btn = page.locator(`.overlay button.force[data-forces~="${p.id}"]`);
      await expect.poll(() => btn.count(), { message: `${p.id} is on the map` }).toBe(1);
      const looks = (await btn.getAttribute('data-look'))!.split(' ');
      const ids = (await btn.getAttribute('data-forces'))!.split(' ');
      expect(looks[ids.indexOf(p.id)], `${p.id} is drawn faded`).toBe('stale');
      if (ids.length === 1) expect(await btn.getAttribute('aria-label')).toMatch(/last reported/);
    }
    for (const p of fresh) {
      const btn = page.locator(`.overlay button.force[data-forces~="${p.id}"]`);
      if ((await btn.count()) === 0) continue;
      const ids = (await btn.getAttribute('data-forces'))!.split(' ');
      expect((await btn.getAttribute('data-look'))!.split(' ')[ids.indexOf(p.id)], `${p.id} is drawn present`).toBe('solid');
    }
    // The legend says what faded means.
    await expect.poll(() => page.locator('[data-testid="legend"] li[data-legend="stale"]').count()).toBe(1);
    await page.close();
  });
});

