/**
 * The atlas's visual encoding, in one place: colours, opacities, hatch and dash patterns, marker
 * shapes and how diplomatic arcs fade. The MapLibre style, the SVG renderer, the HTML markers,
 * the legend, the palette check and the end-to-end tests all import it, so what a test checks is
 * what a reader sees.
 */
import type { Actor } from '../records/types.ts';

export const PALETTE = {
  sea: '#dce9f2',
  land: '#f4f1ea',
  libyaLand: '#ffffff',
  border: '#9a9a9a',
  regionLine: '#ffffff',
  label: '#3b3b3b',
  regionLabel: '#1d1d1d',
  seaLabel: '#4a6f8a',
  halo: '#ffffff',
  arc: '#b2182b',
};

/** The colour of an actor with no colour of its own (or a colour that is not a #rrggbb value). */
export const FALLBACK_COLOR = '#bdbdbd';

const HEX = /^#[0-9a-f]{6}$/i;

/** An actor's map colour; only plain #rrggbb values are used, whatever the data says. */
export function actorColor(actor: Pick<Actor, 'color'> | undefined): string {
  const c = actor?.color;
  return c && HEX.test(c) ? c : FALLBACK_COLOR;
}

/** Region fills: opacity over the white land of Libya; lighter near an uncertain date. */
export const FILL_OPACITY = { certain: 0.72, uncertain: 0.35 };

/**
 * A region's fill as drawn: the holder's colour at FILL_OPACITY over Libya's white land, written
 * as an opaque colour. Opaque fills keep a month of change or contest honest in MapLibre, which
 * draws every period overlapping the month: the one on top covers the others instead of mixing.
 */
export function regionFill(color: string, uncertain: boolean): string {
  return rgbToHex(blend(color, uncertain ? FILL_OPACITY.uncertain : FILL_OPACITY.certain));
}

export const rgbToHex = (rgb: readonly number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Region outlines: solid, or dashed near an uncertain date. Dash lengths in CSS pixels. */
export const REGION_LINE = { width: 1.5, dash: [3, 3] as const };

/** MapLibre measures line dashes in line widths. */
export const dashInLineWidths = (dash: readonly number[], width: number): number[] => dash.map((d) => d / width);

/**
 * The hatch of a contested region: diagonal stripes in the challenger's colour with dark edges, so
 * it reads without colour vision. One tile of `size` × `size` pixels; pixel (x, y) belongs to the
 * stripe or an edge by (x + y) mod size.
 */
export const HATCH = { size: 12, edge: [0, 4], stripe: [1, 2, 3], edgeColor: [30, 30, 30] as const, edgeAlpha: 200 };

/** The actor whose colour hatches a contested period: its first challenger. */
export const challengerOf = (p: { contestedBy?: string[] | undefined }): string => p.contestedBy?.[0] ?? 'unknown';

/** MapLibre's image id of an actor's hatch. */
export const hatchImageId = (actor: string) => `atlas-hatch-${actor}`;

/** The hatch tile's pixel at (x, y): [r, g, b, a], a = 0 where the fill shows through. */
export function hatchPixel(rgb: readonly number[], x: number, y: number): [number, number, number, number] {
  const d = (x + y) % HATCH.size;
  if (HATCH.edge.includes(d)) return [HATCH.edgeColor[0], HATCH.edgeColor[1], HATCH.edgeColor[2], HATCH.edgeAlpha];
  if (HATCH.stripe.includes(d)) return [rgb[0]!, rgb[1]!, rgb[2]!, 255];
  return [0, 0, 0, 0];
}

export const hexToRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** The hatch tile as RGBA pixels (MapLibre's addImage). */
export function hatchImage(color: string): { width: number; height: number; data: Uint8Array } {
  const rgb = hexToRgb(color);
  const n = HATCH.size;
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) data.set(hatchPixel(rgb, x, y), (y * n + x) * 4);
  return { width: n, height: n, data };
}

/** A colour as it shows at `opacity` over `under` (both #rrggbb): what a reader sees of a fill. */
export function blend(color: string, opacity: number, under = PALETTE.libyaLand): [number, number, number] {
  const a = hexToRgb(color);
  const b = hexToRgb(under);
  return a.map((c, i) => Math.round(c * opacity + b[i]! * (1 - opacity))) as [number, number, number];
}

/** Diplomatic arcs: strong in the month of the event, then faint for the rest of ARC_MONTHS; dashed unless confirmed. */
export const ARC = {
  current: { width: 3, opacity: 0.95 },
  fading: { width: 1.5, opacity: 0.35 },
  /** Dash pattern in line widths for an arc whose event is not confirmed. */
  unconfirmedDash: [2, 1.5],
};

/** Foreign-force symbols: a shape per family, so Soviet, Wagner, Russian state and other forces differ without colour. */
export type ForceFamily = 'soviet' | 'wagner' | 'russian-state' | 'other';

const FAMILY: Record<string, ForceFamily> = {
  'soviet-advisers': 'soviet',
  wagner: 'wagner',
  'africa-corps': 'russian-state',
  'russian-armed-forces': 'russian-state',
};

export const forceFamily = (actor: string): ForceFamily => FAMILY[actor] ?? 'other';

/** Is this force Soviet or Russian (drawn stronger than other foreign forces)? */
export const isRussianForce = (actor: string): boolean => forceFamily(actor) !== 'other';

/** SVG path of each family's symbol, centred on 0,0 in a 16 × 16 box. */
export const FORCE_SHAPE: Record<ForceFamily, string> = {
  soviet: 'M-6,-6H6V6H-6Z',
  wagner: 'M0,-7L7,6H-7Z',
  'russian-state': 'M0,-7.5L7.5,0L0,7.5L-7.5,0Z',
  other: 'M7,0A7,7 0 1 1 -7,0A7,7 0 1 1 7,0Z',
};

/** A claim rather than a finding (alleged, denied) is drawn hollow. */
export const isHollow = (status: string): boolean => status === 'alleged' || status === 'denied';
