/**
 * `npm run bench`: the atlas against bare MapLibre (bench/baseline/), in headless Chromium, served
 * from one local server with gzip. The atlas has two modes: its default (the SVG map, drawn from the
 * view; what a reader sees first and scrubs) and its WebGL mode (MapLibre, after a zoom or pan).
 * Both are measured against the baseline, run by run in alternation. Prints a table and writes
 * bench/results/latest.json (and summary.md, copied into bench/README.md between markers).
 *
 * One file a section (bench/sections/: placement, first view, scrub and memory, long tasks, Lighthouse), over
 * bench/lib/ (options, statistics, the pages and what runs in them, Lighthouse, the summary table).
 *
 *   npm run bench                   full run (about 30 minutes on 2 shared cores)
 *   npm run bench -- --quick        smoke run on tiny sizes (12 months, 1,000 records, 1 run, no Lighthouse)
 *   options: --runs N (long tasks)  --scrub-runs N  --first-view-runs N  --stride N  --sizes 1000,10000
 *            --sections placement,first-view,scrub,long-tasks,lighthouse  --modes svg,webgl
 *            --no-lighthouse  --lighthouse-runs N  (quick: --sizes, --months)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { launch } from '../scripts/lib/chromium.ts';
import { serve } from '../scripts/lib/static-server.ts';
import { buildAll } from './build.ts';
import { config, FIRST_MONTH, quick, SECTIONS } from './lib/options.ts';
import { load } from './lib/stats.ts';
import { closePage, openSubject, type Ctx, type Run, type Subject } from './lib/harness.ts';
import { summary, type Report } from './lib/summary.ts';
import { firstView } from './sections/first-view.ts';
import { scrub } from './sections/scrub.ts';
import { longTasks } from './sections/long-tasks.ts';
import { lighthouseSection } from './sections/lighthouse.ts';
import { placement } from './sections/placement.ts';

export { EMBED_QUERY } from './lib/options.ts';

const root = resolve(import.meta.dirname, '..');

/** Builds the measured sites and serves them with gzip, counting the bytes sent per path. */
async function serveSites(log: (s: string) => void): Promise<{ ctx: Ctx; close: () => Promise<void>; chromiumVersion: string }> {
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
  return { ctx, close: () => served.close(), chromiumVersion };
}

/** The atlas's map size and slider range, so the baseline draws the same pixels over the same months. */
async function probeAtlas(ctx: Ctx, log: (s: string) => void): Promise<void> {
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

/** Writes the results (JSON and Markdown), and after a full run copies the table into bench/README.md between its markers. */
function writeResults(report: Record<string, unknown>): void {
  writeFileSync(resolve(config.resultsDir, quick ? 'quick.json' : 'latest.json'), JSON.stringify(report, null, 2));
  const md = summary(report as unknown as Report);
  writeFileSync(resolve(config.resultsDir, 'summary.md'), md);
  console.log('\n' + md);
  if (quick || !SECTIONS.every((s) => config.sections.includes(s))) return;
  const readme = resolve(root, 'bench/README.md');
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, 'utf8');
  const a = '<!-- bench:summary:start -->';
  const b = '<!-- bench:summary:end -->';
  if (text.includes(a) && text.includes(b)) writeFileSync(readme, text.slice(0, text.indexOf(a) + a.length) + '\n' + md + '\n' + text.slice(text.indexOf(b)));
}

export async function main(): Promise<void> {
  const started = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s} (load ${load().join(' ')})`);
  const { ctx, close, chromiumVersion } = await serveSites(log);
  const subjects: Subject[] = [...config.modes, 'baseline'];
  const loads: Run['loads'] = { start: load() };
  const run: Run = { ctx, subjects, log, loads };
  const result: Record<string, unknown> = { load: loads };

  if (config.sections.includes('placement')) result['placement'] = await placement(run, quick ? 37 : 1);
  await probeAtlas(ctx, log);
  if (config.sections.includes('first-view')) result['firstView'] = await firstView(run);
  if (config.sections.includes('scrub')) Object.assign(result, await scrub(run));
  if (config.sections.includes('long-tasks')) result['longTasks'] = await longTasks(run);
  if (config.lighthouseRuns > 0 && config.sections.includes('lighthouse')) result['lighthouse'] = await lighthouseSection(run);
  await close();
  loads['end'] = load();

  writeResults({
    date: new Date().toISOString(),
    quick,
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: chromiumVersion },
    config: { ...config, stride: Object.fromEntries(['real', ...config.sizes].map((s) => [s, config.stride(s as number | 'real')])) },
    durationS: Math.round((Date.now() - started) / 1000),
    ...result,
  });
  log('done');
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
