/**
 * `npm run bench`: the atlas against bare MapLibre (bench/baseline/), in headless Chromium, served
 * from one local server with gzip. The atlas has two modes: its default (the SVG map, drawn from the
 * view; what a reader sees first and scrubs) and its WebGL mode (MapLibre, after a zoom or pan).
 * Both are measured against the baseline, run by run in alternation. Prints a table and writes
 * bench/results/latest.json (and summary.md, copied into bench/README.md between markers).
 *
 *   npm run bench                   full run (about 30 minutes on 2 shared cores)
 *   npm run bench -- --quick        smoke run on tiny sizes (12 months, 1,000 records, 1 run, no Lighthouse)
 *   options: --runs N (long tasks)  --scrub-runs N  --first-view-runs N  --stride N  --sizes 1000,10000
 *            --sections first-view,scrub,long-tasks,lighthouse  --modes svg,webgl
 *            --no-lighthouse  --lighthouse-runs N  (quick: --sizes, --months)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launch } from '../scripts/lib/chromium.ts';
import { serve } from '../scripts/lib/static-server.ts';
import { loadData } from '../scripts/lib/load-data.ts';
import { indexData, pointOf } from '../src/lib/records/atlasIndex.ts';
import { viewAt } from '../src/lib/records/view.ts';
import type { AtlasData } from '../src/lib/records/types.ts';
import { buildAll, type Attribution, type Category } from './build.ts';

const root = resolve(import.meta.dirname, '..');
const exec = promisify(execFile);

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('quick');
const FIRST_MONTH = 1943 * 12;
/** The embed a graphics desk would ship (issue 11): a date, a place open, compact layout. */
export const EMBED_QUERY = '?embed=1&date=2019-06&place=tripoli';

type Section = 'first-view' | 'scrub' | 'long-tasks' | 'lighthouse';
/** The atlas's two ways of drawing the map: the SVG map (default, first view) and MapLibre (after a zoom). */
type Mode = 'svg' | 'webgl';

export interface Config {
  quick: boolean;
  /** Runs of each page for long tasks. */
  runs: number;
  scrubRuns: number;
  firstViewRuns: number;
  /** Generated set sizes (the real data is always measured too). */
  sizes: number[];
  /** Month step of the sweep for each size ("real" or a record count): 1 = every month. */
  stride: (size: number | 'real') => number;
  /** Months swept (from January 1943); undefined = up to the current month. */
  months?: number;
  memorySteps: [number, number];
  longTaskSeconds: number;
  lighthouseRuns: number;
  sections: Section[];
  modes: Mode[];
  resultsDir: string;
}

const SECTIONS: Section[] = ['first-view', 'scrub', 'long-tasks', 'lighthouse'];
const sections = (opt('sections')?.split(',') as Section[] | undefined) ?? SECTIONS;
const modes = (opt('modes')?.split(',') as Mode[] | undefined) ?? ['svg', 'webgl'];

const config: Config = quick
  ? {
      quick,
      runs: 1,
      scrubRuns: 1,
      firstViewRuns: 1,
      sizes: (opt('sizes') ?? '1000').split(',').map(Number),
      stride: () => 1,
      months: Number(opt('months') ?? 12),
      memorySteps: [5, 12],
      longTaskSeconds: 1,
      lighthouseRuns: 0,
      sections: sections.filter((s) => s !== 'lighthouse'),
      modes,
      resultsDir: resolve(root, 'bench/results/quick'),
    }
  : {
      quick,
      runs: Number(opt('runs') ?? 3),
      scrubRuns: Number(opt('scrub-runs') ?? 1),
      firstViewRuns: Number(opt('first-view-runs') ?? 7),
      sizes: (opt('sizes') ?? '1000,10000,100000').split(',').map(Number),
      // Every month with the real data; the generated sets sample the months (a MapLibre step costs
      // about the same whatever the jump), which keeps the whole run near 30 minutes. --stride 1 for all.
      stride: (size) => Number(opt('stride') ?? (size === 'real' ? 1 : size <= 10_000 ? 4 : 16)),
      memorySteps: [10, 1000],
      longTaskSeconds: 10,
      lighthouseRuns: flag('no-lighthouse') ? 0 : Number(opt('lighthouse-runs') ?? 3),
      sections: flag('no-lighthouse') ? sections.filter((s) => s !== 'lighthouse') : sections,
      modes,
      resultsDir: resolve(root, 'bench/results'),
    };

// ---------------------------------------------------------------- statistics

export interface Stats {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}
export function stats(xs: number[]): Stats {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : ((s[s.length / 2 - 1] ?? NaN) + (s[s.length / 2] ?? NaN)) / 2;
  return { n: s.length, median: mid, p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/** The machine's load average (1, 5, 15 minutes): the cores are shared, so every figure carries it. */
const load = (): [number, number, number] => loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];

// ---------------------------------------------------------------- in-page code

/**
 * Installed before any page script: long tasks, layout shifts, LCP, and the moments of the first
 * view: the first paint of a map (a WebGL draw call, or the frame after the atlas's SVG map, ≥ 200×150
 * px with paths, entered the page), "usable" (the frame after the time control and the SVG map's regions are
 * both in the page), and the place panel (embed with a place open).
 */
const INIT_SCRIPT = `
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

interface SweepResult {
  times: number[];
  failures: number;
}

/** WebGL (the atlas's MapLibre map, or the baseline): input event → MapLibre's next `idle` (the frame that shows the month, with its sources reloaded). */
async function sweepWebgl(page: Page, months: number[]): Promise<SweepResult> {
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
async function sweepSvg(page: Page, months: number[], expected: Map<number, string>): Promise<SweepResult> {
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

interface LongTaskResult {
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
async function scrubFor(page: Page, seconds: number, first: number, last: number, frames: 'map' | 'svg'): Promise<LongTaskResult> {
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
function benchIndex(site: string, size: number | 'real') {
  const { data, dataAsOf } = loadData(root);
  if (size === 'real') return indexData(data, dataAsOf);
  const gen = JSON.parse(readFileSync(resolve(site, 'data', `gen-${size}.json`), 'utf8')) as Pick<AtlasData, 'control' | 'presence' | 'events'>;
  return indexData({ ...data, control: [...data.control, ...gen.control], presence: [...data.presence, ...gen.presence], events: [...data.events, ...gen.events] }, dataAsOf);
}

/**
 * What the SVG map must show at each month, every layer on (svgMap.ts's rules): each region, or each
 * zone of a divided region, that has a holder, as "id:holder", and the number of arcs drawn.
 */
function expectedSvg(site: string, size: number | 'real', months: number[]): Map<number, string> {
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

// ---------------------------------------------------------------- harness

type Kind = 'atlas' | 'baseline';
/** A page measured in the scrub, long-task and memory sections. */
type Subject = 'svg' | 'webgl' | 'baseline';
const ORDER = (run: number, subjects: Subject[]): Subject[] => (run % 2 === 0 ? subjects : [...subjects].reverse());

interface Ctx {
  origin: string;
  site: string;
  /** Bytes sent per request path since the last reset. */
  sent: { path: string; bytes: number }[];
  attribution: Attribution;
  mapSize: { w: number; h: number };
  first: number;
  last: number;
}

function urlOf(ctx: Ctx, kind: Kind | 'atlas-normal', data?: number, query = ''): string {
  const q = new URLSearchParams(query);
  if (data) q.set('bench-data', String(data));
  if (kind === 'baseline') {
    q.set('w', String(ctx.mapSize.w));
    q.set('h', String(ctx.mapSize.h));
  }
  const path = kind === 'atlas' ? 'atlas-bench/' : kind === 'baseline' ? 'baseline/' : 'atlas/';
  const qs = q.toString();
  return `${ctx.origin}/${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Each page in a browser of its own: Chromium's GPU process (SwiftShader, on the CPU) is shared by a
 * browser's pages, and the frames of a page opened after a MapLibre page waited seconds behind it.
 */
async function newPage(ctx: Ctx, url: string): Promise<Page> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  page.on('pageerror', (e) => console.error(`  page error (${url}): ${e.message}`));
  return page;
}

/** Waits until the atlas's SVG map shows its regions (the atlas's default mode). */
const svgReady = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true' && document.querySelector('[data-testid="svg-map"] svg [data-area]') !== null, null, { timeout: 120_000 });

/** The atlas brings in MapLibre when the reader zooms: zoom in and back to the frame, as a reader would. */
async function toWebgl(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Show all of Libya' }).click();
}

const benchIdle = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __benchTimes?: { idle?: number } }).__benchTimes?.idle != null, null, { timeout: 120_000 });

/** Opens a page ready to be scrubbed: the atlas in its SVG or WebGL mode, or the baseline. */
async function openSubject(ctx: Ctx, subject: Subject, data?: number): Promise<Page> {
  const url = urlOf(ctx, subject === 'baseline' ? 'baseline' : 'atlas', data);
  const page = await newPage(ctx, url);
  await page.goto(url);
  if (subject === 'baseline') await benchIdle(page);
  else {
    await svgReady(page);
    if (subject === 'webgl') {
      await toWebgl(page);
      await benchIdle(page);
    }
  }
  // The map settles (MapLibre's idle after the reset, the SVG after its size) before the clock starts.
  await page.evaluate(() => {
    (window as unknown as { __stopWatch?: () => void }).__stopWatch?.();
    return new Promise((r) => setTimeout(r, 200));
  });
  return page;
}
const closePage = (page: Page) => page.context().browser()!.close();

type Bytes = Record<Category | 'total', number>;
function bytesOf(ctx: Ctx): Bytes {
  const b: Bytes = { maplibre: 0, own: 0, data: 0, css: 0, total: 0 };
  for (const { path, bytes } of ctx.sent) {
    const shares = ctx.attribution[path.slice(1)] ?? (path.startsWith('/data/') ? { data: 1 } : { own: 1 });
    for (const [cat, share] of Object.entries(shares) as [Category, number][]) b[cat] += bytes * share;
    b.total += bytes;
  }
  return b;
}

interface PageTimes {
  fcp: number;
  firstMapPaint: number;
  usable: number;
  panel: number;
  lcp: number;
  lcpElement: string;
  cls: number;
  /** End of the last long task of the load (the main thread is free from then on). */
  quiet: number;
  longTasks: number;
  /** Sum over long tasks of their time beyond 50 ms, until `quiet` (Total Blocking Time without throttling). */
  blockingMs: number;
}

/** Times of the first view, read in the page once it has been quiet for a second. */
async function pageTimes(page: Page): Promise<PageTimes> {
  return page.evaluate(async () => {
    type W = { __longtasks: { startTime: number; duration: number }[]; __shifts: { value: number }[]; __lcp: { startTime: number; element: string }[]; __firstMapPaint?: number; __usable?: number; __panel?: number };
    const w = window as unknown as W;
    const lastEnd = () => Math.max(0, ...w.__longtasks.map((e) => e.startTime + e.duration));
    // The frames marked by the init script have been drawn (-1: awaiting their frame).
    for (let i = 0; i < 100 && [w.__firstMapPaint, w.__usable, w.__panel].includes(-1); i++) await new Promise((r) => setTimeout(r, 50));
    // Quiet: a second without a long task (at most 20 s).
    const t0 = performance.now();
    while (performance.now() - t0 < 20_000 && performance.now() - Math.max(lastEnd(), t0 - 1000) < 1000) await new Promise((r) => setTimeout(r, 100));
    const ok = (x: number | undefined) => (x == null || x < 0 ? NaN : x);
    const lcp = w.__lcp.at(-1);
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      firstMapPaint: ok(w.__firstMapPaint),
      usable: ok(w.__usable),
      panel: ok(w.__panel),
      lcp: lcp?.startTime ?? NaN,
      lcpElement: lcp?.element ?? '',
      cls: w.__shifts.reduce((a, s) => a + s.value, 0),
      quiet: lastEnd(),
      longTasks: w.__longtasks.length,
      blockingMs: w.__longtasks.reduce((a, e) => a + Math.max(0, e.duration - 50), 0),
    };
  });
}

interface AtlasFirstView extends PageTimes {
  bytes: Bytes;
  files: { path: string; bytes: number }[];
  /** The reader's first zoom: MapLibre's chunk, worker and stylesheet arrive and draw (normal build). */
  takeover?: { loadMs: number; bytes: Bytes };
}

/** The normal build (no bench swaps): bytes until the first view is usable and quiet, its times, then the first zoom. */
async function atlasFirstView(ctx: Ctx, query: string, takeover: boolean): Promise<AtlasFirstView> {
  const url = urlOf(ctx, 'atlas-normal', undefined, query);
  const page = await newPage(ctx, url);
  ctx.sent.length = 0;
  await page.goto(url);
  await svgReady(page);
  if (new URLSearchParams(query).has('place')) await page.waitForSelector('[data-testid="panel-area"]', { timeout: 120_000 });
  const times = await pageTimes(page);
  const bytes = bytesOf(ctx);
  const files = [...ctx.sent];
  let tk: AtlasFirstView['takeover'];
  if (takeover) {
    ctx.sent.length = 0;
    const loadMs = await page.evaluate(
      () =>
        new Promise<number>((res) => {
          const html = document.documentElement;
          const t0 = performance.now();
          const mo = new MutationObserver(() => {
            if (html.dataset['webgl'] !== 'ready') return;
            mo.disconnect();
            res(performance.now() - t0);
          });
          mo.observe(html, { attributes: true, attributeFilter: ['data-webgl'] });
          document.querySelector<HTMLButtonElement>('button[aria-label="Zoom in"]')!.click();
        }),
    );
    tk = { loadMs, bytes: bytesOf(ctx) };
  }
  await closePage(page);
  return { ...times, bytes, files, takeover: tk };
}

interface BaselineFirstView extends PageTimes {
  load: number;
  idle: number;
  bytes: Bytes;
}

async function baselineFirstView(ctx: Ctx): Promise<BaselineFirstView> {
  const url = urlOf(ctx, 'baseline');
  const page = await newPage(ctx, url);
  ctx.sent.length = 0;
  await page.goto(url);
  await benchIdle(page);
  const times = await pageTimes(page);
  const t = await page.evaluate(() => (window as unknown as { __benchTimes: { load: number; idle: number } }).__benchTimes);
  const bytes = bytesOf(ctx);
  await closePage(page);
  return { ...times, load: t.load, idle: t.idle, bytes };
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

function monthsFor(ctx: Ctx, stride: number): number[] {
  const last = config.months ? FIRST_MONTH + config.months - 1 : ctx.last;
  const out: number[] = [];
  for (let m = FIRST_MONTH; m <= last; m += stride) out.push(m);
  return out;
}

// ---------------------------------------------------------------- Lighthouse

const LH_METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'interactive'] as const;

export interface LighthouseRun {
  score: number;
  audits: Record<string, number>;
  /** What cost: the LCP element, the long tasks and main-thread work by kind and by script, layout shifts. */
  lcpElement: string;
  longTasks: { url: string; duration: number; startTime: number }[];
  mainThread: Record<string, number>;
  bootup: { url: string; total: number; scripting: number }[];
  shifts: { node: string; score: number }[];
  load: [number, number, number];
}

type Details = { items?: Record<string, unknown>[] };
async function lighthouse(url: string, preset: 'mobile' | 'desktop', outFile: string): Promise<LighthouseRun | { error: string }> {
  const bin = resolve(root, 'node_modules/.bin/lighthouse');
  if (!existsSync(bin)) return { error: 'lighthouse is not installed (npm install)' };
  const args = [
    url,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  try {
    const before = load();
    await exec(bin, args, { env: { ...process.env, CHROME_PATH: chromiumPath() }, timeout: 180_000, maxBuffer: 64 << 20 });
    const r = JSON.parse(readFileSync(outFile, 'utf8')) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number; details?: Details & { type?: string } }> };
    const items = (id: string) => r.audits[id]?.details?.items ?? [];
    const n = (x: unknown) => Math.round(Number(x));
    const lcpNode = items('largest-contentful-paint-element').flatMap((x) => ((x as Details).items ?? [x]) as Record<string, unknown>[]).find((x) => (x['node'] as { selector?: string } | undefined)?.selector)
      ?? items('lcp-breakdown-insight').find((x) => x['type'] === 'node');
    const node = (lcpNode?.['node'] ?? lcpNode) as { selector?: string; snippet?: string } | undefined;
    return {
      score: r.categories.performance.score,
      audits: Object.fromEntries(LH_METRICS.map((k) => [k, r.audits[k]?.numericValue ?? NaN])),
      lcpElement: node?.selector ?? node?.snippet ?? '',
      longTasks: items('long-tasks').slice(0, 8).map((x) => ({ url: String(x['url']).replace(/^https?:\/\/[^/]+/, ''), duration: n(x['duration']), startTime: n(x['startTime']) })),
      mainThread: Object.fromEntries(items('mainthread-work-breakdown').map((x) => [String(x['group']), n(x['duration'])])),
      bootup: items('bootup-time').slice(0, 5).map((x) => ({ url: String(x['url']).replace(/^https?:\/\/[^/]+/, ''), total: n(x['total']), scripting: n(x['scripting']) })),
      shifts: items('layout-shifts').map((x) => ({ node: String((x['node'] as { selector?: string } | undefined)?.selector ?? ''), score: Number(x['score']) })),
      load: before,
    };
  } catch (e) {
    return { error: String((e as Error).message).split('\n')[0]! };
  }
}

// ---------------------------------------------------------------- main

export async function main(): Promise<void> {
  const started = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s} (load ${load().join(' ')})`);
  mkdirSync(config.resultsDir, { recursive: true });
  const site = resolve(config.resultsDir, 'site');
  log(`building into ${site}`);
  const { attribution } = await buildAll(site, config.sizes);

  const served = await serve({ root: site, gzip: true });
  const sent: Ctx['sent'] = [];
  served.server.on('request', (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
    res.end = ((...a: unknown[]) => {
      const chunk = a[0];
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) sent.push({ path, bytes: Buffer.byteLength(chunk) });
      return end(...a);
    }) as typeof res.end;
  });
  const browser = await launch();
  const chromiumVersion = browser.version();
  await browser.close();
  const ctx: Ctx = { origin: served.origin, site, sent, attribution, mapSize: { w: 860, h: 620 }, first: FIRST_MONTH, last: FIRST_MONTH };
  const subjects: Subject[] = [...config.modes, 'baseline'];

  const result: Record<string, unknown> = { load: { start: load() } };
  const loads = result['load'] as Record<string, [number, number, number]>;
  {
    // The atlas's map size and slider range, so the baseline draws the same pixels over the same months.
    {
      const page = await openSubject(ctx, 'svg');
      const probe = await page.evaluate(() => {
        const c = document.querySelector<HTMLElement>('[data-testid="svg-map"]')!;
        const i = document.querySelector<HTMLInputElement>('input[type="range"]')!;
        return { w: c.clientWidth, h: c.clientHeight, first: Number(i.min), last: Number(i.max) };
      });
      ctx.mapSize = { w: probe.w, h: probe.h };
      ctx.first = probe.first;
      ctx.last = probe.last;
      await closePage(page);
      log(`atlas map ${probe.w}×${probe.h} px, months ${probe.first}…${probe.last}`);
    }

    // 1. First view: the normal build (default and embed), and the baseline.
    if (config.sections.includes('first-view')) {
      const atlas: AtlasFirstView[] = [];
      const embed: AtlasFirstView[] = [];
      const base: BaselineFirstView[] = [];
      for (let r = 0; r < config.firstViewRuns; r++) {
        const steps = [() => atlasFirstView(ctx, '', true).then((x) => void atlas.push(x)), () => atlasFirstView(ctx, EMBED_QUERY, false).then((x) => void embed.push(x)), () => baselineFirstView(ctx).then((x) => void base.push(x))];
        for (const step of r % 2 === 0 ? steps : [...steps].reverse()) await step();
      }
      loads['firstView'] = load();
      log(`first view: ${config.firstViewRuns} runs each`);
      const timeStats = (xs: PageTimes[]) => ({
        fcp: stats(xs.map((x) => x.fcp)),
        firstMapPaint: stats(xs.map((x) => x.firstMapPaint)),
        usable: stats(xs.map((x) => x.usable)),
        panel: stats(xs.map((x) => x.panel)),
        lcp: stats(xs.map((x) => x.lcp)),
        lcpElement: xs.map((x) => x.lcpElement),
        cls: stats(xs.map((x) => x.cls)),
        quiet: stats(xs.map((x) => x.quiet)),
        blockingMs: stats(xs.map((x) => x.blockingMs)),
      });
      result['firstView'] = {
        atlas: { ...timeStats(atlas), bytes: atlas[0]!.bytes, files: atlas[0]!.files, takeover: { loadMs: stats(atlas.map((x) => x.takeover!.loadMs)), bytes: atlas[0]!.takeover!.bytes } },
        embed: { ...timeStats(embed), bytes: embed[0]!.bytes, files: embed[0]!.files, query: EMBED_QUERY },
        baseline: { ...timeStats(base), load: stats(base.map((x) => x.load)), idle: stats(base.map((x) => x.idle)), bytes: base[0]!.bytes },
      };
    }

    // 2. Scrub sweeps; the real-data sweep is also the memory test.
    if (config.sections.includes('scrub')) {
      const sizes: (number | 'real')[] = ['real', ...config.sizes];
      const scrub: Record<string, Partial<Record<Subject, { times: number[]; failures: number; steps: number }>>> = {};
      const memory: Partial<Record<Subject, { after: number[]; growth: number }[]>> = {};
      for (const size of sizes) {
        const months = monthsFor(ctx, config.stride(size));
        const [a, b] = config.memorySteps;
        const seq = size === 'real' && months.length < b ? Array.from({ length: b }, (_, i) => months[i % months.length]!) : months;
        const expected = config.modes.includes('svg') ? expectedSvg(site, size, seq) : new Map<number, string>();
        scrub[size] = {};
        for (let r = 0; r < config.scrubRuns; r++) {
          for (const subject of ORDER(r, subjects)) {
            const page = await openSubject(ctx, subject, size === 'real' ? undefined : size);
            const run = (ms: number[]) => (subject === 'svg' ? sweepSvg(page, ms, expected) : sweepWebgl(page, ms));
            const s = (scrub[size]![subject] ??= { times: [], failures: 0, steps: seq.length });
            if (size === 'real') {
              // Heap after GC after 10 and after 1,000 steps.
              const r1 = await run(seq.slice(0, a));
              const h1 = await heap(page);
              const r2 = await run(seq.slice(a, b));
              const h2 = await heap(page);
              const r3 = await run(seq.slice(b));
              (memory[subject] ??= []).push({ after: [h1, h2], growth: h2 - h1 });
              s.times.push(...r1.times, ...r2.times, ...r3.times);
              s.failures += r1.failures + r2.failures + r3.failures;
            } else {
              const res = await run(seq);
              s.times.push(...res.times);
              s.failures += res.failures;
            }
            await closePage(page);
            log(`scrub ${size} ${subject} run ${r + 1}: median ${stats(s.times).median.toFixed(1)} ms over ${s.times.length} steps, ${s.failures} failed`);
          }
        }
        loads[`scrub-${size}`] = load();
      }
      result['scrub'] = sizes.map((size) => ({
        size,
        stride: config.stride(size),
        monthsPerRun: scrub[size]!.baseline!.steps,
        load: loads[`scrub-${size}`],
        ...Object.fromEntries(subjects.map((k) => [k, { ...stats(scrub[size]![k]!.times), failures: scrub[size]![k]!.failures }])),
      }));
      result['memory'] = {
        steps: config.memorySteps,
        ...Object.fromEntries(subjects.map((k) => [k, { growth: stats(memory[k]!.map((m) => m.growth)), runs: memory[k] }])),
      };
    }

    // 3. Long tasks during a scripted drag.
    if (config.sections.includes('long-tasks')) {
      const lt: Partial<Record<Subject, LongTaskResult[]>> = {};
      for (let r = 0; r < config.runs; r++) {
        for (const subject of ORDER(r, subjects)) {
          const page = await openSubject(ctx, subject);
          (lt[subject] ??= []).push(await scrubFor(page, config.longTaskSeconds, ctx.first, ctx.last, subject === 'svg' ? 'svg' : 'map'));
          await closePage(page);
        }
      }
      loads['longTasks'] = load();
      log(`long tasks: ${config.runs} runs of ${config.longTaskSeconds} s each`);
      const ltStats = (k: Subject) => ({
        count: stats(lt[k]!.map((x) => x.count)),
        totalMs: stats(lt[k]!.map((x) => x.totalMs)),
        blockingMs: stats(lt[k]!.map((x) => x.blockingMs)),
        steps: stats(lt[k]!.map((x) => x.steps)),
        frames: stats(lt[k]!.map((x) => x.frames)),
      });
      result['longTasks'] = { seconds: config.longTaskSeconds, ...Object.fromEntries(subjects.map((k) => [k, ltStats(k)])) };
    }
  }

  // 4. Lighthouse (its own Chromium), on the normal build (default view and embed) and the baseline.
  if (config.lighthouseRuns > 0 && config.sections.includes('lighthouse')) {
    const lh: Record<string, unknown> = {};
    const pages = { atlas: urlOf(ctx, 'atlas-normal'), embed: urlOf(ctx, 'atlas-normal', undefined, EMBED_QUERY), baseline: urlOf(ctx, 'baseline') };
    for (const preset of ['mobile', 'desktop'] as const) {
      const runs: Record<string, (LighthouseRun | { error: string })[]> = {};
      for (let r = 0; r < config.lighthouseRuns; r++) {
        for (const [name, url] of Object.entries(pages)) (runs[name] ??= []).push(await lighthouse(url, preset, resolve(config.resultsDir, `lighthouse-${name}-${preset}-${r}.json`)));
      }
      for (const name of Object.keys(pages)) {
        const ok = runs[name]!.filter((x): x is LighthouseRun => 'score' in x);
        lh[`${name}-${preset}`] = ok.length
          ? { score: stats(ok.map((x) => x.score)), audits: Object.fromEntries(LH_METRICS.map((k) => [k, stats(ok.map((x) => x.audits[k]!)).median])), runs: ok }
          : { error: runs[name]!.map((x) => ('error' in x ? x.error : '')).join('; ') };
        log(`lighthouse ${name} ${preset}: ${ok.map((x) => x.score).join(', ') || 'failed'}`);
      }
    }
    loads['lighthouse'] = load();
    result['lighthouse'] = lh;
  }
  await served.close();
  loads['end'] = load();

  const report = {
    date: new Date().toISOString(),
    quick,
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion },
    config: { ...config, stride: Object.fromEntries(['real', ...config.sizes].map((s) => [s, config.stride(s as number | 'real')])) },
    durationS: Math.round((Date.now() - started) / 1000),
    ...result,
  };
  writeFileSync(resolve(config.resultsDir, quick ? 'quick.json' : 'latest.json'), JSON.stringify(report, null, 2));
  const md = summary(report as unknown as Report);
  writeFileSync(resolve(config.resultsDir, 'summary.md'), md);
  console.log('\n' + md);
  if (!quick && SECTIONS.every((s) => config.sections.includes(s))) {
    const readme = resolve(root, 'bench/README.md');
    if (existsSync(readme)) {
      const text = readFileSync(readme, 'utf8');
      const a = '<!-- bench:summary:start -->';
      const b = '<!-- bench:summary:end -->';
      if (text.includes(a) && text.includes(b)) writeFileSync(readme, text.slice(0, text.indexOf(a) + a.length) + '\n' + md + '\n' + text.slice(text.indexOf(b)));
    }
  }
  log('done');
}

// ---------------------------------------------------------------- table

type S = Stats;
type Times = { fcp: S; firstMapPaint: S; usable: S; panel: S; lcp: S; lcpElement: string[]; cls: S; quiet: S; blockingMs: S; bytes: Bytes };
interface Report {
  date: string;
  quick: boolean;
  durationS: number;
  load: Record<string, [number, number, number]>;
  machine: { nproc: number; cpu: string; memoryGB: number; node: string; chromium: string };
  firstView?: { atlas: Times & { takeover: { loadMs: S; bytes: Bytes } }; embed: Times & { query: string }; baseline: Times & { load: S; idle: S } };
  scrub?: ({ size: number | 'real'; stride: number; monthsPerRun: number; load: [number, number, number] } & Partial<Record<Subject, S & { failures: number }>>)[];
  memory?: { steps: [number, number] } & Partial<Record<Subject, { growth: S }>>;
  longTasks?: { seconds: number } & Partial<Record<Subject, Record<string, S>>>;
  lighthouse?: Record<string, { score?: S; audits?: Record<string, number>; runs?: LighthouseRun[]; error?: string }>;
}

export function summary(r: Report): string {
  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  const kb = (x: number) => (x / 1024).toFixed(1);
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
  const mb = (x: number) => (x / 2 ** 20).toFixed(2);
  const la = (l?: [number, number, number]) => (l ? l.map((x) => x.toFixed(1)).join(' / ') : '?');
  const mp = (s: S) => `${f0(s.median)} / ${f0(s.p95)}`;
  const lines: string[] = [];
  lines.push(
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (QUICK smoke run: tiny sizes, not figures)' : ''} in ${Math.round(r.durationS / 60)} min on ${r.machine.nproc} shared cores (${r.machine.cpu}), ${r.machine.memoryGB} GB, Chromium ${r.machine.chromium} headless (WebGL on SwiftShader, CPU), Node ${r.machine.node}; local server with gzip, no network throttling. Load average (1 / 5 / 15 min) at the start ${la(r.load['start'])}, at the end ${la(r.load['end'])}.`,
  );
  lines.push('');
  const fv = r.firstView;
  if (fv) {
    lines.push(`**First view** (normal build; gzip KB until the page is usable and its main thread quiet for 1 s; times in ms from navigation start, median / p95; load average ${la(r.load['firstView'])})`, '');
    lines.push('| page | MapLibre | own JS | CSS | data | total | FCP | first map paint | usable | LCP | main thread quiet | blocking (> 50 ms) | CLS |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const row = (name: string, v: Times) =>
      `| ${name} | ${kb(v.bytes.maplibre)} | ${kb(v.bytes.own)} | ${kb(v.bytes.css)} | ${kb(v.bytes.data)} | ${kb(v.bytes.total)} | ${mp(v.fcp)} | ${mp(v.firstMapPaint)} | ${mp(v.usable)} | ${mp(v.lcp)} | ${mp(v.quiet)} | ${mp(v.blockingMs)} | ${v.cls.max.toFixed(3)} |`;
    lines.push(row('atlas', fv.atlas));
    lines.push(row(`atlas embed \`${fv.embed.query}\``, fv.embed));
    lines.push(row('baseline (bare MapLibre)', fv.baseline));
    lines.push('');
    lines.push(
      `"Usable": the frame after the time control and the SVG map's regions are in the page; for the baseline, "first map paint" is MapLibre's first draw call and it is usable at MapLibre's first \`idle\`: **${mp(fv.baseline.idle)}** (\`load\` ${mp(fv.baseline.load)}). ` +
        `Atlas / baseline: first map paint / baseline \`load\` **${ratio(fv.atlas.firstMapPaint.median, fv.baseline.load.median)}**, usable / baseline \`idle\` **${ratio(fv.atlas.usable.median, fv.baseline.idle.median)}**; embed: usable / baseline \`idle\` **${ratio(fv.embed.usable.median, fv.baseline.idle.median)}**, its place panel at ${mp(fv.embed.panel)}. ` +
        `First view's own JS: **${kb(fv.atlas.bytes.own)} KB** gzip (target ≤ 120), MapLibre **${kb(fv.atlas.bytes.maplibre)} KB** (target 0). ` +
        `The reader's first zoom then brings in MapLibre: ${kb(fv.atlas.takeover.bytes.total)} KB gzip (MapLibre ${kb(fv.atlas.takeover.bytes.maplibre)}), drawn ${mp(fv.atlas.takeover.loadMs)} ms after the click.`,
    );
    lines.push('');
  }
  if (r.scrub) {
    lines.push('**Scrub**: slider `input` event → the map shows the new month (ms, median / p95). SVG (the atlas\'s default): the frame after the one in which the SVG shows the month (checked against the view); WebGL (after a zoom) and baseline: MapLibre\'s `idle`. Target: atlas / baseline ≤ 1.0.', '');
    lines.push('| records | months swept | SVG | WebGL | baseline | SVG / baseline (median, p95) | WebGL / baseline (median, p95) | failed steps (SVG / WebGL / baseline) | load average |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of r.scrub) {
      const b = s.baseline!;
      const cell = (x?: S) => (x ? `${f1(x.median)} / ${f1(x.p95)}` : '–');
      const rat = (x?: S) => (x ? `**${ratio(x.median, b.median)}**, ${ratio(x.p95, b.p95)}` : '–');
      lines.push(
        `| ${s.size === 'real' ? 'real data' : `real + ${Number(s.size).toLocaleString('en')}`} | ${s.monthsPerRun}${s.stride > 1 ? ` (1 month in ${s.stride})` : ''} | ${cell(s.svg)} | ${cell(s.webgl)} | ${cell(b)} | ${rat(s.svg)} | ${rat(s.webgl)} | ${s.svg?.failures ?? '–'} / ${s.webgl?.failures ?? '–'} / ${b.failures} | ${la(s.load)} |`,
      );
    }
    lines.push('');
  }
  const lt = r.longTasks;
  if (lt) {
    lines.push(`**Main thread** during a scripted ${lt.seconds}-second drag (one input event per animation frame, real data; median of runs; load average ${la(r.load['longTasks'])})`, '');
    lines.push('| | input events | map updates | long tasks | long-task ms | blocking ms (over 50 ms) |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const k of ['svg', 'webgl', 'baseline'] as const) {
      const x = lt[k];
      if (!x) continue;
      lines.push(`| ${k === 'svg' ? 'atlas, SVG map (default)' : k === 'webgl' ? 'atlas, WebGL' : 'baseline'} | ${f0(x['steps']!.median)} | ${f0(x['frames']!.median)} | ${f0(x['count']!.median)} | ${f0(x['totalMs']!.median)} | ${f0(x['blockingMs']!.median)} |`);
    }
    lines.push('', 'Map updates: SVG DOM updates, or MapLibre `render` events.', '');
  }
  const m = r.memory;
  if (m) {
    const g = (k: Subject) => (m[k] ? `${mb(m[k]!.growth.median)} MB (max ${mb(m[k]!.growth.max)})` : '–');
    lines.push(`**Memory**: JS heap growth after GC between ${m.steps[0]} and ${m.steps[1]} scrub steps (real data): atlas, SVG map **${g('svg')}**; atlas, WebGL ${g('webgl')}; baseline ${g('baseline')} (target: the atlas's default < 2 MB).`, '');
  }
  if (r.lighthouse) {
    lines.push(`**Lighthouse** 13.5 performance (median score of runs, range; metrics are medians, ms; load average at the end ${la(r.load['lighthouse'])}). Targets: ≥ 0.90 mobile, ≥ 0.98 desktop.`, '');
    lines.push('| page | preset | score | FCP | LCP | TBT | Speed Index | CLS | LCP element | load average per run |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    for (const [key, v] of Object.entries(r.lighthouse)) {
      const [page, preset] = key.split('-');
      const name = page === 'embed' ? `atlas embed` : page;
      if (v.error || !v.score || !v.audits) {
        lines.push(`| ${name} | ${preset} | not run: ${v.error ?? '?'} | | | | | | | |`);
        continue;
      }
      const a = v.audits;
      const lcpEl = [...new Set((v.runs ?? []).map((x) => x.lcpElement).filter(Boolean))].map((x) => `\`${x.replace(/\|/g, '\\|')}\``).join(', ');
      lines.push(
        `| ${name} | ${preset} | ${v.score.median.toFixed(2)} (${v.score.min.toFixed(2)}–${v.score.max.toFixed(2)}) | ${f0(a['first-contentful-paint']!)} | ${f0(a['largest-contentful-paint']!)} | ${f0(a['total-blocking-time']!)} | ${f0(a['speed-index']!)} | ${(a['cumulative-layout-shift'] ?? NaN).toFixed(3)} | ${lcpEl} | ${(v.runs ?? []).map((x) => x.load[0].toFixed(1)).join(', ')} |`,
      );
    }
  }
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
