/** 1. First view: the normal build (default view and embed) and the baseline, run by run in alternation. */
import { config, EMBED_QUERY } from '../lib/options.ts';
import { load, stats } from '../lib/stats.ts';
import { atlasFirstView, baselineFirstView, type AtlasFirstView, type BaselineFirstView, type PageTimes, type Run } from '../lib/harness.ts';

export async function firstView({ ctx, log, loads }: Run): Promise<Record<string, unknown>> {
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
  return {
    atlas: { ...timeStats(atlas), bytes: atlas[0]!.bytes, files: atlas[0]!.files, takeover: { loadMs: stats(atlas.map((x) => x.takeover!.loadMs)), bytes: atlas[0]!.takeover!.bytes } },
    embed: { ...timeStats(embed), bytes: embed[0]!.bytes, files: embed[0]!.files, query: EMBED_QUERY },
    baseline: { ...timeStats(base), load: stats(base.map((x) => x.load)), idle: stats(base.map((x) => x.idle)), bytes: base[0]!.bytes },
  };
}
