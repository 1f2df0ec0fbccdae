/** Opening the measured pages (the atlas in its two modes, the baseline) and reading their first view, bytes and heap. */
import type { Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import type { Attribution, Category } from '../build.ts';
import { config, FIRST_MONTH } from './options.ts';
import { INIT_SCRIPT } from './in-page.ts';

export type Kind = 'atlas' | 'baseline';
/** A page measured in the scrub, long-task and memory sections. */
export type Subject = 'svg' | 'webgl' | 'baseline';
export const ORDER = (run: number, subjects: Subject[]): Subject[] => (run % 2 === 0 ? subjects : [...subjects].reverse());

export interface Ctx {
  origin: string;
  site: string;
  /** Bytes sent per request path since the last reset. */
  sent: { path: string; bytes: number }[];
  attribution: Attribution;
  mapSize: { w: number; h: number };
  first: number;
  last: number;
}

export function urlOf(ctx: Ctx, kind: Kind | 'atlas-normal', data?: number, query = ''): string {
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
export async function newPage(ctx: Ctx, url: string): Promise<Page> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  page.on('pageerror', (e) => console.error(`  page error (${url}): ${e.message}`));
  return page;
}

/** Waits until the atlas's SVG map shows its regions (the atlas's default mode). */
export const svgReady = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true' && document.querySelector('[data-testid="svg-map"] svg [data-area]') !== null, null, { timeout: 120_000 });

/** The atlas brings in MapLibre when the reader zooms: zoom in and back to the frame, as a reader would. */
export async function toWebgl(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Show all of Libya' }).click();
}

export const benchIdle = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __benchTimes?: { idle?: number } }).__benchTimes?.idle != null, null, { timeout: 120_000 });

/** Opens a page ready to be scrubbed: the atlas in its SVG or WebGL mode, or the baseline. */
export async function openSubject(ctx: Ctx, subject: Subject, data?: number): Promise<Page> {
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
export const closePage = (page: Page) => page.context().browser()!.close();

export type Bytes = Record<Category | 'total', number>;
export function bytesOf(ctx: Ctx): Bytes {
  const b: Bytes = { maplibre: 0, own: 0, data: 0, css: 0, total: 0 };
  for (const { path, bytes } of ctx.sent) {
    const shares = ctx.attribution[path.slice(1)] ?? (path.startsWith('/data/') ? { data: 1 } : { own: 1 });
    for (const [cat, share] of Object.entries(shares) as [Category, number][]) b[cat] += bytes * share;
    b.total += bytes;
  }
  return b;
}

export interface PageTimes {
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
export async function pageTimes(page: Page): Promise<PageTimes> {
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

export interface AtlasFirstView extends PageTimes {
  bytes: Bytes;
  files: { path: string; bytes: number }[];
  /** The reader's first zoom: MapLibre's chunk, worker and stylesheet arrive and draw (normal build). */
  takeover?: { loadMs: number; bytes: Bytes };
}

/** The normal build (no bench swaps): bytes until the first view is usable and quiet, its times, then the first zoom. */
export async function atlasFirstView(ctx: Ctx, query: string, takeover: boolean): Promise<AtlasFirstView> {
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

export interface BaselineFirstView extends PageTimes {
  load: number;
  idle: number;
  bytes: Bytes;
}

export async function baselineFirstView(ctx: Ctx): Promise<BaselineFirstView> {
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

export async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export function monthsFor(ctx: Ctx, stride: number): number[] {
  const last = config.months ? FIRST_MONTH + config.months - 1 : ctx.last;
  const out: number[] = [];
  for (let m = FIRST_MONTH; m <= last; m += stride) out.push(m);
  return out;
}

/** What every section is given: the served sites, the pages measured, a log line, and the machine's load after each section. */
export interface Run {
  ctx: Ctx;
  subjects: Subject[];
  log: (s: string) => void;
  loads: Record<string, [number, number, number]>;
}
