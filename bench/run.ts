/**
 * `npm run bench`: the atlas against bare MapLibre (bench/baseline/), in headless Chromium, served
 * from one local server with gzip. Alternates atlas and baseline run by run; prints a table and
 * writes bench/results/latest.json (and summary.md, copied into bench/README.md between markers).
 *
 *   npm run bench                   full run (about 20 minutes on 2 cores)
 *   npm run bench -- --quick        smoke run on tiny sizes (12 months, 1,000 records, 1 run, no Lighthouse)
 *   options: --runs N (long tasks)  --scrub-runs N  --first-view-runs N  --stride N  --sizes 1000,10000
 *            --no-lighthouse  --lighthouse-runs N  (quick: --sizes, --months)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, launch } from '../tests/e2e/browser.ts';
import { serve } from '../scripts/lib/static-server.ts';
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

export interface Config {
  quick: boolean;
  /** Runs of each page for first view and long tasks, and for the scrub sweeps. */
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
  resultsDir: string;
}

const config: Config = quick
  ? {
      quick,
      runs: 1,
      scrubRuns: 1,
      firstViewRuns: 1,
      sizes: (opt('sizes') ?? '1000').split(',').map(Number),
      stride: () => 1,
      months: Number(opt('months') ?? 12),
      memorySteps: [10, 30],
      longTaskSeconds: 2,
      lighthouseRuns: 0,
      resultsDir: resolve(root, 'bench/results/quick'),
    }
  : {
      quick,
      runs: Number(opt('runs') ?? 3),
      scrubRuns: Number(opt('scrub-runs') ?? 1),
      firstViewRuns: Number(opt('first-view-runs') ?? 7),
      sizes: (opt('sizes') ?? '1000,10000,100000').split(',').map(Number),
      // Every month with the real data; the generated sets sample the months (a step costs about the
      // same whatever the jump), which keeps the whole run near 25 minutes on 2 cores. --stride 1 for all.
      stride: (size) => Number(opt('stride') ?? (size === 'real' ? 1 : size <= 10_000 ? 4 : 16)),
      memorySteps: [10, 1000],
      longTaskSeconds: 10,
      lighthouseRuns: flag('no-lighthouse') ? 0 : Number(opt('lighthouse-runs') ?? 2),
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

// ---------------------------------------------------------------- in-page code

/** Installed before any page script: the first paint of a map (a WebGL draw, or a large SVG with paths), long tasks. */
const INIT_SCRIPT = `
  globalThis.__name = (f) => f;
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ startTime: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;
const FIRST_PAINT_SCRIPT = `
  (() => {
    const mark = () => { if (window.__firstMapPaint == null) window.__firstMapPaint = performance.now(); };
    for (const C of [self.WebGL2RenderingContext, self.WebGLRenderingContext]) {
      if (!C) continue;
      for (const fn of ['drawElements', 'drawArrays']) {
        const orig = C.prototype[fn];
        C.prototype[fn] = function (...a) { mark(); return orig.apply(this, a); };
      }
    }
    const mo = new MutationObserver(() => {
      for (const svg of document.querySelectorAll('svg')) {
        const r = svg.getBoundingClientRect();
        if (r.width >= 200 && r.height >= 150 && svg.querySelector('path')) { mark(); mo.disconnect(); return; }
      }
    });
    mo.observe(document, { subtree: true, childList: true });
  })();
`;

interface SweepResult {
  times: number[];
  failures: number;
}

/** One step per month: input event → MapLibre's next `idle` (the frame that shows the month, with its sources reloaded). */
async function sweep(page: Page, months: number[]): Promise<SweepResult> {
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

interface LongTaskResult {
  steps: number;
  frames: number;
  count: number;
  totalMs: number;
  blockingMs: number;
}

/** A scripted drag: one input event per animation frame for `seconds`, cycling through the months. */
async function scrubFor(page: Page, seconds: number, first: number, last: number): Promise<LongTaskResult> {
  return page.evaluate(async ({ seconds, first, last }) => {
    const w = window as unknown as { __benchMap: import('maplibre-gl').Map; __longtasks: { startTime: number; duration: number }[] };
    const input = document.querySelector<HTMLInputElement>('input[type="range"]')!;
    let frames = 0;
    const onRender = () => frames++;
    w.__benchMap.on('render', onRender);
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
    w.__benchMap.off('render', onRender);
    const end = t0 + seconds * 1000;
    const lt = w.__longtasks.filter((e) => e.startTime >= t0 && e.startTime < end);
    return {
      steps,
      frames,
      count: lt.length,
      totalMs: lt.reduce((a, e) => a + e.duration, 0),
      blockingMs: lt.reduce((a, e) => a + Math.max(0, e.duration - 50), 0),
    };
  }, { seconds, first, last });
}

// ---------------------------------------------------------------- harness

type Kind = 'atlas' | 'baseline';
const KINDS_IN_ORDER = (run: number): Kind[] => (run % 2 === 0 ? ['atlas', 'baseline'] : ['baseline', 'atlas']);

interface Ctx {
  browser: Browser;
  origin: string;
  /** Bytes sent per request path since the last reset. */
  sent: { path: string; bytes: number }[];
  attribution: Attribution;
  mapSize: { w: number; h: number };
  first: number;
  last: number;
}

function urlOf(ctx: Ctx, kind: Kind | 'atlas-normal', data?: number): string {
  const q = new URLSearchParams();
  if (data) q.set('bench-data', String(data));
  if (kind === 'baseline') {
    q.set('w', String(ctx.mapSize.w));
    q.set('h', String(ctx.mapSize.h));
  }
  const path = kind === 'atlas' ? 'atlas-bench/' : kind === 'baseline' ? 'baseline/' : 'atlas/';
  const qs = q.toString();
  return `${ctx.origin}/${path}${qs ? `?${qs}` : ''}`;
}

async function openPage(ctx: Ctx, url: string, opts: { firstPaint?: boolean; wait?: 'idle' | 'ready' } = {}): Promise<Page> {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT + (opts.firstPaint ? FIRST_PAINT_SCRIPT : ''));
  page.on('pageerror', (e) => console.error(`  page error (${url}): ${e.message}`));
  await page.goto(url);
  if ((opts.wait ?? 'idle') === 'idle' && url.includes('/atlas')) {
    // The atlas draws its first view as SVG and brings in MapLibre when the reader zooms: zoom in
    // and back to the frame, as a reader would, to measure its MapLibre map.
    await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Show all of Libya' }).click();
  }
  if ((opts.wait ?? 'idle') === 'idle') {
    await page.waitForFunction(() => (window as unknown as { __benchTimes?: { idle?: number } }).__benchTimes?.idle != null, null, { timeout: 120_000 });
  } else {
    await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 120_000 });
  }
  return page;
}
const closePage = (page: Page) => page.context().close();

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

interface FirstView {
  firstMapPaint: number;
  load: number;
  idle: number;
  bytes: Bytes;
}

async function firstView(ctx: Ctx, kind: Kind): Promise<FirstView> {
  ctx.sent.length = 0;
  const page = await openPage(ctx, urlOf(ctx, kind), { firstPaint: true });
  await page.waitForTimeout(300);
  const t = await page.evaluate(() => {
    const w = window as unknown as { __benchTimes: { load: number; idle: number }; __firstMapPaint?: number };
    return { firstMapPaint: w.__firstMapPaint ?? NaN, load: w.__benchTimes.load, idle: w.__benchTimes.idle };
  });
  await closePage(page);
  return { ...t, bytes: bytesOf(ctx) };
}

/** The normal build (no bench swaps): exact bytes, and first paint from outside. */
async function normalBuildBytes(ctx: Ctx): Promise<{ bytes: Bytes; files: { path: string; bytes: number }[]; firstMapPaint: number }> {
  ctx.sent.length = 0;
  const page = await openPage(ctx, urlOf(ctx, 'atlas-normal'), { firstPaint: true, wait: 'ready' });
  await page.waitForTimeout(1000);
  const firstMapPaint = await page.evaluate(() => (window as unknown as { __firstMapPaint?: number }).__firstMapPaint ?? NaN);
  await closePage(page);
  return { bytes: bytesOf(ctx), files: [...ctx.sent], firstMapPaint };
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

async function lighthouse(url: string, preset: 'mobile' | 'desktop', outFile: string): Promise<{ score: number; audits: Record<string, number> } | { error: string }> {
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
    await exec(bin, args, { env: { ...process.env, CHROME_PATH: chromiumPath() }, timeout: 180_000, maxBuffer: 64 << 20 });
    const r = JSON.parse(readFileSync(outFile, 'utf8')) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number }> };
    const pick = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'interactive'];
    return { score: r.categories.performance.score, audits: Object.fromEntries(pick.map((k) => [k, r.audits[k]?.numericValue ?? NaN])) };
  } catch (e) {
    return { error: String((e as Error).message).split('\n')[0]! };
  }
}

// ---------------------------------------------------------------- main

export async function main(): Promise<void> {
  const started = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
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
  const ctx: Ctx = { browser, origin: served.origin, sent, attribution, mapSize: { w: 860, h: 620 }, first: FIRST_MONTH, last: FIRST_MONTH };

  const result: Record<string, unknown> = {};
  try {
    // The atlas's map size and slider range, so the baseline draws the same pixels over the same months.
    {
      const page = await openPage(ctx, urlOf(ctx, 'atlas'));
      const probe = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
        const i = document.querySelector<HTMLInputElement>('input[type="range"]')!;
        return { w: c.clientWidth, h: c.clientHeight, first: Number(i.min), last: Number(i.max) };
      });
      ctx.mapSize = { w: probe.w, h: probe.h };
      ctx.first = probe.first;
      ctx.last = probe.last;
      await closePage(page);
      log(`atlas map ${probe.w}×${probe.h} px, months ${probe.first}…${probe.last}`);
    }

    // 1. First view.
    const fv: Record<Kind, FirstView[]> = { atlas: [], baseline: [] };
    const normal: Awaited<ReturnType<typeof normalBuildBytes>>[] = [];
    for (let r = 0; r < config.firstViewRuns; r++) {
      for (const kind of KINDS_IN_ORDER(r)) fv[kind].push(await firstView(ctx, kind));
      normal.push(await normalBuildBytes(ctx));
    }
    log(`first view: ${config.firstViewRuns} runs each`);
    const fvStats = (kind: Kind) => ({
      firstMapPaint: stats(fv[kind].map((x) => x.firstMapPaint)),
      load: stats(fv[kind].map((x) => x.load)),
      idle: stats(fv[kind].map((x) => x.idle)),
      bytes: fv[kind][0]!.bytes,
    });
    result['firstView'] = {
      atlas: fvStats('atlas'),
      baseline: fvStats('baseline'),
      atlasNormalBuild: { bytes: normal[0]!.bytes, files: normal[0]!.files, firstMapPaint: stats(normal.map((x) => x.firstMapPaint)) },
    };

    // 2. Scrub sweeps, 3. long tasks, 4. memory.
    const sizes: (number | 'real')[] = ['real', ...config.sizes];
    const scrub: Record<string, Record<Kind, { times: number[]; failures: number; steps: number }>> = {};
    const memory: Record<Kind, { after: number[]; growth: number }[]> = { atlas: [], baseline: [] };
    for (const size of sizes) {
      const months = monthsFor(ctx, config.stride(size));
      scrub[size] = { atlas: { times: [], failures: 0, steps: months.length }, baseline: { times: [], failures: 0, steps: months.length } };
      for (let r = 0; r < config.scrubRuns; r++) {
        for (const kind of KINDS_IN_ORDER(r)) {
          const page = await openPage(ctx, urlOf(ctx, kind, size === 'real' ? undefined : size));
          const s = scrub[size]![kind];
          if (size === 'real') {
            // The real-data sweep doubles as the memory test: heap after GC after 10 and after 1,000 steps.
            const [a, b] = config.memorySteps;
            const seq = months.length >= b ? months : Array.from({ length: b }, (_, i) => months[i % months.length]!);
            const r1 = await sweep(page, seq.slice(0, a));
            const h1 = await heap(page);
            const r2 = await sweep(page, seq.slice(a, b));
            const h2 = await heap(page);
            const r3 = await sweep(page, seq.slice(b));
            memory[kind].push({ after: [h1, h2], growth: h2 - h1 });
            s.times.push(...r1.times, ...r2.times, ...r3.times);
            s.failures += r1.failures + r2.failures + r3.failures;
          } else {
            const res = await sweep(page, months);
            s.times.push(...res.times);
            s.failures += res.failures;
          }
          await closePage(page);
          log(`scrub ${size} ${kind} run ${r + 1}: median ${stats(s.times).median.toFixed(1)} ms over ${s.times.length} steps`);
        }
      }
    }
    result['scrub'] = sizes.map((size) => [size, scrub[size]!] as const).map(([size, v]) => ({
      size,
      stride: config.stride(size),
      monthsPerRun: v.atlas.steps,
      atlas: { ...stats(v.atlas.times), failures: v.atlas.failures },
      baseline: { ...stats(v.baseline.times), failures: v.baseline.failures },
    }));
    result['memory'] = {
      steps: config.memorySteps,
      atlas: { growth: stats(memory.atlas.map((m) => m.growth)), runs: memory.atlas },
      baseline: { growth: stats(memory.baseline.map((m) => m.growth)), runs: memory.baseline },
    };

    const lt: Record<Kind, LongTaskResult[]> = { atlas: [], baseline: [] };
    for (let r = 0; r < config.runs; r++) {
      for (const kind of KINDS_IN_ORDER(r)) {
        const page = await openPage(ctx, urlOf(ctx, kind));
        lt[kind].push(await scrubFor(page, config.longTaskSeconds, ctx.first, ctx.last));
        await closePage(page);
      }
    }
    log(`long tasks: ${config.runs} runs of ${config.longTaskSeconds} s each`);
    const ltStats = (k: Kind) => ({
      count: stats(lt[k].map((x) => x.count)),
      totalMs: stats(lt[k].map((x) => x.totalMs)),
      blockingMs: stats(lt[k].map((x) => x.blockingMs)),
      steps: stats(lt[k].map((x) => x.steps)),
      frames: stats(lt[k].map((x) => x.frames)),
    });
    result['longTasks'] = { seconds: config.longTaskSeconds, atlas: ltStats('atlas'), baseline: ltStats('baseline') };
  } finally {
    await browser.close();
  }

  // 5. Lighthouse (its own Chromium), on the normal build and the baseline.
  if (config.lighthouseRuns > 0) {
    const lh: Record<string, unknown> = {};
    for (const preset of ['mobile', 'desktop'] as const) {
      for (const kind of ['atlas', 'baseline'] as const) {
        const url = kind === 'atlas' ? urlOf(ctx, 'atlas-normal') : urlOf(ctx, 'baseline');
        const runs = [];
        for (let r = 0; r < config.lighthouseRuns; r++) runs.push(await lighthouse(url, preset, resolve(config.resultsDir, `lighthouse-${kind}-${preset}-${r}.json`)));
        const ok = runs.filter((x): x is { score: number; audits: Record<string, number> } => 'score' in x);
        lh[`${kind}-${preset}`] = ok.length
          ? { score: stats(ok.map((x) => x.score)), audits: Object.fromEntries(Object.keys(ok[0]!.audits).map((k) => [k, stats(ok.map((x) => x.audits[k]!)).median])) }
          : { error: runs.map((x) => ('error' in x ? x.error : '')).join('; ') };
        log(`lighthouse ${kind} ${preset}: ${ok.map((x) => x.score).join(', ') || 'failed'}`);
      }
    }
    result['lighthouse'] = lh;
  }
  await served.close();

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
  if (!quick) {
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
interface Report {
  date: string;
  quick: boolean;
  durationS: number;
  machine: { nproc: number; cpu: string; memoryGB: number; node: string; chromium: string };
  firstView: { atlas: { firstMapPaint: S; load: S; idle: S; bytes: Bytes }; baseline: { firstMapPaint: S; load: S; idle: S; bytes: Bytes }; atlasNormalBuild: { bytes: Bytes; firstMapPaint: S } };
  scrub: { size: number | 'real'; stride: number; monthsPerRun: number; atlas: S & { failures: number }; baseline: S & { failures: number } }[];
  memory: { steps: [number, number]; atlas: { growth: S }; baseline: { growth: S } };
  longTasks: { seconds: number; atlas: Record<string, S>; baseline: Record<string, S> };
  lighthouse?: Record<string, { score?: S; audits?: Record<string, number>; error?: string }>;
}

export function summary(r: Report): string {
  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  const kb = (x: number) => (x / 1024).toFixed(1);
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
  const mb = (x: number) => (x / 2 ** 20).toFixed(2);
  const lines: string[] = [];
  lines.push(`Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (QUICK smoke run: tiny sizes, not figures)' : ''} in ${Math.round(r.durationS / 60)} min on ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memoryGB} GB, Chromium ${r.machine.chromium} headless (WebGL on SwiftShader, CPU), Node ${r.machine.node}; local server with gzip, no network throttling.`);
  lines.push('');
  const fv = r.firstView;
  lines.push('**First view** (gzip KB transferred until MapLibre\'s first idle; times in ms from navigation start, median / p95)', '');
  lines.push('| | MapLibre | own JS | CSS | data | total | first map paint | MapLibre load | first idle |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (name: string, b: Bytes, v?: { firstMapPaint: S; load: S; idle: S }) =>
    `| ${name} | ${kb(b.maplibre)} | ${kb(b.own)} | ${kb(b.css)} | ${kb(b.data)} | ${kb(b.total)} | ${v ? `${f0(v.firstMapPaint.median)} / ${f0(v.firstMapPaint.p95)}` : ''} | ${v ? `${f0(v.load.median)} / ${f0(v.load.p95)}` : ''} | ${v ? `${f0(v.idle.median)} / ${f0(v.idle.p95)}` : ''} |`;
  lines.push(row('atlas (normal build)', fv.atlasNormalBuild.bytes, { firstMapPaint: fv.atlasNormalBuild.firstMapPaint, load: stats([]), idle: stats([]) }));
  lines.push(row('atlas (bench build)', fv.atlas.bytes, fv.atlas));
  lines.push(row('baseline', fv.baseline.bytes, fv.baseline));
  lines.push(`| ratio atlas / baseline | | | | | ${ratio(fv.atlasNormalBuild.bytes.total, fv.baseline.bytes.total)} | ${ratio(fv.atlas.firstMapPaint.median, fv.baseline.firstMapPaint.median)} | ${ratio(fv.atlas.load.median, fv.baseline.load.median)} | ${ratio(fv.atlas.idle.median, fv.baseline.idle.median)} |`);
  const nonMl = fv.atlasNormalBuild.bytes.total - fv.atlasNormalBuild.bytes.maplibre;
  lines.push('', `Everything but MapLibre (atlas, normal build): **${kb(nonMl)} KB** gzip (target ≤ 120). First map paint / baseline's MapLibre load: **${ratio(fv.atlas.firstMapPaint.median, fv.baseline.load.median)}** (target ≤ 0.5).`, '');
  lines.push('**Scrub**: slider `input` event → MapLibre `idle` with the new month drawn (ms)', '');
  lines.push('| records | months swept | atlas median | atlas p95 | baseline median | baseline p95 | ratio median | ratio p95 | failed steps |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.scrub) {
    const size = s.size;
    lines.push(`| ${size === 'real' ? 'real data' : `real + ${Number(size).toLocaleString('en')}`} | ${s.monthsPerRun}${s.stride > 1 ? ` (1 month in ${s.stride})` : ''} | ${f1(s.atlas.median)} | ${f1(s.atlas.p95)} | ${f1(s.baseline.median)} | ${f1(s.baseline.p95)} | ${ratio(s.atlas.median, s.baseline.median)} | ${ratio(s.atlas.p95, s.baseline.p95)} | ${s.atlas.failures} / ${s.baseline.failures} |`);
  }
  const lt = r.longTasks;
  lines.push('', `**Main thread** during a scripted ${lt.seconds}-second scrub (one input event per animation frame, real data; median of runs)`, '');
  lines.push('| | input events | map frames | long tasks | long-task ms | blocking ms (over 50 ms) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const k of ['atlas', 'baseline'] as const) {
    const x = lt[k];
    lines.push(`| ${k} | ${f0(x['steps']!.median)} | ${f0(x['frames']!.median)} | ${f0(x['count']!.median)} | ${f0(x['totalMs']!.median)} | ${f0(x['blockingMs']!.median)} |`);
  }
  const m = r.memory;
  lines.push('', `**Memory**: JS heap growth after GC between ${m.steps[0]} and ${m.steps[1]} scrub steps (real data): atlas **${mb(m.atlas.growth.median)} MB** (max ${mb(m.atlas.growth.max)}), baseline ${mb(m.baseline.growth.median)} MB (target: atlas < 2 MB).`);
  if (r.lighthouse) {
    lines.push('', '**Lighthouse** performance (median score of runs; FCP, LCP, TBT, SI in ms)', '');
    lines.push('| page | preset | score | FCP | LCP | TBT | Speed Index | CLS |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [key, v] of Object.entries(r.lighthouse)) {
      const [page, preset] = key.split('-');
      if (v.error || !v.score || !v.audits) {
        lines.push(`| ${page} | ${preset} | not run: ${v.error ?? '?'} | | | | | |`);
        continue;
      }
      const a = v.audits;
      lines.push(`| ${page} | ${preset} | ${v.score.median.toFixed(2)} (${v.score.min.toFixed(2)}–${v.score.max.toFixed(2)}) | ${f0(a['first-contentful-paint']!)} | ${f0(a['largest-contentful-paint']!)} | ${f0(a['total-blocking-time']!)} | ${f0(a['speed-index']!)} | ${(a['cumulative-layout-shift'] ?? NaN).toFixed(3)} |`);
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
