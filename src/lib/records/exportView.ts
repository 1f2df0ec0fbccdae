/**
 * The "Data" download: the records in view at a month, with their sources, as CSV or GeoJSON.
 * Pure functions, no DOM. The atlas loads this module (and with it papaparse) with a dynamic
 * import() when the reader asks for a file, so none of it weighs on the first view.
 *
 * What "in view" means is the view of the month (view.ts), as for the map and the status text:
 * - control periods of every region and place that overlap month t (layer "control");
 * - foreign presences that overlap month t (layer "presence");
 * - events dated in month t; a year-only date counts for each month of its year, as on the map.
 *   Diplomatic events follow the "diplomacy" layer; events of the other categories are always
 *   included, since the status text and the panel show them whatever the layers.
 * Events of the open place outside month t are not included: the file is about the month.
 * Texts and names come in the reader's language (the atlas passes its translator); ids, dates,
 * statuses and column names stay as in the data.
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection, MultiPoint, Point, Position } from 'geojson';
import { parsePartialDate } from '../time/dates.ts';
import type { AtlasIndex } from './atlasIndex.ts';
import type { AtlasView } from './view.ts';
import type { Citation, Localized, SourceDoc } from './types.ts';
import { ALL_LAYERS, type LayerGroup } from '../state/layers.ts';
import type { Translator } from '../i18n/i18n.ts';

/**
 * How record texts and place names are written: the reader's translator (record translations
 * included), or English by default. Ids, dates and column names stay as in the data.
 */
export type Speaker = Pick<Translator, 'text' | 'name'>;

const ENGLISH: Speaker = { text: (l) => (l ? l.en : ''), name: (p) => p.name_en };

/** A record's citation with its source document resolved. */
export interface ExportSource {
  source: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
  passage: string;
  /** The passage summarises the source rather than quoting it. */
  paraphrase: boolean;
}

/** One record in view, flattened; lists (an event's places and actors) are joined with "; ". */
export interface ExportRow {
  kind: 'control' | 'presence' | 'event';
  id: string;
  place: string;
  place_name: string;
  actor: string;
  actor_name: string;
  /** Control and presence: the interval [start, end), `end` exclusive, "" when still true. */
  start: string;
  end: string;
  /** Events: the date. */
  date: string;
  /** Precision of `start` (events: of `date`): "year", "month" or "day". */
  precision: string;
  circa: boolean;
  /** Control periods only; null for the other kinds. */
  contested: boolean | null;
  /** Presence and events: confirmed, reported, alleged or denied; "" for control. */
  status: string;
  /** Events only. */
  title: string;
  /** Events: the summary; control and presence: the note, if any. */
  summary: string;
  /** Presence only: strength as reported. */
  strength: string;
  sources: ExportSource[];
  /** The place ids, for the GeoJSON geometry. */
  places: string[];
}

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'kind',
  'id',
  'place',
  'place_name',
  'actor',
  'actor_name',
  'start',
  'end',
  'date',
  'precision',
  'circa',
  'contested',
  'status',
  'title',
  'summary',
  'strength',
  'sources',
  'passages',
] as const;

/** Where a record's citations and their source documents come from (the atlas's Citations once loaded). */
export interface CitationSource {
  of(recordId: string): Citation[];
  sources: ReadonlyMap<string, SourceDoc>;
}

function placeName(index: AtlasIndex, id: string, speak: Speaker): string {
  const f = index.features.get(id);
  return f ? speak.name(f.properties) : id;
}

function actorName(index: AtlasIndex, id: string, speak: Speaker): string {
  const a = index.actors.get(id);
  return a ? speak.text(a.name) : id;
}

function sourcesOf(cites: CitationSource, recordId: string): ExportSource[] {
  return cites.of(recordId).map((c) => {
    const doc = cites.sources.get(c.source);
    return {
      source: c.source,
      publisher: doc?.publisher ?? '',
      title: doc?.title ?? c.source,
      date: doc?.date ?? '',
      url: doc?.url ?? '',
      passage: c.passage,
      paraphrase: c.paraphrase === true,
    };
  });
}

const precisionOf = (date: string) => parsePartialDate(date)?.precision ?? '';

/**
 * The records of a view, with their sources: control periods, then foreign presence, then events,
 * each in the atlas's order. `layers` defaults to all layers on.
 * @example recordsInView(index, viewAt(index, monthIndex(2019, 6)), citations).filter((r) => r.actor === 'wagner')
 */
export function recordsInView(
  index: AtlasIndex,
  view: AtlasView,
  cites: CitationSource,
  layers: Record<LayerGroup, boolean> = ALL_LAYERS,
  speak: Speaker = ENGLISH,
): ExportRow[] {
  const rows: ExportRow[] = [];
  const text = (l: Localized | undefined) => (l ? speak.text(l) : '');

  if (layers.control) {
    const order = [...index.regionIds, ...[...index.zonesOf.values()].flat(), ...index.placeIds];
    const rank = (place: string) => (order.includes(place) ? order.indexOf(place) : order.length);
    for (const c of [...view.control].sort((a, b) => rank(a.place) - rank(b.place) || a.span.start - b.span.start)) {
      rows.push({
        kind: 'control',
        id: c.id,
        place: c.place,
        place_name: placeName(index, c.place, speak),
        actor: c.actor,
        actor_name: actorName(index, c.actor, speak),
        start: c.start,
        end: c.end ?? '',
        date: '',
        precision: precisionOf(c.start),
        circa: c.circa === true,
        contested: c.contested === true,
        status: '',
        title: '',
        summary: text(c.note),
        strength: '',
        sources: sourcesOf(cites, c.id),
        places: [c.place],
      });
    }
  }

  if (layers.presence) {
    for (const { presence: p } of view.forces) {
      rows.push({
        kind: 'presence',
        id: p.id,
        place: p.place,
        place_name: placeName(index, p.place, speak),
        actor: p.actor,
        actor_name: actorName(index, p.actor, speak),
        start: p.start,
        end: p.end ?? '',
        date: '',
        precision: precisionOf(p.start),
        circa: p.circa === true,
        contested: null,
        status: p.status,
        title: '',
        summary: text(p.note),
        strength: text(p.strength),
        sources: sourcesOf(cites, p.id),
        places: [p.place],
      });
    }
  }

  for (const e of view.events) {
    if (e.category === 'diplomatic' && !layers.diplomacy) continue;
    rows.push({
      kind: 'event',
      id: e.id,
      place: e.places.join('; '),
      place_name: e.places.map((p) => placeName(index, p, speak)).join('; '),
      actor: e.actors.join('; '),
      actor_name: e.actors.map((a) => actorName(index, a, speak)).join('; '),
      start: '',
      end: '',
      date: e.date,
      precision: precisionOf(e.date),
      circa: e.circa === true,
      contested: null,
      status: e.status,
      title: text(e.title),
      summary: text(e.summary),
      strength: '',
      sources: sourcesOf(cites, e.id),
      places: e.places,
    });
  }
  return rows;
}

/** "publisher — title — date — url", leaving out the parts that are unknown. */
export function sourceLine(s: ExportSource): string {
  return [s.publisher, s.title, s.date, s.url].filter((p) => p !== '').join(' — ');
}

/**
 * Cells starting with one of these could run as a formula in a spreadsheet; papaparse prefixes
 * them with a single quote (OWASP's advice on CSV injection). Papaparse's own pattern for
 * `escapeFormulae: true` ends in `.*$`, which misses cells with a line break, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One row per record, sources and passages joined with " | ". Starts with a BOM so spreadsheets read UTF-8. */
export function toCsv(rows: ExportRow[]): string {
  const data = rows.map((r) => [
    r.kind,
    r.id,
    r.place,
    r.place_name,
    r.actor,
    r.actor_name,
    r.start,
    r.end,
    r.date,
    r.precision,
    String(r.circa),
    r.contested === null ? '' : String(r.contested),
    r.status,
    r.title,
    r.summary,
    r.strength,
    r.sources.map(sourceLine).join(' | '),
    r.sources.map((s) => s.passage).join(' | '),
  ]);
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

/** A point for each place id: places as they are, regions at a point inside them. */
function pointsOf(index: AtlasIndex): Map<string, Position> {
  const points = new Map<string, Position>();
  for (const p of index.data.places.features) points.set(p.properties.id, p.geometry.coordinates);
  for (const r of [...index.data.regions.features, ...index.data.zones.features]) points.set(r.properties.id, r.properties.label);
  return points;
}

export type ExportFeature = Feature<Point | MultiPoint | null, Omit<ExportRow, 'places' | 'sources'> & { sources: ExportSource[] }>;

/**
 * One Feature per record at its place's point (an event at several places: a MultiPoint), with
 * the row's fields as properties and `sources` as an array of objects.
 */
export function toGeoJson(index: AtlasIndex, rows: ExportRow[]): FeatureCollection<Point | MultiPoint | null, ExportFeature['properties']> {
  const points = pointsOf(index);
  const features: ExportFeature[] = rows.map((r) => {
    const { places, ...props } = r;
    const coords = places.map((p) => points.get(p)).filter((c): c is Position => c !== undefined);
    const geometry: Point | MultiPoint | null =
      coords.length === 0 ? null : coords.length === 1 ? { type: 'Point', coordinates: coords[0]! } : { type: 'MultiPoint', coordinates: coords };
    return { type: 'Feature', id: r.id, geometry, properties: props };
  });
  return { type: 'FeatureCollection', features };
}
