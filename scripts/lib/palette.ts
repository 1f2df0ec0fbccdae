/**
 * Colour-vision checks for the map's palette: the authorities that hold territory in the same
 * month must stay distinguishable for readers with protanopia, deuteranopia or tritanopia.
 * Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear sRGB.
 * Distance: CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB, D65.
 */
import { controlAt, type AtlasIndex } from '../../src/lib/records/selectors.ts';
import { FIRST_MONTH, currentMonth } from '../../src/lib/time/months.ts';
import { monthKey } from '../../src/lib/time/months.ts';

export type Rgb = [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const MACHADO: Record<Exclude<Vision, 'normal'>, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export const hexToRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** The colour as seen over `under` at this opacity (the map draws region fills at 72 % over white). */
export function over(rgb: Rgb, alpha: number, under: Rgb = [255, 255, 255]): Rgb {
  return rgb.map((c, i) => c * alpha + under[i]! * (1 - alpha)) as Rgb;
}

export function simulate(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const lin = rgb.map(toLinear);
  return MACHADO[vision].map((row) => fromLinear(row[0]! * lin[0]! + row[1]! * lin[1]! + row[2]! * lin[2]!)) as Rgb;
}

export function toLab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(toLinear) as Rgb;
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference between two sRGB colours. */
export function deltaE2000(a: Rgb, b: Rgb): number {
  const [L1, a1, b1] = toLab(a);
  const [L2, a2, b2] = toLab(b);
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const h = (bb: number, ap: number) => {
    if (bb === 0 && ap === 0) return 0;
    const d = Math.atan2(bb, ap) / rad;
    return d >= 0 ? d : d + 360;
  };
  const h1p = h(b1, a1p);
  const h2p = h(b2, a2p);
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lmp = (L1 + L2) / 2;
  const Cmp = (C1p + C2p) / 2;
  let hmp = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hmp = (h1p + h2p) / 2;
    else hmp = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T =
    1 - 0.17 * Math.cos((hmp - 30) * rad) + 0.24 * Math.cos(2 * hmp * rad) + 0.32 * Math.cos((3 * hmp + 6) * rad) - 0.2 * Math.cos((4 * hmp - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hmp - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lmp - 50) ** 2) / Math.sqrt(20 + (Lmp - 50) ** 2);
  const Sc = 1 + 0.045 * Cmp;
  const Sh = 1 + 0.015 * Cmp * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** Pairs of authorities that hold (or contest) territory in the same month, with the first such month. */
export function coOccurringHolders(index: AtlasIndex, last = currentMonth()): Map<string, { a: string; b: string; first: string }> {
  const pairs = new Map<string, { a: string; b: string; first: string }>();
  for (let t = FIRST_MONTH; t <= last; t++) {
    const holders = new Set<string>();
    for (const id of [...index.regionIds, ...index.placeIds]) {
      // What the month shows for each place: its holder at the month's end, and those contesting it.
      // (In a month when one authority succeeds another, the two are not side by side.)
      const c = controlAt(index, id, t);
      if (c.current) holders.add(c.current.actor);
      for (const p of c.periods.filter((p) => p.contested)) {
        holders.add(p.actor);
        for (const a of p.contestedBy ?? []) holders.add(a);
      }
    }
    const list = [...holders].sort();
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
  /** CIEDE2000 under each vision, of the fills as drawn (72 % over white). */
  delta: Record<Vision, number>;
  worst: number;
}

/** Below this, two fills side by side are hard to tell apart (ΔE00 ≈ 10 reads as clearly different). */
export const MIN_DELTA_E = 8;

export const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** Region fill opacity on the map (style.ts). */
export const FILL_OPACITY = 0.72;

export function checkPalette(index: AtlasIndex, last?: number): PairCheck[] {
  const colour = (id: string) => hexToRgb(index.actors.get(id)?.color ?? '#bdbdbd');
  return [...coOccurringHolders(index, last).values()]
    .map(({ a, b, first }) => {
      const delta = Object.fromEntries(
        VISIONS.map((v) => [v, deltaE2000(simulate(over(colour(a), FILL_OPACITY), v), simulate(over(colour(b), FILL_OPACITY), v))]),
      ) as Record<Vision, number>;
      return { a, b, first, delta, worst: Math.min(...Object.values(delta)) };
    })
    .sort((x, y) => x.worst - y.worst);
}
