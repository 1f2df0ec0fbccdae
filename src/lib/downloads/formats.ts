/**
 * The "Data" downloads' files, as pure functions (no DOM): rows (rows.ts) as CSV (spreadsheets) or
 * GeoJSON (GIS), or the complete data set as JSON. The atlas loads this module (and with it
 * papaparse) only when a reader asks for a file, so none of it weighs on the first view.
 */
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { ShippedCorrection } from '../records/release.ts';
import type { CitationSource, ExportRow, ExportSource } from './rows.ts';

/**
 * The CSV's columns, in order. The source columns hold one line per citation, in the same order
 * in each (the first line of source_title belongs with the first line of passage): the record's
 * texts cannot contain line breaks (the validator refuses them), so the split is never ambiguous.
 */
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
  'start_precision',
  'end_precision',
  'circa',
  'contested',
  'contested_by',
  'status',
  'claimed_by',
  'responds_to',
  'no_response',
  'category',
  'counterpart',
  'russia',
  'title',
  'summary',
  'note',
  'strength',
  'source_id',
  'source_publisher',
  'source_title',
  'source_date',
  'source_url',
  'source_kind',
  'source_aligned_with',
  'passage',
  'passage_is',
  'corrected',
  'release',
] as const;

/** What a file says about itself: what it is, as of when, and how to cite it. */
export interface ExportMetadata {
  title: string;
  /** The newest source date in the record (YYYY-MM-DD). */
  dataAsOf: string;
  /** What the file holds: "the records in view in June 2019", "the whole record". */
  contents: string;
  /** The record's release (issue 15): its id, or "unreleased" for data changed since the newest release. */
  release?: string;
  /** The corrections log up to this release: every change to a published record, why, and its source. */
  corrections?: ShippedCorrection[];
  /** For an older release: the corrections published since, which this file does not include. */
  correctionsSince?: ShippedCorrection[];
  licence: string;
  cite: string;
  url: string;
}

/**
 * Cells starting with one of these could run as a formula in a spreadsheet; papaparse prefixes
 * them with a single quote (OWASP's advice on CSV injection). Papaparse's own pattern for
 * `escapeFormulae: true` ends in `.*$`, which misses cells with a line break, hence this one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const lines = (r: ExportRow, f: (s: ExportSource) => string) => r.sources.map(f).join('\n');

/** One row per record, each with the release it comes from (`release`). Starts with a BOM so spreadsheets read UTF-8. */
export function toCsv(rows: ExportRow[], release = ''): string {
  const flag = (b: boolean | null) => (b === null ? '' : String(b));
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
    r.start_precision,
    r.end_precision,
    String(r.circa),
    flag(r.contested),
    r.contested_by,
    r.status,
    r.claimed_by,
    r.responds_to,
    String(r.no_response),
    r.category,
    r.counterpart,
    flag(r.russia),
    r.title,
    r.summary,
    r.note,
    r.strength,
    lines(r, (s) => s.source),
    lines(r, (s) => s.publisher),
    lines(r, (s) => s.title),
    lines(r, (s) => s.date),
    lines(r, (s) => s.url),
    lines(r, (s) => s.kind),
    lines(r, (s) => s.aligned),
    lines(r, (s) => s.passage),
    lines(r, (s) => (s.paraphrase ? 'paraphrase' : 'quote')),
    r.corrected,
    release,
  ]);
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: FORMULA_START, newline: '\r\n' });
  return `\uFEFF${csv}\r\n`;
}

export type ExportFeature = Feature<Geometry | null, Omit<ExportRow, 'places' | 'sources'> & { sources: ExportSource[] }>;

/**
 * One Feature per record: a region's or zone's control period as its polygon, other records at
 * their place's point (an event at several places: a MultiPoint); the row's fields as properties,
 * `sources` as an array of objects, and the file's metadata as a member of the collection.
 */
export function toGeoJson(index: AtlasIndex, rows: ExportRow[], metadata?: ExportMetadata): FeatureCollection<Geometry | null, ExportFeature['properties']> & { metadata?: ExportMetadata } {
  const points = new Map<string, Position>();
  for (const p of index.data.places.features) points.set(p.properties.id, p.geometry.coordinates);
  for (const r of [...index.data.regions.features, ...index.data.zones.features]) points.set(r.properties.id, r.properties.label);
  const areas = new Map([...index.data.regions.features, ...index.data.zones.features].map((f) => [f.properties.id, f.geometry]));
  const features: ExportFeature[] = rows.map((r) => {
    const { places, ...props } = r;
    const area = r.kind === 'control' ? areas.get(r.place) : undefined;
    const coords = places.map((p) => points.get(p)).filter((c): c is Position => c !== undefined);
    const geometry: Geometry | null = area
      ? area
      : coords.length === 0
        ? null
        : coords.length === 1
          ? { type: 'Point', coordinates: coords[0]! }
          : { type: 'MultiPoint', coordinates: coords };
    return { type: 'Feature', id: r.id, geometry, properties: props };
  });
  return { type: 'FeatureCollection', ...(metadata ? { metadata } : {}), features };
}

/** The complete data set as one JSON document: metadata, actors, sources and every record with its citations. */
export function toJsonPackage(index: AtlasIndex, cites: CitationSource, metadata: ExportMetadata): string {
  // As in the data files: the build's own `lastSource` left out, the citations put back.
  const withSources = <T extends { id: string; lastSource?: string }>(list: T[]) => list.map(({ lastSource: _, ...r }) => ({ ...r, sources: cites.of(r.id) }));
  return `${JSON.stringify(
    {
      metadata,
      actors: index.data.actors,
      sources: [...cites.sources.values()],
      control: withSources(index.data.control),
      presence: withSources(index.data.presence),
      events: withSources(index.data.events),
    },
    null,
    1,
  )}\n`;
}

