/**
 * The map's frame: all of Libya, as large as the map area allows, in Web Mercator. The SVG map
 * and MapLibre both fit these bounds with this padding, so they frame Libya identically and the
 * hand-over from one to the other does not move the map.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';

/** Libya's extent with a small margin: [[west, south], [east, north]]. */
export const LIBYA_BOUNDS: [[number, number], [number, number]] = [[9.3, 19.4], [25.2, 33.3]];

/**
 * What the basemap covers (scripts/build-geo.ts clips Natural Earth to it): MapLibre's maxBounds,
 * so a reader who zooms out or pans never reaches its edge.
 */
export const BASEMAP_BOUNDS: [[number, number], [number, number]] = [[-13, 5], [62, 62]];

/** Extra room above Libya, over the sea: where arcs to Moscow, London or New York leave the frame, their labels go. */
export const EDGE_BAND = 18;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Padding in CSS pixels around the bounds: room for names at the edges, and the edge labels' band at the top. */
export function framePadding(width: number, height: number): Padding {
  const pad = Math.round(Math.max(8, Math.min(28, Math.min(width, height) * 0.04)));
  return { top: pad + EDGE_BAND, right: pad, bottom: pad, left: pad };
}

/**
 * The Mercator projection that fits LIBYA_BOUNDS into a width × height area: the same camera as
 * MapLibre's fitBounds(LIBYA_BOUNDS, { padding }).
 */
export function frameProjection(width: number, height: number): GeoProjection {
  const pad = framePadding(width, height);
  const [[w, s], [e, n]] = LIBYA_BOUNDS;
  return geoMercator().fitExtent(
    [
      [pad.left, pad.top],
      [Math.max(pad.left + 1, width - pad.right), Math.max(pad.top + 1, height - pad.bottom)],
    ],
    { type: 'MultiPoint', coordinates: [[w, s], [e, n]] },
  );
}
