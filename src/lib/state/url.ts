/**
 * The atlas's state as URL parameters (a stable interface: articles link to it):
 * date=YYYY-MM (or year=YYYY), place=<id>, layers=<comma list>, lang=en|ar|ru, embed=1;
 * the record view: records=1, q=<text>, kind=, cat=, status= (comma lists), actor=<id>, russia=1;
 * two months side by side: compare=YYYY-MM,YYYY-MM; a guided story: story=<id>&step=N.
 * Reading never throws: unknown or malformed values fall back to defaults and are dropped.
 */
import { clampMonth, monthKey, parseMonthKey } from '../time/months.ts';
import { monthIndex } from '../time/dates.ts';
import { isLang, type Lang } from '../i18n/i18n.ts';
import { LAYER_GROUPS, type LayerGroup } from './layers.ts';
import { CATEGORIES, NO_FILTER, RECORD_KINDS, STATUSES, isFiltered, type RecordFilter } from '../records/filter.ts';
import { queryValue, readQuery, type Query, type QueryName } from './query.ts';


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

export interface UrlContext {
  /** Ids a `place` value may take. */
  placeIds: ReadonlySet<string>;
  lastMonth: number;
}

/** The longest search text kept (query.ts reads `q` up to this length). */
const MAX_QUERY = 64;

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

  // A query is plain text (shown only as an input's value): control characters go, length is capped.
  const q = get(p, 'q')?.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (q) out.q = q;
  const filter = readFilter(p);
  if (isFiltered(filter)) out.filter = filter;
  if (get(p, 'records') === '1' || out.q !== undefined || out.filter !== undefined) out.records = true;

  // A story's id has the form of an id; whether it exists is known only once the stories load.
  const story = get(p, 'story');
  if (story !== null && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(story)) {
    out.story = story;
    const step = get(p, 'step');
    out.step = step !== null && /^\d{1,3}$/.test(step) && Number(step) >= 1 ? Number(step) : 1;
  }

  const compare = get(p, 'compare')?.split(',');
  if (compare?.length === 2) {
    const [a, b] = compare.map((k) => parseMonthKey(k.trim()));
    if (a !== null && a !== undefined && b !== null && b !== undefined) {
      const [x, y] = [clampMonth(a, ctx.lastMonth), clampMonth(b, ctx.lastMonth)];
      out.compare = [Math.min(x, y), Math.max(x, y)];
    }
  }
  return out;
}

/** Known values of a comma list, in their canonical order; unknown ones are dropped. */
function oneOf<T extends string>(p: Query, key: QueryName, known: readonly T[]): T[] {
  const v = get(p, key);
  if (v === null) return [];
  const named = new Set(v.split(',').map((s) => s.trim()));
  return known.filter((k) => named.has(k));
}

function readFilter(p: Query): RecordFilter {
  const actor = get(p, 'actor');
  return {
    kinds: oneOf(p, 'kind', RECORD_KINDS),
    categories: oneOf(p, 'cat', CATEGORIES),
    // An id's form only: an id no actor has matches nothing, and is never shown.
    actor: actor !== null && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(actor) ? actor : null,
    statuses: oneOf(p, 'status', STATUSES),
    russia: get(p, 'russia') === '1',
  };
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
  const p = new URLSearchParams();
  p.set('date', monthKey(s.t));
  if (s.place) p.set('place', s.place);
  if (!LAYER_GROUPS.every((g) => s.layers[g])) p.set('layers', LAYER_GROUPS.filter((g) => s.layers[g]).join(','));
  if (s.lang !== 'en') p.set('lang', s.lang);
  if (s.embed) p.set('embed', '1');
  if (s.records) {
    const f = s.filter ?? NO_FILTER;
    p.set('records', '1');
    if (s.q?.trim()) p.set('q', s.q.trim().slice(0, MAX_QUERY));
    if (f.kinds.length > 0) p.set('kind', f.kinds.join(','));
    if (f.categories.length > 0) p.set('cat', f.categories.join(','));
    if (f.actor) p.set('actor', f.actor);
    if (f.statuses.length > 0) p.set('status', f.statuses.join(','));
    if (f.russia) p.set('russia', '1');
  }
  if (s.compare) p.set('compare', `${monthKey(s.compare[0])},${monthKey(s.compare[1])}`);
  if (s.story) {
    p.set('story', s.story);
    p.set('step', String(s.step ?? 1));
  }
  return `?${p.toString().replace(/%2C/g, ',')}`;
}
