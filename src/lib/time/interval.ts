/**
 * Intervals on the month axis and the one rule of the atlas: a record is shown in a selected
 * month when its interval [start, end) overlaps that month [t, t + 1).
 */
import { ceilOf, floorOf, mustParse, type PartialDate, type Precision } from './dates.ts';

/** Far enough in the future to stand for "still true"; finite so it survives JSON and MapLibre. */
export const OPEN_END = 999_999;

export interface Interval {
  /** Month-axis position where it begins (inclusive). */
  start: number;
  /** Month-axis position where it ends (exclusive); OPEN_END when still true. */
  end: number;
  startPrecision: Precision;
  endPrecision: Precision | null;
}

/**
 * The interval from a start to an exclusive end, both already read at their precision (null: still
 * true). The app reads records through spanOf and unitOf; the validator (scripts/validate) reads the
 * dates it has checked through this.
 */
export function intervalOf(start: PartialDate, end: PartialDate | null): Interval {
  return { start: floorOf(start), end: end === null ? OPEN_END : floorOf(end), startPrecision: start.precision, endPrecision: end?.precision ?? null };
}

/**
 * The interval of a record with `start` and `end` fields. `end` is exclusive: the first day, month
 * or year in which the record was no longer true.
 * @example spanOf({ start: '1969-09-01', end: '1977-03-02' })
 */
export function spanOf(r: { start: string; end: string | null }): Interval {
  return intervalOf(mustParse(r.start), r.end === null ? null : mustParse(r.end));
}

/** The interval a date covers, read at its precision: its whole unit. */
export function unitOfDate(d: PartialDate): Interval {
  return { start: floorOf(d), end: ceilOf(d), startPrecision: d.precision, endPrecision: d.precision };
}

/**
 * The interval a single date covers: its whole unit. "1975" covers all of 1975.
 * @example unitOf('2008-04-16') // 16 April 2008, one day
 */
export function unitOf(date: string): Interval {
  return unitOfDate(mustParse(date));
}

/** Does [start, end) overlap the month t, i.e. [t, t + 1)? */
export function overlapsMonth(iv: { start: number; end: number }, t: number): boolean {
  return iv.start < t + 1 && iv.end > t;
}

/** Do two intervals share any time? */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** How long an uncertain start or end colours the record: a year, the span of a year-only date. */
export const UNCERTAIN_MONTHS = 12;

/** Is the start known only to the year, or only approximately? */
export function startIsUncertain(iv: Interval, circa: boolean | undefined): boolean {
  return circa === true || iv.startPrecision === 'year';
}

/** Is the end known only to the year, or only approximately? (An open end is not uncertain.) */
export function endIsUncertain(iv: Interval, circa: boolean | undefined): boolean {
  return iv.endPrecision !== null && (circa === true || iv.endPrecision === 'year');
}

/**
 * Is the record's truth at month t less than certain? Only near its uncertain dates: during the
 * first year after an approximate or year-only start, and the last year before such an end. A
 * 34-year period whose end is "about February 2011" is certain in 1990.
 */
export function isUncertainAt(iv: Interval, circa: boolean | undefined, t: number): boolean {
  return uncertainDateAt(iv, circa, t) !== null;
}

/** Which of the record's dates makes month t uncertain (isUncertainAt): its start, its end, or neither (null). */
export function uncertainDateAt(iv: Interval, circa: boolean | undefined, t: number): 'start' | 'end' | null {
  if (startIsUncertain(iv, circa) && t >= Math.floor(iv.start) && t < iv.start + UNCERTAIN_MONTHS) return 'start';
  return endIsUncertain(iv, circa) && t < iv.end && t >= iv.end - UNCERTAIN_MONTHS ? 'end' : null;
}
