/**
 * The static shapes of the SVG map (countries, regions, zones) as SVG path strings in Web Mercator
 * units (x = longitude in radians, y = −ln tan(π/4 + latitude/2)) counted in steps of `UNIT`, whole
 * numbers with relative moves (a third of the bytes of absolute decimals), computed once at build time.
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

/** A step of the paths, in Mercator units: 0.1 px on a 1,280 px screen's map, under 0.5 px in the 300 dpi print image. */
export const UNIT = 5e-5;

/** A number after another in path data: a minus sign separates it, else a space. */
const next = (n: number) => (n < 0 ? String(n) : ` ${n}`);

/** d3's absolute "Mx,yLx,y…Z" as whole `UNIT` steps: each ring's first point absolute, then relative moves. */
export function compactPath(d: string, unit = UNIT): string {
  const parts: string[] = [];
  for (const [, body = '', close] of d.matchAll(/M([^MZ]+)(Z?)/g)) {
    let px = 0;
    let py = 0;
    let moves = '';
    body.split('L').forEach((pair, i) => {
      const [x = 0, y = 0] = pair.split(',').map((v) => Math.round(Number(v) / unit));
      if (i === 0) parts.push(`M${x}${next(y)}`);
      else if (x !== px || y !== py) moves += `${moves ? next(x - px) : String(x - px)}${next(y - py)}`;
      px = x;
      py = y;
    });
    if (moves) parts.push(`l${moves}`);
    if (close) parts.push('Z');
  }
  return parts.join('');
}

/** d3's Mercator at scale 1 and no translation: its output is the unit space above. */
const unitPath = () => geoPath(geoMercator().scale(1).translate([0, 0]).precision(0.0001)).digits(6);

export function svgPaths(root: string): SvgPaths {
  const read = (name: string) => JSON.parse(readFileSync(join(root, 'geo', name), 'utf8')) as FeatureCollection;
  // d3-geo wants outer rings clockwise, the opposite of GeoJSON's rule (else a polygon is the whole globe).
  const wound = (fc: FeatureCollection) => rewind(fc, { reverse: true }) as FeatureCollection;
  const path = unitPath();
  const d = (f: GeoPermissibleObjects) => compactPath(path(f) ?? '');
  return {
    unit: UNIT,
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
