/** Links to a view of the atlas, and the embed snippet a journalist pastes into an article. */
import { toSearch } from '../state/url.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { LayerGroup } from '../state/layers.ts';

export interface View {
  t: number;
  place: string | null;
  layers: Record<LayerGroup, boolean>;
  lang: Lang;
}

/**
 * The atlas page at this view. The language is written unless English, so a shared link opens in
 * the language the journalist chose. Other query parameters (origin=…) are dropped.
 * @example viewUrl(v, false, 'https://x.org/atlas/?embed=1') // 'https://x.org/atlas/?date=2011-08'
 */
export function viewUrl(view: View, embed: boolean, href: string): string {
  const u = new URL(href);
  u.search = toSearch({ ...view, embed });
  u.hash = '';
  return u.toString();
}

/** The folder the atlas is served from, where embed.js lives next to index.html. */
export function embedScriptUrl(href: string): string {
  return new URL('embed.js', href.split(/[?#]/)[0]).toString();
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * An iframe that works on its own at a fixed height, and embed.js, which resizes it to its content.
 * @example embedSnippet('https://x.org/atlas/?date=2011-08&embed=1', 'https://x.org/atlas/embed.js', 'Libya–Russia Atlas')
 */
export function embedSnippet(src: string, scriptSrc: string, title: string): string {
  return [
    `<iframe data-atlas src="${attr(src)}" title="${attr(title)}" width="100%" height="760"`,
    ` style="border:0;width:100%;max-width:1200px" loading="lazy"`,
    ` sandbox="allow-scripts allow-same-origin allow-popups"></iframe>`,
    `\n<script src="${attr(scriptSrc)}" async></script>`,
  ].join('');
}
