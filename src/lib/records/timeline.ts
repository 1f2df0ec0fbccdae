/**
 * The record in time, beside the view of a month (view.ts): the marks of the slider's timeline, a
 * place's events grouped around the selected month (what happened between two months: compare.ts).
 * A record's months come from the view (firstMonthOf, decadeOf, fromMonth); these functions compare
 * only those months with the selected one. They are pure and never change their input.
 */
import { yearOf } from '../time/dates.ts';
import type { AtlasIndex } from './atlasIndex.ts';
import { decadeOf, firstMonthOf, fromMonth, type PanelView } from './view.ts';
import type { EventCategory, EventRecord } from './types.ts';

/** An event on the slider's track: the month it falls in (its first month, for a year-only date). */
export interface EventMark {
  id: string;
  t: number;
  category: EventCategory;
  russia: boolean;
}

/** One mark per event, in the index's order. */
export function eventMarks(index: AtlasIndex): EventMark[] {
  return index.events.map((e) => ({ id: e.id, t: firstMonthOf(e.span), category: e.category, russia: e.russia }));
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

/** The index of the last mark at or before month t (the first mark when none is): where keyboard focus enters the marks. */
export function markIndexAt(marks: readonly EventMark[], t: number): number {
  let found = 0;
  marks.forEach((m, i) => {
    if (m.t <= t) found = i;
  });
  return found;
}

/** The marks in month t. */
export const marksAt = (marks: readonly EventMark[], t: number): EventMark[] => marks.filter((m) => m.t === t);

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
    const d = decadeOf(e.event.span);
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
  const around: PanelEvent[] = [];
  const earlier: PanelEvent[] = [];
  const later: PanelEvent[] = [];
  for (const e of events) {
    const where = fromMonth(e.event.span, t, AROUND_MONTHS);
    if (where.near) around.push(e);
    else if (where.before) earlier.push(e);
    else later.push(e);
  }
  // Nearest to t: in month t, then by distance from t; ties to the earlier event.
  const distance = (e: PanelEvent) => fromMonth(e.event.span, t, AROUND_MONTHS).distance;
  const nearest = new Set(
    around
      .map((e, i) => ({ e, i, d: distance(e) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, lead)
      .map((x) => x.e),
  );
  return { from, to, around, lead: around.filter((e) => nearest.has(e)), earlier: byDecade(earlier), later: byDecade(later) };
}
