/**
 * The static shapes of the SVG map (countries, regions, zones) as SVG path strings in Web Mercator
 * units (x = longitude in radians, y = −ln tan(π/4 + latitude/2)), computed once at build time.
 * The SVG map places them with one transform for its size (svgMap.ts), so a reader's browser never
 * projects a polygon: the first view only joins strings. Served to the app as the virtual module
 * `virtual:atlas-svg-paths` (this plugin); Node tools call `svgPaths()` directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { rewind } from '@turf/rewind';
import type { FeatureCollection } from 'geojson';
import type { Plugin } from 'vite';
import type { SvgPaths } from '../../src/lib/map/svgMap.ts';

const VIRTUAL = 'virtual:atlas-svg-paths';

/** d3's Mercator at scale 1 and no translation: its output is the unit space above. */
const unitPath = () => geoPath(geoMercator().scale(1).translate([0, 0]).precision(0.0001)).digits(5);

export function svgPaths(root: string): SvgPaths {
  const read = (name: string) => JSON.parse(readFileSync(join(root, 'geo', name), 'utf8')) as FeatureCollection;
  // d3-geo wants outer rings clockwise, the opposite of GeoJSON's rule (else a polygon is the whole globe).
  const wound = (fc: FeatureCollection) => rewind(fc, { reverse: true }) as FeatureCollection;
  const path = unitPath();
  const d = (f: GeoPermissibleObjects) => path(f) ?? '';
  return {
    basemap: wound(read('basemap.geojson')).features.map((f) => ({ id: String(f.properties?.['id']), libya: f.properties?.['libya'] === true, d: d(f) })),
    areas: Object.fromEntries([...wound(read('regions.geojson')).features, ...wound(read('zones.geojson')).features].map((f) => [String(f.properties?.['id']), d(f)])),
  };
}

export function svgPathsPlugin(root: string): Plugin {
  return {
    name: 'atlas-svg-paths',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      for (const name of ['basemap', 'regions', 'zones']) this.addWatchFile(join(root, 'geo', `${name}.geojson`));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(svgPaths(root)))});`;
    },
  };
}
