/**
 * geo/*.geojson: each file valid GeoJSON with sound geometry and unique ids (scripts/lib/geo-checks.ts,
 * shared with `npm run geo`), the regions tiling the Libya outline, every place inside the region it
 * names, and each zone naming its region.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { checkGeoFile, checkPlacesInRegions, checkRegionsTile } from '../lib/geo-checks.ts';
import type { Doc } from './files.ts';
import { FILES } from './records.ts';
import type { Report } from './report.ts';
import { isObject } from './schema-messages.ts';

export interface GeoIds {
  regions: Set<string> | null;
  places: Set<string> | null;
  /** zone id → its region id */
  zones: Map<string, string>;
  counterparts: Set<string> | null;
}

export function featureId(feature: unknown): string | undefined {
  if (!isObject(feature)) return undefined;
  const props = feature.properties;
  return isObject(props) && typeof props.id === 'string' ? props.id : undefined;
}

export function features(doc: Doc | undefined): unknown[] {
  return doc && isObject(doc.data) && Array.isArray(doc.data.features) ? doc.data.features : [];
}

function geoIds(doc: Doc | undefined): Set<string> | null {
  return doc ? new Set(features(doc).flatMap((f) => featureId(f) ?? [])) : null;
}

/** The Libya outline the regions must tile: the basemap country flagged `libya: true`. */
function libyaOutline(docs: Map<string, Doc>): Feature<Polygon | MultiPolygon> | undefined {
  const libya = features(docs.get(FILES.basemap)).find((f) => isObject(f) && isObject(f.properties) && f.properties.libya === true);
  return libya as Feature<Polygon | MultiPolygon> | undefined;
}

/**
 * Reports geo-checks' messages (plain strings) at the line of the feature they name. A check that
 * throws on geometry it cannot handle is reported, never passed on.
 */
function reportGeo(report: Report, doc: Doc, run: () => string[]): void {
  let messages: string[];
  try {
    messages = run();
  } catch (error) {
    messages = [`could not check geometry (${error instanceof Error ? error.message : String(error)}) — regenerate with \`npm run geo\``];
  }
  const index = new Map(features(doc).map((f, n) => [featureId(f), n] as const));
  for (const raw of messages) {
    const message = raw.startsWith(`${doc.file}: `) ? raw.slice(doc.file.length + 2) : raw;
    const id = /"([^"]+)"/.exec(message)?.[1];
    const n = id === undefined ? undefined : index.get(id);
    report.at(doc, n === undefined ? [] : ['features', n, 'properties', 'id'], n === undefined ? undefined : id, message, 'geo');
  }
}

export function checkGeo(report: Report, docs: Map<string, Doc>, present: Set<string>): GeoIds {
  for (const name of [FILES.regions, FILES.places, FILES.counterparts]) {
    if (!present.has(name)) report.file(name, 'file is missing — build it with `npm run geo`', 'missing-file');
  }
  const sound = new Set<string>();
  for (const doc of docs.values()) {
    if (!doc.file.startsWith('geo/')) continue;
    const before = report.size;
    reportGeo(report, doc, () => checkGeoFile(doc.file, doc.data));
    if (report.size === before) sound.add(doc.file);
  }
  // Tiling and containment need sound geometry; on broken files they would only add noise.
  const regions = docs.get(FILES.regions);
  const places = docs.get(FILES.places);
  if (regions && sound.has(FILES.regions)) {
    const outline = sound.has(FILES.basemap) ? libyaOutline(docs) : undefined;
    reportGeo(report, regions, () => checkRegionsTile(regions.data as FeatureCollection<Polygon | MultiPolygon>, outline));
    if (places && sound.has(FILES.places)) {
      reportGeo(report, places, () => checkPlacesInRegions(places.data as FeatureCollection<Point>, regions.data as FeatureCollection<Polygon | MultiPolygon>));
    }
  }
  const regionIds = geoIds(regions);
  const zonesDoc = docs.get(FILES.zones);
  const zones = new Map<string, string>();
  features(zonesDoc).forEach((f, n) => {
    const id = featureId(f);
    const region = isObject(f) && isObject(f.properties) ? f.properties.region : undefined;
    if (id === undefined) return;
    if (typeof region === 'string' && (regionIds === null || regionIds.has(region))) zones.set(id, region);
    else if (zonesDoc) {
      report.at(zonesDoc, ['features', n, 'properties', 'id'], id, `zone "${id}": region ${JSON.stringify(region ?? null)} is not a region id${regionIds ? ` (${[...regionIds].join(', ')})` : ''} — set properties.region to the region the zone is part of`, 'geo');
    }
  });
  return { regions: regionIds, places: geoIds(places), zones, counterparts: geoIds(docs.get(FILES.counterparts)) };
}
