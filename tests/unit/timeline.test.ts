/**
 * The record in time: claims and responses in order, a panel's events grouped around the selected
 * month, and what changed between two months (fixture files in tests/fixtures/), then the same
 * functions on the real record, as a reader meets them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from './fixture-cases.ts';
import { chronological } from '../../src/lib/records/order.ts';
import { eventDensity, eventMarks, groupPanelEvents, nextEventMonth, filterEvents, type PanelEvent } from '../../src/lib/records/timeline.ts';
import { compareMonths } from '../../src/lib/records/compare.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { panelAt } from '../../src/lib/records/view.ts';
import { holdingKey } from '../../src/lib/records/changes.ts';
import { unitOf } from '../../src/lib/time/interval.ts';
import { monthKey, parseMonthKey } from '../../src/lib/time/months.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

type Ev = { id: string; date: string; responds?: string; places?: string[] };
const month = (k: string) => parseMonthKey(k)!;
const timed = (e: Ev) => ({ ...e, span: unitOf(e.date) });

fixtureCases('claim-order', (input) => chronological((input as { events: Ev[] }).events.map(timed)).map((e) => e.id));

fixtureCases('panel-groups', (input) => {
  const { t, lead, events } = input as { t: string; lead: number; events: Ev[] };
  const list = chronological(events.map(timed)).map((event) => ({ event, later: false, responses: [] }) as unknown as PanelEvent);
  const g = groupPanelEvents(list, month(t), lead);
  const ids = (l: PanelEvent[]) => l.map((e) => e.event.id);
  return {
    from: monthKey(g.from),
    to: monthKey(g.to),
    around: ids(g.around),
    lead: ids(g.lead),
    earlier: g.earlier.map((d) => ({ decade: d.decade, events: ids(d.events) })),
    later: g.later.map((d) => ({ decade: d.decade, events: ids(d.events) })),
  };
});

const fixtureGeo = resolve(import.meta.dirname, '../fixtures/valid/geo');
const geo = (name: string) => JSON.parse(readFileSync(resolve(fixtureGeo, `${name}.geojson`), 'utf8')) as unknown;

fixtureCases('compare', (input) => {
  const { a, b, control, presence, events } = input as { a: string; b: string; control: unknown[]; presence: unknown[]; events: Ev[] };
  const data = {
    actors: [],
    control,
    presence,
    events: events.map((e) => ({ category: 'military', status: 'confirmed', russia: false, actors: [], title: { en: e.id }, summary: { en: e.id }, ...e })),
    regions: geo('regions'),
    zones: { type: 'FeatureCollection', features: [] },
    places: geo('places'),
    counterparts: geo('counterparts'),
  } as unknown as AtlasData;
  const c = compareMonths(indexData(data), month(a), month(b));
  return {
    a: monthKey(c.a),
    b: monthKey(c.b),
    control: c.control.map((x) => ({ id: x.id, month: monthKey(x.t), before: holdingKey(x.before), after: holdingKey(x.after), records: x.records })),
    forces: c.forces.map((f) => ({ id: f.presence.id, month: monthKey(f.t), change: f.change })),
    events: c.events.map((e) => e.id),
    net: {
      control: c.net.control.map((x) => ({ id: x.id, before: holdingKey(x.before), after: holdingKey(x.after) })),
      arrived: c.net.arrived.map((p) => p.id),
      left: c.net.left.map((p) => p.id),
    },
  };
});

describe('on the real record', () => {
  const index = indexData(loadData().data);

  it('lists the denial of May 2020 after AFRICOM’s claim of 26 May 2020', () => {
    const ids = index.events.map((e) => e.id);
    expect(ids.indexOf('russia-denies-jets-2020-05')).toBeGreaterThan(ids.indexOf('africom-russian-jets-jufra-2020-05-26'));
    // Every response whose date shares a unit with its claim comes after it.
    for (const e of index.events) {
      const claim = e.responds ? index.eventsById.get(e.responds) : undefined;
      if (claim && claim.span.start < e.span.end && e.span.start < claim.span.end) expect(ids.indexOf(e.id), e.id).toBeGreaterThan(ids.indexOf(claim.id));
    }
  });

  it('has one mark per event, a density that counts them all, and finds the next event', () => {
    const marks = eventMarks(index);
    expect(marks.length).toBe(index.events.length);
    const density = eventDensity(marks, monthIndex(1943, 1), monthIndex(2026, 12));
    expect(density.length).toBe(2026 - 1943 + 1);
    expect(density.reduce((s, n) => s + n, 0)).toBe(index.events.length);
    const putin = index.eventsById.get('putin-visit-2008-04')!;
    expect(nextEventMonth(marks, monthIndex(2008, 3))).toBe(Math.floor(putin.span.start));
    expect(nextEventMonth(marks, monthIndex(2008, 5), -1)).toBe(Math.floor(putin.span.start));
    expect(nextEventMonth(marks, monthIndex(2100, 1))).toBeNull();
  });

  it('opens Tripoli’s panel at June 2020 with 2020 events first, and everything else in decades', () => {
    const t = monthIndex(2020, 6);
    const panel = panelAt(index, 'tripoli', t);
    const g = groupPanelEvents(panel.events, t);
    expect(g.lead.length).toBe(4);
    expect(g.lead.every((e) => e.event.date.startsWith('2020'))).toBe(true);
    const counted = g.around.length + [...g.earlier, ...g.later].reduce((s, d) => s + d.events.length, 0);
    expect(counted).toBe(panel.events.length);
    expect(g.earlier.map((d) => d.decade)).toEqual([...g.earlier.map((d) => d.decade)].sort());
    const russian = filterEvents(panel.events, { category: null, russia: true });
    expect(russian.length).toBeGreaterThan(0);
    expect(russian.every((e) => e.event.russia)).toBe(true);
    expect(filterEvents(panel.events, { category: 'economic', russia: false }).every((e) => e.event.category === 'economic')).toBe(true);
  });

  it('says Tripoli passed to the NTC between February and October 2011, with the record behind it', () => {
    const c = compareMonths(index, monthIndex(2011, 10), monthIndex(2011, 2));
    const tripoli = c.control.filter((x) => x.id === 'tripoli');
    expect(tripoli.map((x) => [monthKey(x.t), holdingKey(x.after)])).toContainEqual(['2011-08', 'ntc']);
    expect(tripoli.find((x) => holdingKey(x.after) === 'ntc')!.records).toEqual(['tripoli-ntc-2011']);
    expect(c.forces.some((f) => f.presence.actor === 'nato' && f.change === 'arrived')).toBe(true);
    expect(c.events.every((e) => e.span.end > monthIndex(2011, 2) && e.span.start < monthIndex(2011, 11))).toBe(true);
    expect(c.events.length).toBeGreaterThan(3);
  });
});
