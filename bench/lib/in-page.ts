/** Code run in the measured pages: sweeps of the slider, a scripted drag's long tasks, and the SVG maps a sweep must show. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadData } from '../../scripts/lib/load-data.ts';
import { indexData, pointOf } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

const root = resolve(import.meta.dirname, '../..');

/**
 * Installed before any page script: long tasks, layout shifts, LCP, and the moments of the first
 * view: the first paint of a map (a WebGL draw call, or the frame after the atlas's SVG map, ≥ 200×150
 * px with paths, entered the page), "usable" (the frame after the time control and the SVG map's regions are
 * both in the page), and the place panel (embed with a place open).
 */
export const INIT_SCRIPT = `
  globalThis.__name = (f) => f;
  window.__longtasks = [];
  window.__shifts = [];
  window.__lcp = [];
  const observe = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  observe('longtask', (e) => window.__longtasks.push({ startTime: e.startTime, duration: e.duration }));
  observe('layout-shift', (e) => { if (!e.hadRecentInput) window.__shifts.push({ startTime: e.startTime, value: e.value }); });
  observe('largest-contentful-paint', (e) => window.__lcp.push({ startTime: e.startTime, size: e.size, element: e.element ? e.element.tagName.toLowerCase() + (e.element.className && typeof e.element.className === 'string' ? '.' + e.element.className.trim().split(/\\s+/)[0] : '') : '' }));
  (() => {
    const inFrame = (key) => { if (window[key] == null) { window[key] = -1; requestAnimationFrame(() => { window[key] = performance.now(); }); } };
    for (const C of [self.WebGL2RenderingContext, self.WebGLRenderingContext]) {
      if (!C) continue;
      for (const fn of ['drawElements', 'drawArrays']) {
        const orig = C.prototype[fn];
        C.prototype[fn] = function (...a) { if (window.__firstMapPaint == null || window.__firstMapPaint < 0) window.__firstMapPaint = performance.now(); return orig.apply(this, a); };
      }
    }
    const mo = new MutationObserver(() => {
      // Sizes from the SVG's attributes: reading its box would force a layout in the middle of the page's work.
      if (window.__firstMapPaint == null) {
        const svg = document.querySelector('[data-testid="svg-map"] svg');
        if (svg && Number(svg.getAttribute('width')) >= 200 && Number(svg.getAttribute('height')) >= 150 && svg.querySelector('path')) inFrame('__firstMapPaint');
      }
      if (window.__usable == null && document.querySelector('input[type="range"], [data-testid="fixed-date"]') && document.querySelector('[data-testid="svg-map"] svg [data-area]')) inFrame('__usable');
      if (window.__panel == null && document.querySelector('[data-testid="panel-area"]')) inFrame('__panel');
    });
    mo.observe(document, { subtree: true, childList: true });
    // Stopped before scrubbing, so that it costs the measured steps nothing.
    window.__stopWatch = () => mo.disconnect();
  })();
`;

export interface SweepResult {
  times: number[];
  failures: number;
}

/** WebGL (the atlas's MapLibre map, or the baseline): input event → MapLibre's next `idle` (the frame that shows the month, with its sources reloaded). */
export async function sweepWebgl(page: Page, months: number[]): Promise<SweepResult> {
  return page.evaluate(async ({ months }) => {
    const w = window as unknown as { __benchMap: import('maplibre-gl').Map };
    const map = w.__benchMap;
    const input = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    const times: number[] = [];
    let failures = 0;
    for (const m of months) {
      if (input.value === String(m)) continue;
      const done = new Promise<boolean>((res) => {
        const to = setTimeout(() => res(false), 30_000);
        map.once('idle', () => {
          clearTimeout(to);
          res(true);
        });
      });
      const t0 = performance.now();
      input.value = String(m);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const ok = await done;
      times.push(performance.now() - t0);
      const shown = (map as unknown as { getGlobalState?: () => Record<string, unknown> }).getGlobalState?.()['t'];
      if (!ok || (shown !== undefined && shown !== m)) failures++;
    }
    return { times, failures };
  }, { months });
}

/**
 * The SVG map (the atlas's default): input event → the frame after the one in which the SVG shows
 * the new month. At each animation frame the page is checked: the map's label names the month, and
 * the SVG's regions (data-area → data-actor) and arcs are those the view of that month draws
 * (computed in Node, see expectedSvg); one frame more and the clock stops.
 */
export async function sweepSvg(page: Page, months: number[], expected: Map<number, string>): Promise<SweepResult> {
  return page.evaluate(async ({ months, expected }) => {
    const input = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    const stage = document.querySelector<HTMLElement>('[data-testid="svg-map"]')!.closest<HTMLElement>('[role="region"]')!;
    const fmt = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const monthText = (m: number) => fmt.format(Date.UTC(Math.floor(m / 12), m % 12, 15));
    const signature = () => {
      const svg = document.querySelector('[data-testid="svg-map"]');
      if (!svg) return '';
      const areas = [...svg.querySelectorAll('[data-area]')].map((e) => `${e.getAttribute('data-area')}:${e.getAttribute('data-actor')}`).sort().join(' ');
      return `${areas}|${svg.querySelectorAll('[data-arc]').length}`;
    };
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const times: number[] = [];
    let failures = 0;
    for (const m of months) {
      if (input.value === String(m)) continue;
      const want = expected[String(m)];
      const t0 = performance.now();
      input.value = String(m);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let ok = false;
      while (performance.now() - t0 < 30_000) {
        await frame();
        if ((stage.getAttribute('aria-label') ?? '').includes(monthText(m)) && signature() === want) {
          ok = true;
          break;
        }
      }
      await frame();
      times.push(performance.now() - t0);
      if (!ok) failures++;
    }
    return { times, failures };
  }, { months, expected: Object.fromEntries(expected) as Record<string, string> });
}

export interface LongTaskResult {
  steps: number;
  frames: number;
  count: number;
  totalMs: number;
  blockingMs: number;
}

/**
 * A scripted drag: one input event per animation frame for `seconds`, cycling through the months.
 * Map frames: MapLibre's `render` events, or for the SVG map the updates of its DOM.
 */
export async function scrubFor(page: Page, seconds: number, first: number, last: number, frames: 'map' | 'svg'): Promise<LongTaskResult> {
  return page.evaluate(async ({ seconds, first, last, frames: source }) => {
    const w = window as unknown as { __benchMap: import('maplibre-gl').Map; __longtasks: { startTime: number; duration: number }[] };
    const input = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    let frames = 0;
    const onRender = () => frames++;
    const mo = new MutationObserver(onRender);
    if (source === 'map') w.__benchMap.on('render', onRender);
    else mo.observe(document.querySelector('[data-testid="svg-map"]')!, { childList: true, subtree: true });
    let m = first;
    let steps = 0;
    const t0 = performance.now();
    await new Promise<void>((res) => {
      const tick = () => {
        if (performance.now() - t0 >= seconds * 1000) return res();
        m = m >= last ? first : m + 1;
        input.value = String(m);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        steps++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await new Promise((r) => setTimeout(r, 300));
    if (source === 'map') w.__benchMap.off('render', onRender);
    mo.disconnect();
    const end = t0 + seconds * 1000;
    const lt = w.__longtasks.filter((e) => e.startTime >= t0 && e.startTime < end);
    return {
      steps,
      frames,
      count: lt.length,
      totalMs: lt.reduce((a, e) => a + e.duration, 0),
      blockingMs: lt.reduce((a, e) => a + Math.max(0, e.duration - 50), 0),
    };
  }, { seconds, first, last, frames });
}

// ---------------------------------------------------------------- expected SVG maps

/** The records a page holds: the real ones, plus the generated set when the URL asks for one (as bench/bench-data.ts does). */
export function benchIndex(site: string, size: number | 'real') {
  const { data, dataAsOf } = loadData(root);
  if (size === 'real') return indexData(data, dataAsOf);
  const gen = JSON.parse(readFileSync(resolve(site, 'data', `gen-${size}.json`), 'utf8')) as Pick<AtlasData, 'control' | 'presence' | 'events'>;
  return indexData({ ...data, control: [...data.control, ...gen.control], presence: [...data.presence, ...gen.presence], events: [...data.events, ...gen.events] }, dataAsOf);
}

/**
 * What the SVG map must show at each month, every layer on (svgMap.ts's rules): each region, or each
 * zone of a divided region, that has a holder, as "id:holder", and the number of arcs drawn.
 */
export function expectedSvg(site: string, size: number | 'real', months: number[]): Map<number, string> {
  const index = benchIndex(site, size);
  const out = new Map<number, string>();
  for (const m of new Set(months)) {
    const view = viewAt(index, m);
    const areas: string[] = [];
    for (const r of view.regions) for (const a of r.zones.length > 0 ? r.zones : [r]) if (a.shown && a.holder) areas.push(`${a.id}:${a.holder}`);
    const arcs = view.arcs.filter(({ event }) => pointOf(index, event.places[0]!) && event.counterpart && pointOf(index, event.counterpart)).length;
    out.set(m, `${areas.sort().join(' ')}|${arcs}`);
  }
  return out;
}
