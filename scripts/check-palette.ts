/**
 * Prints, for every pair of authorities shown in the same month, how far apart their map fills
 * are (CIEDE2000) for normal vision and simulated protanopia, deuteranopia and tritanopia; exits 1
 * if any pair is closer than the threshold. `npx tsx scripts/check-palette.ts`
 */
import { indexData } from '../src/lib/records/atlasIndex.ts';
import { MIN_DELTA_E, VISIONS, checkPalette } from './lib/palette.ts';
import { loadData } from './lib/load-data.ts';

const index = indexData(loadData().data);
const checks = checkPalette(index);
console.log(`${checks.length} pairs of authorities share a month. CIEDE2000 of the fills as drawn:`);
console.log(['pair'.padEnd(52), 'first month', ...VISIONS.map((v) => v.slice(0, 6).padStart(7))].join(' '));
for (const c of checks) {
  const flag = c.worst < MIN_DELTA_E ? '  ← too close' : '';
  console.log([`${c.a} / ${c.b}`.padEnd(52), c.first.padEnd(11), ...VISIONS.map((v) => c.delta[v].toFixed(1).padStart(7))].join(' ') + flag);
}
const bad = checks.filter((c) => c.worst < MIN_DELTA_E);
console.log(bad.length === 0 ? `All pairs at least ΔE00 ${MIN_DELTA_E} apart under every simulation.` : `${bad.length} pair(s) closer than ΔE00 ${MIN_DELTA_E}.`);
process.exitCode = bad.length === 0 ? 0 : 1;
