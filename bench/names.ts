/**
 * Are the map's names at their places? Lays out the map (map/overlay.ts, as the SVG map, MapLibre's
 * overlay and the images do) at the four map sizes of a 320 and a 390 px phone, a 720 px embed and a
 * 1,280 px laptop, in English, Arabic and Russian, at the key dates and the opening month, and
 * measures each place name's distance from its place's point (to the name's box): how many names
 * are drawn, how many lie within 24 px, the largest and the 95th percentile distance, the names
 * joined to their place by a leader line, and the names left out for want of room.
 *
 *   npx tsx bench/names.ts
 */
import { layoutOverlay } from '../src/lib/map/overlay.ts';
import { distanceToBox, NEAR } from '../src/lib/map/placement.ts';
import { frameProjection } from '../src/lib/map/frame.ts';
import { estimateWidth } from '../src/lib/map/encoding.ts';
import { translator, type Lang } from '../src/lib/i18n/i18n.ts';
import { openingMonth, viewAt } from '../src/lib/records/view.ts';
import { ALL_LAYERS } from '../src/lib/state/layers.ts';
import { currentMonth } from '../src/lib/time/months.ts';
import { monthIndex } from '../src/lib/time/dates.ts';
import { overlayInputs } from './lib/overlay-inputs.ts';

const FRAMES = { 'phone 320': [296, 296], 'phone 390': [366, 366], 'embed 720': [704, 446], 'laptop 1,280': [878, 558] } as const;
const DATES: [number, number][] = [[1943, 6], [1970, 6], [2011, 8], [2016, 6], [2019, 6], [2020, 6], [2025, 6]];

const { index, labels, regionAnchors } = overlayInputs();
const months = [...DATES.map(([y, m]) => monthIndex(y, m)), openingMonth(index, currentMonth())];

const all: number[] = [];
const leaders: number[] = [];
let dropped = 0;
for (const [name, [width, height]] of Object.entries(FRAMES)) {
  const project = frameProjection(width, height);
  const here: number[] = [];
  let left = 0;
  for (const lang of ['en', 'ar', 'ru'] as Lang[]) {
    for (const t of months) {
      const overlay = layoutOverlay({ index, view: viewAt(index, t), layers: ALL_LAYERS, width, height, project: (ll) => project(ll) as [number, number], tr: translator(lang), regionAnchors, labels, measure: estimateWidth });
      for (const m of overlay.markers) {
        for (const row of m.rows) {
          const f = index.features.get(row.id);
          if (!f || f.geometry.type !== 'Point') continue;
          const d = distanceToBox(project(f.geometry.coordinates as [number, number]) as [number, number], row.text);
          (row.leader ? leaders : here).push(d);
        }
      }
      left += overlay.dropped.length;
    }
  }
  all.push(...here);
  dropped += left;
  console.log(`${name} (${width} × ${height} px map): ${here.length} names beside their places, ${here.filter((d) => d > NEAR).length} beyond ${NEAR} px; ${left} left out`);
}
const sorted = [...all].sort((a, b) => a - b);
const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0;
console.log(`In all: ${(all.length + leaders.length).toLocaleString("en")} names drawn; ${all.filter((d) => d <= NEAR).length.toLocaleString("en")} within ${NEAR} px of their place (max ${Math.max(0, ...all).toFixed(1)} px, 95th percentile ${p95.toFixed(1)} px); ${leaders.length} joined by a leader line (up to ${Math.max(0, ...leaders).toFixed(0)} px); ${dropped.toLocaleString("en")} left out for want of room (the places list and the "+n" buttons still reach them).`);
