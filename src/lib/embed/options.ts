/**
 * What the journalist sets for an embed, as URL parameters of the iframe's `src` (and fields of the
 * Share dialog): a title and a one-line caption (plain text, length-limited), minimal chrome, a fixed
 * date without a slider, a theme, a transparent background, AMP, a scrolling story's graphic. Each is a parameter of the table in
 * state/params.ts (`option`); these and `origin=` are kept in the atlas's URL through every rewrite
 * (state/url.ts, keptParams), so a reload of the frame shows the same embed under the same lock.
 */
import { OPTIONS, type Theme } from '../state/params.ts';
import { readParams, writeParams } from '../state/query.ts';

// Defined with the table; named here too for the embed's users (and the tests that read an embed's URL).
export { keptParams } from '../state/url.ts';
export { normalizeText } from '../state/text.ts';
export { CAPTION_MAX, TITLE_MAX } from '../state/params.ts';

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
  /** Inside an AMP page's amp-iframe (`host=amp`): the atlas also asks AMP for its height (docs/embedding.md, "AMP"). */
  amp: boolean;
  /** The graphic of a scrolling story (`layout=story`, set by embed.js): map, date and the step in words, filling the frame (docs/stories.md). */
  story: boolean;
}

export const NO_OPTIONS: EmbedOptions = { title: '', caption: '', minimal: false, fixed: false, theme: 'light', transparent: false, amp: false, story: false };

/**
 * @example parseEmbedOptions('?embed=1&title=Wagner%20in%20Libya&static=1') // { title: 'Wagner in Libya', caption: '', minimal: false, fixed: true, … }
 */
export function parseEmbedOptions(search: string): EmbedOptions {
  const p = readParams(search, undefined, OPTIONS);
  return {
    title: p.title ?? NO_OPTIONS.title,
    caption: p.caption ?? NO_OPTIONS.caption,
    minimal: p.chrome ?? NO_OPTIONS.minimal,
    fixed: p.static ?? NO_OPTIONS.fixed,
    theme: p.theme ?? NO_OPTIONS.theme,
    transparent: p.bg ?? NO_OPTIONS.transparent,
    amp: p.host ?? NO_OPTIONS.amp,
    story: p.layout ?? NO_OPTIONS.story,
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
  return readParams(search, undefined, ['theme']).theme ?? 'light';
}

/** The options as query parameters, defaults left out, in the table's order. */
export function optionParams(o: EmbedOptions): [string, string][] {
  const p = writeParams({ title: o.title, caption: o.caption, chrome: o.minimal, static: o.fixed, theme: o.theme, bg: o.transparent, host: o.amp, layout: o.story }, OPTIONS);
  return [...p];
}
