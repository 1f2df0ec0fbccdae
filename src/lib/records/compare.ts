/**
 * What happened between two months, for the comparison view: every change of holder, the foreign
 * forces that arrived or left, and the events in between; pure. Every month a record comes or goes
 * in, and the events between two months, come from view.ts (controlChangeMonths, forceChanges,
 * eventsBetween). Loaded with the comparison, not by the first view.
 */
import type { AtlasIndex } from './atlasIndex.ts';
import { controlChangeMonths, eventsBetween, forceChanges, viewAt, type AtlasView, type ForceChange } from './view.ts';
import { changesBetween, type Holding } from './changes.ts';
import type { EventRecord, Timed } from './types.ts';

export type { ForceChange };

/** A change of holder of a region or a place with records of its own, at the month it shows. */
export interface ControlChange {
  id: string;
  t: number;
  before: Holding;
  after: Holding;
  /** The control periods behind the change: those shown after it (or, when nothing is, the one shown before). */
  records: string[];
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
  for (const m of controlChangeMonths(index, a, b)) {
    const next = m === b ? viewB : viewAt(index, m);
    for (const c of changesBetween(prev, next).control) {
      if (!ownRecords(c.id)) continue;
      const after = shownIds(next, c.id);
      control.push({ id: c.id, t: m, before: c.before, after: c.after, records: after.length > 0 ? after : shownIds(prev, c.id) });
    }
    prev = next;
  }

  return { a, b, net: changesBetween(viewA, viewB), control, forces: forceChanges(index, a, b), events: eventsBetween(index, a, b) };
}
