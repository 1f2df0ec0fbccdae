/**
 * The map's style: a self-contained basemap (no tiles, fonts or sprites from any host) and the
 * time-driven layers. Time and language live in MapLibre's global state ("t", "lang"), so a step
 * of the slider changes one value and no source.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { UNCERTAIN_MONTHS } from '../time/interval.ts';
import { ARC_MONTHS } from '../records/view.ts';
import { ARC, PALETTE, REGION_LINE, dashInLineWidths } from './encoding.ts';

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
/** The arc's event falls in the selected month. */
const arcCurrent: ExpressionSpecification = ['>', ['get', 'e'], ['global-state', 't']];

/** Uncertain: within a year of an approximate or year-only start or end (see time/interval.ts). */
export const uncertain: ExpressionSpecification = [
  'any',
  ['all', ['==', ['get', 'su'], 1], ['<', ['global-state', 't'], ['+', ['get', 's'], UNCERTAIN_MONTHS]]],
  ['all', ['==', ['get', 'eu'], 1], ['>=', ['global-state', 't'], ['-', ['get', 'e'], UNCERTAIN_MONTHS]]],
];

const localName: ExpressionSpecification = [
  'coalesce',
  ['get', ['concat', 'name_', ['global-state', 'lang']]],
  ['get', 'name_en'],
];

export interface StyleInput {
  basemap: FeatureCollection;
  labels: FeatureCollection;
  regionControl: FeatureCollection;
  regionLabels: FeatureCollection;
  diplomacy: FeatureCollection;
  t: number;
  lang: string;
}

const TEXT_FONT = ['sans-serif'];

export function buildStyle(d: StyleInput): StyleSpecification {
  const geo = (data: FeatureCollection) => ({ type: 'geojson' as const, data });
  return {
    version: 8,
    state: { t: { default: d.t }, lang: { default: d.lang } },
    sources: {
      basemap: geo(d.basemap),
      labels: geo(d.labels),
      regionControl: geo(d.regionControl),
      regionLabels: geo(d.regionLabels),
      diplomacy: geo(d.diplomacy),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': PALETTE.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        paint: { 'fill-color': ['case', ['==', ['get', 'libya'], true], PALETTE.libyaLand, PALETTE.land] },
      },
      { id: 'borders', type: 'line', source: 'basemap', paint: { 'line-color': PALETTE.border, 'line-width': 0.6 } },
      {
        id: 'region-fill',
        type: 'fill',
        source: 'regionControl',
        filter: inMonth,
        // Where periods overlap in a month, the one the view shows (the highest rank) is on top.
        layout: { 'fill-sort-key': ['get', 'z'] },
        paint: { 'fill-color': ['case', uncertain, ['get', 'fillUncertain'], ['get', 'fill']] },
      },
      {
        id: 'region-contested',
        type: 'fill',
        source: 'regionControl',
        filter: ['all', inMonth, ['==', ['get', 'contested'], 1]],
        layout: { 'fill-sort-key': ['get', 'z'] },
        paint: { 'fill-pattern': ['get', 'hatch'] },
      },
      {
        id: 'region-line',
        type: 'line',
        source: 'regionControl',
        filter: inMonth,
        layout: { 'line-sort-key': ['get', 'z'] },
        paint: {
          'line-color': PALETTE.regionLine,
          'line-width': REGION_LINE.width,
          'line-dasharray': ['case', uncertain, ['literal', dashInLineWidths(REGION_LINE.dash, REGION_LINE.width)], ['literal', [1, 0]]],
        },
      },
      {
        id: 'diplomacy-arcs',
        type: 'line',
        source: 'diplomacy',
        filter: ['all', ['==', ['geometry-type'], 'LineString'], inArcWindow],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': PALETTE.arc,
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
        paint: { 'circle-radius': 3, 'circle-color': PALETTE.arc, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'labels',
        // Libya's own name would sit on top of its region names.
        filter: ['!=', ['get', 'id'], 'label-libya'],
        layout: {
          'text-field': localName,
          'text-font': TEXT_FONT,
          'text-size': ['match', ['get', 'kind'], 'sea', 12, 13],
          'text-letter-spacing': ['match', ['get', 'kind'], 'sea', 0.15, 0.05],
          'text-max-width': 8,
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'sea', PALETTE.seaLabel, PALETTE.label],
          'text-halo-color': PALETTE.halo,
          'text-halo-width': 1.2,
        },
      },
      {
        id: 'region-labels',
        type: 'symbol',
        source: 'regionLabels',
        layout: {
          'text-field': localName,
          'text-font': TEXT_FONT,
          'text-size': 15,
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
        },
        paint: { 'text-color': PALETTE.regionLabel, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
      },
      {
        id: 'counterpart-labels',
        type: 'symbol',
        source: 'diplomacy',
        filter: ['all', ['==', ['geometry-type'], 'Point'], inArcWindow],
        layout: { 'text-field': localName, 'text-font': TEXT_FONT, 'text-size': 12, 'text-offset': [0, 1], 'text-anchor': 'top' },
        paint: { 'text-color': PALETTE.arc, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
      },
    ],
  };
}
