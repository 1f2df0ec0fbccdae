/**
 * The atlas's visual encoding, in one place: colours, opacities, hatch and dash patterns, marker
 * shapes and how diplomatic arcs fade. The MapLibre style, the SVG renderer, the HTML markers,
 * the legend, the palette check and the end-to-end tests all import it, so what a test checks is
 * what a reader sees.
 */
import type { Actor } from '../records/types.ts';
import { MAP, type MapColors, type Theme } from '../tokens/tokens.ts';
import { isClaimOnly } from '../records/why.ts';

/** How far from a thin diplomatic arc a click or tap still finds it, on either map (CSS px). */
export const ARC_PICK_PX = 6;

export type { Theme } from '../tokens/tokens.ts';

/** The map's own colours in the light theme (the design tokens', src/lib/tokens/tokens.ts); `mapPalette` gives either theme's. */
export const PALETTE = MAP.light;
export const mapPalette = (theme: Theme): MapColors => MAP[theme];

/** The colour of an actor with no colour of its own (or a colour that is not a #rrggbb value). */
export const FALLBACK_COLOR = '#bdbdbd';

const HEX = /^#[0-9a-f]{6}$/i;

/** An actor's map colour; only plain #rrggbb values are used, whatever the data says. */
export function actorColor(actor: Pick<Actor, 'color'> | undefined): string {
  const c = actor?.color;
  return c && HEX.test(c) ? c : FALLBACK_COLOR;
}

/**
 * Region fills: the holder's colour at this opacity over the white land of Libya, a light tint, so
 * control is the quiet context of the map and the foreign forces on it (Russia's first) stand out.
 * An uncertain date does not fade the fill (a faded colour reads as another holder or as bare
 * land): it is drawn as a dashed band inside the region's edge (UNCERTAIN_EDGE), so the colour
 * stays the holder's.
 */
export const FILL_OPACITY = { certain: 0.5 };

/** Region outlines (white, between regions). */
export const REGION_LINE = { width: 1.5 };

/** An uncertain date: a dashed dark band along the inside of the region's edge. CSS pixels. */
export const UNCERTAIN_EDGE = { width: 4, dash: [6, 4] as const, color: '#1d1d1d' };

/**
 * A rival authority's claim without armed contest: a dotted band in the claimant's colour along the
 * inside of the area's edge (the holder keeps its fill; nothing is striped), and a dotted ring in
 * that colour round a place's dot. CSS pixels.
 */
export const CLAIM_EDGE = { width: 3, dash: [2, 3] as const };

/** MapLibre measures line dashes in line widths. */
export const dashInLineWidths = (dash: readonly number[], width: number): number[] => dash.map((d) => d / width);

export const hexToRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
export const rgbToHex = (rgb: readonly number[]): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** A colour as it shows at `opacity` over `under` (both #rrggbb): what a reader sees of a fill. */
export function blend(color: string, opacity: number, under = PALETTE.libyaLand): [number, number, number] {
  const a = hexToRgb(color);
  const b = hexToRgb(under);
  return a.map((c, i) => Math.round(c * opacity + b[i]! * (1 - opacity))) as [number, number, number];
}

/** The opacity of a region's fill over white land, certain or not (the same: see FILL_OPACITY). */
export const fillOpacity = (_uncertain: boolean): number => FILL_OPACITY.certain;

/** What a region held by an actor of `color` looks like, certain or not: both maps draw this, the palette check reads it. */
export function areaFill(color: string, uncertain = false): [number, number, number] {
  return blend(color, fillOpacity(uncertain));
}

/**
 * A region's fill as drawn, written as an opaque colour: opaque fills keep a month of change or
 * contest honest in MapLibre, which draws every period overlapping the month: the one on top
 * covers the others instead of mixing with them.
 */
export const regionFill = (color: string, uncertain = false): string => rgbToHex(areaFill(color, uncertain));

/**
 * The hatch of a contested area (armed contest): thin diagonal stripes over the holder's fill, one
 * stripe colour per other party in turn (Fezzan in 2014 shows all three of its parties), each
 * stripe between faint dark edges so it reads without colour vision, and quiet enough to stay
 * context. A tile is HATCH.size px per party, square; pixel (x, y) falls on an edge, a stripe or
 * the fill by (x + y) mod the tile's size.
 */
export const HATCH = { size: 12, edge: [0, 3], stripe: [1, 2], edgeColor: [40, 40, 40] as const, edgeAlpha: 110 };

export const hatchSize = (parties: number): number => HATCH.size * Math.max(1, parties);

/** The hatch's pixel at (x, y) for these stripe colours: [r, g, b, a], a = 0 where the fill shows through. */
export function hatchPixel(stripes: readonly (readonly number[])[], x: number, y: number): [number, number, number, number] {
  const d = (x + y) % hatchSize(stripes.length);
  const rgb = stripes[Math.floor(d / HATCH.size)] ?? stripes[0]!;
  const o = d % HATCH.size;
  if (HATCH.edge.includes(o)) return [HATCH.edgeColor[0], HATCH.edgeColor[1], HATCH.edgeColor[2], HATCH.edgeAlpha];
  if (HATCH.stripe.includes(o)) return [rgb[0]!, rgb[1]!, rgb[2]!, 255];
  return [0, 0, 0, 0];
}

/** The id of the hatch image (MapLibre) of an area contested by these other parties. */
export const hatchImageId = (others: readonly string[]): string => `atlas-hatch-${others.join('+')}`;

/** The hatch as RGBA pixels for MapLibre's addImage: the stripes, transparent where the fill shows through. */
export function hatchImage(stripeColors: readonly string[]): { width: number; height: number; data: Uint8Array } {
  const stripes = stripeColors.map(hexToRgb);
  const n = hatchSize(stripes.length);
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) data.set(hatchPixel(stripes, x, y), (y * n + x) * 4);
  return { width: n, height: n, data };
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

/** Is this force Soviet or Russian (drawn larger and named on the map: the atlas is about them)? */
export const isRussianForce = (actor: string): boolean => forceFamily(actor) !== 'other';

/** SVG path of each family's symbol, centred on 0,0 in a 16 × 16 box. */
export const FORCE_SHAPE: Record<ForceFamily, string> = {
  soviet: 'M-6,-6H6V6H-6Z',
  wagner: 'M0,-7L7,6H-7Z',
  'russian-state': 'M0,-7.5L7.5,0L0,7.5L-7.5,0Z',
  other: 'M7,0A7,7 0 1 1 -7,0A7,7 0 1 1 7,0Z',
};

/**
 * How large a force's symbol is drawn (px, the 16-unit shape scaled): Soviet and Russian forces are
 * the map's most salient marks, other foreign forces are smaller. Each sits on a white ring with a
 * dark edge, so it reads on any fill.
 */
export const FORCE_SIZE = { russian: 20, other: 13 };
export const forceSize = (actor: string): number => (isRussianForce(actor) ? FORCE_SIZE.russian : FORCE_SIZE.other);
/** The symbol's outline: white inside, a thin dark edge outside. */
export const FORCE_OUTLINE = { white: 1.5, dark: '#1a1a1a', darkWidth: 0.75 };

/**
 * A force no source has reported in the STALE_MONTHS before "data as of" (records/view.ts
 * `lastReported`): drawn "last reported", its fill faded to this opacity over white and its edge
 * dashed, never as present.
 */
export const STALE = { opacity: 0.3, dash: [2, 1.5] as const };

/** How a force's symbol is painted: solid (present), hollow (alleged or denied) or faded (last reported long ago). */
export type ForceLook = 'solid' | 'hollow' | 'stale';
export const forceLook = (status: string, lastReported: string | undefined): ForceLook => (isHollow(status) ? 'hollow' : lastReported ? 'stale' : 'solid');

/** The symbol's fill and stroke for a look: what the map, the legend and the images all draw. */
export function forcePaint(color: string, look: ForceLook): { fill: string; stroke: string; strokeWidth: number; dash: readonly number[] | null } {
  if (look === 'hollow') return { fill: '#ffffff', stroke: color, strokeWidth: 2.5, dash: null };
  if (look === 'stale') return { fill: rgbToHex(blend(color, STALE.opacity, '#ffffff')), stroke: color, strokeWidth: 1.75, dash: STALE.dash };
  return { fill: color, stroke: '#ffffff', strokeWidth: FORCE_OUTLINE.white, dash: null };
}

/** A claim rather than a finding (alleged, denied) is drawn hollow (the rule the "why" view states: records/why.ts). */
export const isHollow = isClaimOnly;

/** The family of every name on the map (HTML overlay, SVG images and the width measurements alike). */
export const LABEL_FAMILY = "system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif";

export type LabelKind = 'place' | 'region' | 'country' | 'sea' | 'city' | 'edge' | 'force';

export interface LabelFont {
  size: number;
  weight: 400 | 600 | 700;
  /** Extra space after each character, in em (none in Arabic, whose letters join). */
  letterSpacing: number;
  italic: boolean;
  upper: boolean;
  color: string;
  /** Width of the halo around the letters (px). */
  halo: number;
  /** The halo's colour: light over Libya, the map's background off it (dark in the dark theme). */
  haloColor: string;
}

/**
 * The font of each kind of name. Region names shrink on small maps (under 480 and 340 px a side)
 * so that "TRIPOLITANIA" fits inside Tripolitania on a phone.
 */
export function labelFont(kind: LabelKind, lang: string, frame: { width: number; height: number }, theme: Theme = 'light'): LabelFont {
  const small = Math.min(frame.width, frame.height) < 480;
  const tiny = Math.min(frame.width, frame.height) < 340;
  const spaced = (em: number) => (lang === 'ar' ? 0 : em);
  const p = mapPalette(theme);
  switch (kind) {
    case 'place': return { size: 12, weight: 600, letterSpacing: 0, italic: false, upper: false, color: p.placeLabel, halo: 1.5, haloColor: p.halo };
    case 'region': return { size: tiny ? 11 : small ? 12 : 15, weight: 600, letterSpacing: spaced(tiny ? 0.03 : small ? 0.06 : 0.12), italic: false, upper: true, color: p.regionLabel, halo: 1.6, haloColor: p.halo };
    case 'country': return { size: small ? 11 : 13, weight: 400, letterSpacing: spaced(0.05), italic: false, upper: false, color: p.label, halo: 1.2, haloColor: p.haloOut };
    case 'sea': return { size: small ? 11 : 12, weight: 400, letterSpacing: spaced(small ? 0.05 : 0.12), italic: true, upper: false, color: p.seaLabel, halo: 1.2, haloColor: p.haloOut };
    case 'city': return { size: 12, weight: 600, letterSpacing: 0, italic: false, upper: false, color: p.arc, halo: 1.5, haloColor: p.haloOut };
    case 'edge': return { size: 12, weight: 600, letterSpacing: 0, italic: false, upper: false, color: p.arc, halo: 1.5, haloColor: p.haloOut };
    case 'force': return { size: 11, weight: 700, letterSpacing: 0, italic: false, upper: false, color: p.russia, halo: 1.5, haloColor: p.halo };
  }
}

/** The CSS / canvas font shorthand of a label font. */
export const cssFont = (f: LabelFont): string => `${f.italic ? 'italic ' : ''}${f.weight} ${f.size}px ${LABEL_FAMILY}`;

/** Height of a label's text box. */
export const labelHeight = (f: LabelFont): number => Math.ceil(f.size * 1.3);

/** A label's text as shown: upper-cased for region names (in the reader's language). */
export const labelText = (text: string, f: LabelFont, lang: string): string => (f.upper ? text.toLocaleUpperCase(lang) : text);

/**
 * The width of a text without a browser to measure it (Node, images): a per-character estimate
 * that errs wide, for the sans-serif fonts of Debian and the common systems.
 */
export function estimateWidth(text: string, f: LabelFont): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u0600-\u06ff]/.test(ch)) em += 0.5;
    else if (/[ .,'’()\-]/.test(ch)) em += 0.3;
    else if (/[ilIj1]/.test(ch)) em += 0.3;
    else if (/[mwMW]/.test(ch)) em += 0.88;
    else if (/[A-Z\u0410-\u042f]/.test(ch)) em += 0.7;
    else if (/[\u0430-\u044f\u0451]/.test(ch)) em += 0.6;
    else em += 0.58;
  }
  const bold = f.weight >= 600 ? 1.06 : 1;
  return Math.ceil(em * f.size * bold + f.letterSpacing * f.size * [...text].length);
}
