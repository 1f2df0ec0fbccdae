/**
 * The record as CSV files for a spreadsheet (`npm run records:export`): one file per kind of record,
 * one column per field and language (the Arabic and Russian wherever data/ keeps them: in the
 * record or in data/i18n/), the citations in citations.csv, and places.csv for reference.
 * Pure: file set in, file name → CSV text out.
 */
import type { FileSet } from '../validate/files.ts';
import { cellOf, writeCsv } from './cells.ts';
import { isObject, readDataset, type Dataset, type Obj } from './dataset.ts';
import { CITATION_COLUMNS, CITATIONS_CSV, CITED, KINDS, PLACE_COLUMNS, PLACES_CSV, TABLE_LANGS, type Column, type KindSpec, type TableLang } from './spec.ts';

/** The text of a record's cell in `column`, as the import compares it (before the formula guard). */
export function cellText(spec: KindSpec, record: Obj, column: Column, tables: Dataset['tables']): string {
  if (column.type === 'lang') {
    const inRecord = isObject(record[column.field]) ? (record[column.field] as Obj)[column.lang] : undefined;
    if (column.lang === 'en' || inRecord !== undefined) return cellOf(column, inRecord);
    const entry = tables[column.lang as TableLang][String(record.id)];
    return cellOf(column, isObject(entry) ? entry[column.field] : undefined);
  }
  if (column.type === 'claims') {
    const claims = record.claims;
    return Array.isArray(claims) ? cellOf(column, claims.map((c: unknown) => (isObject(c) ? c.actor : c))) : cellOf(column, claims);
  }
  return cellOf(column, record[column.field]);
}

/** A citation's cells after "record", "claim" and "n". */
export const citationCells = (citation: unknown): string[] => CITATION_COLUMNS.slice(3).map((c) => cellOf(c, isObject(citation) ? citation[c.field] : undefined));

const rowsOf = (spec: KindSpec, data: Dataset): Obj[] => (spec.kind === 'sources' ? [...data.sources.values()].map((s) => s.data) : data.lists[spec.kind]);

function citationRows(data: Dataset): string[][] {
  const rows: string[][] = [];
  for (const spec of CITED) {
    for (const record of rowsOf(spec, data)) {
      const id = String(record.id);
      const add = (claim: string, list: unknown) => {
        if (Array.isArray(list)) list.forEach((c, k) => rows.push([id, claim, String(k + 1), ...citationCells(c)]));
      };
      add('', record.sources);
      if (Array.isArray(record.claims)) for (const claim of record.claims) if (isObject(claim)) add(String(claim.actor), claim.sources);
    }
  }
  return rows;
}

type Feature = { properties?: Obj };
const featuresOf = (files: FileSet, path: string): Feature[] => {
  const text = files[path];
  if (typeof text !== 'string') return [];
  try {
    const parsed = JSON.parse(text) as { features?: Feature[] };
    return Array.isArray(parsed.features) ? parsed.features : [];
  } catch {
    return [];
  }
};

/** The ids an editor may write in place, places and counterpart columns, with their names. */
function placeRows(files: FileSet, tables: Dataset['tables']): string[][] {
  const rows: string[][] = [];
  const layers = [
    ['geo/regions.geojson', 'region'],
    ['geo/zones.geojson', 'zone'],
    ['geo/places.geojson', 'place'],
    ['geo/counterparts.geojson', 'counterpart city'],
  ] as const;
  for (const [path, type] of layers) {
    for (const f of featuresOf(files, path)) {
      const p = f.properties ?? {};
      const id = String(p.id ?? '');
      const name = (lang: 'en' | TableLang) => {
        const entry = lang === 'en' ? undefined : tables[lang][id];
        const inTable = isObject(entry) && typeof entry.name === 'string' ? entry.name : undefined;
        return inTable ?? (typeof p[`name_${lang}`] === 'string' ? (p[`name_${lang}`] as string) : '');
      };
      rows.push([id, type, typeof p.region === 'string' ? p.region : '', name('en'), ...TABLE_LANGS.map(name)]);
    }
  }
  return rows;
}

/**
 * Every CSV file of the export, by file name.
 * @example exportCsv(readTree('.'))['control.csv'] // "\uFEFFid,place,actor,start,end,…\r\ntripoli-italian-1943,tripoli,…"
 */
export function exportCsv(files: FileSet): Record<string, string> {
  const data = readDataset(files);
  const out: Record<string, string> = {};
  for (const spec of KINDS) {
    const rows = rowsOf(spec, data).map((record) => spec.columns.map((c) => cellText(spec, record, c, data.tables)));
    out[spec.csv] = writeCsv(
      spec.columns.map((c) => c.name),
      rows,
    );
  }
  out[CITATIONS_CSV] = writeCsv(
    CITATION_COLUMNS.map((c) => c.name),
    citationRows(data),
  );
  out[PLACES_CSV] = writeCsv(PLACE_COLUMNS, placeRows(files, data.tables));
  return out;
}
