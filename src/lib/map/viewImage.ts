/**
 * An image of a view, made in the browser from image.ts's SVG: the "Image" downloads, and the
 * picture the embed snippet carries for readers without JavaScript. Loaded on demand, with the
 * map's paths and the sources.
 */
import type { FeatureCollection } from 'geojson';
import paths from 'virtual:atlas-svg-paths';
import type { AtlasIndex } from '../records/atlasIndex.ts';
import { viewAt } from '../records/view.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Layers } from '../state/layers.ts';
import { IMAGE_SIZES, imageAlt, publishersInView, renderImage, type CitationLookup, type ImageSize } from './image.ts';
import { summarySentences } from '../words/summary.ts';

export interface ViewImageRequest {
  index: AtlasIndex;
  citations: CitationLookup & { load(): Promise<void> };
  labels: FeatureCollection;
  t: number;
  layers: Layers;
  tr: Translator;
  title?: string;
  caption?: string;
  size: ImageSize;
}

/** The view as an SVG document, and its alt text. */
export async function viewImageSvg(req: ViewImageRequest): Promise<{ svg: string; alt: string }> {
  await req.citations.load();
  const view = viewAt(req.index, req.t);
  const alt = imageAlt(req.index, req.tr, view);
  const svg = renderImage({ ...req, view, paths, sources: publishersInView(view, req.citations), dataAsOf: req.index.dataAsOf, alt });
  return { svg, alt };
}

/** The SVG drawn on a canvas of the given size. */
async function canvasOf(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A PNG of the SVG at its size. */
export async function svgToPng(svg: string, size: ImageSize): Promise<Blob> {
  const { width, height } = IMAGE_SIZES[size];
  const canvas = await canvasOf(svg, width, height);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
}

/** The width of the image for readers without JavaScript: an article column (its height keeps the social card's shape). */
export const FALLBACK_WIDTH = 720;

export interface FallbackImage {
  /** A data: URL (WebP, or JPEG where the browser cannot write WebP): the snippet carries the image itself. */
  src: string;
  /** The view in words, whole (for an image without a caption: AMP's placeholder). */
  alt: string;
  /** With the caption: the image's short alt text, and the caption (the view in words, readable on a phone, where the picture's own words are small). */
  captioned: { alt: string; caption: string; lang: string; dir: 'ltr' | 'rtl' };
  width: number;
  height: number;
}

/**
 * The social card of the view at an article column's width, as a data: URL. The snippet carries
 * the picture itself, because the atlas is a static site with no server to draw a view on request.
 */
export async function fallbackImage(req: Omit<ViewImageRequest, 'size'>): Promise<FallbackImage> {
  const { svg, alt } = await viewImageSvg({ ...req, size: 'social' });
  const { width: w, height: h } = IMAGE_SIZES.social;
  const width = FALLBACK_WIDTH;
  const height = Math.round((FALLBACK_WIDTH * h) / w);
  const canvas = await canvasOf(svg, width, height);
  const webp = canvas.toDataURL('image/webp', 0.8);
  const view = viewAt(req.index, req.t);
  const captioned = { alt: req.tr.t('image.altShort', { date: req.tr.month(req.t) }), caption: summarySentences(req.index, req.tr, view).join(' '), lang: req.tr.lang, dir: req.tr.dir };
  return { src: webp.startsWith('data:image/webp') ? webp : canvas.toDataURL('image/jpeg', 0.85), alt, captioned, width, height };
}
