/**
 * Pure checks on the atlas's GeoJSON layers (geo/*.geojson). Each check returns a list of
 * human-readable problems (empty = fine); each problem names the file or feature id and the fix.
 * Used by scripts/build-geo.ts (refuses to write bad files), the validator (scripts/validate/geo.ts) and the unit tests.
 */
import GJV from 'geojson-validation';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { ID_PATTERN, ID_RULE } from '../../src/lib/records/schema.ts';

export type RegionFeature = Feature<Polygon | MultiPolygon, { id: string; [key: string]: unknown }>;
export type PlaceFeature = Feature<Point, { id: string; region?: string; [key: string]: unknown }>;
type Regions = FeatureCollection<Polygon | MultiPolygon> | RegionFeature[];
type Places = FeatureCollection<Point> | PlaceFeature[];

/** Historic areas of the three provinces (km²; total 1,759,540). Shares are compared, not km². */
export const HISTORIC_REGION_AREA_KM2: Readonly<Record<string, number>> = {
  tripolitania: 353_000,
  cyrenaica: 855_370,
  fezzan: 551_170,
};

/** Overlaps or gaps smaller than this (km²) are rounding noise, not errors. */
export const TILE_TOLERANCE_KM2 = 1;

// Collections from JSON carry untyped properties; the checks read `properties.id` defensively where it matters.
const regionList = (r: Regions): RegionFeature[] => (Array.isArray(r) ? r : (r.features as RegionFeature[]));
const placeList = (p: Places): PlaceFeature[] => (Array.isArray(p) ? p : (p.features as PlaceFeature[]));

function featureId(feature: unknown, index: number): string {
  const props = (feature as { properties?: { id?: unknown } } | null)?.properties;
  return typeof props?.id === 'string' && props.id !== '' ? props.id : `#${index} (no id)`;
}

/**
 * What is wrong with a feature's geometry, or null. turf.booleanValid misses crossing edges
 * (a bow-tie passes), so polygons are also checked with turf.kinks.
 */
export function geometryProblem(feature: Feature): string | null {
  try {
    if (!turf.booleanValid(feature)) return 'unclosed ring, too few points or a spike (turf.booleanValid)';
    const g = feature.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return null;
    const kink = turf.kinks(feature as Feature<Polygon | MultiPolygon>).features[0];
    return kink ? `edges cross at ${kink.geometry.coordinates.join(',')} (turf.kinks)` : null;
  } catch (error) {
    return `unreadable geometry (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * One geo/*.geojson file: valid GeoJSON (geojson-validation), a FeatureCollection, every geometry
 * valid (turf.booleanValid, and no crossing edges for polygons), every feature with a non-empty string `properties.id`, ids unique.
 */
export function checkGeoFile(name: string, json: unknown): string[] {
  const gjvProblems = GJV.valid(json, true);
  if (gjvProblems.length > 0) {
    return gjvProblems.map((p) => `${name}: not valid GeoJSON: ${p} — regenerate with \`npm run geo\`.`);
  }
  const fc = json as FeatureCollection;
  if (fc.type !== 'FeatureCollection') {
    return [`${name}: top level is a ${fc.type}, expected a FeatureCollection — regenerate with \`npm run geo\`.`];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  fc.features.forEach((feature, i) => {
    const id = featureId(feature, i);
    if (id.startsWith('#')) {
      problems.push(`${name}: feature ${id} has no string properties.id — give every feature a stable id.`);
    } else if (!ID_PATTERN.test(id)) {
      problems.push(`${name}: id ${JSON.stringify(id)} is not an id: ${ID_RULE} — regenerate with \`npm run geo\`, or correct it in scripts/build-geo.ts.`);
    } else if (seen.has(id)) {
      problems.push(`${name}: id "${id}" is used twice — ids must be unique; rename one.`);
    }
    seen.add(id);
    const bad = geometryProblem(feature);
    if (bad) {
      problems.push(
        `${name}: feature "${id}" has an invalid ${feature.geometry?.type ?? 'missing'} geometry: ${bad} — ` +
          `fix its coordinates in scripts/build-geo.ts and run \`npm run geo\`.`,
      );
    }
  });
  return problems;
}

function areaKm2(geometry: Feature<Polygon | MultiPolygon> | null): number {
  return geometry ? turf.area(geometry) / 1e6 : 0;
}

function unionOf(regions: RegionFeature[]): Feature<Polygon | MultiPolygon> | null {
  if (regions.length === 0) return null;
  if (regions.length === 1) return regions[0] ?? null;
  return turf.union(turf.featureCollection(regions));
}

function holeCount(geometry: Feature<Polygon | MultiPolygon>): number {
  const polygons = geometry.geometry.type === 'Polygon' ? [geometry.geometry.coordinates] : geometry.geometry.coordinates;
  return polygons.reduce((n, rings) => n + rings.length - 1, 0);
}

function overlapProblems(regions: RegionFeature[]): string[] {
  const problems: string[] = [];
  regions.forEach((a, i) => {
    regions.slice(i + 1).forEach((b) => {
      const overlap = areaKm2(turf.intersect(turf.featureCollection([a, b])));
      if (overlap > TILE_TOLERANCE_KM2) {
        problems.push(
          `regions "${a.properties.id}" and "${b.properties.id}" overlap by ${overlap.toFixed(1)} km² — ` +
            `cut one from the other (turf.difference) so they share an edge instead.`,
        );
      }
    });
  });
  return problems;
}

function outlineProblems(union: Feature<Polygon | MultiPolygon>, outline: Feature<Polygon | MultiPolygon>): string[] {
  const gap = areaKm2(turf.difference(turf.featureCollection([outline, union])));
  const spill = areaKm2(turf.difference(turf.featureCollection([union, outline])));
  const problems: string[] = [];
  if (gap > TILE_TOLERANCE_KM2) {
    problems.push(`regions leave ${gap.toFixed(1)} km² of the Libya outline uncovered — make the last region the difference of the outline and the others.`);
  }
  if (spill > TILE_TOLERANCE_KM2) {
    problems.push(`regions spill ${spill.toFixed(1)} km² outside the Libya outline — intersect each cutting polygon with the outline.`);
  }
  return problems;
}

/**
 * Do the regions tile Libya? Always checked: no two regions overlap by more than TILE_TOLERANCE_KM2,
 * and their union has no interior holes (a hole is a gap between regions). With `libyaOutline`,
 * also: outline minus union (uncovered gap) and union minus outline (spill) each under the tolerance.
 * Without it, gaps along the outer border cannot be seen.
 */
export function checkRegionsTile(regions: Regions, libyaOutline?: Feature<Polygon | MultiPolygon>): string[] {
  const list = regionList(regions);
  const problems = overlapProblems(list);
  const union = unionOf(list);
  if (!union) return [...problems, 'regions: no region features — regenerate with `npm run geo`.'];
  const holes = holeCount(union);
  if (holes > 0) {
    problems.push(`regions: their union has ${holes} hole(s), i.e. gaps between regions — build the last region as the difference of the outline and the others.`);
  }
  if (libyaOutline) problems.push(...outlineProblems(union, libyaOutline));
  return problems;
}

/** Each region's share of the regions' total area, in percent (0–100), keyed by region id. */
export function regionAreaShares(regions: Regions): Record<string, number> {
  const list = regionList(regions);
  const areas = list.map((r) => [r.properties.id, turf.area(r)] as const);
  const total = areas.reduce((sum, [, a]) => sum + a, 0);
  return Object.fromEntries(areas.map(([id, a]) => [id, (100 * a) / total]));
}

/** The historic shares (percent) from HISTORIC_REGION_AREA_KM2. */
export function historicRegionShares(): Record<string, number> {
  const total = Object.values(HISTORIC_REGION_AREA_KM2).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(HISTORIC_REGION_AREA_KM2).map(([id, km2]) => [id, (100 * km2) / total]));
}

/** Each region's share must be within `tolerancePp` percentage points of its historic share. */
export function checkRegionShares(regions: Regions, tolerancePp = 3): string[] {
  const shares = regionAreaShares(regions);
  const historic = historicRegionShares();
  const problems: string[] = [];
  for (const [id, want] of Object.entries(historic)) {
    const got = shares[id];
    if (got === undefined) {
      problems.push(`regions: "${id}" is missing — add it in scripts/build-geo.ts.`);
    } else if (Math.abs(got - want) > tolerancePp) {
      problems.push(
        `region "${id}" covers ${got.toFixed(1)} % of Libya, historic ${want.toFixed(1)} % (±${tolerancePp} pp) — move its cut line in scripts/build-geo.ts.`,
      );
    }
  }
  return problems;
}

function regionContaining(point: PlaceFeature, regions: RegionFeature[]): RegionFeature | undefined {
  return regions.find((r) => turf.booleanPointInPolygon(point, r));
}

/**
 * Every place names a region (`properties.region`) that exists and whose polygon contains the
 * point; a point inside no region (e.g. offshore of the outline) is reported too.
 */
export function checkPlacesInRegions(places: Places, regions: Regions): string[] {
  const placeFeatures = placeList(places);
  const regionFeatures = regionList(regions);
  const regionIds = new Set(regionFeatures.map((r) => r.properties.id));
  const problems: string[] = [];
  for (const place of placeFeatures) {
    const id = place.properties.id;
    const named = place.properties.region;
    const actual = regionContaining(place, regionFeatures)?.properties.id;
    const [lon, lat] = place.geometry.coordinates;
    if (typeof named !== 'string' || !regionIds.has(named)) {
      problems.push(`place "${id}": region "${String(named)}" is not a region id (${[...regionIds].join(', ')}) — set properties.region.`);
    } else if (actual === undefined) {
      problems.push(`place "${id}" at ${lon},${lat} lies in no region (outside the Libya outline?) — move the point inland.`);
    } else if (actual !== named) {
      problems.push(`place "${id}" says region "${named}" but its point ${lon},${lat} lies in "${actual}" — fix the region or the coordinates.`);
    }
  }
  return problems;
}
