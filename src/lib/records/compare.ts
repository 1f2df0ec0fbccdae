/**
 * What happened between two months, for the comparison view: every change of holder, the foreign
 * forces that arrived or left, and the events in between; pure. The months a record shows in come
 * from view.ts (monthsShown). Loaded with the comparison, not by the first view.
 */
import { overlaps } from '../time/interval.ts';
import type { AtlasIndex } from './atlasIndex.ts';
import { changesBetween, monthsShown, viewAt, type AtlasView, type Holding } from './view.ts';
import type { EventRecord, PresenceRecord, Timed } from './types.ts';

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
      const { first, after } = monthsShown(span);
      for (const m of [first, after]) if (m > a && m <= b) months.add(m);
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
    const { first, after } = monthsShown(presence.span);
    if (first === after) continue;
    if (first > a && first <= b) forces.push({ presence, t: first, change: 'arrived' });
    if (after > a && after <= b) forces.push({ presence, t: after, change: 'left' });
  }
  forces.sort((x, y) => x.t - y.t || (x.change === y.change ? 0 : x.change === 'left' ? -1 : 1) || x.presence.id.localeCompare(y.presence.id));

  const range = { start: a, end: b + 1 };
  return { a, b, net: changesBetween(viewA, viewB), control, forces, events: index.events.filter((e) => overlaps(e.span, range)) };
}
