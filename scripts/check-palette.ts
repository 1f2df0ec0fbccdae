/**
 * Prints, for every pair of authorities that hold territory in the same month, how far apart
 * their map fills are (CIEDE2000) for normal vision and simulated protanopia, deuteranopia and
 * tritanopia; exits 1 if any pair is closer than the threshold. `npx tsx scripts/check-palette.ts`
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexData } from '../src/lib/records/selectors.ts';
import type { AtlasData } from '../src/lib/records/types.ts';
import { MIN_DELTA_E, VISIONS, checkPalette } from './lib/palette.ts';

// Read the files directly (src/lib/records/data.ts needs Vite's import.meta.glob and .geojson loader).
const root = resolve(import.meta.dirname, '..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as unknown;
const atlasData = {
  actors: json('data/actors.json'),
  control: json('data/control.json'),
  presence: json('data/presence.json'),
  events: json('data/events.json'),
  sources: readdirSync(join(root, 'data/sources')).filter((f) => f.endsWith('.json')).map((f) => json(`data/sources/${f}`)),
  regions: json('geo/regions.geojson'),
  places: json('geo/places.geojson'),
  counterparts: json('geo/counterparts.geojson'),
} as AtlasData;
const index = indexData(atlasData);
const checks = checkPalette(index);
console.log(`${checks.length} pairs of authorities share a month. CIEDE2000 of the fills as drawn (72 % over white):`);
console.log(['pair'.padEnd(52), 'first month', ...VISIONS.map((v) => v.slice(0, 6).padStart(7))].join(' '));
for (const c of checks) {
  const flag = c.worst < MIN_DELTA_E ? '  ← too close' : '';
  console.log([`${c.a} / ${c.b}`.padEnd(52), c.first.padEnd(11), ...VISIONS.map((v) => c.delta[v].toFixed(1).padStart(7))].join(' ') + flag);
}
const bad = checks.filter((c) => c.worst < MIN_DELTA_E);
console.log(bad.length === 0 ? `All pairs at least ΔE00 ${MIN_DELTA_E} apart under every simulation.` : `${bad.length} pair(s) closer than ΔE00 ${MIN_DELTA_E}.`);
process.exitCode = bad.length === 0 ? 0 : 1;
