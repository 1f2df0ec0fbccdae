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
 * The sandbox the snippet gives the frame, token by token (README, "Embedding"):
 * scripts run; the atlas keeps its own origin (its scripts and worker load without CORS); "open the
 * full atlas" and source links open new tabs, which escape the sandbox (a normal page, where "Data"
 * downloads work); "Data" can download inside the frame.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An iframe that works on its own at a fixed height (`height`: the embed's real height in a 720 px
 * column, so the article does not jump while embed.js loads), and embed.js, which then resizes it to
 * its content.
 * @example embedSnippet('https://x.org/atlas/?date=2011-08&embed=1', 'https://x.org/atlas/embed.js', 'Libya–Russia Atlas', 612)
 */
export function embedSnippet(src: string, scriptSrc: string, title: string, height = 760, colorScheme = ''): string {
  return [
    `<iframe data-atlas src="${attr(src)}" title="${attr(title)}" width="100%" height="${Math.round(height)}"`,
    ` style="border:0;width:100%;max-width:1200px${colorScheme ? `;color-scheme:${attr(colorScheme)}` : ''}" loading="lazy"`,
    ` sandbox="${SANDBOX}"></iframe>`,
    `\n<script src="${attr(scriptSrc)}" async></script>`,
  ].join('');
}
