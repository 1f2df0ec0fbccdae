/**
 * Placement: how long one layout of the map's names and symbols takes (map/overlay.ts and
 * placement.ts: the main cost of a phone's first view after the map itself), for a 390 px phone's map
 * (366 × 366 px) and a laptop's (858 × 576 px), every month of the record, in English, Arabic and
 * Russian. Run in Node (V8, the engine of Chromium) with the width estimate the images use; each
 * layout is fresh (the placement's memo is bypassed), after a warm-up round. Timed in CPU time
 * (process.cpuUsage: the work itself, collection included), since on these shared machines the wall
 * clock also counts the time other processes hold the cores; the wall-clock figures are kept too.
 */
import { resolve } from 'node:path';
import { layoutOverlay } from '../../src/lib/map/overlay.ts';
import { frameProjection } from '../../src/lib/map/frame.ts';
import { estimateWidth } from '../../src/lib/map/encoding.ts';
import { translator, type Lang } from '../../src/lib/i18n/i18n.ts';
import { openingMonth, viewAt } from '../../src/lib/records/view.ts';
import { ALL_LAYERS } from '../../src/lib/state/layers.ts';
import { FIRST_MONTH, currentMonth } from '../../src/lib/time/months.ts';
import { stats, type Stats } from '../lib/stats.ts';
import { overlayInputs } from '../lib/overlay-inputs.ts';
import type { Run } from '../lib/harness.ts';

export const PLACEMENT_FRAMES = { phone: { width: 366, height: 366 }, laptop: { width: 858, height: 576 } } as const;

export type PlacementResult = Record<keyof typeof PLACEMENT_FRAMES, Stats & { layouts: number; wall: Stats }>;

export async function placement(run: Pick<Run, 'log'>, stride = 1): Promise<PlacementResult> {
  const { index, labels, regionAnchors } = overlayInputs();
  const last = Math.max(openingMonth(index, currentMonth()), currentMonth());
  const out = {} as PlacementResult;
  let fresh = 0;
  for (const [name, frame] of Object.entries(PLACEMENT_FRAMES) as [keyof typeof PLACEMENT_FRAMES, { width: number; height: number }][]) {
    const project = frameProjection(frame.width, frame.height);
    const times: number[] = [];
    const wall: number[] = [];
    for (const round of [0, 1]) {
      for (const lang of ['en', 'ar', 'ru'] as Lang[]) {
        const tr = translator(lang);
        for (let t = FIRST_MONTH; t <= last; t += stride) {
          const view = viewAt(index, t);
          // An obstacle outside the frame, different each time: the placement's memo never answers.
          const obstacles = [{ x: -1000 - ++fresh, y: -1000, w: 1, h: 1 }];
          const [t0, c0] = [performance.now(), process.cpuUsage()];
          layoutOverlay({ index, view, layers: ALL_LAYERS, ...frame, project: (ll) => project(ll) as [number, number], tr, regionAnchors, labels, measure: estimateWidth, obstacles });
          const cpu = process.cpuUsage(c0);
          if (round === 1) {
            times.push((cpu.user + cpu.system) / 1000);
            wall.push(performance.now() - t0);
          }
        }
      }
    }
    out[name] = { ...stats(times), layouts: times.length, wall: stats(wall) };
    run.log(`placement ${name} ${frame.width}×${frame.height}: CPU median ${out[name].median.toFixed(2)} ms, p95 ${out[name].p95.toFixed(2)} ms, max ${out[name].max.toFixed(1)} ms (wall median ${out[name].wall.median.toFixed(2)}, p95 ${out[name].wall.p95.toFixed(2)}) over ${times.length} layouts`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await placement({ log: (s) => console.log(s) });
}
