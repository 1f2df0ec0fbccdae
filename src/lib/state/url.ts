/**
 * The atlas's state as URL parameters (a stable interface: articles link to it):
 * date=YYYY-MM (or year=YYYY), place=<id>, layers=<comma list>, lang=en|ar|ru, embed=1.
 * Reading never throws: unknown or malformed values fall back to defaults and are dropped.
 */
import { clampMonth, monthKey, parseMonthKey } from '../time/months.ts';
import { monthIndex } from '../time/dates.ts';
import { isLang, type Lang } from '../i18n/i18n.ts';
import { LAYER_GROUPS, type LayerGroup } from './layers.ts';
import { queryValue, readQuery, type Query, type QueryName } from './query.ts';


export interface UrlState {
  t?: number;
  place?: string;
  layers?: Record<LayerGroup, boolean>;
  lang?: Lang;
  embed: boolean;
}

export interface UrlContext {
  /** Ids a `place` value may take. */
  placeIds: ReadonlySet<string>;
  lastMonth: number;
}

/** Only the known parameters, first occurrence, each length-limited: see query.ts. */
const get = (q: Query, k: QueryName) => queryValue(q, k);

/**
 * @example parseUrlState('?date=2011-08&place=tripoli', ctx) // { t: 2011*12+7, place: 'tripoli', embed: false }
 */
export function parseUrlState(search: string, ctx: UrlContext): UrlState {
  const p = readQuery(search);
  const out: UrlState = { embed: get(p, 'embed') === '1' };

  const date = get(p, 'date');
  const year = get(p, 'year');
  const fromDate = date !== null ? parseMonthKey(date) : null;
  const fromYear = year !== null && /^\d{4}$/.test(year) ? monthIndex(Number(year), 1) : null;
  const t = fromDate ?? fromYear;
  if (t !== null) out.t = clampMonth(t, ctx.lastMonth);

  const place = get(p, 'place');
  if (place !== null && ctx.placeIds.has(place)) out.place = place;

  const layers = get(p, 'layers');
  if (layers !== null) {
    const named = new Set(layers.split(',').map((s) => s.trim()));
    if ([...named].some((n) => (LAYER_GROUPS as readonly string[]).includes(n))) {
      out.layers = { control: named.has('control'), presence: named.has('presence'), diplomacy: named.has('diplomacy') };
    }
  }

  const lang = get(p, 'lang');
  if (isLang(lang)) out.lang = lang;
  return out;
}

/**
 * The query string for a state; defaults are left out so links stay short. English is left out
 * too, but any other language is kept, so a shared Arabic view opens in Arabic for everyone.
 */
export function toSearch(s: { t: number; place?: string | null; layers: Record<LayerGroup, boolean>; lang: Lang; embed: boolean }): string {
  const p = new URLSearchParams();
  p.set('date', monthKey(s.t));
  if (s.place) p.set('place', s.place);
  if (!LAYER_GROUPS.every((g) => s.layers[g])) p.set('layers', LAYER_GROUPS.filter((g) => s.layers[g]).join(','));
  if (s.lang !== 'en') p.set('lang', s.lang);
  if (s.embed) p.set('embed', '1');
  return `?${p.toString().replace(/%2C/g, ',')}`;
}
