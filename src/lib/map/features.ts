/**
 * GeoJSON the map draws, built once from the records. Every feature carries its interval on the
 * month axis (s, e) so one time filter in the style decides what shows; moving the time never
 * rebuilds a source.
 */
import { greatCircle } from '@turf/great-circle';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, Geometry, LineString, Point, Position } from 'geojson';
import type { AtlasIndex } from '../records/selectors.ts';
import { endIsUncertain, startIsUncertain, type Interval } from '../time/interval.ts';

export interface TimedProps {
  s: number;
  e: number;
  /** 1 when the start is approximate or known only to the year: its first year is drawn as uncertain. */
  su: 0 | 1;
  /** 1 when the end is approximate or known only to the year: its last year is drawn as uncertain. */
  eu: 0 | 1;
}

const timed = (span: Interval, circa?: boolean): TimedProps => ({
  s: span.start,
  e: span.end,
  su: startIsUncertain(span, circa) ? 1 : 0,
  eu: endIsUncertain(span, circa) ? 1 : 0,
});

const colorOf = (index: AtlasIndex, actor: string) => index.actors.get(actor)?.color ?? '#bdbdbd';

/** One region polygon per control period of that region. */
export function regionControlFeatures(index: AtlasIndex): FeatureCollection {
  const features: Feature[] = [];
  for (const region of index.data.regions.features) {
    const periods = index.controlByPlace.get(region.properties.id) ?? [];
    for (const p of periods) {
      features.push({
        type: 'Feature',
        geometry: region.geometry,
        properties: {
          ...timed(p.span, p.circa),
          id: p.id,
          region: region.properties.id,
          actor: p.actor,
          color: colorOf(index, p.actor),
          contested: p.contested ? 1 : 0,
          // The hatch of a contested region is drawn in the first challenger's colour.
          hatch: `atlas-hatch-${p.contestedBy?.[0] ?? 'unknown'}`,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Region outlines and name anchors, which do not change with time. */
export function regionLabelFeatures(index: AtlasIndex): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: index.data.regions.features.map((r) => ({
      ...pointOnFeature(r),
      properties: { ...r.properties },
    })),
  };
}

function placePosition(index: AtlasIndex, id: string): Position | undefined {
  const f = index.features.get(id);
  if (!f) return undefined;
  return f.geometry.type === 'Point' ? f.geometry.coordinates : pointOnFeature(f).geometry.coordinates;
}

/**
 * Foreign-presence points. Several forces at one place sit on a small ring around it, in a fixed
 * order (by actor id), so a marker never jumps when another force arrives or leaves.
 */
export function presenceFeatures(index: AtlasIndex): FeatureCollection<Point> {
  const byPlace = new Map<string, string[]>();
  for (const p of index.presence) {
    const actors = byPlace.get(p.place) ?? [];
    if (!actors.includes(p.actor)) actors.push(p.actor);
    byPlace.set(p.place, actors.sort());
  }
  const features: Feature<Point>[] = [];
  for (const p of index.presence) {
    const at = placePosition(index, p.place);
    if (!at) continue;
    const ring = byPlace.get(p.place) ?? [p.actor];
    const k = ring.indexOf(p.actor);
    const angle = (2 * Math.PI * k) / ring.length + Math.PI / 4;
    const r = 0.32;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [at[0]! + r * Math.cos(angle), at[1]! + r * Math.sin(angle)] },
      properties: {
        ...timed(p.span, p.circa),
        id: p.id,
        actor: p.actor,
        place: p.place,
        color: colorOf(index, p.actor),
        status: p.status,
        russian: ['soviet-advisers', 'wagner', 'africa-corps', 'russian-armed-forces'].includes(p.actor) ? 1 : 0,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Great-circle arcs from the Libyan place of each diplomatic event to its counterpart city. */
export function diplomacyFeatures(index: AtlasIndex): FeatureCollection<LineString | Geometry> {
  const features: Feature[] = [];
  for (const e of index.events) {
    if (!e.counterpart) continue;
    const from = placePosition(index, e.places[0]!);
    const to = placePosition(index, e.counterpart);
    if (!from || !to) continue;
    const arc = greatCircle(from, to, { npoints: 48 });
    features.push({
      ...arc,
      properties: {
        ...timed(e.span, e.circa),
        id: e.id,
        status: e.status,
        russia: e.russia ? 1 : 0,
        counterpart: e.counterpart,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
