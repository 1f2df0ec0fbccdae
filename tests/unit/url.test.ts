import { describe, expect, it } from 'vitest';
import { parseUrlState, toSearch } from '../../src/lib/state/url.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';

const ctx = { placeIds: new Set(['tripoli', 'benghazi', 'cyrenaica']), lastMonth: monthIndex(2026, 11) };
const all = { control: true, presence: true, diplomacy: true };

describe('parseUrlState', () => {
  it('reads date, place, layers, lang, embed', () => {
    expect(parseUrlState('?date=2011-08&place=tripoli&layers=control,diplomacy&lang=ar&embed=1', ctx)).toEqual({
      t: monthIndex(2011, 8),
      place: 'tripoli',
      layers: { control: true, presence: false, diplomacy: true },
      lang: 'ar',
      embed: true,
    });
  });
  it('accepts year= as January of that year; date= wins over year=', () => {
    expect(parseUrlState('?year=1969', ctx).t).toBe(monthIndex(1969, 1));
    expect(parseUrlState('?year=1969&date=2019-04', ctx).t).toBe(monthIndex(2019, 4));
  });
  it('clamps dates outside 1943-01 … the current month', () => {
    expect(parseUrlState('?date=1900-01', ctx).t).toBe(monthIndex(1943, 1));
    expect(parseUrlState('?date=2999-12', ctx).t).toBe(monthIndex(2026, 11));
  });
  it('drops malformed and hostile values, and never throws', () => {
    const hostile = [
      '?date=<script>alert(1)</script>&place=<img src=x onerror=alert(1)>',
      '?date=2011-13&year=abcd&place=TRIPOLI&layers=<b>&lang=xx',
      '?place=__proto__&date=constructor',
      '?%E0%A4%A=1&date=%',
      '?date=' + '9'.repeat(5000),
      '?layers=,,,&embed=true',
    ];
    for (const q of hostile) {
      const s = parseUrlState(q, ctx);
      expect(s.place, q).toBeUndefined();
      expect(s.t, q).toBeUndefined();
      expect(s.layers, q).toBeUndefined();
      expect(s.lang, q).toBeUndefined();
      expect(s.embed, q).toBe(false);
    }
  });
});

describe('toSearch', () => {
  it('round-trips and leaves defaults out', () => {
    const q = toSearch({ t: monthIndex(2008, 4), place: 'tripoli', layers: all, lang: 'en', embed: false });
    expect(q).toBe('?date=2008-04&place=tripoli');
    expect(parseUrlState(q, ctx)).toEqual({ t: monthIndex(2008, 4), place: 'tripoli', embed: false });
    const q2 = toSearch({ t: monthIndex(2019, 1), layers: { control: true, presence: false, diplomacy: false }, lang: 'ru', embed: true });
    expect(q2).toBe('?date=2019-01&layers=control&lang=ru&embed=1');
    const ar = toSearch({ t: monthIndex(2011, 8), layers: all, lang: 'ar', embed: false });
    expect(ar).toBe('?date=2011-08&lang=ar');
  });
});

describe('the record view and comparison in the URL', () => {
  it('reads a query, filters and two months; writes them back', () => {
    const s = parseUrlState('?date=2019-06&q=Wagner&kind=presence,event&cat=military&actor=wagner&status=reported,confirmed&russia=1&compare=2011-10,2011-02', ctx);
    expect(s.records).toBe(true);
    expect(s.q).toBe('Wagner');
    expect(s.filter).toEqual({ kinds: ['presence', 'event'], categories: ['military'], actor: 'wagner', statuses: ['confirmed', 'reported'], russia: true });
    expect(s.compare).toEqual([monthIndex(2011, 2), monthIndex(2011, 10)]);
    const q = toSearch({ t: monthIndex(2019, 6), layers: all, lang: 'en', embed: false, records: true, q: s.q!, filter: s.filter!, compare: s.compare! });
    expect(q).toBe('?date=2019-06&records=1&q=Wagner&kind=presence,event&cat=military&actor=wagner&status=confirmed,reported&russia=1&compare=2011-02,2011-10');
    expect(parseUrlState(q, ctx)).toEqual(s);
    expect(parseUrlState('?records=1', ctx).records).toBe(true);
    expect(parseUrlState('?q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD', ctx).q).toBe('Путин');
  });
  it('drops hostile and malformed values, keeps a query as plain text', () => {
    const s = parseUrlState('?kind=<b>&cat=x&actor=<script>&status=__proto__&russia=yes&compare=2011-02&records=true', ctx);
    expect(s.filter).toBeUndefined();
    expect(s.records).toBeUndefined();
    expect(s.compare).toBeUndefined();
    expect(parseUrlState('?compare=2011-13,2011-02', ctx).compare).toBeUndefined();
    expect(parseUrlState('?compare=1900-01,2999-01', ctx).compare).toEqual([monthIndex(1943, 1), monthIndex(2026, 11)]);
    expect(parseUrlState(`?q=${'x'.repeat(65)}`, ctx).q).toBeUndefined();
    expect(parseUrlState('?q=%3Cimg%20src%3Dx%3E%0A', ctx).q).toBe('<img src=x>');
    expect(parseUrlState('?q=%20%20', ctx).q).toBeUndefined();
  });
});
