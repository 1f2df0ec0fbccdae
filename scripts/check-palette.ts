/**
 * Prints, for every pair of authorities (fills) and of foreign forces (symbols) shown in the same
 * month, and for every foreign force and the fills it can stand on that month, how far apart their colours are (CIEDE2000) for normal vision and simulated protanopia,
 * deuteranopia and tritanopia, and how an uncertain area's fill compares with its holder's; exits 1
 * if any pair is closer than the threshold or an uncertain fill reads as another holder.
 * `npx tsx scripts/check-palette.ts`
 */
import { indexData } from '../src/lib/records/atlasIndex.ts';
import { MIN_DELTA_E, VISIONS, checkForcePalette, checkForcesOnFills, checkPalette, checkUncertain } from './lib/palette.ts';
import { loadData } from './lib/load-data.ts';

const index = indexData(loadData().data);
let bad = 0;
for (const [what, checks] of [
  ['authorities (fills as drawn)', checkPalette(index)],
  ['foreign forces (symbols)', checkForcePalette(index)],
  ['a foreign force and a fill it stands on', checkForcesOnFills(index)],
] as const) {
  console.log(`${checks.length} pairs of ${what} share a month. CIEDE2000:`);
  console.log(['pair'.padEnd(52), 'first month', ...VISIONS.map((v) => v.slice(0, 6).padStart(7))].join(' '));
  for (const c of checks) {
    const flag = c.worst < MIN_DELTA_E ? '  ← too close' : '';
    console.log([`${c.a} / ${c.b}`.padEnd(52), c.first.padEnd(11), ...VISIONS.map((v) => c.delta[v].toFixed(1).padStart(7))].join(' ') + flag);
  }
  bad += checks.filter((c) => c.worst < MIN_DELTA_E).length;
  console.log(`Minimum: ΔE00 ${Math.min(...checks.map((c) => c.worst)).toFixed(1)}.\n`);
}
console.log('Uncertain areas keep their holder\'s colour (ΔE00 to its own certain fill, and to the nearest other authority, worst vision):');
for (const u of checkUncertain(index)) {
  const flag = u.toSelf >= u.toOther ? '  ← reads as another holder' : '';
  if (flag) bad++;
  console.log(`${u.actor.padEnd(32)} own ${u.toSelf.toFixed(1).padStart(5)}   nearest other ${u.toOther.toFixed(1).padStart(5)} (${u.nearest})${flag}`);
}
console.log(bad === 0 ? `All pairs at least ΔE00 ${MIN_DELTA_E} apart under every simulation; every uncertain fill stays its holder's.` : `${bad} problem(s).`);
process.exitCode = bad === 0 ? 0 : 1;
