/**
 * The view finds a month's records through its by-year lists (view.ts) rather than reading every
 * record: it must find exactly what reading every record finds, in the same order, in every month,
 * with the real data and with a generated set of many overlapping, open-ended and day-dated records
 * (bench/generate.ts). The oracle here reads every record with the one rule (interval.ts).
 */
import { describe, expect, it } from 'vitest';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { ARC_MONTHS, viewAt } from '../../src/lib/records/view.ts';
import { overlapsMonth } from '../../src/lib/time/interval.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import { generate } from '../../bench/generate.ts';

const { data, dataAsOf } = loadData();
const real = indexData(data, dataAsOf);
const gen = (await generate(2000)) as unknown as Pick<AtlasData, 'control' | 'presence' | 'events'>;
const many = indexData({ ...data, control: [...data.control, ...gen.control], presence: [...data.presence, ...gen.presence], events: [...data.events, ...gen.events] }, dataAsOf);

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

function oracle(index: AtlasIndex, t: number) {
  return {
    forces: ids(index.presence.filter((p) => overlapsMonth(p.span, t))),
    events: ids(index.events.filter((e) => overlapsMonth(e.span, t))),
    arcs: ids(index.events.filter((e) => e.counterpart && e.span.start < t + 1 && e.span.end > t + 1 - ARC_MONTHS)),
    control: ids([...index.controlByPlace.values()].flatMap((list) => list.filter((c) => overlapsMonth(c.span, t)))),
  };
}

function found(index: AtlasIndex, t: number) {
  const v = viewAt(index, t);
  return { forces: ids(v.forces.map((f) => f.presence)), events: ids(v.events), arcs: ids(v.arcs.map((a) => a.event)), control: ids(v.control) };
}

describe("the view's by-year lists find what reading every record finds", () => {
  // Before the first record, every month of the record, and years after the last one begins.
  const months = Array.from({ length: (2040 - 1938) * 12 }, (_, i) => monthIndex(1938, 1) + i);

  it('with the real data, in every month from 1938 to 2039', { timeout: 60_000 }, () => {
    for (const t of months) expect(found(real, t), String(t)).toEqual(oracle(real, t));
  });

  it('with 2,000 generated records besides, in every month from 1938 to 2039', { timeout: 60_000 }, () => {
    for (const t of months) expect(found(many, t), String(t)).toEqual(oracle(many, t));
  });

  it('keeps a few recent views: the same month gives the same view', () => {
    const t = monthIndex(2019, 6);
    expect(viewAt(real, t)).toBe(viewAt(real, t));
    for (let k = 1; k <= 10; k++) viewAt(real, t + k);
    expect(viewAt(real, t)).toEqual(viewAt(indexData(data, dataAsOf), t));
  });
});
