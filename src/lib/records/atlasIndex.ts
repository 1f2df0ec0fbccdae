/**
 * The records, indexed once at start-up: by place, by date, with their intervals on the month
 * axis. Records are never changed after this. A record that fails a cheap run-time check (a date
 * that does not parse, an unknown status or place) is left out with a console warning: data that
 * bypassed the validator must not blank the page.
 */
import { parsePartialDate } from '../time/dates.ts';
import { spanOf, unitOf } from '../time/interval.ts';
import { chronological } from './order.ts';
import type {
  Actor,
  AtlasData,
  ControlRecord,
  CounterpartFeature,
  EventRecord,
  PlaceFeature,
  PresenceRecord,
  RankedControl,
  RegionFeature,
  Timed,
  ZoneFeature,
} from './types.ts';

export interface AtlasIndex {
  data: AtlasData;
  actors: Map<string, Actor>;
  /** Control periods of each region, zone and place, by start. */
  controlByPlace: Map<string, RankedControl[]>;
  /** Foreign presences, by start. */
  presence: Timed<PresenceRecord>[];
  /** Events by date, earliest first; a response right after the claim it answers when their dates share a unit (order.ts). */
  events: Timed<EventRecord>[];
  eventsById: Map<string, Timed<EventRecord>>;
  /** Region and place ids in display order. */
  regionIds: string[];
  placeIds: string[];
  /** The zones of each region (empty for most regions). */
  zonesOf: Map<string, string[]>;
  /** Every region, zone, place and counterpart city of geo/, by id. */
  features: Map<string, RegionFeature | ZoneFeature | PlaceFeature | CounterpartFeature>;
  /** The places of each region. */
  placesIn: Map<string, Set<string>>;
  /** Records left out by the run-time checks, with the reason (also logged as warnings). */
  rejected: { id: string; reason: string }[];
  /** The newest source date in the record (YYYY, YYYY-MM or YYYY-MM-DD), '' when unknown. */
  dataAsOf: string;
}

const STATUSES = new Set(['confirmed', 'reported', 'alleged', 'denied']);
const CATEGORIES = new Set(['diplomatic', 'military', 'economic', 'control']);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isDate = (v: unknown): v is string => typeof v === 'string' && parsePartialDate(v) !== null;
const isLocalized = (v: unknown) => typeof v === 'object' && v !== null && isText((v as { en?: unknown }).en);

type Check = (r: Record<string, unknown>) => string | null;

function intervalCheck(places: Set<string>): Check {
  return (r) => {
    if (!isText(r['id'])) return 'no id';
    if (!isText(r['place']) || !places.has(r['place'])) return `unknown place ${String(r['place'])}`;
    if (!isText(r['actor'])) return 'no actor';
    if (!isDate(r['start'])) return `bad start ${String(r['start'])}`;
    if (r['end'] !== null && !isDate(r['end'])) return `bad end ${String(r['end'])}`;
    if (r['end'] !== null && spanOf(r as { start: string; end: string }).end <= spanOf(r as { start: string; end: string }).start) return 'end before start';
    return null;
  };
}

function eventCheck(places: Set<string>): Check {
  return (r) => {
    if (!isText(r['id'])) return 'no id';
    if (!isDate(r['date'])) return `bad date ${String(r['date'])}`;
    if (!Array.isArray(r['places']) || r['places'].length === 0 || !r['places'].every((p) => isText(p) && places.has(p))) return 'unknown place';
    if (!STATUSES.has(r['status'] as string)) return `unknown status ${String(r['status'])}`;
    if (!CATEGORIES.has(r['category'] as string)) return `unknown category ${String(r['category'])}`;
    if (!isLocalized(r['title']) || !isLocalized(r['summary'])) return 'no title or summary';
    if (!Array.isArray(r['actors'])) return 'no actors list';
    return null;
  };
}

function keep<T>(list: T[], check: Check, rejected: AtlasIndex['rejected']): T[] {
  return list.filter((r) => {
    const reason = typeof r === 'object' && r !== null ? check(r as Record<string, unknown>) : 'not a record';
    if (reason === null) return true;
    const id = String((r as { id?: unknown } | null)?.id ?? '?');
    rejected.push({ id, reason });
    console.warn(`Libya–Russia Atlas: record "${id}" left out (${reason})`);
    return false;
  });
}

const byStart = <T extends { span: { start: number } }>(a: T, b: T) => a.span.start - b.span.start;

/**
 * Ranks a group of periods that can be on screen together (a place's, or a region's with its
 * zones'): the latest to begin is shown. Among periods beginning together, a contested one beats an
 * uncontested one, and among contested ones the first in the data is the incumbent, shown with its
 * challengers hatched over it. So a contest shows from the month it begins, and whatever follows it
 * shows from the month it ends.
 */
function rank(periods: Timed<ControlRecord>[]): RankedControl[] {
  return periods
    .map((p, order) => ({ p, order, contested: p.contested === true }))
    .sort((a, b) => a.p.span.start - b.p.span.start || Number(a.contested) - Number(b.contested) || (a.contested ? b.order - a.order : a.order - b.order))
    .map(({ p }, z) => ({ ...p, z }));
}

/** Builds the index once; the view (view.ts) reads only from it. `dataAsOf`: the newest source date in the record. */
export function indexData(data: AtlasData, dataAsOf = ''): AtlasIndex {
  const rejected: AtlasIndex['rejected'] = [];
  const zonesOf = new Map<string, string[]>();
  for (const z of data.zones?.features ?? []) zonesOf.set(z.properties.region, [...(zonesOf.get(z.properties.region) ?? []), z.properties.id]);
  const features = new Map<string, RegionFeature | ZoneFeature | PlaceFeature | CounterpartFeature>(
    [...data.regions.features, ...(data.zones?.features ?? []), ...data.places.features, ...data.counterparts.features].map((f) => [f.properties.id, f] as const),
  );
  const libyan = new Set([...data.regions.features, ...(data.zones?.features ?? []), ...data.places.features].map((f) => f.properties.id));

  const control = keep(data.control, intervalCheck(libyan), rejected).map((c) => ({ ...c, span: spanOf(c) }));
  const grouped = new Map<string, Timed<ControlRecord>[]>();
  // A region and its zones rank together: they cover the same ground.
  const groupOf = (place: string) => {
    const f = features.get(place);
    return f && 'region' in f.properties && zonesOf.has(f.properties.region) && (zonesOf.get(f.properties.region) ?? []).includes(place)
      ? f.properties.region
      : place;
  };
  for (const c of control) grouped.set(groupOf(c.place), [...(grouped.get(groupOf(c.place)) ?? []), c]);
  const controlByPlace = new Map<string, RankedControl[]>();
  for (const list of grouped.values()) {
    for (const c of rank(list)) controlByPlace.set(c.place, [...(controlByPlace.get(c.place) ?? []), c]);
  }
  for (const list of controlByPlace.values()) list.sort(byStart);

  const presence = keep(data.presence, intervalCheck(libyan), rejected)
    .filter((p) => {
      if (STATUSES.has(p.status)) return true;
      rejected.push({ id: p.id, reason: `unknown status ${String(p.status)}` });
      console.warn(`Libya–Russia Atlas: record "${p.id}" left out (unknown status)`);
      return false;
    })
    .map((p) => ({ ...p, span: spanOf(p) }))
    .sort(byStart);
  const events = chronological(keep(data.events, eventCheck(libyan), rejected).map((e) => ({ ...e, span: unitOf(e.date) })));

  return {
    data,
    dataAsOf,
    actors: new Map(data.actors.map((a) => [a.id, a])),
    controlByPlace,
    presence,
    events,
    eventsById: new Map(events.map((e) => [e.id, e])),
    regionIds: data.regions.features.map((f) => f.properties.id),
    placeIds: data.places.features.map((f) => f.properties.id),
    zonesOf,
    features,
    placesIn: data.places.features.reduce((m, f) => {
      m.set(f.properties.region, (m.get(f.properties.region) ?? new Set()).add(f.properties.id));
      return m;
    }, new Map<string, Set<string>>()),
    rejected,
  };
}

/** The region a place or zone lies in (a region is its own). */
export function regionOf(index: AtlasIndex, id: string): string | undefined {
  const f = index.features.get(id);
  if (!f) return undefined;
  return 'region' in f.properties ? f.properties.region : id;
}

/** A place's or counterpart city's coordinates, or a region's or zone's label point ([lon, lat]). */
export function pointOf(index: AtlasIndex, id: string): [number, number] | undefined {
  const f = index.features.get(id);
  if (!f) return undefined;
  if (f.geometry.type === 'Point') return f.geometry.coordinates as [number, number];
  return 'label' in f.properties ? f.properties.label : undefined;
}
