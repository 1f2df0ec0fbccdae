/**
 * "Why is this here?" (issue 26): for a mark on the map in a month, the records behind it and the
 * rule that draws it so. A pure function of the view of the month (view.ts): it reads what the view
 * decided (holder, contest, claims, uncertain, last reported, current arcs) and never compares a
 * record's dates with the month itself. The words for a reader are words/why.ts.
 */
import type { AtlasIndex } from './atlasIndex.ts';
import type { EventRecord, RankedControl, Timed } from './types.ts';
import { areaIn, arcLastMonth, staleFrom, STALE_MONTHS, ARC_MONTHS, type AreaState, type AtlasView } from './view.ts';

/** A mark on the map: a region's or zone's fill, a place's dot, a foreign force's symbol, a diplomatic arc. */
export type Mark =
  | { kind: 'area'; id: string }
  | { kind: 'place'; id: string }
  | { kind: 'force'; id: string }
  | { kind: 'arc'; id: string };

/** A claim rather than a finding (alleged, denied): its force symbol is drawn hollow (map/encoding.ts). */
export const isClaimOnly = (status: string): boolean => status === 'alleged' || status === 'denied';

/** A record a reason rests on: its id, its kind (for "Report an error"), and the key its citations are kept under. */
export interface WhyRecord {
  id: string;
  kind: 'control' | 'presence' | 'event';
  /** The citations' key: the record's id, or `<id>#claim-<actor>` for a rival claim's own sources. */
  cite: string;
}

/** One rule applied to the mark, with what it rests on. */
export type Reason =
  /** The fill (or dot) in the holder's colour. `contested`: the holder is the incumbent of an armed contest. */
  | { rule: 'held'; area: string; actor: string; start: string; end: string | null; circa: boolean; contested: boolean; previous?: string; records: WhyRecord[] }
  /** Stripes (or a pie on a dot): an armed contest, the other parties' colours over the holder's. */
  | { rule: 'contested'; area: string; holder: string; others: string[]; start: string; circa: boolean; records: WhyRecord[] }
  /** A dotted band (or ring) in a claimant's colour: a rival claim without fighting. */
  | { rule: 'claimed'; area: string; holder: string; claimant: string; records: WhyRecord[] }
  /** A dashed band (or ring): the period's start or end (`which`) is approximate or known only to the year, and the month is within a year of it. */
  | { rule: 'uncertain'; area: string; which: 'start' | 'end'; date: string; circa: boolean; records: WhyRecord[] }
  /** A dashed band, a faded dot or symbol: still open, but no source in the STALE_MONTHS before the month. */
  | { rule: 'last-reported'; date: string; months: number; since: number; records: WhyRecord[] }
  /** A place with no control record of its own takes its zone's or region's state. */
  | { rule: 'inherited'; place: string; from: string; records: WhyRecord[] }
  /** A region split along a front line: drawn zone by zone (see `parts`). */
  | { rule: 'divided'; area: string; zones: string[]; records: WhyRecord[] }
  /** Nothing recorded for this area in the month: plain land. */
  | { rule: 'no-record'; area: string; records: WhyRecord[] }
  /** A foreign force's symbol: solid when confirmed or reported, hollow when only alleged or denied. */
  | { rule: 'force'; actor: string; place: string; status: string; hollow: boolean; start: string; end: string | null; circa: boolean; claimedBy?: string; noResponse: boolean; records: WhyRecord[] }
  /** A response to the record (a denial…), with its own sources. */
  | { rule: 'response'; status: string; date: string; circa: boolean; title: EventRecord['title']; records: WhyRecord[] }
  /** The record this event answers. */
  | { rule: 'responds-to'; status: string; date: string; circa: boolean; title: EventRecord['title']; records: WhyRecord[] }
  /** A diplomatic arc from a Libyan place to the counterpart city: strong in its event's month, fading for ARC_MONTHS − 1 months after. */
  | { rule: 'arc'; from: string; to: string; date: string; circa: boolean; title: EventRecord['title']; current: boolean; until: number; fadeMonths: number; records: WhyRecord[] }
  /** The arc's line: solid when the event is confirmed, dashed otherwise. */
  | { rule: 'arc-line'; status: string; confirmed: boolean; records: WhyRecord[] };

export interface Why {
  mark: Mark;
  /** The month of the view. */
  t: number;
  /** Is the mark on the map in this month? (False: nothing to explain; `reasons` is empty.) */
  shown: boolean;
  reasons: Reason[];
  /** A divided region: the why of each zone's fill. */
  parts: Why[];
}

const control = (id: string): WhyRecord => ({ id, kind: 'control', cite: id });

/** The reasons of an area's look in the view: a region's or zone's fill, or a place's dot (`name`: the area whose records decide it). */
function areaReasons(a: AreaState, name: string): Reason[] {
  const p = a.shown;
  if (!p || !a.holder) return [{ rule: 'no-record', area: name, records: [] }];
  const circa = p.circa === true;
  const out: Reason[] = [
    { rule: 'held', area: name, actor: a.holder, start: p.start, end: p.end, circa, contested: a.contested, ...(a.previous ? { previous: a.previous } : {}), records: [control(p.id)] },
  ];
  if (a.contested) {
    // Every period of the contest the view counts (view.ts: the parties come from the contested periods).
    const periods: RankedControl[] = a.periods.filter((q) => q.contested);
    out.push({
      rule: 'contested',
      area: name,
      holder: a.holder,
      others: a.parties.filter((x) => x !== a.holder),
      start: p.start,
      circa,
      records: [p, ...periods.filter((q) => q.id !== p.id)].map((q) => control(q.id)),
    });
  }
  for (const c of a.claims) out.push({ rule: 'claimed', area: name, holder: a.holder, claimant: c, records: [{ id: p.id, kind: 'control', cite: `${p.id}#claim-${c}` }] });
  if (a.uncertain) {
    // The date the view found near the month (view.ts uncertainDate).
    const date = a.uncertainDate === 'end' ? p.end : p.start;
    out.push({ rule: 'uncertain', area: name, which: a.uncertainDate ?? 'start', date: date ?? p.start, circa, records: [control(p.id)] });
  }
  if (a.lastReported) out.push(lastReported(a.lastReported, p, control(p.id)));
  return out;
}

function lastReported(date: string, r: { end: string | null; lastSource?: string | undefined }, record: WhyRecord): Reason {
  return { rule: 'last-reported', date, months: STALE_MONTHS, since: staleFrom(r), records: [record] };
}

function areaWhy(index: AtlasIndex, view: AtlasView, mark: Mark & { kind: 'area' }): Why {
  const a = areaIn(view, mark.id);
  const none: Why = { mark, t: view.t, shown: false, reasons: [], parts: [] };
  // Only a region or a zone has a fill; a place's mark is its dot.
  if (!a || !(isRegion(index, mark.id) || isZone(index, mark.id))) return none;
  if (a.zones.length > 0) {
    return {
      mark,
      t: view.t,
      shown: true,
      reasons: [{ rule: 'divided', area: a.id, zones: a.zones.map((z) => z.id), records: [] }],
      parts: a.zones.map((z) => ({ mark: { kind: 'area', id: z.id }, t: view.t, shown: !!z.shown, reasons: areaReasons(z, z.id), parts: [] })),
    };
  }
  return { mark, t: view.t, shown: !!a.shown, reasons: areaReasons(a, a.id), parts: [] };
}

const isRegion = (index: AtlasIndex, id: string) => index.regionIds.includes(id);
const isZone = (index: AtlasIndex, id: string) => [...index.zonesOf.values()].some((z) => z.includes(id));

function placeWhy(index: AtlasIndex, view: AtlasView, mark: Mark & { kind: 'place' }): Why {
  const a = view.places.find((p) => p.id === mark.id);
  if (!a) return { mark, t: view.t, shown: false, reasons: [], parts: [] };
  const reasons = areaReasons(a, a.source);
  // A place without records of its own is drawn in its zone's or region's colour: say so first.
  if (a.source !== a.id) reasons.unshift({ rule: 'inherited', place: a.id, from: a.source, records: [] });
  return { mark, t: view.t, shown: true, reasons, parts: [] };
}

/** Responses (denials…) to a record, earliest first, from the whole record: they answer it whenever they were made. */
function responsesTo(index: AtlasIndex, id: string): Reason[] {
  return index.events
    .filter((e) => e.responds === id)
    .map((e) => ({ rule: 'response' as const, status: e.status, date: e.date, circa: e.circa === true, title: e.title, records: [{ id: e.id, kind: 'event' as const, cite: e.id }] }));
}

function forceWhy(index: AtlasIndex, view: AtlasView, mark: Mark & { kind: 'force' }): Why {
  const f = view.forces.find((x) => x.presence.id === mark.id);
  if (!f) return { mark, t: view.t, shown: false, reasons: [], parts: [] };
  const p = f.presence;
  const record: WhyRecord = { id: p.id, kind: 'presence', cite: p.id };
  const hollow = isClaimOnly(p.status);
  const reasons: Reason[] = [
    {
      rule: 'force',
      actor: p.actor,
      place: p.place,
      status: p.status,
      hollow,
      start: p.start,
      end: p.end,
      circa: p.circa === true,
      ...(p.claimedBy ? { claimedBy: p.claimedBy } : {}),
      noResponse: p.noResponse === true,
      records: [record],
    },
    ...responsesTo(index, p.id),
  ];
  // A claim is drawn hollow however long ago it was reported (map/encoding.ts forceLook); a finding no source has reported lately is drawn faded.
  if (f.lastReported && !hollow) reasons.push(lastReported(f.lastReported, p, record));
  return { mark, t: view.t, shown: true, reasons, parts: [] };
}

function arcWhy(index: AtlasIndex, view: AtlasView, mark: Mark & { kind: 'arc' }): Why {
  const a = view.arcs.find((x) => x.event.id === mark.id);
  if (!a || !a.event.counterpart) return { mark, t: view.t, shown: false, reasons: [], parts: [] };
  const e: Timed<EventRecord> = a.event;
  const record: WhyRecord = { id: e.id, kind: 'event', cite: e.id };
  const answered = e.responds ? index.eventsById.get(e.responds) : undefined;
  const reasons: Reason[] = [
    { rule: 'arc', from: e.places[0]!, to: e.counterpart!, date: e.date, circa: e.circa === true, title: e.title, current: a.current, until: arcLastMonth(e), fadeMonths: ARC_MONTHS - 1, records: [record] },
    { rule: 'arc-line', status: e.status, confirmed: e.status === 'confirmed', records: [record] },
    ...(answered ? [{ rule: 'responds-to' as const, status: answered.status, date: answered.date, circa: answered.circa === true, title: answered.title, records: [{ id: answered.id, kind: 'event' as const, cite: answered.id }] }] : []),
    ...responsesTo(index, e.id),
  ];
  return { mark, t: view.t, shown: true, reasons, parts: [] };
}

/**
 * Why a mark is on the map as it is drawn in `view`: the records behind it and the rules applied.
 * @example whyAt(index, viewAt(index, monthIndex(2020, 6)), { kind: 'area', id: 'tripolitania-sirte' }).reasons[0] // { rule: 'held', actor: 'lna', … }
 */
export function whyAt(index: AtlasIndex, view: AtlasView, mark: Mark): Why {
  switch (mark.kind) {
    case 'area':
      return areaWhy(index, view, mark);
    case 'place':
      return placeWhy(index, view, mark);
    case 'force':
      return forceWhy(index, view, mark);
    case 'arc':
      return arcWhy(index, view, mark);
  }
}

/** Every record a why rests on, each once, in order (its parts' included). */
export function whyRecords(why: Why): WhyRecord[] {
  const seen = new Map<string, WhyRecord>();
  for (const r of [...why.reasons.flatMap((x) => x.records), ...why.parts.flatMap(whyRecords)]) if (!seen.has(r.cite)) seen.set(r.cite, r);
  return [...seen.values()];
}
