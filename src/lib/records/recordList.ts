/**
 * The whole record as one list: every event, foreign presence and period of control, each with the
 * month and place "show on the map" goes to, and the filters a reader can apply. Pure; loaded with
 * the record view, not by the first view.
 */
import { regionOf, type AtlasIndex } from './atlasIndex.ts';
import { firstMonthOf } from './view.ts';
import type { EventCategory, Status } from './types.ts';
import type { RecordFilter, RecordKind } from './filter.ts';

export { CATEGORIES, NO_FILTER, RECORD_KINDS, STATUSES, isFiltered, type RecordFilter, type RecordKind } from './filter.ts';
import type { Interval } from '../time/interval.ts';

/** Soviet and Russian forces: their presences count as Russia-related (events say so themselves). */
export const RUSSIAN_FORCES: ReadonlySet<string> = new Set(['soviet-advisers', 'wagner', 'africa-corps', 'russian-armed-forces']);

export interface RecordEntry {
  kind: RecordKind;
  id: string;
  span: Interval;
  /** The month "show on the map" selects: the first month the view shows the record in (view.ts firstMonthOf). */
  t: number;
  /** The place "show on the map" opens. */
  place: string;
  places: string[];
  /** Everyone the record names: the holder and challengers, the force, the event's actors and claimant. */
  actors: string[];
  /** An event's category; a presence counts as military, a period of control as control. */
  category: EventCategory;
  /** Absent for periods of control, which have no status. */
  status?: Status;
  russia: boolean;
}

/** Every record, presences then periods of control then events, each kind earliest first (the index's order). */
export function recordEntries(index: AtlasIndex): RecordEntry[] {
  const presences = index.presence.map(
    (p): RecordEntry => ({
      kind: 'presence',
      id: p.id,
      span: p.span,
      t: firstMonthOf(p.span),
      place: p.place,
      places: [p.place],
      actors: [p.actor, ...(p.claimedBy && index.actors.has(p.claimedBy) ? [p.claimedBy] : [])],
      category: 'military',
      status: p.status,
      russia: RUSSIAN_FORCES.has(p.actor),
    }),
  );
  const control = [...index.controlByPlace.values()]
    .flat()
    .sort((a, b) => a.span.start - b.span.start || a.id.localeCompare(b.id))
    .map(
      (c): RecordEntry => ({
        kind: 'control',
        id: c.id,
        span: c.span,
        t: firstMonthOf(c.span),
        // A zone opens its region's panel: zones are not places a reader opens.
        place: index.regionIds.includes(c.place) || index.placeIds.includes(c.place) ? c.place : (regionOf(index, c.place) ?? c.place),
        places: [c.place],
        actors: [c.actor, ...(c.contestedBy ?? [])],
        category: 'control',
        russia: false,
      }),
    );
  const events = index.events.map(
    (e): RecordEntry => ({
      kind: 'event',
      id: e.id,
      span: e.span,
      t: firstMonthOf(e.span),
      place: e.places[0]!,
      places: e.places,
      actors: [...e.actors, ...(e.claimedBy && index.actors.has(e.claimedBy) ? [e.claimedBy] : [])],
      category: e.category,
      status: e.status,
      russia: e.russia,
    }),
  );
  return [...presences, ...control, ...events];
}

/** Does an entry pass the filter? */
export function passes(e: RecordEntry, f: RecordFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(e.kind)) return false;
  if (f.categories.length > 0 && !f.categories.includes(e.category)) return false;
  if (f.actor !== null && !e.actors.includes(f.actor)) return false;
  if (f.statuses.length > 0 && (e.status === undefined || !f.statuses.includes(e.status))) return false;
  return !f.russia || e.russia;
}
