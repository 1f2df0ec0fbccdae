/**
 * The map's style: a self-contained basemap (no tiles, fonts or sprites from any host) and the
 * time-driven layers. Time and language live in MapLibre's global state ("t", "lang"), so a step
 * of the slider changes one value and no source.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { UNCERTAIN_MONTHS } from '../time/interval.ts';

export const PALETTE = {
  sea: '#dce9f2',
  land: '#f4f1ea',
  libyaLand: '#ffffff',
  border: '#9a9a9a',
  regionLine: '#ffffff',
  label: '#3b3b3b',
  seaLabel: '#4a6f8a',
  halo: '#ffffff',
  arc: '#b2182b',
};

/** Shown when its interval [s, e) overlaps the selected month [t, t + 1). */
const inMonth: ExpressionSpecification = [
  'all',
  ['<', ['get', 's'], ['+', ['global-state', 't'], 1]],
  ['>', ['get', 'e'], ['global-state', 't']],
];

/** Diplomatic arcs stay for a year after the event, fading. */
const inLastYear: ExpressionSpecification = [
  'all',
  ['<', ['get', 's'], ['+', ['global-state', 't'], 1]],
  ['>', ['get', 'e'], ['-', ['global-state', 't'], 11]],
];

/** Uncertain: within a year of an approximate or year-only start or end (see time/interval.ts). */
const uncertain: ExpressionSpecification = [
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
  presence: FeatureCollection;
  diplomacy: FeatureCollection;
  counterparts: FeatureCollection;
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
      presence: geo(d.presence),
      diplomacy: geo(d.diplomacy),
      counterparts: geo(d.counterparts),
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
        // Where periods overlap (a contested month), the incumbent, the earliest to begin, is on top.
        layout: { 'fill-sort-key': ['-', 0, ['get', 's']] },
        paint: {
          'fill-color': ['get', 'color'],
          'fill-opacity': ['case', uncertain, 0.35, 0.72],
        },
      },
      {
        id: 'region-contested',
        type: 'fill',
        source: 'regionControl',
        filter: ['all', inMonth, ['==', ['get', 'contested'], 1]],
        layout: { 'fill-sort-key': ['-', 0, ['get', 's']] },
        paint: { 'fill-pattern': ['get', 'hatch'] },
      },
      {
        id: 'region-line',
        type: 'line',
        source: 'regionControl',
        filter: inMonth,
        paint: {
          'line-color': PALETTE.regionLine,
          'line-width': 1.5,
          'line-dasharray': ['case', uncertain, ['literal', [2, 2]], ['literal', [1, 0]]],
        },
      },
      {
        id: 'diplomacy-arcs',
        type: 'line',
        source: 'diplomacy',
        filter: inLastYear,
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': PALETTE.arc,
          'line-width': ['case', ['>', ['get', 'e'], ['global-state', 't']], 3, 1.5],
          'line-opacity': ['case', ['>', ['get', 'e'], ['global-state', 't']], 0.95, 0.35],
          'line-dasharray': ['case', ['==', ['get', 'status'], 'confirmed'], ['literal', [1, 0]], ['literal', [2, 1.5]]],
        },
      },
      {
        id: 'counterpart-dots',
        type: 'circle',
        source: 'counterparts',
        paint: { 'circle-radius': 3, 'circle-color': PALETTE.arc, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
      },
      {
        id: 'presence',
        type: 'circle',
        source: 'presence',
        filter: inMonth,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 5, 7, 9],
          'circle-color': ['get', 'color'],
          // Alleged or denied presence is drawn hollow: a claim, not a finding.
          'circle-opacity': ['match', ['get', 'status'], ['alleged', 'denied'], 0, ['case', uncertain, 0.5, 1]],
          'circle-stroke-color': ['match', ['get', 'status'], ['alleged', 'denied'], ['get', 'color'], '#ffffff'],
          'circle-stroke-width': ['match', ['get', 'status'], ['alleged', 'denied'], 2.5, 1.5],
        },
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
        paint: { 'text-color': '#1d1d1d', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
      },
      {
        id: 'counterpart-labels',
        type: 'symbol',
        source: 'counterparts',
        filter: ['==', ['get', 'id'], 'moscow'],
        layout: { 'text-field': localName, 'text-font': TEXT_FONT, 'text-size': 12, 'text-offset': [0, 1], 'text-anchor': 'top' },
        paint: { 'text-color': PALETTE.arc, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
      },
    ],
  };
}

/**
 * Diagonal stripes for contested control, in the challenger's colour with a dark edge: pattern as
 * well as colour, so it reads without colour vision.
 */
export function hatchImage(color: string, size = 12): { width: number; height: number; data: Uint8Array } {
  const rgb = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = (x + y) % size;
      const i = (y * size + x) * 4;
      const edge = d === 0 || d === 4;
      const stripe = d > 0 && d < 4;
      const c = edge ? [30, 30, 30] : rgb;
      data[i] = c[0]!;
      data[i + 1] = c[1]!;
      data[i + 2] = c[2]!;
      data[i + 3] = edge ? 200 : stripe ? 255 : 0;
    }
  }
  return { width: size, height: size, data };
}
