/** Links to a view of the atlas, and the embed snippet a journalist pastes into an article. */
import { toSearch } from '../state/url.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { LayerGroup } from '../state/layers.ts';
import { optionParams, type EmbedOptions } from './options.ts';

export interface View {
  t: number;
  place: string | null;
  layers: Record<LayerGroup, boolean>;
  lang: Lang;
  /** `release=`: a release id to pin the record to, or 'latest'; left out when absent. */
  release?: string | null;
}

/**
 * The atlas page at this view. The language is written unless English, so a shared link opens in
 * the language the journalist chose. Other query parameters (origin=…) are dropped.
 * @example viewUrl(v, false, 'https://x.org/atlas/?embed=1') // 'https://x.org/atlas/?date=2011-08'
 */
export function viewUrl(view: View, embed: boolean, href: string): string {
  const u = new URL(href);
  u.search = toSearch({ ...view, embed });
  if (view.release) u.search += `&release=${encodeURIComponent(view.release)}`;
  u.hash = '';
  return u.toString();
}

/** The folder the atlas is served from, where embed.js lives next to index.html. */
export function embedScriptUrl(href: string): string {
  return new URL('embed.js', href.split(/[?#]/)[0]).toString();
}

/**
 * The embed's `src`: the view in embed mode, in the embed's language, with the journalist's options.
 * @example embedSrc(v, { title: 'Wagner', caption: '', minimal: true, fixed: false }, href) // '…?date=2019-06&embed=1&title=Wagner&chrome=minimal'
 */
export function embedSrc(view: View, options: EmbedOptions, href: string): string {
  const u = new URL(viewUrl(view, true, href));
  for (const [k, v] of optionParams(options)) u.searchParams.append(k, v);
  return u.toString().replace(/%2C/g, ',');
}

/**
 * The sandbox the snippet gives the frame, token by token (docs/embedding.md, "The snippet"):
 * scripts run; the atlas keeps its own origin (its scripts and worker load without CORS); "open the
 * full atlas" and source links open new tabs, which escape the sandbox (a normal page, where "Data"
 * downloads work); "Data" can download inside the frame.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The picture of the view for readers without JavaScript (viewImage.ts), and where it leads. */
export interface SnippetFallback {
  /** The image (a data: URL) with its size and alt text, and the short alt text and caption the snippet shows it with. */
  image: { src: string; alt: string; width: number; height: number; captioned: { alt: string; caption: string; lang: string; dir: 'ltr' | 'rtl' } };
  /** The full atlas at this view. */
  href: string;
}

/** A CSS string literal: the snippet's <style> is raw text, so nothing in it may close the element. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/\n/g, '\\a ')}"`;

/**
 * An iframe that works on its own at a fixed height (`height`: the embed's real height in a 720 px
 * column, so the article does not jump while embed.js loads), and embed.js, which then resizes it to
 * its content. With a `fallback`, readers without JavaScript see the picture of the view instead of
 * the frame (which could only tell them that the atlas needs JavaScript), linked to the atlas, with
 * the view in words under it (on a phone the picture's own words are too small to read).
 * @example embedSnippet('https://x.org/atlas/?date=2011-08&embed=1', 'https://x.org/atlas/embed.js', 'Libya–Russia Atlas', 612)
 */
export function embedSnippet(src: string, scriptSrc: string, title: string, height = 760, colorScheme = '', fallback?: SnippetFallback): string {
  const parts = [
    `<iframe data-atlas src="${attr(src)}" title="${attr(title)}" width="100%" height="${Math.round(height)}"`,
    ` style="border:0;width:100%;max-width:1200px${colorScheme ? `;color-scheme:${attr(colorScheme)}` : ''}" loading="lazy"`,
    ` sandbox="${SANDBOX}"></iframe>`,
  ];
  if (fallback) {
    const { image, href } = fallback;
    parts.push(
      `\n<noscript><style>iframe[data-atlas][src=${cssString(src)}]{display:none}</style>`,
      `<figure lang="${attr(image.captioned.lang)}" dir="${image.captioned.dir}" style="margin:0;max-width:${image.width}px"><a href="${attr(href)}"><img src="${attr(image.src)}" width="${image.width}" height="${image.height}" alt="${attr(image.captioned.alt)}"`,
      ` style="display:block;width:100%;height:auto;border:0"></a><figcaption>${attr(image.captioned.caption)}</figcaption></figure></noscript>`,
    );
  }
  parts.push(`\n<script src="${attr(scriptSrc)}" async></script>`);
  return parts.join('');
}

/** The amp-iframe component, which an AMP page loads in its head. */
export const AMP_SCRIPT = '<script async custom-element="amp-iframe" src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script>';

/**
 * The snippet for an AMP page, where no script of ours may run: amp-iframe at the embed's measured
 * height, `resizable` so the atlas can ask AMP for its real height (host=amp in `src`), a button AMP
 * shows when it declines, and the picture of the view as the placeholder AMP shows until the frame
 * loads (which also lets the frame sit at the top of an article).
 * @example ampSnippet('https://x.org/atlas/?date=2011-08&embed=1&host=amp', 'Libya–Russia Atlas', 780, 'Show the whole map')
 */
export function ampSnippet(src: string, title: string, height: number, more: string, fallback?: SnippetFallback): string {
  const lines = [
    `<amp-iframe src="${attr(src)}" title="${attr(title)}" height="${Math.round(height)}" layout="fixed-height" resizable frameborder="0"`,
    `  sandbox="${SANDBOX}">`,
    `  <div overflow tabindex="0" role="button" aria-label="${attr(more)}">${attr(more)}</div>`,
  ];
  if (fallback) lines.push(`  <amp-img placeholder layout="fill" object-fit="contain" src="${attr(fallback.image.src)}" alt="${attr(fallback.image.alt)}"></amp-img>`);
  lines.push('</amp-iframe>');
  return lines.join('\n');
}
