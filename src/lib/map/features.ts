/**
 * GeoJSON the MapLibre map draws, built once from the index. Every feature carries its interval on
 * the month axis (s, e) so one time filter in the style decides what shows; moving the time never
 * rebuilds a source. The SVG map draws the same shapes from the view (svgMap.ts).
 */
import { greatCircle } from '@turf/great-circle';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { pointOf, type AtlasIndex } from '../records/atlasIndex.ts';
import { OPEN_END, endIsUncertain, startIsUncertain, type Interval } from '../time/interval.ts';
import { FIRST_MONTH, currentMonth } from '../time/months.ts';
import { areaIn, monthEdges, shownDuring, staleFrom, viewAt, type AtlasView } from '../records/view.ts';
import { actorColor, hatchImageId, regionFill } from './encoding.ts';

export interface TimedProps {
  s: number;
  e: number;
  /** 1 when the start is approximate or known only to the year: its first year is drawn as uncertain. */
  su: 0 | 1;
  /** 1 when the end is approximate or known only to the year: its last year is drawn as uncertain. */
  eu: 0 | 1;
}

export const timedProps = (span: Interval, circa?: boolean): TimedProps => ({
  s: span.start,
  e: span.end,
  su: startIsUncertain(span, circa) ? 1 : 0,
  eu: endIsUncertain(span, circa) ? 1 : 0,
});

/**
 * One polygon per control period of each region and zone, with its rank `z` (the view shows the
 * highest), and `fill` and `fillUncertain`: the holder's colour as drawn, opaque over white land.
 */
export function regionControlFeatures(index: AtlasIndex): FeatureCollection {
  const features: Feature[] = [];
  for (const area of [...index.data.regions.features, ...index.data.zones.features]) {
    for (const p of index.controlByPlace.get(area.properties.id) ?? []) {
      features.push({
        type: 'Feature',
        geometry: area.geometry,
        properties: {
          ...timedProps(p.span, p.circa),
          id: p.id,
          area: area.properties.id,
          actor: p.actor,
          z: p.z,
          color: actorColor(index.actors.get(p.actor)),
          fill: regionFill(actorColor(index.actors.get(p.actor))),
          fillUncertain: regionFill(actorColor(index.actors.get(p.actor)), true),
          contested: p.contested ? 1 : 0,
          // From this month the period is "last reported" (drawn like an uncertain date: a dashed band).
          ls: Math.min(staleFrom(p), OPEN_END),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The hatching of contested areas: one polygon per run of months [ts, te) in which the view shows
 * an area contested by the same parties, with `hatch`, the image striped with every party but the
 * holder (Fezzan in 2014: three stripes). Read from the view itself at the months where the area's
 * periods begin or end (nothing changes in between), so the map stripes what the words say.
 */
export function regionHatchFeatures(index: AtlasIndex, last = currentMonth()): FeatureCollection {
  const views = new Map<number, AtlasView>();
  const viewOf = (t: number) => views.get(t) ?? (views.set(t, viewAt(index, t)), views.get(t)!);
  const features: Feature[] = [];
  for (const area of [...index.data.regions.features, ...index.data.zones.features]) {
    const id = area.properties.id;
    const periods = [id, ...(index.zonesOf.get(id) ?? [])].flatMap((a) => index.controlByPlace.get(a) ?? []);
    const contested = (index.controlByPlace.get(id) ?? []).filter((p) => p.contested);
    if (contested.length === 0) continue;
    const edges = monthEdges(periods, FIRST_MONTH, last + 1);
    let open = null as { ts: number; te: number; hatch: string } | null;
    const flush = () => {
      if (open) features.push({ type: 'Feature', geometry: area.geometry, properties: { area: id, ts: open.ts, te: open.te >= last + 1 ? OPEN_END : open.te, hatch: open.hatch } });
      open = null;
    };
    for (let i = 0; i + 1 < edges.length; i++) {
      const [ts, te] = [edges[i]!, edges[i + 1]!];
      const state = contested.some((p) => shownDuring(p.span, ts, te)) ? areaIn(viewOf(ts), id) : undefined;
      const hatch = state?.contested && state.holder && state.zones.length === 0 ? hatchImageId(state.parties.filter((a) => a !== state.holder)) : null;
      if (hatch && open?.hatch === hatch && open.te === ts) open.te = te;
      else {
        flush();
        if (hatch) open = { ts, te, hatch };
      }
    }
    flush();
  }
  return { type: 'FeatureCollection', features };
}

/** Every hatch image the map uses: its id and its stripes' colours (the parties in the id). */
export function regionHatches(index: AtlasIndex, hatches = regionHatchFeatures(index)): { id: string; stripes: string[] }[] {
  const ids = [...new Set(hatches.features.map((f) => String(f.properties?.['hatch'])))];
  return ids.map((id) => ({ id, stripes: id.replace('atlas-hatch-', '').split('+').map((a) => actorColor(index.actors.get(a))) }));
}

/**
 * Great-circle arcs from the Libyan place of each diplomatic event to its counterpart city, and the
 * city itself as a point with its names, shown (and labelled) while the arc is.
 */
export function diplomacyFeatures(index: AtlasIndex): FeatureCollection<Geometry> {
  const features: Feature[] = [];
  for (const e of index.events) {
    if (!e.counterpart) continue;
    const from = pointOf(index, e.places[0]!);
    const to = pointOf(index, e.counterpart);
    const city = index.features.get(e.counterpart);
    if (!from || !to || !city) continue;
    const props = { ...timedProps(e.span, e.circa), id: e.id, status: e.status, russia: e.russia ? 1 : 0, counterpart: e.counterpart };
    features.push({ ...greatCircle(from, to, { npoints: 48 }), properties: props });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: to }, properties: { ...props, ...city.properties, id: e.id } });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Rival claims without armed contest: one outline per claimant and run of months [ts, te) in which
 * the view shows an area claimed by it, in the claimant's colour (`color`) and its place in the
 * area's list of claimants (`i`, drawn further in). Read from the view itself, like the hatching.
 */
export function regionClaimFeatures(index: AtlasIndex, last = currentMonth()): FeatureCollection {
  const views = new Map<number, AtlasView>();
  const viewOf = (t: number) => views.get(t) ?? (views.set(t, viewAt(index, t)), views.get(t)!);
  const features: Feature[] = [];
  for (const area of [...index.data.regions.features, ...index.data.zones.features]) {
    const id = area.properties.id;
    const periods = [id, ...(index.zonesOf.get(id) ?? [])].flatMap((a) => index.controlByPlace.get(a) ?? []);
    if (!(index.controlByPlace.get(id) ?? []).some((p) => (p.claims ?? []).length > 0)) continue;
    const edges = monthEdges(periods, FIRST_MONTH, last + 1);
    const open = new Map<string, { ts: number; te: number; i: number }>();
    const flush = (key: string) => {
      const o = open.get(key)!;
      features.push({ type: 'Feature', geometry: area.geometry, properties: { area: id, claimant: key, color: actorColor(index.actors.get(key)), i: o.i, ts: o.ts, te: o.te >= last + 1 ? OPEN_END : o.te } });
      open.delete(key);
    };
    for (let k = 0; k + 1 < edges.length; k++) {
      const [ts, te] = [edges[k]!, edges[k + 1]!];
      const state = areaIn(viewOf(ts), id);
      const claims = state && state.zones.length === 0 && state.holder ? state.claims : [];
      for (const key of [...open.keys()]) if (!claims.includes(key) || open.get(key)!.te !== ts || open.get(key)!.i !== claims.indexOf(key)) flush(key);
      claims.forEach((c, i) => {
        const o = open.get(c);
        if (o) o.te = te;
        else open.set(c, { ts, te, i });
      });
    }
    for (const key of [...open.keys()]) flush(key);
  }
  return { type: 'FeatureCollection', features };
}
