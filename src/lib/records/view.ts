/**
 * What the atlas shows at a month: the one place where records' dates meet the selected month.
 * The maps, the map in words, the change announcements, the legend, the place panel and the data
 * download all read these values; no other module compares a record's dates with the month.
 *
 * The rule: a record shows in month t when its interval [start, end) overlaps [t, t + 1). Where
 * several control periods of a place overlap the month, the one with the highest rank `z` is
 * shown (atlasIndex.ts): the latest to begin, or the incumbent of a contest.
 */
import { ceilOf, floorOf, parsePartialDate, yearOf } from '../time/dates.ts';
import { isUncertainAt, overlaps, overlapsMonth, uncertainDateAt, type Interval } from '../time/interval.ts';
import { regionOf, type AtlasIndex } from './atlasIndex.ts';
import type { EventRecord, PresenceRecord, RankedControl, Timed } from './types.ts';
import type { AreaState, AtlasView, PanelView } from './viewTypes.ts';

export type { AreaState, ArcState, AtlasView, ForceState, PanelView } from './viewTypes.ts';

/** How long a diplomatic arc stays on the map after its event, fading (months, the event's own included). */
export const ARC_MONTHS = 12;

/**
 * The last month an event's arc is on the map: ARC_MONTHS − 1 months after the event's last month.
 * @example arcLastMonth({ span: unitOf('2018-11-07') }) // monthIndex(2019, 10): strong in November 2018, fading until October 2019
 */
export const arcLastMonth = (e: { span: Interval }): number => Math.ceil(e.span.end) - 1 + ARC_MONTHS - 1;

const NONE: Omit<AreaState, 'id' | 'source'> = {
  holder: undefined,
  shown: undefined,
  periods: [],
  contested: false,
  parties: [],
  claims: [],
  previous: undefined,
  uncertain: false,
  zones: [],
};

/**
 * The records of each year, so that a month's records are found without reading all of them (with
 * 100,000 records a slider step read every record three times). Each list of intervals is cut once
 * per index into the years its intervals overlap, in the list's own order; a month's candidates are
 * its year's list, which the rules below then filter exactly as they would the whole list. Months
 * after the last year that begins a record read the intervals that reach past it; anything unusual
 * (a fractional month, an empty or immense span of years) reads the whole list.
 */
interface ByYear<T> {
  first: number;
  years: T[][];
  after: T[];
  all: T[];
}

function byYear<T>(all: T[], span: (x: T) => { start: number; end: number }): ByYear<T> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of all) {
    const { start } = span(x);
    if (start < lo) lo = start;
    if (start > hi) hi = start;
  }
  const first = Math.floor(lo / 12);
  const last = Math.floor(hi / 12);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last - first > 20_000) return { first: 0, years: [], after: all, all };
  const years = Array.from({ length: last - first + 1 }, (): T[] => []);
  const after: T[] = [];
  for (const x of all) {
    const { start, end } = span(x);
    for (let y = Math.floor(start / 12); y <= last && 12 * y < end; y++) years[y - first]!.push(x);
    if (end > 12 * (last + 1)) after.push(x);
  }
  return { first, years, after, all };
}

/** Every item whose interval can overlap month t (a superset, in the list's order). */
function candidates<T>(b: ByYear<T>, t: number): T[] {
  if (!Number.isInteger(t) || b.years.length === 0) return b.all;
  const y = Math.floor(t / 12) - b.first;
  return y < 0 ? [] : y >= b.years.length ? b.after : b.years[y]!;
}

interface TimeIndex {
  control: Map<string, ByYear<RankedControl>>;
  presence: ByYear<Timed<PresenceRecord>>;
  events: ByYear<Timed<EventRecord>>;
  /** Events with a counterpart, over the months their arc stays on the map. */
  arcs: ByYear<Timed<EventRecord>>;
}

const timeIndexes = new WeakMap<AtlasIndex, TimeIndex>();

function timeIndex(index: AtlasIndex): TimeIndex {
  let ti = timeIndexes.get(index);
  if (!ti) {
    const span = (r: { span: Interval }) => r.span;
    ti = {
      control: new Map([...index.controlByPlace].map(([id, list]) => [id, byYear(list, span)])),
      presence: byYear(index.presence, span),
      events: byYear(index.events, span),
      arcs: byYear(
        index.events.filter((e) => e.counterpart),
        (e) => ({ start: e.span.start, end: e.span.end + ARC_MONTHS - 1 }),
      ),
    };
    timeIndexes.set(index, ti);
  }
  return ti;
}

/** A place's control periods overlapping month t, in the index's order. */
function controlAt(index: AtlasIndex, id: string, t: number): RankedControl[] {
  const b = timeIndex(index).control.get(id);
  return b ? candidates(b, t).filter((c) => overlapsMonth(c.span, t)) : [];
}

/** The state of a place from its own periods overlapping month t (NONE when it has none). */
function ownState(index: AtlasIndex, id: string, t: number): AreaState {
  const periods = controlAt(index, id, t);
  if (periods.length === 0) return { ...NONE, id, source: id };
  const byRank = [...periods].sort((a, b) => b.z - a.z);
  const shown = byRank[0]!;
  const contested = shown.contested === true;
  const parties = contested
    ? [...new Set([shown.actor, ...periods.filter((p) => p.contested).flatMap((p) => [p.actor, ...(p.contestedBy ?? [])])])]
    : [shown.actor];
  // The period shown before this one began, if another actor held it.
  const before = contested ? undefined : byRank.find((p) => p.span.start < shown.span.start);
  return {
    id,
    source: id,
    holder: shown.actor,
    shown,
    periods,
    contested,
    parties,
    claims: [...new Set((shown.claims ?? []).map((c) => c.actor).filter((a) => !parties.includes(a)))],
    previous: before && before.actor !== shown.actor ? before.actor : undefined,
    ...uncertainOf(shown, t),
    zones: [],
    ...lastReportedAt(shown, t),
  };
}

function uncertainOf(p: RankedControl, t: number): { uncertain: boolean; uncertainDate?: 'start' | 'end' } {
  const date = uncertainDateAt(p.span, p.circa, t);
  return date ? { uncertain: true, uncertainDate: date } : { uncertain: false };
}

/** A record still open whose newest source is this many months or more before a month is "last reported" in it. */
export const STALE_MONTHS = 18;

/**
 * The first month in which a record is "last reported": still open, and no source of it in the
 * STALE_MONTHS before that month (its newest source's own month counted). Infinity when never.
 * @example staleFrom({ end: null, lastSource: '2017-06-14' }) // monthIndex(2018, 12)
 */
export function staleFrom(r: { end: string | null; lastSource?: string | undefined }): number {
  if (r.end !== null || !r.lastSource) return Infinity;
  const last = parsePartialDate(r.lastSource);
  // The last month the newest source covers: June 2017 for "2017-06-14", December for "2017".
  return last ? Math.ceil(ceilOf(last)) - 1 + STALE_MONTHS : Infinity;
}

/** `{ lastReported }` (its newest source's date) when month t is one in which the record is "last reported" (staleFrom). */
export function lastReportedAt(r: { end: string | null; lastSource?: string | undefined }, t: number): { lastReported?: string } {
  return t >= staleFrom(r) ? { lastReported: r.lastSource! } : {};
}

/** A region: its own periods, or, when its zones' periods are the newer state, divided into zones. */
function regionState(index: AtlasIndex, id: string, t: number): AreaState {
  const own = ownState(index, id, t);
  const zones = (index.zonesOf.get(id) ?? []).map((z) => ownState(index, z, t));
  const zoneTop = Math.max(-Infinity, ...zones.map((z) => z.shown?.z ?? -Infinity));
  if (zones.length === 0 || zoneTop === -Infinity || (own.shown && own.shown.z > zoneTop)) return own;
  return {
    ...NONE,
    id,
    source: id,
    periods: zones.flatMap((z) => z.periods),
    parties: [...new Set(zones.flatMap((z) => z.parties))],
    claims: [...new Set(zones.flatMap((z) => z.claims))],
    uncertain: zones.some((z) => z.uncertain),
    zones,
  };
}

/**
 * Everything the atlas shows at month t.
 * @example viewAt(index, monthIndex(1960, 6)).regions.find((r) => r.id === 'cyrenaica')?.holder // 'kingdom-of-libya'
 */
export function viewAt(index: AtlasIndex, t: number): AtlasView {
  // The last few views are kept: the map, the words and the change announcements ask for the same months.
  let recent = views.get(index);
  if (!recent) views.set(index, (recent = new Map()));
  const kept = recent.get(t);
  if (kept) {
    recent.delete(t);
    recent.set(t, kept);
    return kept;
  }
  const view = computeView(index, t);
  recent.set(t, view);
  if (recent.size > KEPT_VIEWS) recent.delete(recent.keys().next().value!);
  return view;
}

const KEPT_VIEWS = 4;
const views = new WeakMap<AtlasIndex, Map<number, AtlasView>>();

function computeView(index: AtlasIndex, t: number): AtlasView {
  const ti = timeIndex(index);
  const regions = index.regionIds.map((id) => regionState(index, id, t));
  const regionById = new Map(regions.map((r) => [r.id, r]));

  const places = index.data.places.features.map((f) => {
    const { id, region, zone } = f.properties;
    const own = ownState(index, id, t);
    if (own.shown) return own;
    const r = regionById.get(region);
    const inherited = (zone && r?.zones.find((z) => z.id === zone)) || r;
    return inherited ? { ...inherited, id } : own;
  });

  const forces = candidates(ti.presence, t)
    .filter((p) => overlapsMonth(p.span, t))
    .map((presence) => ({ presence, uncertain: isUncertainAt(presence.span, presence.circa, t), ...lastReportedAt(presence, t) }));
  const arcs = candidates(ti.arcs, t)
    .filter((e) => e.counterpart && e.span.start < t + 1 && e.span.end > t + 1 - ARC_MONTHS)
    .map((event) => ({ event, current: overlapsMonth(event.span, t) }));
  const events = candidates(ti.events, t).filter((e) => overlapsMonth(e.span, t));

  const holders = new Set<string>();
  const claims = new Set<string>();
  for (const a of [...regions, ...regions.flatMap((r) => r.zones), ...places]) {
    for (const p of a.parties) holders.add(p);
    for (const c of a.claims) claims.add(c);
  }
  const control = [...index.controlByPlace.keys()].flatMap((id) => controlAt(index, id, t));

  return {
    t,
    regions,
    places,
    forces,
    arcs,
    events,
    legend: { holders: [...holders], claims: [...claims], forces: [...new Set(forces.map((f) => f.presence.actor))] },
    control,
  };
}

/** The state of one region, zone or place in a view. */
export function areaIn(view: AtlasView, id: string): AreaState | undefined {
  return view.regions.find((r) => r.id === id) ?? view.places.find((p) => p.id === id) ?? view.regions.flatMap((r) => r.zones).find((z) => z.id === id);
}

/**
 * What a place's panel shows at month t.
 * @example panelAt(index, 'tripoli', monthIndex(2008, 4)).events.filter((e) => !e.later)
 */
export function panelAt(index: AtlasIndex, place: string, t: number): PanelView {
  const view = viewAt(index, t);
  const state = areaIn(view, place) ?? { ...NONE, id: place, source: place };
  const inside = new Set([place, ...(index.placesIn.get(place) ?? []), ...(index.zonesOf.get(place) ?? [])]);
  const own = [place, ...(index.zonesOf.get(place) ?? [])];
  const control = own.flatMap((id) => controlAt(index, id, t));
  const responses = new Map<string, Timed<EventRecord>[]>();
  for (const e of index.events) if (e.responds) responses.set(e.responds, [...(responses.get(e.responds) ?? []), e]);
  return {
    state,
    control,
    forces: index.presence.filter((p) => inside.has(p.place)).map((presence) => ({ presence, now: overlapsMonth(presence.span, t), ...lastReportedAt(presence, t) })),
    lastReported: new Map(control.flatMap((c) => {
      const r = lastReportedAt(c, t).lastReported;
      return r ? [[c.id, r] as const] : [];
    })),
    events: index.events
      .filter((e) => e.places.some((p) => inside.has(p)))
      .map((event) => ({ event, later: event.span.start >= t + 1, responses: responses.get(event.id) ?? [] })),
  };
}

export { regionOf };

// ---------------------------------------------------------------------------------------------
// A record's months, asked by the timeline (timeline.ts), the comparison (compare.ts), the record
// list (recordList.ts), the comparison's markup and the map's features (map/features.ts), so that
// none of them compares a record's dates with a month itself (tests/unit/month-rule.test.ts).

/**
 * The months a record shows in, by the rule above: from `first` up to, not including, `after`
 * (the comparison's "arrived" and "left" months).
 * @example monthsShown({ start: 100.5, end: 103.2 }) // { first: 100, after: 104 }
 */
export function monthsShown(span: { start: number; end: number }): { first: number; after: number } {
  return { first: Math.floor(span.start), after: Math.max(Math.floor(span.start), Math.ceil(span.end)) };
}

/**
 * The first month the view shows a record in: the month "show on the map" selects and the slider
 * marks an event at (a year-only date: its January).
 * @example firstMonthOf(unitOf('2008-04-16')) // monthIndex(2008, 4)
 */
export const firstMonthOf = (span: { start: number; end: number }): number => monthsShown(span).first;

/** The decade of a record's first month, by its first year: 1950 for the 1950s. */
export const decadeOf = (span: { start: number; end: number }): number => Math.floor(yearOf(firstMonthOf(span)) / 10) * 10;

/** Does the record show in some month of [from, to)? */
export const shownDuring = (span: { start: number; end: number }, from: number, to: number): boolean => overlaps(span, { start: from, end: to });

/**
 * The months at which some of the records begins or stops showing, each held within [from, to],
 * in order: between two of them, none of the records comes or goes (the map's runs of months).
 * @example monthEdges(index.controlByPlace.get('fezzan')!, FIRST_MONTH, last + 1)
 */
export function monthEdges(records: readonly { span: { start: number; end: number } }[], from: number, to: number): number[] {
  const edges = new Set<number>();
  for (const { span } of records) {
    const { first, after } = monthsShown(span);
    for (const m of [first, after]) edges.add(Math.min(Math.max(m, from), to));
  }
  return [...edges].sort((a, b) => a - b);
}

/** Months in (a, b] at which some control period begins or stops showing: the only months where a holder can change. */
export function controlChangeMonths(index: AtlasIndex, a: number, b: number): number[] {
  const months = new Set<number>();
  for (const list of index.controlByPlace.values()) {
    for (const { span } of list) {
      const { first, after } = monthsShown(span);
      for (const m of [first, after]) if (m > a && m <= b) months.add(m);
    }
  }
  return [...months].sort((x, y) => x - y);
}

export interface ForceChange {
  presence: Timed<PresenceRecord>;
  /** The first month it is (arrived) or is no longer (left) on the map. */
  t: number;
  change: 'arrived' | 'left';
}

/** Every foreign presence that arrives or leaves in a month of (a, b], by month (those leaving first), then by id. */
export function forceChanges(index: AtlasIndex, a: number, b: number): ForceChange[] {
  const forces: ForceChange[] = [];
  for (const presence of index.presence) {
    const { first, after } = monthsShown(presence.span);
    if (first === after) continue;
    if (first > a && first <= b) forces.push({ presence, t: first, change: 'arrived' });
    if (after > a && after <= b) forces.push({ presence, t: after, change: 'left' });
  }
  return forces.sort((x, y) => x.t - y.t || (x.change === y.change ? 0 : x.change === 'left' ? -1 : 1) || byCodePoint(x.presence.id, y.presence.id));
}

/** The events shown in some month from a to b, both included, in the index's order. */
export const eventsBetween = (index: AtlasIndex, a: number, b: number): Timed<EventRecord>[] => index.events.filter((e) => shownDuring(e.span, a, b + 1));

/**
 * Where a record's interval lies from month t, in months: 0 when it overlaps t, else how far before
 * or after (always ≥ 0), and whether it overlaps the months [t − around, t + around]. The panel's
 * grouping (timeline.ts) asks this, so that the month rule lives here alone.
 * @example fromMonth({ start: 100, end: 101 }, 103, 12) // { distance: 2, near: true, before: true }
 */
export function fromMonth(span: Interval, t: number, around: number): { distance: number; near: boolean; before: boolean } {
  const distance = overlapsMonth(span, t) ? 0 : span.start > t ? span.start - t : t + 1 - span.end;
  return { distance, near: overlaps(span, { start: t - around, end: t + around + 1 }), before: span.start < t - around };
}

/**
 * The month the atlas opens at: the record's "data as of" month, the newest month its sources
 * speak for (never later than `last`, today), so a first view claims no more than the record.
 * @example openingMonth(indexData(data, '2026-04-02'), monthIndex(2026, 12)) // monthIndex(2026, 4)
 */
export function openingMonth(index: AtlasIndex, last: number): number {
  const asOf = parsePartialDate(index.dataAsOf);
  return asOf ? Math.min(Math.floor(floorOf(asOf)), last) : last;
}

/** Ids are ASCII: code-point order, without the cost of the browser's collator on the first view. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
