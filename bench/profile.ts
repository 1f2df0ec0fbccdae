/**
 * Where the first view spends its time on a slow phone: builds the atlas with source maps into a
 * temporary folder, loads a view in headless Chromium at 412 × 823 px under a 4× CPU slowdown with
 * the CPU profiler on, and prints the functions with the most time of their own and in all (by
 * their place in the source), up to the moment the map is ready and 1.5 s after.
 *
 *   npx tsx bench/profile.ts ['?embed=1&date=2019-06&place=tripoli'] [--top 25]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launch } from '../scripts/lib/chromium.ts';
import { serve } from '../scripts/lib/static-server.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

const argv = process.argv.slice(2);
const query = argv.find((a) => a.startsWith('?')) ?? '?embed=1&date=2019-06&place=tripoli';
const top = Number(argv[argv.indexOf('--top') + 1]) || 25;
const root = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'atlas-profile-'));
execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--sourcemap', '--outDir', out, '--emptyOutDir'], { cwd: root, stdio: 'ignore' });

const maps = new Map<string, SourceMapConsumer | null>();
function where(f: Node['callFrame']): string {
  const file = f.url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const map = join(out, 'assets', `${file}.map`);
    maps.set(file, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
  }
  const o = maps.get(file)?.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
  const name = o?.name ?? (f.functionName || '(anonymous)');
  return o?.source ? `${name} ${o.source.split('/').slice(-2).join('/')}:${o.line}` : `${name} ${file}`;
}

const served = await serve({ root: out, gzip: true });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${served.url}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<string, number>();
  const all = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const k = where(byId.get(id)!.callFrame);
    own.set(k, (own.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = where(byId.get(cur)!.callFrame);
      if (!seen.has(key)) all.set(key, (all.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const list = (m: Map<string, number>, keep: (k: string) => boolean = () => true) =>
    [...m]
      .filter(([k]) => !/^\((idle|program|root)\)/.test(k) && keep(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`${query} at 412 px, 4× CPU slowdown\n\nOwn time\n${list(own)}\n\nIn all (with what it calls)\n${list(all)}\n\nIn all, the atlas's own code\n${list(all, (k) => /\.(ts|svelte):\d+$/.test(k) && !/(client|shared|reactivity)\//.test(k))}`);
} finally {
  await browser.close();
  await served.close();
  rmSync(out, { recursive: true, force: true });
}
