/** The benchmark's options (`npm run bench -- --help` lists them in bench/run.ts) and the configuration they make. */
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
export const quick = flag('quick');
export const FIRST_MONTH = 1943 * 12;
/** The embed a graphics desk would ship (issue 11): a date, a place open, compact layout. */
export const EMBED_QUERY = '?embed=1&date=2019-06&place=tripoli';

export type Section = 'first-view' | 'scrub' | 'long-tasks' | 'lighthouse' | 'placement';
/** The atlas's two ways of drawing the map: the SVG map (default, first view) and MapLibre (after a zoom). */
export type Mode = 'svg' | 'webgl';

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

export const SECTIONS: Section[] = ['placement', 'first-view', 'scrub', 'long-tasks', 'lighthouse'];
const sections = (opt('sections')?.split(',') as Section[] | undefined) ?? SECTIONS;
const modes = (opt('modes')?.split(',') as Mode[] | undefined) ?? ['svg', 'webgl'];

export const config: Config = quick
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
