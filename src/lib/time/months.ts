/** The selectable months of the atlas and their written form in URLs ("2011-08"). */
import { monthIndex, monthOf, yearOf } from './dates.ts';

export const FIRST_MONTH = monthIndex(1943, 1);

/** The month containing `now`, the last month a reader can select. */
export function currentMonth(now: Date = new Date()): number {
  return monthIndex(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

export function clampMonth(t: number, last: number): number {
  return Math.min(Math.max(Math.round(t), FIRST_MONTH), last);
}

/** @example monthKey(monthIndex(2011, 8)) === '2011-08' */
export function monthKey(t: number): string {
  return `${String(yearOf(t)).padStart(4, '0')}-${String(monthOf(t)).padStart(2, '0')}`;
}

/** "2011-08" → month index; null for anything else (no days, no junk, months 01–12). */
export function parseMonthKey(text: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return monthIndex(Number(m[1]), month);
}
