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
import { renderSvgMap, type SvgPaths } from './svgMap.ts';
import { actorShort } from '../words/names.ts';
import { summarySentences } from '../words/summary.ts';

/** The sizes offered: one for social media cards, one for print. */
export const IMAGE_SIZES = {
  social: { width: 1200, height: 675 },
  print: { width: 2400, height: 1800 },
} as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

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

/** Wraps text to lines of at most `max` characters (whole words), for SVG, which does not wrap. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The image as an SVG document string.
 * @example renderImage({ index, view: viewAt(index, t), paths, labels, tr, layers, size: 'social', sources, dataAsOf, alt })
 */
export function renderImage(input: ImageInput): string {
  const { index, view, tr, size } = input;
  const { width, height } = IMAGE_SIZES[size];
  const u = width / 1200; // type and spacing scale with the width
  const rtl = tr.dir === 'rtl';
  const pad = Math.round(28 * u);
  const sideW = Math.round(330 * u);
  const mapW = width - sideW - pad * 3;
  const headerH = Math.round(96 * u);
  const footerH = Math.round(54 * u);
  const mapH = height - headerH - footerH - pad;
  const mapX = rtl ? width - pad - mapW : pad;
  const sideX = rtl ? pad : pad * 2 + mapW;
  // In SVG, text-anchor follows the text's direction: the start of right-to-left text is its right
  // edge (browsers; resvg anchors 'start' on the left whatever the direction, so the build draws its
  // previews in English only).
  const anchor = 'start';
  const textX = (x: number, w: number) => (rtl ? x + w : x);
  const dir = rtl ? ' direction="rtl"' : '';
  const t = (x: number, y: number, s: string, sizePx: number, extra = '') =>
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${(sizePx * u).toFixed(1)}" text-anchor="${anchor}"${dir}${extra}>${esc(s)}</text>`;

  const out: string[] = [];
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  // The map, drawn by the page's renderer, with its markers. It is cut to its box by painting the
  // page over what lies outside, not by a clip: resvg (the build's previews) fails on a clip inside
  // a clip, and the map clips its uncertain bands.
  const map = renderSvgMap({ index, view, paths: input.paths, labels: input.labels, width: mapW, height: mapH, tr, layers: input.layers, markers: true, idPrefix: `img-${size}` });
  out.push(`<g transform="translate(${mapX} ${headerH})">${map.replace(/^<svg[^>]*?( font-family="[^"]*")?>/, '<g$1>').replace(/<\/svg>$/, '</g>')}</g>`);
  out.push(
    `<path fill="#ffffff" fill-rule="evenodd" d="M0 0H${width}V${height}H0Z M${mapX} ${headerH}V${headerH + mapH}H${mapX + mapW}V${headerH}Z"/>`,
    `<rect x="${mapX}" y="${headerH}" width="${mapW}" height="${mapH}" fill="none" stroke="#c9c9c9"/>`,
  );
  // Header: title, date (and caption).
  const title = input.title || tr.t('app.title');
  out.push(t(textX(pad, width - pad * 2), pad + 26 * u, title, 28, ' font-weight="700" fill="#1a1a1a"'));
  const dateLine = input.caption ? `${tr.month(view.t)} · ${input.caption}` : tr.month(view.t);
  out.push(t(textX(pad, width - pad * 2), pad + 62 * u, dateLine, 20, ' fill="#444"'));


  // Legend: who holds territory, then the forces.
  let y = headerH + 22 * u;
  out.push(t(textX(sideX, sideW), y, tr.t('legend.heading'), 17, ' font-weight="700" fill="#1a1a1a"'));
  y += 14 * u;
  const sw = 22 * u;
  const row = (mark: (x: number, y: number) => string, label: string) => {
    y += 30 * u;
    const markX = rtl ? sideX + sideW - sw : sideX;
    const labelX = rtl ? sideX + sideW - sw - 10 * u : sideX + sw + 10 * u;
    out.push(mark(markX, y - 15 * u));
    out.push(`<text x="${labelX.toFixed(1)}" y="${y.toFixed(1)}" font-size="${(15 * u).toFixed(1)}" text-anchor="${anchor}"${dir} fill="#1a1a1a">${esc(label)}</text>`);
  };
  const f = (n: number) => n.toFixed(1);
  // The map's own legend (legend.ts): only what this map shows, with its very colours and symbols.
  const entries = legendOf(index, view, input.layers);
  const k = sw / SWATCH.w;
  for (const e of entries.slice(0, 14)) {
    row((x, top) => `<g transform="translate(${f(x)} ${f(top)}) scale(${k.toFixed(3)})">${e.swatch}</g>`, legendLabel(e, index, tr, true));
  }

  // Sources of what is shown.
  y += 40 * u;
  if (input.sources.length > 0 && y < headerH + mapH - 40 * u) {
    out.push(t(textX(sideX, sideW), y, tr.t('image.sources'), 15, ' font-weight="700" fill="#1a1a1a"'));
    const shown = input.sources.slice(0, 6);
    const more = input.sources.length - shown.length;
    const text = more > 0 ? tr.t('image.sourcesMore', { list: shown.join('; '), count: more }) : shown.join('; ');
    for (const line of wrap(text, Math.floor(sideW / (7.6 * u)))) {
      y += 20 * u;
      if (y > headerH + mapH) break;
      out.push(t(textX(sideX, sideW), y, line, 13, ' fill="#444"'));
    }
  }

  // Credit.
  const credit = tr.t('image.credit', { date: input.dataAsOf ? tr.date(input.dataAsOf) : '' });
  out.push(t(textX(pad, width - pad * 2), height - pad * 0.8, credit, 14, ' fill="#555"'));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" role="img" aria-label="${esc(input.alt)}"><title>${esc(input.alt)}</title>${out.join('')}</svg>`;
}
