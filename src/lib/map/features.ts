/**
 * GeoJSON the MapLibre map draws, built once from the index. Every feature carries its interval on
 * the month axis (s, e) so one time filter in the style decides what shows; moving the time never
 * rebuilds a source. The SVG map draws the same shapes from the view (svgMap.ts).
 */
import { greatCircle } from '@turf/great-circle';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { RankedControl } from '../records/types.ts';
import { OPEN_END, endIsUncertain, overlapsMonth, startIsUncertain, type Interval } from '../time/interval.ts';
import { actorColor, areaFill, hatchImageId, rgbToHex } from './encoding.ts';

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

/** The other parties of a contested period, whose colours stripe it (the holder's is the fill); none when not contested. */
export const challengersOf = (p: Pick<RankedControl, 'actor' | 'contested' | 'contestedBy'>): string[] =>
  p.contested ? (p.contestedBy?.length ? p.contestedBy.filter((a) => a !== p.actor) : ['unknown']) : [];

/**
 * The months in which a period is the one shown for its area (no period of higher rank overlaps
 * them), as [ts, te); [0, 0) when never. A contested period's hatch is drawn only then, since a
 * hatch is partly transparent and the period shown must not show another's stripes through it.
 * (Each period's months on top are one run in the data; a unit test holds the hatch to the view.)
 */
export function monthsOnTop(p: RankedControl, others: RankedControl[]): { ts: number; te: number } {
  // After the last start or end of any of these periods nothing changes: the last month looked at stands for the rest.
  const last = Math.ceil(Math.max(...others.flatMap((q) => [q.span.start, q.span.end < OPEN_END ? q.span.end : q.span.start]))) + 1;
  let ts = 0;
  let te = 0;
  for (let t = Math.floor(p.span.start); t <= Math.min(Math.ceil(p.span.end), last); t++) {
    if (!overlapsMonth(p.span, t) || others.some((q) => q !== p && q.z > p.z && overlapsMonth(q.span, t))) continue;
    if (te === 0) ts = t;
    te = t === last ? Math.max(t + 1, p.span.end) : t + 1;
  }
  return { ts, te };
}

/**
 * One polygon per control period of each region and zone, with its rank `z` (the view shows the
 * highest), `fill` and `fillUncertain` (the holder's colour as drawn, opaque over white land) and, when contested,
 * `hatch` (the image striped with every other party's colour) and the months it is on top (ts, te).
 */
export function regionControlFeatures(index: AtlasIndex): FeatureCollection {
  const features: Feature[] = [];
  for (const area of [...index.data.regions.features, ...index.data.zones.features]) {
    const periods = index.controlByPlace.get(area.properties.id) ?? [];
    for (const p of periods) {
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
          fill: rgbToHex(areaFill(actorColor(index.actors.get(p.actor)))),
          fillUncertain: rgbToHex(areaFill(actorColor(index.actors.get(p.actor)), true)),
          contested: p.contested ? 1 : 0,
          hatch: p.contested ? hatchImageId(challengersOf(p)) : '',
          ...(p.contested ? monthsOnTop(p, periods) : { ts: 0, te: 0 }),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Every hatch image the regions use: its id and its stripes' colours. */
export function regionHatches(index: AtlasIndex): { id: string; stripes: string[] }[] {
  const out = new Map<string, { id: string; stripes: string[] }>();
  for (const list of index.controlByPlace.values()) {
    for (const p of list) {
      if (!p.contested) continue;
      const others = challengersOf(p);
      const id = hatchImageId(others);
      if (!out.has(id)) out.set(id, { id, stripes: others.map((a) => actorColor(index.actors.get(a))) });
    }
  }
  return [...out.values()];
}

/** Where each region's name is anchored (the overlay places it there or near). */
export function regionLabelFeatures(index: AtlasIndex): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: index.data.regions.features.map((r) => ({ ...pointOnFeature(r), properties: { ...r.properties } })),
  };
}

/** A place's or counterpart city's position (a region's: a point inside it). */
export function positionOf(index: AtlasIndex, id: string): Position | undefined {
  const f = index.features.get(id);
  if (!f) return undefined;
  return f.geometry.type === 'Point' ? f.geometry.coordinates : pointOnFeature(f).geometry.coordinates;
}

/**
 * Great-circle arcs from the Libyan place of each diplomatic event to its counterpart city, and the
 * city itself as a point with its names, shown (and labelled) while the arc is.
 */
export function diplomacyFeatures(index: AtlasIndex): FeatureCollection<Geometry> {
  const features: Feature[] = [];
  for (const e of index.events) {
    if (!e.counterpart) continue;
    const from = positionOf(index, e.places[0]!);
    const to = positionOf(index, e.counterpart);
    const city = index.features.get(e.counterpart);
    if (!from || !to || !city) continue;
    const props = { ...timedProps(e.span, e.circa), id: e.id, status: e.status, russia: e.russia ? 1 : 0, counterpart: e.counterpart };
    features.push({ ...greatCircle(from, to, { npoints: 48 }), properties: props });
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: to }, properties: { ...props, ...city.properties, id: e.id } });
  }
  return { type: 'FeatureCollection', features };
}
