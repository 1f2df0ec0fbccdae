/**
 * The shapes of a view of the month (view.ts computes them): the state of each region, zone and place,
 * the forces and arcs drawn, the legend, and what a place's panel shows. No dates are compared here.
 */
import type { EventRecord, PresenceRecord, RankedControl, Timed } from './types.ts';

export interface AreaState {
  /** The region, zone or place. */
  id: string;
  /** Whose records decide it: itself, or for a place without records of its own, its zone or region. */
  source: string;
  /** The actor whose colour fills it; undefined when nothing is recorded (or the region is divided). */
  holder: string | undefined;
  /** The period drawn. */
  shown: RankedControl | undefined;
  /** Every period of `source` overlapping the month. */
  periods: RankedControl[];
  contested: boolean;
  /** In a contest, every party, the holder first; otherwise the holder alone. */
  parties: string[];
  /** Rival authorities claiming it without armed contest (not parties: the holder holds it). */
  claims: string[];
  /** Control passed to the holder during this month from this actor. */
  previous: string | undefined;
  /** Within a year of an approximate or year-only start or end of the period shown. */
  uncertain: boolean;
  /** Which date of the period shown makes it uncertain this month (when `uncertain`, and not divided). */
  uncertainDate?: 'start' | 'end';
  /** A divided region: the state of each of its zones (empty otherwise). */
  zones: AreaState[];
  /** The period shown is open-ended but no source has reported it in the STALE_MONTHS before the month: its newest source's date. */
  lastReported?: string;
}

export interface ForceState {
  presence: Timed<PresenceRecord>;
  uncertain: boolean;
  /** Open-ended and not reported since this date. */
  lastReported?: string;
}

export interface ArcState {
  event: Timed<EventRecord>;
  /** The event falls in the selected month (drawn strong); otherwise it is fading. */
  current: boolean;
}

export interface AtlasView {
  t: number;
  regions: AreaState[];
  places: AreaState[];
  forces: ForceState[];
  arcs: ArcState[];
  /** Events dated in the month (a year-only date counts for each month of its year). */
  events: Timed<EventRecord>[];
  /** Actors to name in the legend: holders and parties of control, rival claimants, then foreign forces. */
  legend: { holders: string[]; claims: string[]; forces: string[] };
  /** Every control period overlapping the month, of every region, zone and place (for downloads). */
  control: RankedControl[];
}

export interface PanelView {
  state: AreaState;
  /** Control periods of the place (of a region: its own and its zones') overlapping the month. */
  control: RankedControl[];
  /** Foreign presences recorded at the place (a region: at its places), with whether they are there this month. */
  forces: { presence: Timed<PresenceRecord>; now: boolean; lastReported?: string }[];
  /** For control periods shown: when each open-ended one was last reported, where that is long ago. */
  lastReported: Map<string, string>;
  /** The place's events (a region's include its places'), earliest first, with whether they come after the month. */
  events: { event: Timed<EventRecord>; later: boolean; responses: Timed<EventRecord>[] }[];
}

