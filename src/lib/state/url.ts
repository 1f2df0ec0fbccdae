/**
 * The atlas's state as URL parameters (a stable interface: articles link to it):
 * date=YYYY-MM (or year=YYYY), place=<id>, layers=<comma list>, lang=en|ar|ru, embed=1;
 * the record view: records=1, q=<text>, kind=, cat=, status= (comma lists), actor=<id>, russia=1;
 * two months side by side: compare=YYYY-MM,YYYY-MM; a guided story: story=<id>&step=N.
 * Each parameter, how it is read and how it is written, is defined once in params.ts; this module
 * puts them together into the app's state and back.
 * Reading never throws: unknown or malformed values fall back to defaults and are dropped.
 */
import type { Lang } from '../i18n/i18n.ts';
import type { LayerGroup } from './layers.ts';
import { NO_FILTER, isFiltered, type RecordFilter } from '../records/filter.ts';
import { KEPT, type ParamContext } from './params.ts';
import { readParams, writeParams } from './query.ts';

export interface UrlState {
  t?: number;
  place?: string;
  layers?: Record<LayerGroup, boolean>;
  lang?: Lang;
  embed: boolean;
  /** The record view is open (records=1, or a query or filter given). */
  records?: boolean;
  /** The record view's search text. */
  q?: string;
  filter?: RecordFilter;
  /** Two months to compare, earlier first. */
  compare?: [number, number];
  /** A guided story (stories/<id>.json) and its step, counted from 1. */
  story?: string;
  step?: number;
}

/** What a `place` value may be, and the last month (params.ts). */
export type UrlContext = ParamContext;

/**
 * @example parseUrlState('?date=2011-08&place=tripoli', ctx) // { t: 2011*12+7, place: 'tripoli', embed: false }
 */
export function parseUrlState(search: string, ctx: UrlContext): UrlState {
  const p = readParams(search, ctx);
  const out: UrlState = { embed: p.embed === true };
  const t = p.date ?? p.year;
  if (t !== undefined) out.t = t;
  if (p.place !== undefined) out.place = p.place;
  if (p.layers !== undefined) out.layers = p.layers;
  if (p.lang !== undefined) out.lang = p.lang;
  if (p.q !== undefined) out.q = p.q;
  const filter: RecordFilter = { kinds: p.kind ?? [], categories: p.cat ?? [], actor: p.actor ?? null, statuses: p.status ?? [], russia: p.russia === true };
  if (isFiltered(filter)) out.filter = filter;
  if (p.records === true || out.q !== undefined || out.filter !== undefined) out.records = true;
  if (p.story !== undefined) {
    out.story = p.story;
    out.step = p.step ?? 1;
  }
  if (p.compare !== undefined) out.compare = p.compare;
  return out;
}

/**
 * The query string for a state; defaults are left out so links stay short. English is left out
 * too, but any other language is kept, so a shared Arabic view opens in Arabic for everyone.
 */
export function toSearch(s: {
  t: number;
  place?: string | null;
  layers: Record<LayerGroup, boolean>;
  lang: Lang;
  embed: boolean;
  records?: boolean;
  q?: string;
  filter?: RecordFilter;
  compare?: [number, number] | null;
  story?: string | null;
  step?: number;
}): string {
  const f = s.filter ?? NO_FILTER;
  // The record view's query and filters are written only while it is open.
  const records = s.records
    ? { records: true, q: s.q ?? '', kind: f.kinds, cat: f.categories, actor: f.actor ?? '', status: f.statuses, russia: f.russia }
    : {};
  const story = s.story ? { story: s.story, step: s.step ?? 1 } : {};
  const p = writeParams({ date: s.t, place: s.place ?? '', layers: s.layers, lang: s.lang, embed: s.embed, ...records, compare: s.compare ?? undefined, ...story });
  return `?${p.toString().replace(/%2C/g, ',')}`;
}

/**
 * The parameters an embed keeps through every rewrite of its URL (`kept` in params.ts: `origin=`,
 * the options and `release=`), read from `search` and written back normalized, as a query-string
 * tail ('' or '&origin=…&title=…'). An origin= that was present but unusable (too long, malformed)
 * is kept as an unusable value, so the atlas stays locked to nobody after a reload rather than open
 * to everyone; a malformed release= is dropped.
 * @example keptParams('?date=2011-08&origin=https://news.example&title=A') // '&origin=https%3A%2F%2Fnews.example&title=A'
 */
export function keptParams(search: string): string {
  const s = writeParams(readParams(search, undefined, KEPT), KEPT).toString();
  return s ? `&${s}` : '';
}
