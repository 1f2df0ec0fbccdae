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
import type { FeatureCollection } from 'geojson';
import { pointOf, type AtlasIndex } from '../records/atlasIndex.ts';
import type { AreaState, AtlasView } from '../records/view.ts';
import type { LayerGroup } from '../state/layers.ts';
import type { NamedProps } from '../records/types.ts';
import { ARC, FORCE_SHAPE, HATCH, PALETTE, REGION_LINE, actorColor, challengerOf, forceFamily, hatchPixel, hexToRgb, isHollow, regionFill } from './encoding.ts';
import { frameProjection } from './frame.ts';

/**
 * The map's static shapes as SVG paths in Web Mercator units (x = longitude in radians,
 * y = −ln tan(π/4 + latitude/2)), made at build time by scripts/lib/svg-paths.ts.
 */
export interface SvgPaths {
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
  width: number;
  height: number;
  /** A feature's name in the reader's language. */
  nameOf: (p: NamedProps) => string;
  layers: Record<LayerGroup, boolean>;
  /** Draw the place and force markers into the SVG (images); in the browser they are HTML buttons. */
  markers?: boolean;
  /** Prefix for ids inside the SVG (hatch patterns), unique on the page. */
  idPrefix?: string;
  /** An accessible title for a standalone image. */
  title?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => (Math.round(n * 10) / 10).toString();

/** Land and borders: the same string for every month and size, so it is built once per set of paths. */
const basemapCache = new WeakMap<SvgPaths, string>();
function basemapSvg(paths: SvgPaths): string {
  let svg = basemapCache.get(paths);
  if (svg === undefined) {
    svg = paths.basemap
      .map((c) => `<path d="${c.d}" fill="${c.libya ? PALETTE.libyaLand : PALETTE.land}"/>`)
      .join('');
    basemapCache.set(paths, svg);
  }
  return svg;
}

/**
 * The hatch tile as an SVG pattern, pixel for pixel the image MapLibre uses. `transform` maps the
 * tile's screen pixels into the user space of the shapes that use it.
 */
function hatchPattern(id: string, color: string, transform: string): string {
  const rgb = hexToRgb(color);
  const rects: string[] = [];
  for (let y = 0; y < HATCH.size; y++) {
    let x = 0;
    while (x < HATCH.size) {
      const [r, g, b, a] = hatchPixel(rgb, x, y);
      let end = x + 1;
      while (end < HATCH.size && hatchPixel(rgb, end, y).join() === [r, g, b, a].join()) end++;
      if (a > 0) rects.push(`<rect x="${x}" y="${y}" width="${end - x}" height="1" fill="rgb(${r},${g},${b})"${a < 255 ? ` fill-opacity="${num(a / 255)}"` : ''}/>`);
      x = end;
    }
  }
  return `<pattern id="${id}" width="${HATCH.size}" height="${HATCH.size}" patternUnits="userSpaceOnUse" patternTransform="${transform}">${rects.join('')}</pattern>`;
}

/** `px`: a length in screen pixels, in the Mercator units the static shapes are drawn in. */
function areaPaths(index: AtlasIndex, area: AreaState, d: string, hatchId: (actor: string) => string, px: (n: number) => string): string {
  if (!area.shown || !area.holder) return '';
  const color = actorColor(index.actors.get(area.holder));
  const dash = area.uncertain ? ` stroke-dasharray="${REGION_LINE.dash.map(px).join(' ')}"` : '';
  const fill = `<path d="${d}" data-area="${esc(area.id)}" data-actor="${esc(area.holder)}" fill="${regionFill(color, area.uncertain)}"/>`;
  const hatch = area.contested ? `<path d="${d}" data-contested="${esc(area.id)}" fill="url(#${hatchId(challengerOf(area.shown))})"/>` : '';
  const line = `<path d="${d}" fill="none" stroke="${PALETTE.regionLine}" stroke-width="${px(REGION_LINE.width)}"${dash}/>`;
  return fill + hatch + line;
}

function text(x: number, y: number, label: string, attrs: string, halo: number): string {
  return `<text x="${num(x)}" y="${num(y)}" ${attrs} stroke="${PALETTE.halo}" stroke-width="${halo * 2}" stroke-linejoin="round" paint-order="stroke">${esc(label)}</text>`;
}

/**
 * The map of a view as a standalone SVG document string.
 * @example renderSvgMap({ index, view: viewAt(index, t), paths, labels, width: 800, height: 600, nameOf, layers })
 */
export function renderSvgMap(input: SvgMapInput): string {
  const { index, view, width, height, nameOf, layers } = input;
  const prefix = input.idPrefix ?? 'atlas';
  const projection: GeoProjection = frameProjection(width, height);
  const path = geoPath(projection);
  const hatchId = (actor: string) => `${prefix}-hatch-${actor}`;
  const out: string[] = [];
  const defs = new Map<string, string>();

  // The static shapes, in Mercator units, placed by the frame's scale and translation.
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const toScreen = `matrix(${k} 0 0 ${k} ${tx} ${ty})`;
  // MapLibre anchors fill patterns to the world's corner and draws a pattern pixel as one pixel of
  // the tiles' integer zoom, so it grows by 2^(zoom − ⌊zoom⌋) with the camera's zoom; the hatch here
  // follows it, so the two maps hatch identically (frame.ts gives the same zoom as MapLibre).
  const zoom = Math.log2((2 * Math.PI * k) / 512);
  const tilePixel = 2 ** (zoom - Math.floor(zoom)) / k;
  const toUnits = `matrix(${tilePixel} 0 0 ${tilePixel} ${-Math.PI} ${-Math.PI})`;
  out.push(`<rect width="${width}" height="${height}" fill="${PALETTE.sea}"/>`);
  // Stroke widths are given in those units too (1 px = 1/k), since not every renderer honours
  // vector-effect="non-scaling-stroke" (resvg, which draws the build's images, does not).
  const px = (n: number) => String(n / k);
  out.push(`<g transform="${toScreen}">`, `<g stroke="${PALETTE.border}" stroke-width="${px(0.6)}">`, basemapSvg(input.paths), '</g>');
  if (layers.control) {
    for (const region of view.regions) {
      for (const area of region.zones.length > 0 ? region.zones : [region]) {
        if (area.contested && area.shown) {
          const actor = challengerOf(area.shown);
          defs.set(actor, hatchPattern(hatchId(actor), actorColor(index.actors.get(actor)), toUnits));
        }
        out.push(areaPaths(index, area, input.paths.areas[area.id] ?? '', hatchId, px));
      }
    }
  }
  out.push('</g>');

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
      out.push(`<path d="${d}" data-arc="${esc(event.id)}" fill="none" stroke="${PALETTE.arc}" stroke-width="${style.width}" stroke-opacity="${style.opacity}" stroke-linecap="round"${dash}/>`);
      ends.set(event.counterpart!, true);
    }
    for (const id of ends.keys()) {
      const f = index.features.get(id);
      const at = f && f.geometry.type === 'Point' ? projection(f.geometry.coordinates as [number, number]) : null;
      if (!f || !at) continue;
      out.push(`<circle cx="${num(at[0])}" cy="${num(at[1])}" r="3" fill="${PALETTE.arc}" stroke="#fff" stroke-width="1"/>`);
      out.push(text(at[0], at[1] + 16, nameOf(f.properties), `font-size="12" text-anchor="middle" fill="${PALETTE.arc}"`, 1.2));
    }
  }

  for (const f of input.labels.features) {
    if (f.properties?.['id'] === 'label-libya' || f.geometry.type !== 'Point') continue;
    const at = projection(f.geometry.coordinates as [number, number]);
    if (!at) continue;
    const sea = f.properties?.['kind'] === 'sea';
    out.push(
      text(at[0], at[1] + 4, nameOf(f.properties as NamedProps), `font-size="${sea ? 12 : 13}" letter-spacing="${sea ? 0.15 : 0.05}em" text-anchor="middle" fill="${sea ? PALETTE.seaLabel : PALETTE.label}"`, 1.2),
    );
  }
  for (const f of index.data.regions.features) {
    const at = projection(f.properties.label);
    if (!at) continue;
    out.push(text(at[0], at[1] + 5, nameOf(f.properties).toLocaleUpperCase(), `font-size="15" letter-spacing="0.12em" text-anchor="middle" fill="${PALETTE.regionLabel}"`, 1.6));
  }

  if (input.markers) out.push(markersSvg(input, projection));

  const title = input.title ? `<title>${esc(input.title)}</title>` : '';
  const defsSvg = defs.size > 0 ? `<defs>${[...defs.values()].join('')}</defs>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, 'Noto Sans', 'Noto Sans Arabic', sans-serif">${title}${defsSvg}${out.join('')}</svg>`;
}

/** Places and foreign forces as SVG symbols, for images (the browser shows them as buttons). */
function markersSvg(input: SvgMapInput, projection: GeoProjection): string {
  const { index, view, nameOf, layers } = input;
  const out: string[] = [];
  if (layers.presence) {
    for (const { presence } of view.forces) {
      const at = pointOf(index, presence.place);
      const xy = at && projection(at as [number, number]);
      if (!xy) continue;
      const color = actorColor(index.actors.get(presence.actor));
      const hollow = isHollow(presence.status);
      out.push(
        `<path transform="translate(${num(xy[0] + 10)},${num(xy[1] - 10)}) scale(0.8)" d="${FORCE_SHAPE[forceFamily(presence.actor)]}" fill="${hollow ? 'none' : color}" stroke="${hollow ? color : '#fff'}" stroke-width="${hollow ? 2.5 : 1.5}"/>`,
      );
    }
  }
  for (const place of view.places) {
    const f = index.features.get(place.id);
    if (!f || f.geometry.type !== 'Point') continue;
    const xy = projection(f.geometry.coordinates as [number, number]);
    if (!xy) continue;
    const color = place.holder ? actorColor(index.actors.get(place.holder)) : PALETTE.libyaLand;
    out.push(`<circle cx="${num(xy[0])}" cy="${num(xy[1])}" r="6" fill="${color}" stroke="#fff" stroke-width="2"/><circle cx="${num(xy[0])}" cy="${num(xy[1])}" r="7" fill="none" stroke="#333" stroke-width="1"/>`);
    out.push(text(xy[0] + 10, xy[1] + 4, nameOf(f.properties), `font-size="12" font-weight="600" fill="#111"`, 1.5));
  }
  return out.join('');
}
