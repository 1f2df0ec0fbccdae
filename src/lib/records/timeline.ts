/**
 * The record in time, beside the view of a month (view.ts): the marks of the slider's timeline, a
 * place's events grouped around the selected month, and what happened between two months. Like view.ts, and with it alone, these
 * functions compare records' dates with months; they are pure and never change their input.
 */
import { overlaps, overlapsMonth } from '../time/interval.ts';
import { yearOf } from '../time/dates.ts';
import type { AtlasIndex } from './atlasIndex.ts';
import { changesBetween, viewAt, type AtlasView, type Holding, type PanelView } from './view.ts';
import type { EventCategory, EventRecord, PresenceRecord, Timed } from './types.ts';

/** An event on the slider's track: the month it falls in (its first month, for a year-only date). */
export interface EventMark {
  id: string;
  t: number;
  category: EventCategory;
  russia: boolean;
}

/** One mark per event, in the index's order. */
export function eventMarks(index: AtlasIndex): EventMark[] {
  return index.events.map((e) => ({ id: e.id, t: Math.floor(e.span.start), category: e.category, russia: e.russia }));
}

/**
 * How many marks fall in each year from `first`'s year to `last`'s (the slider's density strip).
 * @example eventDensity(marks, monthIndex(1943, 1), monthIndex(2026, 12))[0] // events of 1943
 */
export function eventDensity(marks: readonly EventMark[], first: number, last: number): number[] {
  const y0 = yearOf(first);
  const counts = new Array<number>(yearOf(last) - y0 + 1).fill(0);
  for (const m of marks) {
    const i = yearOf(m.t) - y0;
    if (i >= 0 && i < counts.length) counts[i]!++;
  }
  return counts;
}

/** The month of the first mark after month t (or before it, with direction -1); null when there is none. */
export function nextEventMonth(marks: readonly EventMark[], t: number, direction: 1 | -1 = 1): number | null {
  let best: number | null = null;
  for (const m of marks) {
    if (direction === 1 ? m.t > t && (best === null || m.t < best) : m.t < t && (best === null || m.t > best)) best = m.t;
  }
  return best;
}

export type PanelEvent = PanelView['events'][number];

export interface EventFilter {
  /** Only this category (null: all). */
  category: EventCategory | null;
  /** Only events concerning Libya and the USSR/Russia. */
  russia: boolean;
}

export function filterEvents<E extends { event: Pick<EventRecord, 'category' | 'russia'> }>(events: readonly E[], f: EventFilter): E[] {
  return events.filter((e) => (f.category === null || e.event.category === f.category) && (!f.russia || e.event.russia));
}

/** Months on each side of the selected month that count as "around" it: with it, a year. */
export const AROUND_MONTHS = 6;

export interface DecadeGroup {
  /** The decade's first year: 1950 for the 1950s. */
  decade: number;
  events: PanelEvent[];
}

export interface PanelGroups {
  /** The months counted as around t: [from, to). */
  from: number;
  to: number;
  /** Events overlapping [from, to), earliest first. */
  around: PanelEvent[];
  /** The `lead` events of `around` nearest to t (those of month t first), earliest first: what the panel shows before "show all". */
  lead: PanelEvent[];
  /** Events before `from`, by decade, earliest first. */
  earlier: DecadeGroup[];
  /** Events from `to` on, by decade, earliest first. */
  later: DecadeGroup[];
}

function byDecade(events: PanelEvent[]): DecadeGroup[] {
  const groups = new Map<number, PanelEvent[]>();
  for (const e of events) {
    const d = Math.floor(yearOf(e.event.span.start) / 10) * 10;
    groups.set(d, [...(groups.get(d) ?? []), e]);
  }
  return [...groups].sort((a, b) => a[0] - b[0]).map(([decade, list]) => ({ decade, events: list }));
}

/**
 * A place panel's events as the panel opens at month t: those of the year around t first, then
 * the earlier and later ones by decade. The input's order (chronological) is kept in each group.
 * @example groupPanelEvents(panelAt(index, 'tripoli', t).events, t).lead // what the panel shows first
 */
export function groupPanelEvents(events: readonly PanelEvent[], t: number, lead = 4): PanelGroups {
  const from = t - AROUND_MONTHS;
  const to = t + AROUND_MONTHS + 1;
  const window = { start: from, end: to };
  const around: PanelEvent[] = [];
  const earlier: PanelEvent[] = [];
  const later: PanelEvent[] = [];
  for (const e of events) {
    if (overlaps(e.event.span, window)) around.push(e);
    else if (e.event.span.start < from) earlier.push(e);
    else later.push(e);
  }
  // Nearest to t: in month t, then by distance from t; ties to the earlier event.
  const distance = (e: PanelEvent) => (overlapsMonth(e.event.span, t) ? 0 : e.event.span.start > t ? e.event.span.start - t : t + 1 - e.event.span.end);
  const nearest = new Set(
    around
      .map((e, i) => ({ e, i, d: distance(e) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, lead)
      .map((x) => x.e),
  );
  return { from, to, around, lead: around.filter((e) => nearest.has(e)), earlier: byDecade(earlier), later: byDecade(later) };
}

/** A change of holder of a region or a place with records of its own, at the month it shows. */
export interface ControlChange {
  id: string;
  t: number;
  before: Holding;
  after: Holding;
  /** The control periods behind the change: those shown after it (or, when nothing is, the one shown before). */
  records: string[];
}

export interface ForceChange {
  presence: Timed<PresenceRecord>;
  /** The first month it is (arrived) or is no longer (left) on the map. */
  t: number;
  change: 'arrived' | 'left';
}

export interface Comparison {
  /** The earlier and the later month. */
  a: number;
  b: number;
  /** How the two months differ, area by area and force by force. */
  net: ReturnType<typeof changesBetween>;
  /** Every change of holder after month a up to month b, in order. */
  control: ControlChange[];
  /** Every foreign force that arrived or left after month a up to month b, in order. */
  forces: ForceChange[];
  /** The events dated from month a to month b, both included, in order. */
  events: Timed<EventRecord>[];
}

/** Months in (a, b] at which some control period begins or stops overlapping the month: where holders can change. */
function controlBoundaries(index: AtlasIndex, a: number, b: number): number[] {
  const months = new Set<number>();
  for (const list of index.controlByPlace.values()) {
    for (const { span } of list) {
      for (const m of [Math.floor(span.start), Math.ceil(span.end)]) if (m > a && m <= b) months.add(m);
    }
  }
  return [...months].sort((x, y) => x - y);
}

const shownIds = (view: AtlasView, id: string): string[] => {
  const area = view.regions.find((r) => r.id === id) ?? view.places.find((p) => p.id === id);
  if (!area) return [];
  if (area.zones.length > 0) return area.zones.flatMap((z) => (z.shown ? [z.shown.id] : []));
  return area.shown ? [area.shown.id] : [];
};

/**
 * What happened between month a and month b (in either order): every change of holder of each
 * region and of each place with control records of its own (places without follow their region),
 * the foreign forces that arrived or left, and the events in between.
 * @example compareMonths(index, monthIndex(2011, 2), monthIndex(2011, 10)).control.find((c) => c.id === 'tripoli')
 */
export function compareMonths(index: AtlasIndex, first: number, second: number): Comparison {
  const a = Math.min(first, second);
  const b = Math.max(first, second);
  const viewA = viewAt(index, a);
  const viewB = viewAt(index, b);
  const ownRecords = (id: string) => index.regionIds.includes(id) || (index.controlByPlace.get(id)?.length ?? 0) > 0;

  const control: ControlChange[] = [];
  let prev = viewA;
  for (const m of controlBoundaries(index, a, b)) {
    const next = m === b ? viewB : viewAt(index, m);
    for (const c of changesBetween(prev, next).control) {
      if (!ownRecords(c.id)) continue;
      const after = shownIds(next, c.id);
      control.push({ id: c.id, t: m, before: c.before, after: c.after, records: after.length > 0 ? after : shownIds(prev, c.id) });
    }
    prev = next;
  }

  const forces: ForceChange[] = [];
  for (const presence of index.presence) {
    const arrive = Math.floor(presence.span.start);
    const leave = Math.ceil(presence.span.end);
    if (arrive > a && arrive <= b) forces.push({ presence, t: arrive, change: 'arrived' });
    if (leave > a && leave <= b) forces.push({ presence, t: leave, change: 'left' });
  }
  forces.sort((x, y) => x.t - y.t || (x.change === y.change ? 0 : x.change === 'left' ? -1 : 1) || x.presence.id.localeCompare(y.presence.id));

  const range = { start: a, end: b + 1 };
  return { a, b, net: changesBetween(viewA, viewB), control, forces, events: index.events.filter((e) => overlaps(e.span, range)) };
}
