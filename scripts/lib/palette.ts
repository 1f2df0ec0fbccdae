/**
 * Colour-vision checks for the map's palette: the authorities shown in the same month must stay
 * distinguishable for readers with protanopia, deuteranopia or tritanopia. The colours checked are
 * the fills as the map draws them (encoding.ts), not a copy.
 * Simulation: Machado, Oliveira & Fernandes (2009), severity 1, and distance: CIEDE2000, both from
 * culori.
 */
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, type Rgb as CuloriRgb } from 'culori';
import type { AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { FILL_OPACITY, actorColor, blend } from '../../src/lib/map/encoding.ts';
import { FIRST_MONTH, currentMonth, monthKey } from '../../src/lib/time/months.ts';

export type Rgb = [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const FILTERS: Record<Exclude<Vision, 'normal'>, (c: CuloriRgb) => CuloriRgb> = {
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const ciede = differenceCiede2000();

export const hexToRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toCulori = ([r, g, b]: Rgb): CuloriRgb => ({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
const fromCulori = (c: CuloriRgb): Rgb => [c.r, c.g, c.b].map((v) => 255 * Math.min(1, Math.max(0, v))) as Rgb;

export function simulate(rgb: Rgb, vision: Vision): Rgb {
  return vision === 'normal' ? rgb : fromCulori(FILTERS[vision](toCulori(rgb)));
}

/** CIEDE2000 colour difference between two sRGB colours. */
export function deltaE2000(a: Rgb, b: Rgb): number {
  return ciede(toCulori(a), toCulori(b));
}

/** Pairs of authorities shown in the same month (holding or contesting a region, zone or place), with the first such month. */
export function coOccurringHolders(index: AtlasIndex, last = currentMonth()): Map<string, { a: string; b: string; first: string }> {
  const pairs = new Map<string, { a: string; b: string; first: string }>();
  for (let t = FIRST_MONTH; t <= last; t++) {
    const list = [...viewAt(index, t).legend.holders].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}|${list[j]}`;
        if (!pairs.has(key)) pairs.set(key, { a: list[i]!, b: list[j]!, first: monthKey(t) });
      }
    }
  }
  return pairs;
}

export interface PairCheck {
  a: string;
  b: string;
  first: string;
  /** CIEDE2000 under each vision, of the fills as drawn. */
  delta: Record<Vision, number>;
  worst: number;
}

/** Below this, two fills side by side are hard to tell apart (ΔE00 ≈ 10 reads as clearly different). */
export const MIN_DELTA_E = 8;

export const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

export function checkPalette(index: AtlasIndex, last?: number): PairCheck[] {
  const fill = (id: string): Rgb => blend(actorColor(index.actors.get(id)), FILL_OPACITY.certain);
  return [...coOccurringHolders(index, last).values()]
    .map(({ a, b, first }) => {
      const delta = Object.fromEntries(VISIONS.map((v) => [v, deltaE2000(simulate(fill(a), v), simulate(fill(b), v))])) as Record<Vision, number>;
      return { a, b, first, delta, worst: Math.min(...Object.values(delta)) };
    })
    .sort((x, y) => x.worst - y.worst);
}
