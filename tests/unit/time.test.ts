import { describe, expect, it } from 'vitest';
import { ceilOf, floorOf, monthIndex, parsePartialDate } from '../../src/lib/time/dates.ts';
import { isUncertainAt, overlaps, overlapsMonth, spanOf, unitOf, OPEN_END } from '../../src/lib/time/interval.ts';
import { clampMonth, currentMonth, FIRST_MONTH, monthKey, parseMonthKey } from '../../src/lib/time/months.ts';

const m = monthIndex;

describe('parsePartialDate', () => {
  it('reads each precision from the form', () => {
    expect(parsePartialDate('1975')).toEqual({ year: 1975, precision: 'year' });
    expect(parsePartialDate('2011-08')).toEqual({ year: 2011, month: 8, precision: 'month' });
    expect(parsePartialDate('2008-04-16')).toEqual({ year: 2008, month: 4, day: 16, precision: 'day' });
  });
  it('rejects impossible calendar dates and other forms', () => {
    for (const bad of ['2019-02-30', '2019-13', '2019-00', '2019-04-31', '19', '2019-4', '2019/04', ' 2019', '2019-04-01T00:00', '']) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate('2020-02-29')).not.toBeNull();
    expect(parsePartialDate('2019-02-29')).toBeNull();
  });
});

describe('a date covers its whole unit', () => {
  it('a year-only date covers January to December', () => {
    const u = unitOf('1975');
    expect(overlapsMonth(u, m(1974, 12))).toBe(false);
    expect(overlapsMonth(u, m(1975, 1))).toBe(true);
    expect(overlapsMonth(u, m(1975, 12))).toBe(true);
    expect(overlapsMonth(u, m(1976, 1))).toBe(false);
  });
  it('a month date covers exactly its month', () => {
    const u = unitOf('2008-04');
    expect([m(2008, 3), m(2008, 4), m(2008, 5)].map((t) => overlapsMonth(u, t))).toEqual([false, true, false]);
  });
  it('a day date falls in its month, on the first and on the last day', () => {
    expect(overlapsMonth(unitOf('2008-04-01'), m(2008, 4))).toBe(true);
    expect(overlapsMonth(unitOf('2008-04-30'), m(2008, 4))).toBe(true);
    expect(overlapsMonth(unitOf('2008-04-30'), m(2008, 5))).toBe(false);
    expect(overlapsMonth(unitOf('2008-04-01'), m(2008, 3))).toBe(false);
  });
  it('floor and ceil bound each unit', () => {
    const d = parsePartialDate('2011-08-20')!;
    expect(floorOf(d)).toBeGreaterThan(m(2011, 8));
    expect(ceilOf(d)).toBeLessThan(m(2011, 9));
    expect(ceilOf(d) - floorOf(d)).toBeCloseTo(1 / 31);
  });
});

describe('intervals are [start, end)', () => {
  it('a period ending on the day its successor begins does not overlap it', () => {
    const kingdom = spanOf({ start: '1951-12-24', end: '1969-09-01' });
    const rcc = spanOf({ start: '1969-09-01', end: '1977-03-02' });
    expect(overlapsMonth(kingdom, m(1969, 8))).toBe(true);
    expect(overlapsMonth(kingdom, m(1969, 9))).toBe(false);
    expect(overlapsMonth(rcc, m(1969, 9))).toBe(true);
    expect(overlapsMonth(rcc, m(1969, 8))).toBe(false);
    expect(kingdom.end).toBe(rcc.start);
  });
  it('a mid-month change shows both holders in that month', () => {
    const a = spanOf({ start: '1969', end: '2011-08-23' });
    const b = spanOf({ start: '2011-08-23', end: null });
    expect(overlapsMonth(a, m(2011, 8)) && overlapsMonth(b, m(2011, 8))).toBe(true);
    expect(overlapsMonth(a, m(2011, 9))).toBe(false);
  });
  it('a month or year end is exclusive: "end 1970" is not true in 1970', () => {
    const iv = spanOf({ start: '1954', end: '1970' });
    expect(overlapsMonth(iv, m(1969, 12))).toBe(true);
    expect(overlapsMonth(iv, m(1970, 1))).toBe(false);
    const mo = spanOf({ start: '2019-04', end: '2020-06' });
    expect(overlapsMonth(mo, m(2020, 5))).toBe(true);
    expect(overlapsMonth(mo, m(2020, 6))).toBe(false);
    expect(overlapsMonth(mo, m(2019, 3))).toBe(false);
    expect(overlapsMonth(mo, m(2019, 4))).toBe(true);
  });
  it('an open end is still true today', () => {
    const iv = spanOf({ start: '2021-03-15', end: null });
    expect(iv.end).toBe(OPEN_END);
    expect(overlapsMonth(iv, currentMonth(new Date('2026-11-23')))).toBe(true);
  });
  it('uncertainty: a year-only start is uncertain during its first year only', () => {
    const iv = spanOf({ start: '1975', end: '1987-03' });
    expect(isUncertainAt(iv, false, m(1975, 6))).toBe(true);
    expect(isUncertainAt(iv, false, m(1976, 1))).toBe(false);
    expect(isUncertainAt(iv, false, m(1987, 2))).toBe(false);
    expect(isUncertainAt(spanOf({ start: '1975-06', end: null }), false, m(1975, 6))).toBe(false);
  });
  it('uncertainty: "about" dates colour the year after the start and the year before the end, not the years between', () => {
    const iv = spanOf({ start: '1977-03-02', end: '2011-02-20' });
    expect(isUncertainAt(iv, true, m(1977, 3))).toBe(true);
    expect(isUncertainAt(iv, true, m(1990, 1))).toBe(false);
    expect(isUncertainAt(iv, true, m(2010, 6))).toBe(true);
    expect(isUncertainAt(iv, true, m(2011, 2))).toBe(true);
    expect(isUncertainAt(spanOf({ start: '2019-06', end: null }), true, m(2019, 6))).toBe(true);
    expect(isUncertainAt(spanOf({ start: '2019-06', end: null }), true, m(2023, 1))).toBe(false);
  });
  it('uncertainty: a year-only end colours the last year before it', () => {
    const iv = spanOf({ start: '1954-05', end: '1970' });
    expect(isUncertainAt(iv, false, m(1969, 6))).toBe(true);
    expect(isUncertainAt(iv, false, m(1968, 12))).toBe(false);
  });
});

describe('months', () => {
  it('round-trips month keys and rejects junk', () => {
    expect(monthKey(m(2011, 8))).toBe('2011-08');
    expect(parseMonthKey('2011-08')).toBe(m(2011, 8));
    for (const bad of ['2011-8', '2011-13', '2011-00', '2011-08-01', 'abc', '<script>', '']) expect(parseMonthKey(bad)).toBeNull();
  });
  it('clamps to 1943-01 … the current month', () => {
    const last = currentMonth(new Date('2026-11-23T00:00:00Z'));
    expect(monthKey(last)).toBe('2026-11');
    expect(clampMonth(m(1900, 1), last)).toBe(FIRST_MONTH);
    expect(clampMonth(m(2100, 1), last)).toBe(last);
  });
});

describe('two intervals overlap only when they share time', () => {
  it('touching intervals [a, b) and [b, c) share nothing: 1975 and 1976, a period and the next', () => {
    expect(overlaps(unitOf('1975'), unitOf('1976'))).toBe(false);
    expect(overlaps(unitOf('1976'), unitOf('1975'))).toBe(false);
    expect(overlaps({ start: m(1969, 9), end: m(2011, 8) }, { start: m(2011, 8), end: OPEN_END })).toBe(false);
    expect(overlaps(unitOf('2008-04'), unitOf('2008-05-01'))).toBe(false);
  });
  it('one month, or one day, in common is an overlap', () => {
    expect(overlaps(unitOf('1975'), { start: m(1975, 12), end: m(1976, 6) })).toBe(true);
    expect(overlaps(unitOf('2008-04-30'), unitOf('2008-04'))).toBe(true);
    expect(overlaps(unitOf('1975'), unitOf('1975'))).toBe(true);
  });
  it('agrees with overlapsMonth for every month around a period', () => {
    const period = { start: m(2011, 2), end: m(2011, 10) };
    for (let t = m(2010, 1); t <= m(2012, 12); t++) expect(overlaps(period, { start: t, end: t + 1 }), monthKey(t)).toBe(overlapsMonth(period, t));
  });
});
