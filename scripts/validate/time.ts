/**
 * Time: dates that exist and lie between 1900 and today, spans whose end follows their start,
 * actors named only within their lifespans, and each place's control history: no overlaps (but
 * contested ones), no gaps, covered to today, core places from January 1943. A region divided into
 * zones (geo/zones.geojson) is covered by its zones' periods and has no period of its own meanwhile.
 */
import { FILES, recordPath, str, strings, type Entry } from './records.ts';
import { compareAtPrecision, FIRST_MONTH, FIRST_YEAR, floorOf, formatDate, parseDate, type PartialDate } from './dates.ts';
import { intervalOf, overlaps, type Interval } from '../../src/lib/time/interval.ts';
import type { Known } from './references.ts';
import { pathText, type Report } from './report.ts';

/** Places whose control history must reach back to the atlas's first month, January 1943. */
export const CORE_PLACES = ['tripolitania', 'cyrenaica', 'fezzan', 'tripoli', 'benghazi', 'tobruk'];

/**
 * The date in `field` when it exists on the calendar (null otherwise); reports it when it does
 * not, or lies before 1900 or after today. Fields the schema rejected are left alone.
 */
export function checkDate(report: Report, e: Entry, field: string, today: PartialDate): PartialDate | null {
  const text = str(e, field);
  if (text === undefined) return null;
  const date = parseDate(text);
  const at = recordPath(e, field);
  if (date === null) {
    report.at(e.doc, at, e.id, `${field}: "${text}" is not a real date — check the month (01–12) and the day (it must exist in that month)`, 'dates');
    return null;
  }
  // Out of range, it is reported, and still used by the other checks (so a future end is not also a gap).
  if (date.year < FIRST_YEAR) {
    report.at(e.doc, at, e.id, `${field}: "${text}" is before ${FIRST_YEAR} — the atlas's dates run from ${FIRST_YEAR} to today; check the year`, 'dates');
  } else if (floorOf(date) > floorOf(today)) {
    const fix =
      field === 'end'
        ? 'the atlas records what has happened: write "end": null while it still holds'
        : field === 'ended'
          ? 'the atlas records what has happened: leave "ended" out while it still exists'
          : 'dates after today are not allowed; check the year';
    report.at(e.doc, at, e.id, `${field}: "${text}" is after today (${formatDate(today)}) — ${fix}`, 'future-date');
  }
  return date;
}

/** The record's [start, end) when both dates are sound and end comes after start; problems otherwise. */
export function checkSpan(report: Report, e: Entry, today: PartialDate): { span: Interval; start: PartialDate; end: PartialDate | null } | null {
  const start = checkDate(report, e, 'start', today);
  const end = e.record.end === null ? null : checkDate(report, e, 'end', today);
  if (start === null || (end === null && e.record.end !== null) || e.failed.has('end')) return null;
  const span = intervalOf(start, end);
  if (span.end <= span.start) {
    const [s, en] = [String(e.record.start), String(e.record.end)];
    report.at(e.doc, recordPath(e, 'end'), e.id, `end "${en}" must come after start "${s}" — end is exclusive: the first day, month or year in which it was no longer true (for something true only during ${s}, write the next ${span.startPrecision} as end)`, 'dates');
    return null;
  }
  return { span, start, end };
}

/** An event known only to the year says why in a note. */
export function checkYearOnly(report: Report, e: Entry, date: PartialDate | null): void {
  if (date?.precision !== 'year' || e.record.note !== undefined) return;
  report.at(
    e.doc,
    recordPath(e, 'date'),
    e.id,
    `date "${String(e.record.date)}" is known only to the year — write the month or the day if a source gives it; otherwise add a "note" saying why, e.g. "note": { "en": "The sources give only the year." }`,
    'year-only-note',
  );
}

// ---------------------------------------------------------------------------------------------
// Lifespans

export interface Lifespan {
  founded: PartialDate | null;
  ended: PartialDate | null;
}

/** Each actor's founded and ended, checked; actors without either are left out. */
export function lifespans(report: Report, actors: Entry[], today: PartialDate): Map<string, Lifespan> {
  const out = new Map<string, Lifespan>();
  for (const a of actors) {
    const founded = checkDate(report, a, 'founded', today);
    const ended = checkDate(report, a, 'ended', today);
    if (founded && ended && floorOf(ended) <= floorOf(founded)) {
      report.at(a.doc, recordPath(a, 'ended'), a.id, `ended "${formatDate(ended)}" must come after founded "${formatDate(founded)}" — ended is exclusive: the first day, month or year in which it no longer existed`, 'lifespan');
      continue;
    }
    if (a.id !== undefined && (founded || ended)) out.set(a.id, { founded, ended });
  }
  return out;
}

/** The actors a record names, with where: a control period's actor, contestedBy and claims, an event's actors, a claimant. */
function namedActors(e: Entry, known: Known): { path: (string | number)[]; actor: string }[] {
  const out: { path: (string | number)[]; actor: string }[] = [];
  const actor = str(e, 'actor');
  if (actor !== undefined) out.push({ path: ['actor'], actor });
  strings(e, 'actors').forEach((a, n) => out.push({ path: ['actors', n], actor: a }));
  strings(e, 'contestedBy').forEach((a, n) => out.push({ path: ['contestedBy', n], actor: a }));
  // A rival claim runs through the period, like a contest: split the period where the claim begins or ends.
  if (Array.isArray(e.record.claims) && !e.failed.has('claims')) {
    (e.record.claims as unknown[]).forEach((c, n) => {
      const actor = typeof c === 'object' && c !== null ? (c as { actor?: unknown }).actor : undefined;
      if (typeof actor === 'string') out.push({ path: ['claims', n, 'actor'], actor });
    });
  }
  const claimedBy = str(e, 'claimedBy');
  if (claimedBy !== undefined && known.actors?.has(claimedBy)) out.push({ path: ['claimedBy'], actor: claimedBy });
  return out;
}

const fieldName = (path: (string | number)[]): string => pathText(path);

/**
 * A control period or presence names each actor only within its lifespan. Dates are compared at
 * the coarser of the two precisions, so a period starting "2019" is not before an actor founded
 * "2019-05"; a period is rejected only when it starts in a unit before `founded` or ends (or is
 * still open) in a unit after `ended`.
 */
export function checkLifespanSpan(report: Report, e: Entry, start: PartialDate, end: PartialDate | null, lives: Map<string, Lifespan>, known: Known, what: string): void {
  for (const { path, actor } of namedActors(e, known)) {
    const life = lives.get(actor);
    if (!life) continue;
    const field = fieldName(path);
    // A claimant made its claim at some time during the period, not throughout it: it only has to
    // have existed at some point of it.
    if (path[0] === 'claimedBy') {
      const afterEnd = life.founded && end !== null && compareAtPrecision(end, life.founded) <= 0;
      const beforeStart = life.ended && compareAtPrecision(start, life.ended) >= 0;
      if (afterEnd || beforeStart) {
        report.at(e.doc, recordPath(e, ...path), e.id, `${field} "${actor}" did not exist at any time during this ${what} (${FILES.actors} gives its lifespan) — name who made the claim then`, 'lifespan');
      }
      continue;
    }
    if (life.founded && compareAtPrecision(start, life.founded) < 0) {
      const f = formatDate(life.founded);
      report.at(e.doc, recordPath(e, ...path), e.id, `${field} "${actor}" did not exist yet when this ${what} starts (${formatDate(start)}): ${FILES.actors} says it was founded ${f} — start the ${what} in ${f} or later, name who held that role before, or correct the actor's "founded"`, 'lifespan');
    }
    if (life.ended && (end === null || compareAtPrecision(end, life.ended) > 0)) {
      const d = formatDate(life.ended);
      const until = end === null ? 'is still open ("end": null)' : `ends ${formatDate(end)}`;
      report.at(e.doc, recordPath(e, ...path), e.id, `${field} "${actor}" no longer existed when this ${what} ${until}: ${FILES.actors} says it ended ${d} — end the ${what} by ${d} and name the successor for the rest, or correct the actor's "ended"`, 'lifespan');
    }
  }
}

/** An event names each actor only within its lifespan (same unit at the coarser precision is no error). */
export function checkLifespanEvent(report: Report, e: Entry, date: PartialDate, lives: Map<string, Lifespan>, known: Known): void {
  for (const { path, actor } of namedActors(e, known)) {
    const life = lives.get(actor);
    if (!life) continue;
    const before = life.founded && compareAtPrecision(date, life.founded) < 0;
    const after = life.ended && compareAtPrecision(date, life.ended) > 0;
    if (!before && !after) continue;
    const range = `${life.founded ? `founded ${formatDate(life.founded)}` : ''}${life.founded && life.ended ? ', ' : ''}${life.ended ? `ended ${formatDate(life.ended)}` : ''}`;
    report.at(
      e.doc,
      recordPath(e, ...path),
      e.id,
      `${fieldName(path)} "${actor}" did not exist on ${formatDate(date)}: ${FILES.actors} says it was ${range} — name who acted then, correct the date, or correct the actor's "${before ? 'founded' : 'ended'}"`,
      'lifespan',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Control histories

export interface Period {
  entry: Entry;
  place: string;
  span: Interval;
}

const dates = (p: Period): string => `${String(p.entry.record.start)} – ${p.entry.record.end === null ? 'today' : String(p.entry.record.end)}`;
const describePeriod = (p: Period): string => `"${p.entry.id ?? `#${p.entry.index}`}" (${String(p.entry.record.actor)}, ${dates(p)})`;

function groupByPlace(periods: Period[]): Map<string, Period[]> {
  const byPlace = new Map<string, Period[]>();
  for (const p of periods) {
    const list = byPlace.get(p.place);
    if (list) list.push(p);
    else byPlace.set(p.place, [p]);
  }
  // By start, then by position in the file (sort is stable).
  for (const list of byPlace.values()) list.sort((a, b) => a.span.start - b.span.start);
  return byPlace;
}

/**
 * No two periods of a place overlap unless both are contested, and a region has no period while
 * its zones have. Each period is reported once, with the earlier period it clashes with that ends
 * last, so a file of thousands of overlapping periods gives thousands of lines, not millions, in
 * one sweep per place.
 */
export function checkOverlaps(report: Report, periods: Period[], zones: Map<string, string>): void {
  const byPlace = groupByPlace(periods);
  for (const [place, list] of byPlace) {
    // Of the periods seen so far: the one that ends last, and the one that ends last of those not contested.
    let latest: Period | undefined;
    let latestUncontested: Period | undefined;
    for (const b of list) {
      const contestedB = b.entry.record.contested === true;
      const candidate = contestedB ? latestUncontested : latest;
      if (candidate && candidate.span.end > b.span.start) {
        const contestedA = candidate.entry.record.contested === true;
        const partly = contestedA || contestedB ? ` (only "${(contestedA ? candidate : b).entry.id}" is marked contested)` : '';
        report.at(
          b.entry.doc,
          recordPath(b.entry, 'start'),
          b.entry.id,
          `control periods ${describePeriod(candidate)} and ${describePeriod(b)} overlap at ${place}${partly} — make one end where the other starts (end is exclusive), or mark both "contested": true`,
          'control-history',
        );
      }
      if (!latest || b.span.end > latest.span.end) latest = b;
      if (!contestedB && (!latestUncontested || b.span.end > latestUncontested.span.end)) latestUncontested = b;
    }
  }
  for (const [zone, region] of zones) {
    const regionPeriods = byPlace.get(region) ?? [];
    for (const z of byPlace.get(zone) ?? []) {
      const r = regionPeriods.find((x) => overlaps(x.span, z.span));
      if (!r) continue;
      report.at(
        z.entry.doc,
        recordPath(z.entry, 'start'),
        z.entry.id,
        `${zone} is a zone of ${region}: while a region is divided into zones it has no period of its own, but ${describePeriod(r)} overlaps ${describePeriod(z)} — end the region's period where the zones' periods start`,
        'control-history',
      );
    }
  }
}

/**
 * Every place with control records is covered from its first record to today, and the core places
 * from January 1943; a period nobody documents must be written as a record with actor "unknown".
 */
export function checkCoverage(report: Report, periods: Period[], controlFile: string | undefined, today: PartialDate, zones: Map<string, string>): void {
  const now = floorOf(today);
  const withZones: Period[] = [];
  for (const p of periods) {
    withZones.push(p);
    // A divided region is covered by its zones' periods (each zone's own history is checked too).
    const region = zones.get(p.place);
    if (region !== undefined) withZones.push({ ...p, place: region });
  }
  const byPlace = groupByPlace(withZones);
  for (const core of CORE_PLACES) {
    if (!byPlace.has(core) && controlFile) report.file(controlFile, `${core} has no control periods — its control history must run from 1943-01 (or earlier) to today`, 'control-history');
  }
  for (const [place, list] of byPlace) {
    list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const first = list[0]!;
    if (CORE_PLACES.includes(place) && first.span.start > FIRST_MONTH) {
      report.at(first.entry.doc, recordPath(first.entry, 'start'), first.entry.id, `${place}'s control history starts at ${String(first.entry.record.start)}; it must start by 1 January 1943 ("1943-01" or earlier) — add the earlier period (actor "unknown" if nobody is documented)`, 'control-history');
    }
    let covered = first.span.end;
    let last = first;
    for (const p of list.slice(1)) {
      if (p.span.start > covered) {
        report.at(p.entry.doc, recordPath(p.entry, 'start'), p.entry.id, `gap in ${place}'s control history: nothing covers ${String(last.entry.record.end)} to ${String(p.entry.record.start)} (between ${describePeriod(last)} and ${describePeriod(p)}) — close the gap, or add a period with actor "unknown" for it`, 'control-history');
      }
      if (p.span.end > covered) [covered, last] = [p.span.end, p];
    }
    if (covered < now) {
      report.at(last.entry.doc, recordPath(last.entry, 'end'), last.entry.id, `gap in ${place}'s control history: nothing covers ${String(last.entry.record.end)} to today (after ${describePeriod(last)}) — write "end": null if it still holds, or add the period that follows (actor "unknown" if nobody is documented)`, 'control-history');
    }
  }
}
