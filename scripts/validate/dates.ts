/**
 * Dates as editors write them ("1975", "1975-12", "1975-12-01") and where they fall on a month axis
 * (month index = year * 12 + month - 1; a day is a fraction of its month). The same reading as the
 * app's time module, kept here so that the validator depends on nothing in src/ but the schema.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date written at its own precision; null when the form or the calendar is wrong.
 * @example parseDate('2019-02-30') // null
 */
export function parseDate(text: string): PartialDate | null {
  const m = FORM.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: 'day' };
}

/** Where the date's unit begins on the month axis. */
export function floorOf(d: PartialDate): number {
  const base = d.year * 12 + (d.month ?? 1) - 1;
  return d.day === undefined || d.month === undefined ? base : base + (d.day - 1) / daysInMonth(d.year, d.month);
}

const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/**
 * Compares two dates at the coarser of their precisions: "2019" and "2019-05" are equal, "2019-04"
 * comes before "2019-05". Negative, zero or positive.
 */
export function compareAtPrecision(a: PartialDate, b: PartialDate): number {
  const coarse = Math.min(RANK[a.precision], RANK[b.precision]);
  const key = (d: PartialDate) => [d.year, coarse >= 1 ? (d.month ?? 1) : 0, coarse >= 2 ? (d.day ?? 1) : 0] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** Far enough in the future to stand for an open end ("still true"). */
export const OPEN_END = Number.POSITIVE_INFINITY;

export interface Span {
  start: number;
  end: number;
  startPrecision: Precision;
}

/** A record's [start, end) on the month axis; end is exclusive, null meaning still true. */
export function spanOf(start: PartialDate, end: PartialDate | null): Span {
  return { start: floorOf(start), end: end === null ? OPEN_END : floorOf(end), startPrecision: start.precision };
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The atlas's first month, January 1943. */
export const FIRST_MONTH = 1943 * 12;

/** The earliest year any date may have. */
export const FIRST_YEAR = 1900;

/** "Today" as a day-precision date (UTC). */
export function todayOf(now: Date): PartialDate {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate(), precision: 'day' };
}

export const formatDate = (d: PartialDate): string =>
  [String(d.year).padStart(4, '0'), d.month === undefined ? '' : String(d.month).padStart(2, '0'), d.day === undefined ? '' : String(d.day).padStart(2, '0')]
    .filter(Boolean)
    .join('-');
