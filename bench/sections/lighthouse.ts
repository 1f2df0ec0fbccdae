/** 4. Lighthouse (its own Chromium), on the normal build (default view and embed) and the baseline, mobile and desktop. */
import { resolve } from 'node:path';
import { config, EMBED_QUERY } from '../lib/options.ts';
import { load, stats } from '../lib/stats.ts';
import { urlOf, type Run } from '../lib/harness.ts';
import { lighthouse, LH_METRICS, type LighthouseRun } from '../lib/lighthouse.ts';

export async function lighthouseSection({ ctx, log, loads }: Run): Promise<Record<string, unknown>> {
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
  return lh;
}
