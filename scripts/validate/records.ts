/**
 * The record files as lists of entries: each record with where it came from, its id, and the
 * fields its schema rejected (which later checks leave alone, so one mistake gives one message).
 */
import type { z } from 'zod';
import { SourceDoc } from '../../src/lib/records/schema.ts';
import type { Doc, Path } from './files.ts';
import type { Report } from './report.ts';
import { checkSchema, isObject, type Obj } from './schema-messages.ts';
import { hygieneSkipsSchemaIssue } from './hygiene.ts';

export const FILES = {
  regions: 'geo/regions.geojson',
  places: 'geo/places.geojson',
  /** Parts of a region on either side of a front line, for the months it is divided. */
  zones: 'geo/zones.geojson',
  counterparts: 'geo/counterparts.geojson',
  /** Optional here; its country flagged `libya: true` is the outline the regions must tile. */
  basemap: 'geo/basemap.geojson',
  actors: 'data/actors.json',
  control: 'data/control.json',
  presence: 'data/presence.json',
  events: 'data/events.json',
} as const;

export const SOURCES_DIR = 'data/sources/';
export const I18N_DIR = 'data/i18n/';
export const SEEDS_DIR = 'data/seeds/';

/** One record that passed (some of) its schema, with where it came from. */
export interface Entry {
  doc: Doc;
  /** Its index in the file's list; -1 for a file that is one record (a source). */
  index: number;
  id: string | undefined;
  record: Obj;
  /** Top-level fields the schema rejected; further checks leave them alone. */
  failed: Set<string>;
}

export const has = (e: Entry, field: string): boolean => !e.failed.has(field) && e.record[field] !== undefined;
export const str = (e: Entry, field: string): string | undefined => (has(e, field) && typeof e.record[field] === 'string' ? (e.record[field] as string) : undefined);
export const strings = (e: Entry, field: string): string[] =>
  has(e, field) && Array.isArray(e.record[field]) ? (e.record[field] as unknown[]).filter((x): x is string => typeof x === 'string') : [];

export const recordPath = (e: Entry, ...rest: Path): Path => (e.index < 0 ? rest : [e.index, ...rest]);

function entry(report: Report, doc: Doc, index: number, record: unknown, schema: z.ZodType): Entry {
  const path: Path = index < 0 ? [] : [index];
  const failed = checkSchema(report, doc, path, record, schema, hygieneSkipsSchemaIssue);
  const rec = isObject(record) ? record : {};
  if (!isObject(record)) failed.add('');
  const id = typeof rec.id === 'string' && !failed.has('id') ? rec.id : undefined;
  return { doc, index, id, record: rec, failed };
}

/** A file that holds a list of records; reports a missing file or one that is not a list. */
export function readList(report: Report, docs: Map<string, Doc>, present: Set<string>, file: string, schema: z.ZodType, what: string): Entry[] {
  if (!present.has(file)) {
    report.file(file, `file is missing — create it with a list of ${what}: [ … ]`, 'missing-file');
    return [];
  }
  const doc = docs.get(file);
  if (!doc) return [];
  if (!Array.isArray(doc.data)) {
    report.at(doc, [], undefined, `should be a list of ${what}, written [ { … }, { … } ]`, 'schema');
    return [];
  }
  return doc.data.map((record, index) => entry(report, doc, index, record, schema));
}

/** data/sources/<id>.json, one source per file, named after its id. */
export function readSources(report: Report, docs: Map<string, Doc>): Entry[] {
  const entries: Entry[] = [];
  for (const doc of docs.values()) {
    if (!isSourceFile(doc.file)) continue;
    const e = entry(report, doc, -1, doc.data, SourceDoc);
    const expected = doc.file.slice(SOURCES_DIR.length).replace(/\.json$/, '');
    if (e.id !== undefined && e.id !== expected) {
      report.at(doc, ['id'], e.id, `the file name must equal the id: rename the file to ${SOURCES_DIR}${e.id}.json or change "id" to "${expected}"`, 'ids');
    }
    entries.push(e);
  }
  return entries;
}

export const isSourceFile = (file: string): boolean => file.startsWith(SOURCES_DIR) && /^[^/]+\.json$/.test(file.slice(SOURCES_DIR.length));
export const isI18nFile = (file: string): boolean => file.startsWith(I18N_DIR) && /^[a-z]{2}\.json$/.test(file.slice(I18N_DIR.length));
export const isSeedFile = (file: string): boolean => file.startsWith(SEEDS_DIR) && /^[^/]+\.txt$/.test(file.slice(SEEDS_DIR.length));
