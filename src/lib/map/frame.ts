/**
 * The map's frame: all of Libya, as large as the map area allows, in Web Mercator. The SVG map
 * and MapLibre both fit these bounds with this padding, so they frame Libya identically and the
 * hand-over from one to the other does not move the map.
 */
import { geoMercator, type GeoProjection } from 'd3-geo';

/** Libya's extent with a small margin: [[west, south], [east, north]]. */
export const LIBYA_BOUNDS: [[number, number], [number, number]] = [[9.3, 19.4], [25.2, 33.3]];

/** Padding in CSS pixels around the bounds: room for the place labels at the edges. */
export function framePadding(width: number, height: number): number {
  return Math.round(Math.max(8, Math.min(28, Math.min(width, height) * 0.04)));
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
      [pad, pad],
      [Math.max(pad + 1, width - pad), Math.max(pad + 1, height - pad)],
    ],
    { type: 'MultiPoint', coordinates: [[w, s], [e, n]] },
  );
}
