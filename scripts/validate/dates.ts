/**
 * Dates as editors write them ("1975", "1975-12", "1975-12-01") and where they fall on a month axis:
 * the app's own reading (src/lib/time/dates.ts), plus what only the validator asks (comparing dates at
 * their precision, "today"). Spans are the app's intervals, with its open end (src/lib/time/interval.ts).
 */
import { floorOf, parsePartialDate, type PartialDate, type Precision } from '../../src/lib/time/dates.ts';

export { floorOf, type PartialDate, type Precision };

/**
 * The date written at its own precision; null when the form or the calendar is wrong.
 * @example parseDate('2019-02-30') // null
 */
export const parseDate = parsePartialDate;

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

export { FIRST_MONTH } from '../../src/lib/time/months.ts';

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
