/**
 * Dates as editors write them ("1975", "1975-12", "1975-12-01") and their place on the atlas's
 * time axis. The axis unit is the month: month index = year * 12 + (month - 1). A day inside a
 * month is a fraction of it, so a day-precision interval can end or begin mid-month.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  /** 1–12, present for month and day precision. */
  month?: number;
  /** 1–31, present for day precision. */
  day?: number;
  precision: Precision;
}

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date written at its own precision; null when the form or the calendar is wrong.
 * @example parsePartialDate('2011-08') // { year: 2011, month: 8, precision: 'month' }
 * @example parsePartialDate('2019-02-30') // null
 */
export function parsePartialDate(text: string): PartialDate | null {
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

export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

export function yearOf(index: number): number {
  return Math.floor(index / 12);
}

/** 1–12 */
export function monthOf(index: number): number {
  return (((index % 12) + 12) % 12) + 1;
}

/**
 * Where the date's unit begins on the month axis: a year starts at its January, a month at its
 * index, a day at the fraction of its month that has passed before it.
 * @example floorOf(parsePartialDate('1975')!) === monthIndex(1975, 1)
 */
export function floorOf(d: PartialDate): number {
  const base = monthIndex(d.year, d.month ?? 1);
  if (d.day === undefined || d.month === undefined) return base;
  return base + (d.day - 1) / daysInMonth(d.year, d.month);
}

/** Where the date's unit ends (exclusive): the unit a single-date event covers is [floorOf, ceilOf). */
export function ceilOf(d: PartialDate): number {
  if (d.precision === 'year') return monthIndex(d.year + 1, 1);
  if (d.precision === 'month' || d.day === undefined || d.month === undefined) return floorOf(d) + 1;
  return monthIndex(d.year, d.month) + d.day / daysInMonth(d.year, d.month);
}

/** Parses or throws; for data the validator has already accepted. */
export function mustParse(text: string): PartialDate {
  const d = parsePartialDate(text);
  if (!d) throw new Error(`Not a date at a known precision: "${text}" (write YYYY, YYYY-MM or YYYY-MM-DD)`);
  return d;
}
