/**
 * Colour-vision checks for the map's palette: the authorities shown in the same month, and the
 * foreign forces shown in the same month, must stay distinguishable for readers with protanopia,
 * deuteranopia or tritanopia; an area drawn as uncertain must still read as its holder's. The
 * colours checked are the fills and symbols as the map draws them (encoding.ts), not a copy.
 * Simulation: Machado, Oliveira & Fernandes (2009), severity 1, and distance: CIEDE2000, both from
 * culori.
 */
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, type Rgb as CuloriRgb } from 'culori';
import type { AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { FORCE_SHAPE, actorColor, areaFill, forceFamily, hexToRgb as hex } from '../../src/lib/map/encoding.ts';
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
export const MIN_DELTA_E = 10;

export const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

function comparePairs(pairs: Iterable<{ a: string; b: string; first: string }>, colour: (id: string) => Rgb): PairCheck[] {
  return [...pairs]
    .map(({ a, b, first }) => {
      const delta = Object.fromEntries(VISIONS.map((v) => [v, deltaE2000(simulate(colour(a), v), simulate(colour(b), v))])) as Record<Vision, number>;
      return { a, b, first, delta, worst: Math.min(...Object.values(delta)) };
    })
    .sort((x, y) => x.worst - y.worst);
}

/** Authorities shown in the same month: their fills as drawn (over white land). */
export function checkPalette(index: AtlasIndex, last?: number): PairCheck[] {
  return comparePairs(coOccurringHolders(index, last).values(), (id) => areaFill(actorColor(index.actors.get(id))));
}

/** Pairs of foreign forces shown in the same month, with the first such month. */
export function coOccurringForces(index: AtlasIndex, last = currentMonth()): Map<string, { a: string; b: string; first: string }> {
  const pairs = new Map<string, { a: string; b: string; first: string }>();
  for (let t = FIRST_MONTH; t <= last; t++) {
    const list = [...viewAt(index, t).legend.forces].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}|${list[j]}`;
        if (!pairs.has(key)) pairs.set(key, { a: list[i]!, b: list[j]!, first: monthKey(t) });
      }
    }
  }
  return pairs;
}

/** Foreign forces shown in the same month: their symbols' colours. */
export function checkForcePalette(index: AtlasIndex, last?: number): PairCheck[] {
  return comparePairs(coOccurringForces(index, last).values(), (id) => hex(actorColor(index.actors.get(id))));
}

/** Each foreign force and each authority whose fill it can stand on in the same month, with the first such month. */
export function forcesOverFills(index: AtlasIndex, last = currentMonth()): Map<string, { a: string; b: string; first: string }> {
  const pairs = new Map<string, { a: string; b: string; first: string }>();
  for (let t = FIRST_MONTH; t <= last; t++) {
    const { forces, holders } = viewAt(index, t).legend;
    for (const f of forces) for (const h of holders) if (!pairs.has(`${f}|${h}`)) pairs.set(`${f}|${h}`, { a: f, b: h, first: monthKey(t) });
  }
  return pairs;
}

/** A force's symbol against the fills it can stand on that month: the symbol's colour as drawn against the fill as drawn. */
export function checkForcesOnFills(index: AtlasIndex, last?: number): PairCheck[] {
  const pairs = [...forcesOverFills(index, last).values()];
  const colourOf = new Map(pairs.flatMap((p) => [[`f:${p.a}`, hex(actorColor(index.actors.get(p.a)))], [`h:${p.b}`, areaFill(actorColor(index.actors.get(p.b)))]] as const));
  return pairs
    .map(({ a, b, first }) => {
      const delta = Object.fromEntries(VISIONS.map((v) => [v, deltaE2000(simulate(colourOf.get(`f:${a}`)!, v), simulate(colourOf.get(`h:${b}`)!, v))])) as Record<Vision, number>;
      return { a, b, first, delta, worst: Math.min(...Object.values(delta)) };
    })
    .sort((x, y) => x.worst - y.worst);
}

/** Do these forces' symbols differ in shape (each family its own) as well as colour? */
export function forceShapesDiffer(actors: string[]): boolean {
  const families = new Set(actors.map(forceFamily));
  return new Set([...families].map((f) => FORCE_SHAPE[f])).size === families.size;
}

export interface UncertainCheck {
  actor: string;
  /** The closest other authority to the uncertain form, and how close (worst vision). */
  nearest: string;
  toOther: number;
  /** How far the uncertain form is from the actor's own certain fill (worst vision). */
  toSelf: number;
}

/**
 * An area drawn as uncertain keeps its holder's colour: its fill stays closer to the holder's
 * certain fill than to any other authority's, under every vision.
 */
export function checkUncertain(index: AtlasIndex, last?: number): UncertainCheck[] {
  const holders = [...new Set([...coOccurringHolders(index, last).values()].flatMap((p) => [p.a, p.b]))];
  const colour = (id: string) => actorColor(index.actors.get(id));
  const worst = (a: Rgb, b: Rgb, pick: (...n: number[]) => number) => pick(...VISIONS.map((v) => deltaE2000(simulate(a, v), simulate(b, v))));
  return holders.map((actor) => {
    const faded = areaFill(colour(actor), true);
    const toSelf = worst(faded, areaFill(colour(actor)), Math.max);
    const others = holders.filter((o) => o !== actor && colour(o) !== colour(actor)).map((o) => ({ o, d: worst(faded, areaFill(colour(o)), Math.min) }));
    const nearest = others.reduce((m, x) => (x.d < m.d ? x : m), { o: '', d: Infinity });
    return { actor, nearest: nearest.o, toOther: nearest.d, toSelf };
  });
}
