/**
 * What the spreadsheet round trip writes: one CSV file per kind of record, its columns, and how a
 * cell stands for a field's value. One table, read by the export, the import and the tests (which
 * check that every field of every schema has a column, so a new field cannot be dropped silently).
 *
 * A record's citations (and a control period's claims' citations) are not columns of its row but
 * rows of citations.csv, one per citation, so each passage is a cell an editor can edit.
 */
import type { z } from 'zod';
import { Actor, ControlPeriod, HistEvent, Presence, SourceDoc } from '../../src/lib/records/schema.ts';
import { FILES, SOURCES_DIR } from '../validate/records.ts';

export const LANGS = ['en', 'ar', 'ru'] as const;
export type Lang = (typeof LANGS)[number];
/** The languages kept in data/i18n/<lang>.json. */
export const TABLE_LANGS = ['ar', 'ru'] as const;
export type TableLang = (typeof TABLE_LANGS)[number];
export const i18nFile = (lang: TableLang): string => `data/i18n/${lang}.json`;

export type Column =
  /** Text; an empty cell is a field left out. */
  | { name: string; field: string; type: 'text' }
  /** Text; an empty cell is null ("end": null, still true today). */
  | { name: string; field: string; type: 'text-or-null' }
  /** "true" or "false" (any case, as spreadsheets write them back); empty is a field left out. */
  | { name: string; field: string; type: 'bool' }
  /** Ids separated by commas; empty is an empty list when the field is required, else a field left out. */
  | { name: string; field: string; type: 'list'; required: boolean }
  /** One language of a text in three languages: "title_en", "title_ar", "title_ru". */
  | { name: string; field: string; type: 'lang'; lang: Lang }
  /** A control period's claims: the claimants' actor ids, in order; their citations are in citations.csv. */
  | { name: string; field: 'claims'; type: 'claims' };

export type KindName = 'actors' | 'sources' | 'control' | 'presence' | 'events';

export interface KindSpec {
  kind: KindName;
  /** The CSV file's name. */
  csv: string;
  /** The JSON list it comes from; sources are one file each in data/sources/. */
  file?: string;
  /** What one row is, for messages: "control period". */
  what: string;
  /** The record's schema: its field order is the order new fields are written in. */
  schema: z.ZodObject;
  columns: Column[];
  /** Records of this kind cite sources (rows of citations.csv). */
  cited: boolean;
  /**
   * Texts in three languages whose Arabic and Russian, when first written, go in the record itself
   * rather than in data/i18n/ (as the data has them: actors' names, events' notes). Texts already
   * written somewhere are edited where they are.
   */
  inline: readonly string[];
}

const text = (field: string): Column => ({ name: field, field, type: 'text' });
const bool = (field: string): Column => ({ name: field, field, type: 'bool' });
const list = (field: string, required = false): Column => ({ name: field, field, type: 'list', required });
const langs = (field: string): Column[] => LANGS.map((lang) => ({ name: `${field}_${lang}`, field, type: 'lang', lang }));

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'actors',
    csv: 'actors.csv',
    file: FILES.actors,
    what: 'actor',
    schema: Actor,
    columns: [text('id'), ...langs('name'), ...langs('short'), text('kind'), text('color'), text('founded'), text('ended')],
    cited: false,
    inline: ['name', 'short'],
  },
  {
    kind: 'sources',
    csv: 'sources.csv',
    what: 'source',
    schema: SourceDoc,
    columns: ['id', 'publisher', 'title', 'author', 'date', 'url', 'language', 'kind', 'aligned', 'note', 'seed'].map(text),
    cited: false,
    inline: [],
  },
  {
    kind: 'control',
    csv: 'control.csv',
    file: FILES.control,
    what: 'control period',
    schema: ControlPeriod,
    columns: [
      text('id'),
      text('place'),
      text('actor'),
      text('start'),
      { name: 'end', field: 'end', type: 'text-or-null' },
      bool('circa'),
      bool('contested'),
      list('contestedBy'),
      { name: 'claims', field: 'claims', type: 'claims' },
      ...langs('note'),
    ],
    cited: true,
    inline: [],
  },
  {
    kind: 'presence',
    csv: 'presence.csv',
    file: FILES.presence,
    what: 'presence',
    schema: Presence,
    columns: [
      text('id'),
      text('actor'),
      text('place'),
      text('status'),
      text('start'),
      { name: 'end', field: 'end', type: 'text-or-null' },
      bool('circa'),
      ...langs('strength'),
      text('claimedBy'),
      bool('noResponse'),
      ...langs('note'),
    ],
    cited: true,
    inline: [],
  },
  {
    kind: 'events',
    csv: 'events.csv',
    file: FILES.events,
    what: 'event',
    schema: HistEvent,
    columns: [
      text('id'),
      text('date'),
      bool('circa'),
      text('category'),
      list('places', true),
      ...langs('title'),
      ...langs('summary'),
      list('actors', true),
      text('counterpart'),
      bool('russia'),
      text('status'),
      text('claimedBy'),
      text('responds'),
      bool('noResponse'),
      ...langs('note'),
    ],
    cited: true,
    inline: ['note'],
  },
];

export const kindOf = (name: KindName): KindSpec => KINDS.find((k) => k.kind === name)!;
export const CITED = KINDS.filter((k) => k.cited);

/** One row per citation: the record, the claim it supports (empty: the record itself), its place in the list. */
export const CITATIONS_CSV = 'citations.csv';
export const CITATION_COLUMNS: readonly Column[] = [
  text('record'),
  text('claim'),
  text('n'),
  text('source'),
  text('passage'),
  bool('paraphrase'),
];
/** The fields of a citation, in the order they are written. */
export const CITATION_FIELDS = ['source', 'passage', 'paraphrase'] as const;

/** Place and city ids for reference (from geo/, which is not edited here); the import does not read it. */
export const PLACES_CSV = 'places.csv';
export const PLACE_COLUMNS = ['id', 'type', 'region', 'name_en', 'name_ar', 'name_ru'] as const;

/** Every file the export writes, in the order a reader meets them. */
export const CSV_FILES = [...KINDS.map((k) => k.csv), CITATIONS_CSV, PLACES_CSV] as const;

export const sourcePath = (id: string): string => `${SOURCES_DIR}${id}.json`;
export const isSourcePath = (path: string): boolean => path.startsWith(SOURCES_DIR) && /^[^/]+\.json$/.test(path.slice(SOURCES_DIR.length));

/** The field names of a schema, in its order. */
export const fieldOrder = (schema: z.ZodObject): string[] => Object.keys(schema.shape);

/** "A" for the first column, "AA" for the 27th. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
