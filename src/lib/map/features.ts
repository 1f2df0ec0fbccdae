/**
 * GeoJSON the MapLibre map draws, built once from the index. Every feature carries its interval on
 * the month axis (s, e) so one time filter in the style decides what shows; moving the time never
 * rebuilds a source. The SVG map draws the same shapes from the view (svgMap.ts).
 */
import { greatCircle } from '@turf/great-circle';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { pointOf, type AtlasIndex } from '../records/atlasIndex.ts';
import { endIsUncertain, startIsUncertain, type Interval } from '../time/interval.ts';
import { actorColor, challengerOf, hatchImageId, regionFill } from './encoding.ts';

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


/** One polygon per control period of each region and zone, with its rank `z` (the view shows the highest). */
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
          fill: regionFill(actorColor(index.actors.get(p.actor)), false),
          fillUncertain: regionFill(actorColor(index.actors.get(p.actor)), true),
          contested: p.contested ? 1 : 0,
          hatch: hatchImageId(challengerOf(p)),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Where each region's name is written (the same anchor in both maps, computed by `npm run geo`). */
export function regionLabelFeatures(index: AtlasIndex): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: index.data.regions.features.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: r.properties.label }, properties: { ...r.properties } })),
  };
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
