/**
 * The two writers of the atlas's one rule agree: for every month from 1943 to today, on the real
 * data, what the MapLibre style's expressions draw (evaluated with @maplibre/maplibre-gl-style-spec,
 * which MapLibre runs) is what the view (records/view.ts) says the month shows — the period on top
 * of each region and zone, its fill, the contested stripes and their colours, and the diplomatic arcs.
 */
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, featureFilter, latest, type FilterSpecification, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import { buildStyle } from '../../src/lib/map/style.ts';
import { diplomacyFeatures, regionControlFeatures, regionHatchFeatures } from '../../src/lib/map/features.ts';
import { ARC, actorColor, hatchImageId, regionFill } from '../../src/lib/map/encoding.ts';
import { stripesOf } from '../../src/lib/map/svgMap.ts';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';
import { viewAt, type AreaState } from '../../src/lib/records/view.ts';
import { FIRST_MONTH, currentMonth, monthKey } from '../../src/lib/time/months.ts';
import { loadData } from '../../scripts/lib/load-data.ts';

const loaded = loadData();
const index = indexData(loaded.data);
const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const regionControl = regionControlFeatures(index);
const diplomacy = diplomacyFeatures(index);
const regionHatch = regionHatchFeatures(index);
const style = buildStyle({ basemap: empty, regionControl, regionHatch, diplomacy, t: FIRST_MONTH, lang: 'en' });
const layer = (id: string) => {
  const l = style.layers.find((x) => x.id === id);
  if (!l || !('source' in l)) throw new Error(`style has no layer ${id}`);
  return l as typeof l & { filter?: FilterSpecification; paint?: Record<string, unknown>; layout?: Record<string, unknown> };
};

/** The global state the expressions read; MapLibre's setGlobalStateProperty changes this object. */
const state: Record<string, unknown> = { t: FIRST_MONTH, lang: 'en' };
const GEOMETRY_TYPE = { Point: 1, LineString: 2, Polygon: 3, MultiPolygon: 3 } as Record<string, number>;
const asEvaluated = (f: Feature) => ({ type: GEOMETRY_TYPE[f.geometry.type] ?? 3, properties: f.properties ?? {} }) as never;
const globals = { zoom: 5 };

function property(layerId: string, kind: 'paint' | 'layout', name: string) {
  const l = layer(layerId);
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`${kind}_${l.type}`]![name]!;
  const result = createPropertyExpression((l[kind] as Record<string, unknown>)[name], kind, spec, state);
  if (result.result !== 'success') throw new Error(`${layerId} ${name}: ${JSON.stringify(result.value)}`);
  return (f: Feature) => result.value.evaluate(globals, asEvaluated(f)) as unknown;
}
function filterOf(layerId: string) {
  const f = featureFilter(layer(layerId).filter, 'filter', state);
  return (feature: Feature) => f.filter(globals, asEvaluated(feature));
}

const fillShows = filterOf('region-fill');
const fillKey = property('region-fill', 'layout', 'fill-sort-key');
const fillColor = property('region-fill', 'paint', 'fill-color');
const hatchShows = filterOf('region-hatch');
const hatchPattern = property('region-hatch', 'paint', 'fill-pattern');
const arcShows = filterOf('diplomacy-arcs');
const arcWidth = property('diplomacy-arcs', 'paint', 'line-width');

const props = (f: Feature) => f.properties as { id: string; area: string };
const top = (features: Feature[], key: (f: Feature) => unknown) => [...features].sort((a, b) => Number(key(b)) - Number(key(a)))[0];
/** A style-spec Color ({ r, g, b, a } in 0–1) as #rrggbb. */
const colorText = (v: unknown) => {
  const c = v as { r: number; g: number; b: number };
  return `#${[c.r, c.g, c.b].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('')}`;
};
const patternName = (v: unknown) => (typeof v === 'object' && v !== null && 'name' in v ? String((v as { name: unknown }).name) : String(v));

/** What the style draws on one area (region or zone) this month: its top period, opacity and hatch. */
function drawn(area: string) {
  const fills = regionControl.features.filter((f) => props(f).area === area && fillShows(f));
  const fill = top(fills, fillKey);
  const hatches = regionHatch.features.filter((f) => props(f).area === area && hatchShows(f));
  return {
    id: fill ? props(fill).id : undefined,
    key: fill ? Number(fillKey(fill)) : -Infinity,
    fill: fill ? colorText(fillColor(fill)) : undefined,
    hatch: hatches.length === 0 ? undefined : hatches.map((h) => patternName(hatchPattern(h))).join(' and '),
  };
}

function expected(a: AreaState) {
  return {
    id: a.shown?.id,
    fill: a.shown && a.holder ? regionFill(actorColor(index.actors.get(a.holder)), a.uncertain) : undefined,
    hatch: a.shown && stripesOf(a).length > 0 ? hatchImageId(stripesOf(a)) : undefined,
  };
}

describe('the MapLibre style agrees with the view, month by month, on the real data', () => {
  const months: number[] = [];
  for (let t = FIRST_MONTH; t <= currentMonth(); t++) months.push(t);

  it('draws on each region and zone the period the view shows, with its fill and hatch', () => {
    const disagreements: string[] = [];
    for (const t of months) {
      state['t'] = t;
      const view = viewAt(index, t);
      for (const region of view.regions) {
        const own = drawn(region.id);
        const zones = (index.zonesOf.get(region.id) ?? []).map((z) => ({ id: z, d: drawn(z) }));
        if (region.zones.length > 0) {
          // Divided: each zone's period is drawn, above anything left of the region's own.
          for (const z of region.zones) {
            const d = zones.find((x) => x.id === z.id)!.d;
            const { key: _, ...got } = d;
            if (JSON.stringify(got) !== JSON.stringify(expected(z))) disagreements.push(`${monthKey(t)} ${z.id}: map ${JSON.stringify(got)}, view ${JSON.stringify(expected(z))}`);
            if (own.id && own.key > d.key) disagreements.push(`${monthKey(t)} ${region.id}: the region's own period ${own.id} is drawn over zone ${z.id}`);
          }
        } else {
          const { key, ...got } = own;
          if (JSON.stringify(got) !== JSON.stringify(expected(region))) disagreements.push(`${monthKey(t)} ${region.id}: map ${JSON.stringify(got)}, view ${JSON.stringify(expected(region))}`);
          for (const z of zones) if (z.d.id && z.d.key > key) disagreements.push(`${monthKey(t)} ${z.id}: zone period ${z.d.id} drawn over the undivided region`);
        }
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
  });

  it('draws the diplomatic arcs the view shows, strong in their month and faint after', () => {
    const disagreements: string[] = [];
    const arcs = diplomacy.features.filter((f) => f.geometry.type === 'LineString');
    for (const t of months) {
      state['t'] = t;
      const view = viewAt(index, t);
      const want = new Map(view.arcs.map((a) => [a.event.id, a.current ? ARC.current.width : ARC.fading.width]));
      const got = new Map(arcs.filter(arcShows).map((f) => [props(f).id, Number(arcWidth(f))]));
      const key = (m: Map<string, number>) => JSON.stringify([...m].sort());
      if (key(want) !== key(got)) disagreements.push(`${monthKey(t)}: map ${key(got)}, view ${key(want)}`);
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
  });

  it('checks something: months with contests, divisions, changes and arcs all occur', () => {
    const seen = { contested: 0, divided: 0, changed: 0, uncertain: 0, arcs: 0 };
    for (const t of months) {
      const v = viewAt(index, t);
      for (const r of v.regions) {
        if (r.contested) seen.contested++;
        if (r.zones.length > 0) seen.divided++;
        if (r.previous) seen.changed++;
        if (r.uncertain) seen.uncertain++;
      }
      seen.arcs += v.arcs.length;
    }
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(0);
  });
});

/**
 * Every period the style draws on a region or zone in month t, drawn on top or under another: the
 * ids of the control features its fill layer's filter lets through.
 */
function periodsDrawn(ix: AtlasIndex) {
  const control = regionControlFeatures(ix);
  const st = buildStyle({ basemap: empty, regionControl: control, regionHatch: empty, diplomacy: empty, t: FIRST_MONTH, lang: 'en' });
  const fill = st.layers.find((l) => l.id === 'region-fill') as { filter?: FilterSpecification } | undefined;
  if (!fill) throw new Error('style has no layer region-fill');
  const shows = featureFilter(fill.filter, 'filter', state);
  return (t: number) => {
    state['t'] = t;
    return new Set(control.features.filter((f) => shows.filter(globals, asEvaluated(f))).map((f) => props(f).id));
  };
}

/** Months where the style and the view differ on which periods of the regions and zones are true. */
function everyPeriodDisagreements(ix: AtlasIndex, months: number[]): string[] {
  const drawnAt = periodsDrawn(ix);
  const areas = new Set([...ix.regionIds, ...[...ix.zonesOf.values()].flat()]);
  const out: string[] = [];
  for (const t of months) {
    const want = new Set(viewAt(ix, t).control.filter((c) => areas.has(c.place)).map((c) => c.id));
    const got = drawnAt(t);
    const extra = [...got].filter((id) => !want.has(id));
    const missing = [...want].filter((id) => !got.has(id));
    if (extra.length > 0 || missing.length > 0) out.push(`${monthKey(t)}: the map also draws [${extra.join(', ')}], leaves out [${missing.join(', ')}]`);
  }
  return out;
}

/**
 * The real record with every other period of each region and zone left out: gaps the validator
 * forbids in data/, where a period drawn too long or too short is not hidden under the next one.
 */
function withGaps(): AtlasIndex {
  const areas = new Set([...index.regionIds, ...[...index.zonesOf.values()].flat()]);
  const seen = new Map<string, number>();
  const control = loaded.data.control.filter((c) => {
    if (!areas.has(c.place)) return true;
    const n = seen.get(c.place) ?? 0;
    seen.set(c.place, n + 1);
    return n % 2 === 0;
  });
  return indexData({ ...loaded.data, control } as AtlasData);
}

describe('the MapLibre style agrees with the view on every period, not only the one on top', () => {
  const months: number[] = [];
  for (let t = FIRST_MONTH; t <= currentMonth(); t++) months.push(t);

  it('on the real data, each month draws exactly the periods of the regions and zones the view says are true', () => {
    expect(everyPeriodDisagreements(index, months).slice(0, 20)).toEqual([]);
  });

  it('on the record with gaps, where nothing hides a period drawn too long or too short', () => {
    const gapped = withGaps();
    const areas = new Set([...gapped.regionIds, ...[...gapped.zonesOf.values()].flat()]);
    // The fixture has what it is for: months in which some region or zone has no period at all.
    const empty = months.filter((t) => {
      const shown = new Set(viewAt(gapped, t).control.filter((c) => areas.has(c.place)).map((c) => c.place));
      return gapped.regionIds.some((r) => !shown.has(r));
    });
    expect(empty.length).toBeGreaterThan(12);
    expect(everyPeriodDisagreements(gapped, months).slice(0, 20)).toEqual([]);
  });
});
