/**
 * An image of a view, for print, social media and readers without JavaScript: title, date, the
 * map (the same SVG renderer as the page, markers included), a legend, the sources of what is shown
 * and the credit line, as one SVG document. The browser turns it into a PNG with a canvas; the build
 * (scripts/lib/vite-previews.ts) with resvg. Right-to-left languages mirror the layout.
 */
import type { FeatureCollection } from 'geojson';
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import type { Citation, SourceDoc } from '../records/types.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Layers } from '../state/layers.ts';
import { legendLabel, legendOf, SWATCH } from './legend.ts';
import { estimateWidth } from './encoding.ts';
import { forceGroupSvg } from './symbols.ts';
import { renderSvgMap, type SvgPaths } from './svgMap.ts';
import { summarySentences } from '../words/summary.ts';

/** The sizes offered: one for social media cards, one for print. */
export const IMAGE_SIZES = {
  social: { width: 1200, height: 675 },
  print: { width: 2400, height: 1800 },
} as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

/** An image's layout, in its own pixels. */
export interface ImageLayout {
  /** The margin round the image. */
  pad: number;
  /** The band above the map (margin, title and date) and below it (the credit). */
  header: number;
  footer: number;
  /** The column beside the map: legend and sources. */
  side: number;
  /**
   * The map is drawn by the map's renderer at its box's size ÷ mapScale, a size a screen shows, so
   * names are placed (and left out) as on a screen, then scaled up: every name, symbol and line of
   * the map grows by this factor. The legend's swatches are drawn at the same scale.
   */
  mapScale: number;
  /** Type sizes (px). */
  type: { title: number; date: number; heading: number; legend: number; sources: number; credit: number };
}

/**
 * The social card is read on a screen: place names at 12 × 1.2 = 14.4 px. The print image is
 * 8 × 6 inches at 300 dpi, where 7 pt is 29.2 px: the map's smallest type (10 px, the number of
 * forces at one place) is drawn at 30 px, its place names at 36 px (8.6 pt), the legend at 33 px
 * (7.9 pt), sources and credit at 31 px (7.4 pt). The print map's box (1,484 × 1,458) is drawn at
 * 495 × 486, at least 480 a side, the size at which the map's names take their full sizes.
 */
export const IMAGE_LAYOUT: Record<ImageSize, ImageLayout> = {
  social: { pad: 28, header: 96, footer: 36, side: 330, mapScale: 1.2, type: { title: 28, date: 20, heading: 17, legend: 15, sources: 13, credit: 14 } },
  print: { pad: 72, header: 210, footer: 60, side: 700, mapScale: 3, type: { title: 60, date: 42, heading: 38, legend: 33, sources: 31, credit: 31 } },
};

/** Where the map stands in an image of this size (right-to-left languages put it on the right), and its scale. */
export function imageMapBox(size: ImageSize, rtl = false): { x: number; y: number; width: number; height: number; scale: number } {
  const { width, height } = IMAGE_SIZES[size];
  const l = IMAGE_LAYOUT[size];
  const w = width - l.side - l.pad * 3;
  const h = height - l.header - l.footer - l.pad;
  return { x: rtl ? width - l.pad - w : l.pad, y: l.header, width: w, height: h, scale: l.mapScale };
}

export interface ImageInput {
  index: AtlasIndex;
  view: AtlasView;
  paths: SvgPaths;
  labels: FeatureCollection;
  tr: Translator;
  layers: Layers;
  size: ImageSize;
  /** A journalist's title and caption; the atlas's own title otherwise. */
  title?: string;
  caption?: string;
  /** Publishers of the sources of the records in view, most cited first. */
  sources: string[];
  /** The newest source date in the record. */
  dataAsOf: string;
  /** Alt text for the image (also its SVG <title>/<desc>). */
  alt: string;
}

/** Where the citations of a record and the source documents are found (the page's Citations, or the build's). */
export interface CitationLookup {
  of(recordId: string): Citation[];
  sources: ReadonlyMap<string, SourceDoc>;
}

/** Publishers of the sources behind the records of a view, the most cited first (the image's sources line). */
export function publishersInView(view: AtlasView, citations: CitationLookup): string[] {
  const count = new Map<string, number>();
  for (const id of [...view.control.map((c) => c.id), ...view.forces.map((f) => f.presence.id), ...view.events.map((e) => e.id)]) {
    for (const c of citations.of(id)) {
      const p = citations.sources.get(c.source)?.publisher;
      if (p) count.set(p, (count.get(p) ?? 0) + 1);
    }
  }
  return [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
}

/** The image's alt text: the month and the map in words. */
export function imageAlt(index: AtlasIndex, tr: Translator, view: AtlasView): string {
  return tr.t('image.alt', { date: tr.month(view.t), summary: summarySentences(index, tr, view).join(' ') });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = "'Noto Sans', 'Noto Sans Arabic', system-ui, sans-serif";

/** Wraps text to lines no wider than `width` px at `size` px, for SVG, which does not wrap (widths estimated as the map's names are, erring wide). */
export function wrapWidth(text: string, width: number, size: number, weight: 400 | 700 = 400): string[] {
  const font = { size, weight, letterSpacing: 0, italic: false, upper: false, color: '', halo: 0, haloColor: '' } as const;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && estimateWidth(`${line} ${word}`, font) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const FSI = '\u2068';
const PDI = '\u2069';

/** Lines of wrapped text whose isolates (FSI … PDI) are each closed on their line and reopened on the next. */
export function balanceIsolates(lines: string[]): string[] {
  let open = false;
  return lines.map((line) => {
    let l = open ? FSI + line : line;
    for (const ch of l) if (ch === FSI) open = true; else if (ch === PDI) open = false;
    if (open) l += PDI;
    return l;
  });
}

/**
 * The image as an SVG document string.
 * @example renderImage({ index, view: viewAt(index, t), paths, labels, tr, layers, size: 'social', sources, dataAsOf, alt })
 */
export function renderImage(input: ImageInput): string {
  const { index, view, tr, size } = input;
  const { width, height } = IMAGE_SIZES[size];
  const L = IMAGE_LAYOUT[size];
  const T = L.type;
  const rtl = tr.dir === 'rtl';
  const { pad } = L;
  const box = imageMapBox(size, rtl);
  const m = box.scale;
  const sideW = L.side;
  const sideX = rtl ? pad : pad * 2 + box.width;
  const mapBottom = box.y + box.height;
  // In SVG, text-anchor follows the text's direction: the start of right-to-left text is its right
  // edge (browsers; resvg anchors 'start' on the left whatever the direction, so the build draws its
  // previews in English only).
  const anchor = 'start';
  const textX = (x: number, w: number) => (rtl ? x + w : x);
  const dir = rtl ? ' direction="rtl"' : '';
  const f = (n: number) => n.toFixed(1);
  const t = (x: number, y: number, s: string, sizePx: number, extra = '') =>
    `<text x="${f(x)}" y="${f(y)}" font-size="${f(sizePx)}" text-anchor="${anchor}"${dir}${extra}>${esc(s)}</text>`;

  const out: string[] = [];
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  // The map, drawn by the page's renderer with its markers at a screen's size and scaled up
  // (IMAGE_LAYOUT.mapScale). It is cut to its box by painting the page over what lies outside, not
  // by a clip: resvg (the build's previews) fails on a clip inside a clip, and the map clips its
  // uncertain bands.
  const map = renderSvgMap({ index, view, paths: input.paths, labels: input.labels, width: box.width / m, height: box.height / m, tr, layers: input.layers, markers: true, idPrefix: `img-${size}` });
  out.push(`<g transform="translate(${f(box.x)} ${f(box.y)}) scale(${m})" data-image-map="${m}">${map.replace(/^<svg[^>]*?( font-family="[^"]*")?>/, '<g$1>').replace(/<\/svg>$/, '</g>')}</g>`);
  out.push(
    `<path fill="#ffffff" fill-rule="evenodd" d="M0 0H${width}V${height}H0Z M${f(box.x)} ${f(box.y)}V${f(mapBottom)}H${f(box.x + box.width)}V${f(box.y)}Z"/>`,
    `<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.width)}" height="${f(box.height)}" fill="none" stroke="#c9c9c9"/>`,
  );
  // Header: title, date (and caption).
  const title = input.title || tr.t('app.title');
  out.push(t(textX(pad, width - pad * 2), pad + T.title * 0.78, title, T.title, ' font-weight="700" fill="#1a1a1a"'));
  const dateLine = input.caption ? `${tr.month(view.t)} · ${input.caption}` : tr.month(view.t);
  out.push(t(textX(pad, width - pad * 2), box.y - T.date * 0.55, dateLine, T.date, ' fill="#444"'));

  // Legend: the map's own (legend.ts), only what this map shows, with its very colours and symbols,
  // drawn at the map's scale; who holds territory, then the foreign forces, each under a heading.
  const entries = legendOf(index, view, input.layers);
  const group = entries.some((e) => e.kind === 'group');
  const col = (group ? 36 : SWATCH.w) * m;
  const gap = T.legend * 0.6;
  const labelW = sideW - col - gap;
  const lineH = T.legend * 1.25;
  let y = box.y;
  let full = false;
  const heading = (text: string) => {
    if (full || y + T.heading * 2.2 > mapBottom) return (full = true);
    y += T.heading * (y === box.y ? 0.8 : 1.6);
    out.push(t(textX(sideX, sideW), y, text, T.heading, ' font-weight="700" fill="#1a1a1a"'));
    y += T.heading * 0.5;
    return false;
  };
  const row = (swatch: string, swatchW: number, swatchH: number, label: string) => {
    const lines = wrapWidth(label, labelW, T.legend);
    const h = Math.max(swatchH, lines.length * lineH);
    if (full || y + gap + h > mapBottom) return void (full = true);
    y += gap;
    const markX = rtl ? sideX + sideW - swatchW : sideX;
    out.push(`<g transform="translate(${f(markX)} ${f(y + (h - swatchH) / 2)}) scale(${m})">${swatch}</g>`);
    const labelX = rtl ? sideX + sideW - col - gap : sideX + col + gap;
    const top = y + h / 2 - (lines.length * lineH) / 2;
    lines.forEach((line, i) => out.push(`<text x="${f(labelX)}" y="${f(top + i * lineH + T.legend * 0.95)}" font-size="${f(T.legend)}" text-anchor="${anchor}"${dir} fill="#1a1a1a">${esc(line)}</text>`));
    y += h;
  };
  const forceKinds = new Set(['force', 'hollow', 'stale', 'group']);
  const controls = entries.filter((e) => !forceKinds.has(e.kind) && e.kind !== 'arc');
  const forces = entries.filter((e) => forceKinds.has(e.kind));
  const arcs = entries.filter((e) => e.kind === 'arc');
  if (controls.length > 0 && !heading(tr.t('legend.heading'))) for (const e of controls) row(e.swatch, SWATCH.w * m, SWATCH.h * m, legendLabel(e, index, tr, size === 'social'));
  if (forces.length > 0 && !heading(tr.t('legend.forcesHeading'))) {
    for (const e of forces) {
      // Several forces at one place: the map's group symbol, whole (its number as large as the map's).
      if (e.kind === 'group' && e.symbols) row(forceGroupSvg(e.symbols, 36, 24), 36 * m, 24 * m, legendLabel(e, index, tr, size === 'social'));
      else row(e.swatch, SWATCH.w * m, SWATCH.h * m, legendLabel(e, index, tr, size === 'social'));
    }
  }
  for (const e of arcs) row(e.swatch, SWATCH.w * m, SWATCH.h * m, legendLabel(e, index, tr, size === 'social'));

  // Sources of what is shown.
  const sourceH = T.sources * 1.35;
  if (input.sources.length > 0 && !full && y + T.heading * 1.6 + sourceH * 2 <= mapBottom) {
    y += T.sources * 2;
    out.push(t(textX(sideX, sideW), y, tr.t('image.sources'), T.legend, ' font-weight="700" fill="#1a1a1a"'));
    // In right-to-left text each (Latin) publisher is isolated, so its own punctuation stays with it
    // (a publisher cut over two lines is isolated on each), and the list takes the Arabic semicolon.
    const shown = input.sources.slice(0, 6).map((p) => (rtl ? `${FSI}${p}${PDI}` : p));
    const sep = rtl ? '؛ ' : '; ';
    const more = input.sources.length - shown.length;
    const text = more > 0 ? tr.t('image.sourcesMore', { list: shown.join(sep), count: more }) : shown.join(sep);
    for (const line of balanceIsolates(wrapWidth(text, sideW, T.sources))) {
      y += sourceH;
      if (y > mapBottom) break;
      out.push(t(textX(sideX, sideW), y, line, T.sources, ' fill="#444"'));
    }
  }

  // Credit, under the map.
  const credit = tr.t('image.credit', { date: input.dataAsOf ? tr.date(input.dataAsOf) : '' });
  out.push(t(textX(pad, width - pad * 2), height - pad, credit, T.credit, ' fill="#555"'));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(input.alt)}"><title>${esc(input.alt)}</title>${out.join('')}</svg>`;
}
