/**
 * The map's style: a self-contained basemap (no tiles, fonts or sprites from any host) and the
 * time-driven layers. Time lives in MapLibre's global state ("t"), so a step of the slider changes
 * one value and no source. The map draws no text: every name is placed by overlay.ts and drawn in
 * HTML over it, the same over the SVG map and over this one.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { OPEN_END, UNCERTAIN_MONTHS } from '../time/interval.ts';
import { ARC_MONTHS } from '../records/view.ts';
import { ARC, CLAIM_EDGE, PALETTE, REGION_LINE, UNCERTAIN_EDGE, dashInLineWidths } from './encoding.ts';
import { MAP, type MapColors, type Theme } from '../tokens/tokens.ts';

/** Shown when its interval [s, e) overlaps the selected month [t, t + 1) (the rule of records/view.ts). */
export const inMonth: ExpressionSpecification = [
  'all',
  ['<', ['get', 's'], ['+', ['global-state', 't'], 1]],
  ['>', ['get', 'e'], ['global-state', 't']],
];

/** Diplomatic arcs stay for ARC_MONTHS from the event's month, fading. */
export const inArcWindow: ExpressionSpecification = [
  'all',
  ['<', ['get', 's'], ['+', ['global-state', 't'], 1]],
  ['>', ['get', 'e'], ['-', ['global-state', 't'], ARC_MONTHS - 1]],
];
/** A hatch polygon's months [ts, te) (features.ts regionHatchFeatures). */
export const inHatchMonths: ExpressionSpecification = [
  'all',
  ['>=', ['global-state', 't'], ['get', 'ts']],
  ['<', ['global-state', 't'], ['get', 'te']],
];

/** The arc's event falls in the selected month. */
const arcCurrent: ExpressionSpecification = ['>', ['get', 'e'], ['global-state', 't']];

/** Uncertain: within a year of an approximate or year-only start or end (see time/interval.ts). */
export const uncertain: ExpressionSpecification = [
  'any',
  // Last reported long ago (records/view.ts staleFrom): drawn as less than certain too.
  ['>=', ['global-state', 't'], ['coalesce', ['get', 'ls'], OPEN_END]],
  ['all', ['==', ['get', 'su'], 1], ['<', ['global-state', 't'], ['+', ['get', 's'], UNCERTAIN_MONTHS]]],
  ['all', ['==', ['get', 'eu'], 1], ['>=', ['global-state', 't'], ['-', ['get', 'e'], UNCERTAIN_MONTHS]]],
];

/** A colour of the map's own (not the data's) in the reader's theme: MapLibre's global state "theme" says which. */
const themed = (pick: (p: MapColors) => string): ExpressionSpecification => ['case', ['==', ['global-state', 'theme'], 'dark'], pick(MAP.dark), pick(MAP.light)];

export interface StyleInput {
  basemap: FeatureCollection;
  regionControl: FeatureCollection;
  /** Contested areas by months (features.ts regionHatchFeatures). */
  regionHatch: FeatureCollection;
  /** Claimed areas by claimant and months (features.ts regionClaimFeatures). */
  regionClaims?: FeatureCollection;
  diplomacy: FeatureCollection;
  t: number;
  lang: string;
  /** The map's theme at first (it changes by setGlobalStateProperty('theme', …)). */
  theme?: Theme;
}

export function buildStyle(d: StyleInput): StyleSpecification {
  const geo = (data: FeatureCollection) => ({ type: 'geojson' as const, data });
  return {
    version: 8,
    state: { t: { default: d.t }, lang: { default: d.lang }, theme: { default: d.theme ?? 'light' } },
    sources: {
      basemap: geo(d.basemap),
      regionControl: geo(d.regionControl),
      regionHatch: geo(d.regionHatch),
      regionClaims: geo(d.regionClaims ?? { type: 'FeatureCollection', features: [] }),
      diplomacy: geo(d.diplomacy),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': themed((p) => p.sea) } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        paint: { 'fill-color': ['case', ['==', ['get', 'libya'], true], themed((p) => p.libyaLand), themed((p) => p.land)] },
      },
      { id: 'borders', type: 'line', source: 'basemap', paint: { 'line-color': themed((p) => p.border), 'line-width': 0.6 } },
      {
        id: 'region-fill',
        type: 'fill',
        source: 'regionControl',
        filter: inMonth,
        // Where periods overlap in a month, the one the view shows (the highest rank) is on top, and
        // opaque (its colour as drawn over white land), so it hides the periods under it.
        layout: { 'fill-sort-key': ['get', 'z'] },
        paint: { 'fill-color': ['case', uncertain, ['get', 'fillUncertain'], ['get', 'fill']] },
      },
      {
        // A contested area: a stripe per party other than the holder, as the view says.
        id: 'region-hatch',
        type: 'fill',
        source: 'regionHatch',
        filter: inHatchMonths,
        paint: { 'fill-pattern': ['get', 'hatch'] },
      },
      {
        // An uncertain date: a dashed dark band inside the region's edge. A certain period draws the
        // band in its own fill colour, so that on top it hides the band of a period under it.
        id: 'region-uncertain',
        type: 'line',
        source: 'regionControl',
        filter: inMonth,
        layout: { 'line-sort-key': ['get', 'z'], 'line-join': 'round' },
        paint: {
          'line-color': ['case', uncertain, UNCERTAIN_EDGE.color, ['get', 'fill']],
          'line-width': UNCERTAIN_EDGE.width,
          // Rings run clockwise on screen (GeoJSON's right-hand rule, y down): right is inside.
          'line-offset': UNCERTAIN_EDGE.width / 2,
          'line-dasharray': ['case', uncertain, ['literal', dashInLineWidths(UNCERTAIN_EDGE.dash, UNCERTAIN_EDGE.width)], ['literal', [1, 0]]],
        },
      },
      {
        // A rival claim without armed contest: a dotted band in the claimant's colour inside the edge.
        id: 'region-claims',
        type: 'line',
        source: 'regionClaims',
        filter: inHatchMonths,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': ['get', 'color'],
          'line-width': CLAIM_EDGE.width,
          'line-offset': ['+', CLAIM_EDGE.width / 2, ['*', ['get', 'i'], CLAIM_EDGE.width]],
          'line-dasharray': ['literal', dashInLineWidths(CLAIM_EDGE.dash, CLAIM_EDGE.width)],
        },
      },
      {
        id: 'region-line',
        type: 'line',
        source: 'regionControl',
        filter: inMonth,
        layout: { 'line-sort-key': ['get', 'z'] },
        paint: { 'line-color': PALETTE.regionLine, 'line-width': REGION_LINE.width },
      },
      {
        id: 'diplomacy-arcs',
        type: 'line',
        source: 'diplomacy',
        filter: ['all', ['==', ['geometry-type'], 'LineString'], inArcWindow],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': themed((p) => p.arc),
          'line-width': ['case', arcCurrent, ARC.current.width, ARC.fading.width],
          'line-opacity': ['case', arcCurrent, ARC.current.opacity, ARC.fading.opacity],
          'line-dasharray': ['case', ['==', ['get', 'status'], 'confirmed'], ['literal', [1, 0]], ['literal', ARC.unconfirmedDash]],
        },
      },
      {
        id: 'counterpart-dots',
        type: 'circle',
        source: 'diplomacy',
        filter: ['all', ['==', ['geometry-type'], 'Point'], inArcWindow],
        paint: { 'circle-radius': 3, 'circle-color': themed((p) => p.arc), 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
      },
    ],
  };
}
