/**
 * The view of a month (records/view.ts), in the Turf manner: each tests/fixtures/view/in/<case>.json
 * holds records and months, tests/fixtures/view/out/<case>.json what the view shows in each month,
 * written for a person to check. `REGEN=1 npx vitest run tests/unit/view.test.ts` rewrites the
 * expected files after a deliberate change (read the diff before committing it).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { monthsShown, panelAt, viewAt, type AreaState } from '../../src/lib/records/view.ts';
import { changesBetween } from '../../src/lib/records/changes.ts';
import { overlapsMonth } from '../../src/lib/time/interval.ts';
import { parseMonthKey } from '../../src/lib/time/months.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

const dir = resolve(import.meta.dirname, '../fixtures/view');
const world = JSON.parse(readFileSync(join(dir, 'world.json'), 'utf8')) as Omit<AtlasData, 'control' | 'presence' | 'events'>;
const REGEN = process.env['REGEN'] === '1';

interface Case {
  description: string;
  months: string[];
  control: AtlasData['control'];
  presence: AtlasData['presence'];
  events: AtlasData['events'];
}

const area = (a: AreaState): Record<string, unknown> => ({
  id: a.id,
  ...(a.source !== a.id ? { from: a.source } : {}),
  holder: a.holder ?? null,
  shown: a.shown?.id ?? null,
  ...(a.contested ? { contested: true, parties: a.parties } : {}),
  ...(a.previous ? { previous: a.previous } : {}),
  ...(a.uncertain ? { uncertain: true } : {}),
  ...(a.claims.length > 0 ? { claimedBy: a.claims } : {}),
  ...(a.lastReported ? { lastReported: a.lastReported } : {}),
  ...(a.zones.length > 0 ? { divided: a.zones.map(area) } : {}),
});

function summarise(c: Case) {
  const index = indexData({ ...world, control: c.control, presence: c.presence, events: c.events });
  return c.months.map((key) => {
    const v = viewAt(index, parseMonthKey(key)!);
    return {
      month: key,
      regions: v.regions.map(area),
      places: v.places.map(area),
      forces: v.forces.map((f) => `${f.presence.id}${f.uncertain ? ' (uncertain)' : ''}${f.lastReported ? ` (last reported ${f.lastReported})` : ''}`),
      arcs: v.arcs.map((a) => `${a.event.id} ${a.current ? 'strong' : 'fading'}`),
      events: v.events.map((e) => e.id),
      legend: v.legend,
    };
  });
}

describe('the view of a month (fixtures in tests/fixtures/view)', () => {
  for (const file of readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, 'in', file), 'utf8')) as Case;
    it(`${file.replace(/\.json$/, '')}: ${c.description}`, () => {
      const got = summarise(c);
      const out = join(dir, 'out', file);
      if (REGEN) writeFileSync(out, `${JSON.stringify(got, null, 1)}\n`);
      expect(got).toEqual(JSON.parse(readFileSync(out, 'utf8')));
      // The input is not changed by building the view.
      expect(JSON.parse(readFileSync(join(dir, 'in', file), 'utf8'))).toEqual(c);
    });
  }
});

describe('the place panel and the changes between two months', () => {
  const c = JSON.parse(readFileSync(join(dir, 'in', 'divided-zones.json'), 'utf8')) as Case;
  const index = indexData({ ...world, control: c.control, presence: c.presence, events: c.events });
  const t = (k: string) => parseMonthKey(k)!;

  it("a divided region's panel lists each zone's period this month", () => {
    expect(panelAt(index, 'north', t('2022-03')).control.map((p) => p.id).sort()).toEqual(['east-lna', 'west-gna', 'west-gnu-contested']);
    expect(panelAt(index, 'north', t('2020-05')).control.map((p) => p.id)).toEqual(['north-gna']);
  });

  it('says the north became divided and who holds each zone', () => {
    const diff = changesBetween(viewAt(index, t('2020-05')), viewAt(index, t('2020-07')));
    const north = diff.control.find((x) => x.id === 'north')!;
    expect(north.before).toEqual({ kind: 'held', actor: 'gna' });
    expect(north.after).toEqual({
      kind: 'divided',
      zones: [
        { id: 'north-west', holding: { kind: 'held', actor: 'gna' } },
        { id: 'north-east', holding: { kind: 'held', actor: 'lna' } },
      ],
    });
    // The capital, with no record of its own, follows its zone: it stays GNA, so it did not change.
    expect(diff.control.some((x) => x.id === 'capital')).toBe(false);
  });
});

describe('the months a record shows in', () => {
  it('are exactly the months the view shows it in, for whole, fractional, one-day and empty spans', () => {
    const spans = [
      { start: 100, end: 101 },
      { start: 100, end: 112 },
      { start: 100.5, end: 103.2 },
      { start: 100.96, end: 101.0 },
      { start: 100.2, end: 100.3 },
      { start: 100, end: 100 },
      { start: 99.999, end: 100.001 },
    ];
    for (const span of spans) {
      const shown = Array.from({ length: 20 }, (_, i) => 95 + i).filter((t) => overlapsMonth(span, t));
      const { first, after } = monthsShown(span);
      expect(Array.from({ length: after - first }, (_, i) => first + i), JSON.stringify(span)).toEqual(shown);
    }
  });
});
