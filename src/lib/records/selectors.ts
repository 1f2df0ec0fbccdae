/**
 * The only place where time and records meet: what is true at a selected month.
 * Pure functions over an index built once from the data; no DOM, no map.
 */
import { isUncertainAt, overlapsMonth, spanOf, unitOf } from '../time/interval.ts';
import type { Actor, AtlasData, ControlPeriod, CounterpartFeature, HistEvent, PlaceFeature, Presence, RegionFeature, SourceDoc, Timed } from './types.ts';

export interface AtlasIndex {
  data: AtlasData;
  actors: Map<string, Actor>;
  sources: Map<string, SourceDoc>;
  /** Control periods of each place, by start. */
  controlByPlace: Map<string, Timed<ControlPeriod>[]>;
  presence: Timed<Presence>[];
  /** Events by date, earliest first. */
  events: Timed<HistEvent>[];
  /** Region and place ids in display order, with their names. */
  placeIds: string[];
  regionIds: string[];
  /** Every region, place and counterpart city of geo/, by id. */
  features: Map<string, RegionFeature | PlaceFeature | CounterpartFeature>;
  /** The places of each region. */
  placesIn: Map<string, Set<string>>;
}

const byStart = <T extends { span: { start: number } }>(a: T, b: T) => a.span.start - b.span.start;

/** Builds the index once; every selector below reads from it. */
export function indexData(data: AtlasData): AtlasIndex {
  const controlByPlace = new Map<string, Timed<ControlPeriod>[]>();
  for (const c of data.control) {
    const list = controlByPlace.get(c.place) ?? [];
    list.push({ ...c, span: spanOf(c) });
    controlByPlace.set(c.place, list);
  }
  for (const list of controlByPlace.values()) list.sort(byStart);
  return {
    data,
    actors: new Map(data.actors.map((a) => [a.id, a])),
    sources: new Map(data.sources.map((s) => [s.id, s])),
    controlByPlace,
    presence: data.presence.map((p) => ({ ...p, span: spanOf(p) })).sort(byStart),
    events: data.events
      .map((e) => ({ ...e, span: unitOf(e.date) }))
      .sort((a, b) => a.span.start - b.span.start || a.id.localeCompare(b.id)),
    placeIds: data.places.features.map((f) => f.properties.id),
    regionIds: data.regions.features.map((f) => f.properties.id),
    features: new Map(
      [...data.regions.features, ...data.places.features, ...data.counterparts.features].map((f) => [f.properties.id, f] as const),
    ),
    placesIn: data.places.features.reduce((m, f) => {
      m.set(f.properties.region, (m.get(f.properties.region) ?? new Set()).add(f.properties.id));
      return m;
    }, new Map<string, Set<string>>()),
  };
}

export interface ControlState {
  /** The period in force at the end of the month (the latest to begin; the incumbent when contested). */
  current: Timed<ControlPeriod> | undefined;
  /** Every period overlapping the month: more than one means control changed or was shared. */
  periods: Timed<ControlPeriod>[];
  contested: boolean;
  uncertain: boolean;
  /** Control passed from one authority to another during this month. */
  changed: boolean;
}

/**
 * Who held a place during month t.
 * @example controlAt(index, 'cyrenaica', monthIndex(1960, 1)).current?.actor // 'kingdom-of-libya'
 */
export function controlAt(index: AtlasIndex, place: string, t: number): ControlState {
  const periods = (index.controlByPlace.get(place) ?? []).filter((c) => overlapsMonth(c.span, t));
  const contested = periods.some((c) => c.contested === true);
  // When contested, the incumbent (the earliest contested period) is the holder shown; its
  // challengers are named through contestedBy.
  const current = contested ? periods.find((c) => c.contested) : periods.at(-1);
  const holders = new Set(periods.map((c) => c.actor));
  return {
    current,
    periods,
    contested,
    uncertain: periods.some((c) => isUncertainAt(c.span, c.circa, t)),
    changed: !contested && holders.size > 1,
  };
}

/** Foreign forces present somewhere in Libya during month t. */
export function presenceAt(index: AtlasIndex, t: number): Timed<Presence>[] {
  return index.presence.filter((p) => overlapsMonth(p.span, t));
}

/** Events whose date falls in month t (a year-only date counts for each month of its year). */
export function eventsAt(index: AtlasIndex, t: number): Timed<HistEvent>[] {
  return index.events.filter((e) => overlapsMonth(e.span, t));
}

/** A place's events, earliest first; a region's list includes the events of its places. */
export function eventsOfPlace(index: AtlasIndex, place: string): Timed<HistEvent>[] {
  const inRegion = index.placesIn.get(place) ?? new Set<string>();
  return index.events.filter((e) => e.places.some((p) => p === place || inRegion.has(p)));
}

/** Foreign presence recorded at a place (or, for a region, at its places), earliest first. */
export function presenceOfPlace(index: AtlasIndex, place: string): Timed<Presence>[] {
  const inRegion = index.placesIn.get(place) ?? new Set<string>();
  return index.presence.filter((p) => p.place === place || inRegion.has(p.place));
}

/** Has the event not happened yet at month t? (Its whole unit lies after the month.) */
export function isAfter(e: { span: { start: number } }, t: number): boolean {
  return e.span.start >= t + 1;
}

/** Events answering this one (e.g. the denial of an allegation). */
export function responsesTo(index: AtlasIndex, eventId: string): Timed<HistEvent>[] {
  return index.events.filter((e) => e.responds === eventId);
}
