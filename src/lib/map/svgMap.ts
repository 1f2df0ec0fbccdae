/**
 * The map as an SVG string, a pure function of the view: the first paint in the browser, the map
 * where WebGL is missing or lost, and (in Node) the images of a view. It draws what the MapLibre
 * style draws, with the same encoding and in the same frame (frame.ts); place and force markers
 * are drawn too when asked (images), since in the browser they are HTML buttons over the map.
 *
 * Countries, regions and zones arrive as path strings already in Mercator units (made at build
 * time, scripts/lib/svg-paths.ts) and are placed with one transform: no polygon is projected in
 * the reader's browser. Only presentation attributes are used (no style attributes), so the string
 * can be inserted under a Content-Security-Policy without 'unsafe-inline'.
 */
import { geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, Point } from 'geojson';
import { pointOf, type AtlasIndex } from '../records/atlasIndex.ts';
import type { AreaState, AtlasView } from '../records/view.ts';
import type { LayerGroup } from '../state/layers.ts';
import type { Translator } from '../i18n/i18n.ts';
import { ARC, CLAIM_EDGE, LABEL_FAMILY, mapPalette, type Theme, PALETTE, REGION_LINE, UNCERTAIN_EDGE, actorColor, estimateWidth, hatchPixel, hatchSize, hexToRgb, labelFont, regionFill, type LabelFont } from './encoding.ts';
import { frameProjection } from './frame.ts';
import { layoutOverlay, regionLabelFeatures, type Measure, type Overlay } from './overlay.ts';
import { dotSvg, forceGroupSvg, forceSymbolSvg, leaderSvg, memberDotSvg } from './symbols.ts';

export { dotSvg, forceSymbolSvg } from './symbols.ts';
import type { Box } from './placement.ts';

/**
 * The map's static shapes as SVG paths in Web Mercator units (x = longitude in radians,
 * y = −ln tan(π/4 + latitude/2)) counted in whole steps of `unit`, made at build time by
 * scripts/lib/svg-paths.ts.
 */
export interface SvgPaths {
  /** The paths' step in Mercator units (their numbers are whole steps). */
  unit: number;
  /** Countries around and including Libya. */
  basemap: { id: string; libya: boolean; d: string }[];
  /** Regions and zones by id. */
  areas: Record<string, string>;
}

export interface SvgMapInput {
  index: AtlasIndex;
  view: AtlasView;
  /** The static shapes (virtual:atlas-svg-paths in the app). */
  paths: SvgPaths;
  /** Country and sea names (geo/labels.geojson). */
  labels: FeatureCollection;
  /** Region name anchors (default: overlay.ts regionLabelFeatures). */
  regionLabels?: FeatureCollection<Point>;
  width: number;
  height: number;
  layers: Record<LayerGroup, boolean>;
  /**
   * Draw the names, places and forces into the SVG (images), placed by overlay.ts as in the
   * browser, where they are HTML over the map instead. Needs `tr`.
   */
  markers?: boolean;
  /** The reader's language (names, words of the edge labels); needed with `markers`. */
  tr?: Translator;
  /** Text widths (default: an estimate; a browser can pass a measurement). */
  measure?: Measure;
  /** Prefix for ids inside the SVG (hatch patterns), unique on the page. */
  idPrefix?: string;
  /** An accessible title for a standalone image. */
  title?: string;
  /** The map's theme (its land, sea, borders and names); images are light. */
  theme?: Theme;
  /**
   * Over each arc, a wide invisible stroke a click or tap finds (`data-arc-hit`, `hitWidth` px): the
   * browser's map asks "why is this here?" of the arc under the pointer. Images have none.
   */
  hits?: boolean;
  hitWidth?: number;
}

/** What XML cannot hold at all (U+FFFE, U+FFFF, controls, lone surrogates): dropped, or the image would not open. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Anything esc() would change; most values (paths, colours) have none, and are returned as they are. */
const TOUCHED = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
/** Every value written into the SVG (text or attribute) goes through this. */
const esc = (s: string) => (TOUCHED.test(s) ? s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : s);
/**
 * An id as part of an SVG id and its url(#…) reference: the same safe text both times, so a
 * reference always finds its pattern and no id can close an attribute or a url( ). Ids are
 * validated ([a-z0-9-]); anything else (a tampered file) is spelled out, never passed through.
 */
const idPart = (s: string) => s.replace(/[^a-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
const num = (n: number) => (Math.round(n * 10) / 10).toString();

/** Land and borders: the same string for every month and size, so it is built once per set of paths. */
const basemapCache = new WeakMap<SvgPaths, Map<Theme, string>>();
function basemapSvg(paths: SvgPaths, theme: Theme): string {
  let byTheme = basemapCache.get(paths);
  if (!byTheme) basemapCache.set(paths, (byTheme = new Map()));
  let svg = byTheme.get(theme);
  if (svg === undefined) {
    const p = mapPalette(theme);
    svg = paths.basemap.map((c) => `<path d="${esc(c.d)}" fill="${esc(c.libya ? p.libyaLand : p.land)}"/>`).join('');
    byTheme.set(theme, svg);
  }
  return svg;
}

/**
 * The hatch tile as an SVG pattern, pixel for pixel the stripes MapLibre's fill images carry.
 * `transform` maps the tile's screen pixels into the user space of the shapes that use it.
 */
function hatchPattern(id: string, colors: string[], transform: string): string {
  const rgbs = colors.map(hexToRgb);
  const n = hatchSize(rgbs.length);
  const rects: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      const px = hatchPixel(rgbs, x, y);
      let end = x + 1;
      while (end < n && hatchPixel(rgbs, end, y).join() === px.join()) end++;
      const [r, g, b, a] = px;
      if (a > 0) rects.push(`<rect x="${x}" y="${y}" width="${end - x}" height="1" fill="rgb(${num(r)},${num(g)},${num(b)})"${a < 255 ? ` fill-opacity="${num(a / 255)}"` : ''}/>`);
      x = end;
    }
  }
  return `<pattern id="${esc(id)}" width="${n}" height="${n}" patternUnits="userSpaceOnUse" patternTransform="${transform}">${rects.join('')}</pattern>`;
}

/** The other parties of a contested area, whose colours stripe it (the holder's colour is the fill). */
export const stripesOf = (area: AreaState): string[] => (area.contested ? area.parties.filter((p) => p !== area.holder) : []);

/** An area drawn with the dashed band inside its edge: an uncertain date, or last reported long ago. */
export const bandOf = (area: AreaState): boolean => area.uncertain || area.lastReported !== undefined;

/** `px`: a length in screen pixels, in the Mercator units the static shapes are drawn in. */
function areaPaths(index: AtlasIndex, area: AreaState, d: string, ids: { hatch: (actors: string[]) => string; clip: (area: string) => string }, px: (n: number) => string): string {
  if (!area.shown || !area.holder) return '';
  const color = actorColor(index.actors.get(area.holder));
  const fill = `<path d="${esc(d)}" data-area="${esc(area.id)}" data-actor="${esc(area.holder)}" fill="${esc(regionFill(color, area.uncertain))}"/>`;
  const stripes = stripesOf(area);
  const hatch = stripes.length > 0 ? `<path d="${esc(d)}" data-contested="${esc(area.id)}" fill="url(#${esc(ids.hatch(stripes))})"/>` : '';
  // Uncertain, or last reported long ago: a dashed band inside the edge (the stroke is clipped to the area, so half its width shows).
  const band = bandOf(area)
    ? `<path d="${esc(d)}" data-uncertain="${esc(area.id)}" fill="none" clip-path="url(#${esc(ids.clip(area.id))})" stroke="${esc(UNCERTAIN_EDGE.color)}" stroke-width="${px(UNCERTAIN_EDGE.width * 2)}" stroke-dasharray="${UNCERTAIN_EDGE.dash.map(px).join(' ')}"/>`
    : '';
  // A rival claim without armed contest: a dotted band in each claimant's colour inside the edge.
  const claims = area.claims
    .map((c, i) => `<path d="${esc(d)}" data-claim="${esc(area.id)}" data-actor="${esc(c)}" fill="none" clip-path="url(#${esc(ids.clip(area.id))})" stroke="${esc(actorColor(index.actors.get(c)))}" stroke-width="${px(CLAIM_EDGE.width * 2 + i * 2 * CLAIM_EDGE.width)}" stroke-dasharray="${CLAIM_EDGE.dash.map(px).join(' ')}"/>`)
    .reverse()
    .join('');
  const line = `<path d="${esc(d)}" fill="none" stroke="${esc(PALETTE.regionLine)}" stroke-width="${px(REGION_LINE.width)}"/>`;
  return fill + hatch + band + claims + line;
}

function fontAttrs(f: LabelFont): string {
  return `font-size="${num(f.size)}" font-weight="${esc(String(f.weight))}"${f.italic ? ' font-style="italic"' : ''}${f.letterSpacing ? ` letter-spacing="${num(f.letterSpacing)}em"` : ''} fill="${esc(f.color)}"`;
}

/** A name centred in its box, with a white halo. */
function boxText(box: Box, label: string, f: LabelFont, extra = ''): string {
  const x = box.x + box.w / 2;
  const y = box.y + box.h / 2 + f.size * 0.35;
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="middle" ${fontAttrs(f)} stroke="${esc(f.haloColor)}" stroke-width="${num(f.halo * 2)}" stroke-linejoin="round" paint-order="stroke"${extra}>${esc(label)}</text>`;
}

/**
 * The map of a view as a standalone SVG document string.
 * @example renderSvgMap({ index, view: viewAt(index, t), paths, labels, width: 800, height: 600, layers })
 */
export function renderSvgMap(input: SvgMapInput): string {
  const { index, view, width, height, layers } = input;
  const palette = mapPalette(input.theme ?? 'light');
  const prefix = idPart(input.idPrefix ?? 'atlas');
  const projection: GeoProjection = frameProjection(width, height);
  const path = geoPath(projection);
  const hatchId = (actors: string[]) => `${prefix}-hatch-${actors.map(idPart).join('-')}`;
  const clipId = (area: string) => `${prefix}-clip-${idPart(area)}`;
  const out: string[] = [];
  const defs = new Map<string, string>();

  // The static shapes, in Mercator units, placed by the frame's scale and translation.
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  // The paths count whole steps of `unit`: one step is k × unit px.
  const u = input.paths.unit;
  const toScreen = `matrix(${k * u} 0 0 ${k * u} ${tx} ${ty})`;
  // MapLibre anchors fill patterns to the world's corner and draws a pattern pixel as one pixel of
  // the tiles' integer zoom, so it grows by 2^(zoom − ⌊zoom⌋) with the camera's zoom; the hatch here
  // follows it, so the two maps hatch identically (frame.ts gives the same zoom as MapLibre).
  const zoom = Math.log2((2 * Math.PI * k) / 512);
  const tilePixel = 2 ** (zoom - Math.floor(zoom)) / k;
  const toUnits = `matrix(${tilePixel / u} 0 0 ${tilePixel / u} ${-Math.PI / u} ${-Math.PI / u})`;
  out.push(`<rect width="${num(width)}" height="${num(height)}" fill="${esc(palette.sea)}"/>`);
  // Stroke widths are given in those units too (1 px = 1/(k × unit)), since not every renderer honours
  // vector-effect="non-scaling-stroke" (resvg, which draws the build's images, does not).
  const px = (n: number) => String(n / (k * u));
  out.push(`<g transform="${toScreen}">`, `<g stroke="${esc(palette.border)}" stroke-width="${px(0.6)}">`, basemapSvg(input.paths, input.theme ?? 'light'), '</g>');
  if (layers.control) {
    for (const region of view.regions) {
      for (const area of region.zones.length > 0 ? region.zones : [region]) {
        if (!area.shown) continue;
        const d = input.paths.areas[area.id] ?? '';
        const stripes = stripesOf(area);
        if (stripes.length > 0) defs.set(hatchId(stripes), hatchPattern(hatchId(stripes), stripes.map((a) => actorColor(index.actors.get(a))), toUnits));
        if (bandOf(area) || area.claims.length > 0) defs.set(clipId(area.id), `<clipPath id="${esc(clipId(area.id))}"><path d="${esc(d)}"/></clipPath>`);
        out.push(areaPaths(index, area, d, { hatch: hatchId, clip: clipId }, px));
      }
    }
  }
  out.push('</g>');

  const hits: string[] = [];
  if (layers.diplomacy) {
    const ends = new Map<string, boolean>();
    for (const { event, current } of view.arcs) {
      const from = pointOf(index, event.places[0]!);
      const to = event.counterpart ? pointOf(index, event.counterpart) : undefined;
      if (!from || !to) continue;
      const d = path({ type: 'LineString', coordinates: [from, to] });
      if (!d) continue;
      const style = current ? ARC.current : ARC.fading;
      const dash = event.status === 'confirmed' ? '' : ` stroke-dasharray="${ARC.unconfirmedDash.map((n) => num(n * style.width)).join(' ')}"`;
      out.push(`<path d="${esc(d)}" data-arc="${esc(event.id)}" fill="none" stroke="${esc(palette.arc)}" stroke-width="${num(style.width)}" stroke-opacity="${num(style.opacity)}" stroke-linecap="round"${dash}/>`);
      if (input.hits) hits.push(`<path d="${esc(d)}" data-arc-hit="${esc(event.id)}" fill="none" stroke="#000" stroke-opacity="0" stroke-width="${num(input.hitWidth ?? 12)}" pointer-events="stroke"/>`);
      ends.set(event.counterpart!, true);
    }
    for (const id of ends.keys()) {
      const f = index.features.get(id);
      const at = f && f.geometry.type === 'Point' ? projection(f.geometry.coordinates as [number, number]) : null;
      if (!f || !at) continue;
      out.push(`<circle cx="${num(at[0])}" cy="${num(at[1])}" r="3" fill="${esc(palette.arc)}" stroke="#fff" stroke-width="1"/>`);
    }
    // Above every arc drawn, so a click near two arcs finds both.
    out.push(...hits);
  }

  if (input.markers && input.tr) {
    const overlay = layoutOverlay({
      index,
      view,
      layers,
      width,
      height,
      project: (ll) => projection(ll) ?? null,
      tr: input.tr,
      regionAnchors: input.regionLabels ?? regionLabelFeatures(index),
      labels: input.labels,
      measure: input.measure ?? estimateWidth,
      theme: input.theme ?? 'light',
    });
    out.push(overlaySvg(overlay));
  }

  const title = input.title ? `<title>${esc(input.title)}</title>` : '';
  const defsSvg = defs.size > 0 ? `<defs>${[...defs.values()].join('')}</defs>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${LABEL_FAMILY_ATTR}">${title}${defsSvg}${out.join('')}</svg>`;
}

const LABEL_FAMILY_ATTR = esc(LABEL_FAMILY);
const PLACE_FONT = labelFont('place', 'en', { width: 1000, height: 1000 });

/** The names, places and forces of an overlay, as SVG (for images; the browser draws them as HTML). */
function overlaySvg(o: Overlay): string {
  const out: string[] = [];
  for (const t of o.texts) out.push(boxText(t.box, t.text, t.font, t.kind === 'region' ? ` data-region="${esc(t.region ?? '')}"` : ''));
  for (const m of o.markers) {
    for (const d of m.dots) out.push(memberDotSvg(d));
    for (const r of m.rows) if (r.leader) out.push(`<g data-leader="${esc(r.id)}">${leaderSvg(r.leader)}</g>`);
    out.push(dotSvg({ ...m, stale: m.lastReported !== null }));
    for (const r of m.rows) out.push(boxText(r.text, r.name, PLACE_FONT, ` data-place="${esc(r.id)}"`));
    for (const [x, y] of m.separators) out.push(`<rect x="${num(x - 1)}" y="${num(y - 6)}" width="2" height="12" fill="#666"/>`);
    if (m.badge) {
      const b = m.badge.box;
      out.push(`<rect x="${num(b.x + 3)}" y="${num(b.y + 5)}" width="${num(b.w - 6)}" height="${num(b.h - 10)}" rx="7" fill="#fff" stroke="#333" stroke-width="1"/>`);
      out.push(`<text x="${num(b.x + b.w / 2)}" y="${num(b.y + b.h / 2 + 4)}" text-anchor="middle" font-size="11" font-weight="700" fill="#111">+${m.badge.places.length - m.rows.length}</text>`);
    }
    if (m.forces) {
      const b = m.forces.box;
      const list = m.forces.list;
      if (list.length === 1) out.push(forceSymbolSvg(list[0]!, b.x + b.w / 2, b.y + b.h / 2, list[0]!.size));
      else out.push(`<g transform="translate(${num(b.x)},${num(b.y)})">${forceGroupSvg(list, b.w, b.h)}</g>`);
    }
    if (m.caption) out.push(boxText(m.caption.box, m.caption.text, m.caption.font, ' data-caption="force"'));
  }
  return out.join('');
}
