import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import {
  checkGeoFile,
  checkPlacesInRegions,
  checkRegionShares,
  checkRegionsTile,
  historicRegionShares,
  regionAreaShares,
  type PlaceFeature,
  type RegionFeature,
} from '../../scripts/lib/geo-checks.ts';

const GEO = join(import.meta.dirname, '..', '..', 'geo');
const FILES = ['regions', 'places', 'counterparts', 'basemap', 'labels'] as const;
const read = (name: string): unknown => JSON.parse(readFileSync(join(GEO, `${name}.geojson`), 'utf8'));
const featuresOf = <T extends Feature>(name: string) => (read(name) as FeatureCollection).features as T[];
const ids = (fs: Feature[]) => fs.map((f) => f.properties?.id as string);

// The id lists of /work/notes/context.md, with the region each place belongs to.
const REGION_IDS = ['tripolitania', 'cyrenaica', 'fezzan'];
const PLACE_REGION: Record<string, string> = {
  tripoli: 'tripolitania', benghazi: 'cyrenaica', tobruk: 'cyrenaica', sabha: 'fezzan',
  sirte: 'tripolitania', misrata: 'tripolitania', derna: 'cyrenaica', jufra: 'fezzan',
  'al-khadim': 'cyrenaica', brak: 'fezzan', 'el-adem': 'cyrenaica', wheelus: 'tripolitania',
  'al-watiya': 'tripolitania', bayda: 'cyrenaica', 'ras-lanuf': 'tripolitania', sharara: 'fezzan',
  ghardabiya: 'tripolitania', 'maaten-al-sarra': 'cyrenaica',
  // The 2019–2020 Tripoli war (issue 23).
  gharyan: 'tripolitania', tarhuna: 'tripolitania', sabratha: 'tripolitania',
};
const COUNTERPART_IDS = [
  'moscow', 'sochi', 'saint-petersburg', 'kazan', 'minsk', 'kyiv', 'london', 'paris', 'rome', 'palermo',
  'berlin', 'geneva', 'new-york', 'washington', 'cairo', 'abu-dhabi', 'ankara', 'istanbul', 'tunis',
  'algiers', 'brussels', 'potsdam', 'san-francisco',
];

const regions = featuresOf<RegionFeature>('regions');
const places = featuresOf<PlaceFeature>('places');
const basemap = featuresOf<Feature<Polygon | MultiPolygon>>('basemap');
const libya = basemap.find((f) => f.properties?.libya === true);

const hasThreeNames = (f: Feature) =>
  ['name_en', 'name_ar', 'name_ru'].every((k) => typeof f.properties?.[k] === 'string' && f.properties[k] !== '');

describe('geo files', () => {
  it.each(FILES)('%s.geojson is valid GeoJSON with valid geometries and unique ids', (name) => {
    expect(checkGeoFile(`${name}.geojson`, read(name))).toEqual([]);
  });

  it('ids match the lists in context.md', () => {
    expect(ids(regions).sort()).toEqual([...REGION_IDS].sort());
    expect(ids(places).sort()).toEqual(Object.keys(PLACE_REGION).sort());
    expect(ids(featuresOf('counterparts')).sort()).toEqual([...COUNTERPART_IDS].sort());
  });

  it('ids are unique across regions, places and counterparts (they share one id space in records)', () => {
    const all = [...ids(regions), ...ids(places), ...ids(featuresOf('counterparts'))];
    expect(new Set(all).size).toBe(all.length);
  });

  it('regions, places, counterparts and labels have names in English, Arabic and Russian', () => {
    for (const name of ['regions', 'places', 'counterparts', 'labels']) {
      const missing = featuresOf(name).filter((f) => !hasThreeNames(f)).map((f) => f.properties?.id);
      expect(missing, `${name}.geojson features without three names`).toEqual([]);
    }
    const libyaAndNeighbours = ['434', '788', '012', '562', '148', '729', '818', '643'];
    const basemapMissing = basemap.filter((f) => libyaAndNeighbours.includes(f.properties?.id) && !hasThreeNames(f));
    expect(ids(basemapMissing)).toEqual([]);
  });

  it('places have a kind, and coordinates with at most 4 decimals', () => {
    for (const p of places) {
      expect(['city', 'airbase', 'oil']).toContain(p.properties.kind);
      for (const c of p.geometry.coordinates) expect(Math.round(c * 1e4) / 1e4).toBe(c);
    }
  });

  it('the basemap has exactly one Libya and stays small', () => {
    expect(basemap.filter((f) => f.properties?.libya === true).map((f) => f.properties?.id)).toEqual(['434']);
    expect(readFileSync(join(GEO, 'basemap.geojson')).byteLength).toBeLessThan(150 * 1024);
  });
});

describe('regions', () => {
  it('tile the Libya outline: no overlap, no gap, no spill', () => {
    expect(libya).toBeDefined();
    expect(checkRegionsTile(regions, libya)).toEqual([]);
  });

  it('have area shares within 3 pp of the historic provinces', () => {
    const shares = regionAreaShares(regions);
    const historic = historicRegionShares();
    console.log(
      'region area shares (measured vs historic):',
      Object.entries(shares).map(([id, s]) => `${id} ${s.toFixed(2)} % vs ${historic[id]?.toFixed(2)} %`).join('; '),
    );
    expect(checkRegionShares(regions, 3)).toEqual([]);
  });

  it('each place lies in the region it names, as listed in context.md', () => {
    expect(checkPlacesInRegions(places, regions)).toEqual([]);
    for (const p of places) expect(p.properties.region, p.properties.id).toBe(PLACE_REGION[p.properties.id]);
  });
});

describe('geo-checks catches broken fixtures', () => {
  const square = (id: string, x: number, y: number, size: number): RegionFeature =>
    turf.polygon([[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]], { id });
  const point = (id: string, lonlat: [number, number], region: string): PlaceFeature => turf.point(lonlat, { id, region });

  it('reports a place assigned the wrong region, naming it', () => {
    const wrong = places.map((p) => (p.properties.id === 'tripoli' ? { ...p, properties: { ...p.properties, region: 'fezzan' } } : p));
    const problems = checkPlacesInRegions(wrong, regions);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"tripoli".*"fezzan".*"tripolitania"/);
  });

  it('reports a place offshore and a place naming an unknown region', () => {
    const fixture = [point('at-sea', [18.5, 33.5], 'cyrenaica'), point('lost', [13.19, 32.88], 'atlantis')];
    const problems = checkPlacesInRegions(fixture, regions);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/"at-sea".*no region/);
    expect(problems[1]).toMatch(/"lost".*not a region id/);
  });

  it('reports two overlapping regions and a gap against the outline', () => {
    const a = square('west', 10, 25, 2);
    const b = square('east', 11, 25, 2); // overlaps "west" by a 1°×2° strip
    const outline = square('libya', 10, 25, 4);
    const problems = checkRegionsTile([a, b], outline);
    expect(problems.some((p) => /"west" and "east" overlap/.test(p))).toBe(true);
    expect(problems.some((p) => /uncovered/.test(p))).toBe(true);
  });

  it('reports a hole between regions without an outline', () => {
    const ring = turf.polygon(
      [[[10, 25], [14, 25], [14, 29], [10, 29], [10, 25]], [[11, 26], [11, 28], [13, 28], [13, 26], [11, 26]]],
      { id: 'ring' },
    ) as RegionFeature;
    expect(checkRegionsTile([ring]).some((p) => /hole/.test(p))).toBe(true);
  });

  it('reports shares off the historic figures, and invalid files, duplicate ids and bad geometry', () => {
    const skewed = [square('tripolitania', 10, 25, 1), square('cyrenaica', 12, 25, 1), square('fezzan', 14, 25, 1)];
    expect(checkRegionShares(skewed).length).toBeGreaterThan(0);

    expect(checkGeoFile('x.geojson', { type: 'FeatureCollection' })[0]).toMatch(/not valid GeoJSON/);
    const bowtie: Feature = turf.polygon([[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]], { id: 'bowtie' });
    const dup = turf.point([0, 0], { id: 'bowtie' });
    const problems = checkGeoFile('x.geojson', turf.featureCollection<Polygon | Point>([bowtie as Feature<Polygon>, dup]));
    expect(problems.some((p) => /"bowtie".*invalid Polygon/.test(p))).toBe(true);
    expect(problems.some((p) => /"bowtie" is used twice/.test(p))).toBe(true);
  });
});
