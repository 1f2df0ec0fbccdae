/** Lighthouse runs (its own Chromium) on a page. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium.ts';
import { load } from './stats.ts';

const root = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

export const LH_METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift', 'interactive'] as const;

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
export async function lighthouse(url: string, preset: 'mobile' | 'desktop', outFile: string): Promise<LighthouseRun | { error: string }> {
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
