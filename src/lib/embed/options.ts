/**
 * What the journalist sets for an embed, as URL parameters of the iframe's `src` (and fields of the
 * Share dialog): a title and a one-line caption (plain text, length-limited), minimal chrome, a fixed
 * date without a slider. These and `origin=` are kept in the atlas's URL through every rewrite, so a
 * reload of the frame shows the same embed under the same lock.
 */
import { INVALID, queryValue, readQuery } from '../state/query.ts';
import { parseReleaseParam } from '../records/release.ts';

export const TITLE_MAX = 100;
export const CAPTION_MAX = 200;

export interface EmbedOptions {
  /** Shown as the embed's heading instead of the atlas's name; plain text. */
  title: string;
  /** One line under the title; plain text. */
  caption: string;
  /** No language, Data or Share buttons (`chrome=minimal`). */
  minimal: boolean;
  /** The date is fixed: no slider or play button (`static=1`), for a static illustration. */
  fixed: boolean;
  /** `theme=dark`, or `theme=auto` (the reader's setting); light by default. */
  theme: Theme;
  /** No background of its own (`bg=transparent`): the article's shows through around the map. */
  transparent: boolean;
  /** Inside an AMP page's amp-iframe (`host=amp`): the atlas also asks AMP for its height (README, "AMP"). */
  amp: boolean;
}

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

export const NO_OPTIONS: EmbedOptions = { title: '', caption: '', minimal: false, fixed: false, theme: 'light', transparent: false, amp: false };

// Control characters, bidirectional embeddings, overrides and isolates (a title must not reorder the
// text around it), line and paragraph separators, the BOM, lone surrogates, and U+FFFE and U+FFFF (not
// characters: XML forbids them, so the Image SVG, the PNG and the no-JavaScript picture would not open).
const UNSAFE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Editor-typed text made safe to show as one plain line: unsafe characters removed, white space
 * collapsed, cut to `max` characters with an ellipsis. Anything not a string gives ''.
 * It is always rendered as text, never as markup: `<b>` stays the four characters `<b>`.
 * @example normalizeText('  Russia\n in Libya\u202e ', 100) // 'Russia in Libya'
 */
export function normalizeText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(UNSAFE, '').replace(/[\s\u2028\u2029]+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * @example parseEmbedOptions('?embed=1&title=Wagner%20in%20Libya&static=1') // { title: 'Wagner in Libya', caption: '', minimal: false, fixed: true }
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  const q = readQuery(search);
  return {
    title: normalizeText(queryValue(q, 'title'), TITLE_MAX),
    caption: normalizeText(queryValue(q, 'caption'), CAPTION_MAX),
    minimal: queryValue(q, 'chrome') === 'minimal',
    fixed: queryValue(q, 'static') === '1',
    theme: parseTheme(search),
    transparent: queryValue(q, 'bg') === 'transparent',
    amp: queryValue(q, 'host') === 'amp',
  };
}

/**
 * The colour scheme an embed's iframe must declare so the browser draws no backdrop of its own
 * behind a transparent or dark embed: the same as the atlas's page inside it ('' when light and opaque).
 */
export function frameColorScheme(o: Pick<EmbedOptions, 'theme' | 'transparent'>): string {
  if (o.theme === 'dark') return 'dark';
  if (o.theme === 'auto') return 'light dark';
  return o.transparent ? 'light' : '';
}

/** `theme=` of a page (the full atlas has it too); anything else is light. */
export function parseTheme(search: string): Theme {
  const v = queryValue(readQuery(search), 'theme');
  return isTheme(v) ? v : 'light';
}

/** The options as query parameters, defaults left out, in a fixed order. */
export function optionParams(o: EmbedOptions): [string, string][] {
  const out: [string, string][] = [];
  const title = normalizeText(o.title, TITLE_MAX);
  const caption = normalizeText(o.caption, CAPTION_MAX);
  if (title) out.push(['title', title]);
  if (caption) out.push(['caption', caption]);
  if (o.minimal) out.push(['chrome', 'minimal']);
  if (o.fixed) out.push(['static', '1']);
  if (o.theme !== 'light') out.push(['theme', o.theme]);
  if (o.transparent) out.push(['bg', 'transparent']);
  if (o.amp) out.push(['host', 'amp']);
  return out;
}

/**
 * The parameters an embed keeps through every rewrite of its URL: `origin=`, the options and `release=`, read from
 * `search` and written back normalized, as a query-string tail ('' or '&origin=…&title=…').
 * An origin= that was present but unusable (too long, malformed) is kept as an unusable value, so the
 * atlas stays locked to nobody after a reload rather than open to everyone.
 * @example keptParams('?date=2011-08&origin=https://news.example&title=A') // '&origin=https%3A%2F%2Fnews.example&title=A'
 */
export function keptParams(search: string): string {
  const q = readQuery(search);
  const p = new URLSearchParams();
  const origin = q.origin;
  if (origin === INVALID) p.set('origin', 'invalid');
  else if (origin) p.set('origin', origin);
  for (const [k, v] of optionParams(parseEmbedOptions(search))) p.set(k, v);
  // The release an article's embed is pinned to travels with every rewrite; a malformed value is dropped.
  const release = parseReleaseParam(queryValue(q, 'release'));
  if (release.kind === 'id') p.set('release', release.id);
  else if (release.kind === 'latest') p.set('release', 'latest');
  const s = p.toString();
  return s ? `&${s}` : '';
}
