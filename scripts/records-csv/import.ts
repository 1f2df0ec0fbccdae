/**
 * The CSV files back into data/ (`npm run records:import`): what each row, cell and citation says,
 * applied to the record as data/ holds it, so that a cell left as exported leaves its field exactly
 * as it was (key order, form and the file it lives in), and a changed cell changes that field alone.
 * Pure: the current file set and the CSV texts in; the files to write, the would-be file set (for
 * the validator), the changes record by record, and what could not be read, by CSV row and column.
 *
 * Rows are matched to records by id. A record's place in its file does not follow the spreadsheet's
 * row order (sorting a sheet changes nothing); a new row goes after the record of the row above it.
 */
import { canonical } from '../lib/releases.ts';
import type { FileSet } from '../validate/files.ts';
import { TRANSLATABLE, type TranslatableKind } from '../validate/i18n.ts';
import { nearest } from '../validate/references.ts';
import { cellOf, readCsv, unguard, valueOf } from './cells.ts';
import { isObject, readDataset, same, serialize, withFields, type Dataset, type ListKind, type Obj } from './dataset.ts';
import {
  CITATION_COLUMNS,
  CITATION_FIELDS,
  CITATIONS_CSV,
  CITED,
  columnLetter,
  fieldOrder,
  i18nFile,
  KINDS,
  LANGS,
  sourcePath,
  TABLE_LANGS,
  type Column,
  type KindName,
  type KindSpec,
  type TableLang,
} from './spec.ts';

/** Something the import could not read, where it is in the CSV files. */
export interface CsvProblem {
  csv: string;
  /** The spreadsheet's row number (the header is row 1). */
  row?: number;
  /** The column's name, e.g. "start". */
  column?: string;
  id?: string;
  message: string;
}

/** One field that changes; `before` or `after` is absent when the field is not there. */
export interface FieldChange {
  /** "end", "note.ar", "sources[1].passage". */
  field: string;
  /** The file the field is written in. */
  file: string;
  before?: unknown;
  after?: unknown;
}

export interface RecordChange {
  kind: KindName;
  id: string;
  type: 'added' | 'changed' | 'removed';
  csv: string;
  row?: number;
  fields: FieldChange[];
}

/** Where each value of the would-be files came from, to point the validator's problems at cells. */
export interface Origins {
  /** Each CSV file's header as read (its columns' letters). */
  headers: Record<string, string[]>;
  /** For each record file: the CSV row of each record, by its index in the new list. */
  rows: Map<string, number[]>;
  /** CSV file → id → row. */
  ids: Map<string, Map<string, number>>;
  /** `${record}\0${claim}\0${index}` → row of citations.csv. */
  citations: Map<string, number>;
}

export interface ImportResult {
  /** The files that change: path → new text, or null for a file to delete. */
  writes: Record<string, string | null>;
  /** The file set as it would be after writing: what the validator checks. */
  files: FileSet;
  changes: RecordChange[];
  problems: CsvProblem[];
  /** Written files that were not in data/'s usual layout before (they are rewritten in it). */
  relaid: string[];
  before: Dataset;
  after: Dataset;
  origins: Origins;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const TRANSLATABLE_KIND: Record<Exclude<KindName, 'sources'>, TranslatableKind> = { actors: 'actor', control: 'control period', presence: 'presence', events: 'event' };

interface SheetRow {
  row: number;
  /** The cell under a column, unguarded ('' when the row is short). */
  get(name: string): string;
}

interface Sheet {
  csv: string;
  header: string[];
  rows: SheetRow[];
}

const list = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

/** Reads one CSV file and checks its header against the columns it must have. */
function openSheet(csv: string, text: string | undefined, columns: readonly Column[], problems: CsvProblem[]): Sheet | undefined {
  if (text === undefined) {
    problems.push({ csv, message: `is missing — run npm run records:export to write it, then make your changes in it` });
    return undefined;
  }
  const parsed = readCsv(text);
  const names = columns.map((c) => c.name);
  let usable = true;
  parsed.header.forEach((h, i) => {
    if (!names.includes(h)) {
      const guess = nearest(h, names);
      problems.push({ csv, row: 1, column: h, message: `unknown column "${h}" (column ${columnLetter(i)})${guess ? ` — did you mean "${guess}"?` : ''} The columns of ${csv} are ${list(names)}; rename it or delete the column` });
      usable = false;
    } else if (parsed.header.indexOf(h) !== i) {
      problems.push({ csv, row: 1, column: h, message: `column "${h}" appears twice (columns ${columnLetter(parsed.header.indexOf(h))} and ${columnLetter(i)}) — keep one` });
      usable = false;
    }
  });
  for (const n of names) {
    if (!parsed.header.includes(n)) {
      problems.push({ csv, row: 1, message: `column "${n}" is missing — put it back (npm run records:export writes every column), or every row would lose its "${n}"` });
      usable = false;
    }
  }
  for (const e of parsed.errors) problems.push({ csv, row: e.row, message: `cannot be read as CSV (${e.message}) — a cell holding a comma, a quote or a line break must be in double quotes, with any quote inside it doubled` });
  for (const r of parsed.rows) {
    const extra = r.cells.slice(parsed.header.length).filter((c) => c !== '');
    if (extra.length > 0) problems.push({ csv, row: r.row, message: `has ${r.cells.length} cells but the header has ${parsed.header.length} columns — a cell holding a comma must be in double quotes` });
  }
  if (!usable || parsed.errors.length > 0) return undefined;
  const index = new Map(parsed.header.map((h, i) => [h, i]));
  return {
    csv,
    header: parsed.header,
    rows: parsed.rows.map((r) => ({ row: r.row, get: (name: string) => unguard(r.cells[index.get(name) ?? -1] ?? '') })),
  };
}

/** A citation row of citations.csv, grouped by record and claim. */
interface CiteRow {
  row: number;
  n: number;
  get(name: string): string;
}

class Builder {
  readonly problems: CsvProblem[] = [];
  readonly origins: Origins;
  readonly tables: Record<TableLang, Record<string, unknown>>;
  readonly #groups = new Map<string, CiteRow[]>();
  readonly #used = new Set<string>();

  constructor(
    readonly before: Dataset,
    headers: Record<string, string[]>,
  ) {
    this.origins = { headers, rows: new Map(), ids: new Map(), citations: new Map() };
    this.tables = { ar: { ...before.tables.ar }, ru: { ...before.tables.ru } };
  }

  readCitations(sheet: Sheet): void {
    for (const r of sheet.rows) {
      const record = r.get('record');
      const claim = r.get('claim');
      const nCell = r.get('n').trim();
      const n = nCell === '' ? Number.POSITIVE_INFINITY : Number(nCell.replace(',', '.'));
      if (Number.isNaN(n)) {
        this.problems.push({ csv: CITATIONS_CSV, row: r.row, column: 'n', id: record, message: `n ${JSON.stringify(nCell)} is not a number — write the citation's place among the record's citations: 1, 2, 3…` });
        continue;
      }
      const key = `${record}\0${claim}`;
      this.#groups.set(key, [...(this.#groups.get(key) ?? []), { row: r.row, n, get: r.get }]);
    }
  }

  /** The citation rows of a record (claim '') or of one of its claims, as a list of citations. */
  citations(id: string, claim: string, oldList: unknown): unknown[] {
    const key = `${id}\0${claim}`;
    this.#used.add(key);
    const rows = [...(this.#groups.get(key) ?? [])].sort((a, b) => a.n - b.n || a.row - b.row);
    const old = Array.isArray(oldList) ? (oldList as unknown[]) : undefined;
    const out = rows.map((r, k) => {
      this.origins.citations.set(`${key}\0${k}`, r.row);
      const prev = old && isObject(old[k]) ? old[k] : undefined;
      return withFields(prev, this.updates(CITATION_COLUMNS.slice(3), prev, r.get), CITATION_FIELDS);
    });
    return old && old.length === out.length && out.every((c, k) => c === old[k]) ? old : out;
  }

  /** A control period's claims: the claimants in its "claims" cell, each with its citation rows. */
  claims(id: string, r: SheetRow, column: Column, oldClaims: unknown): unknown[] | undefined {
    const actors = (valueOf(column, r.get(column.name)) as string[] | undefined) ?? [];
    const old = Array.isArray(oldClaims) ? (oldClaims as unknown[]) : undefined;
    const taken = new Set<number>();
    const out: Obj[] = [];
    actors.forEach((actor, i) => {
      if (actors.indexOf(actor) !== i) {
        this.problems.push({ csv: 'control.csv', row: r.row, column: column.name, id, message: `claims: "${actor}" is listed twice — a claim's citations are matched to it by the claimant's id, so list each claimant once` });
        return;
      }
      const k = old ? old.findIndex((c, j) => !taken.has(j) && isObject(c) && c.actor === actor) : -1;
      if (k !== -1) taken.add(k);
      const prev = k === -1 ? undefined : (old![k] as Obj);
      const sources = this.citations(id, actor, prev?.sources);
      const updates = new Map<string, unknown>();
      if (!prev) updates.set('actor', actor);
      if (!prev || sources !== prev.sources) updates.set('sources', sources);
      out.push(withFields(prev, updates, ['actor', 'sources']));
    });
    if (out.length === 0) return old && old.length === 0 ? old : undefined;
    return old && old.length === out.length && out.every((c, k) => c === old[k]) ? old : out;
  }

  /**
   * The fields whose cells differ from what the export wrote for `old` (all fields for a new
   * record): a cell as exported, or one that reads as the same value ("TRUE" for true), changes nothing.
   */
  updates(columns: readonly Column[], old: Obj | undefined, get: (name: string) => string): Map<string, unknown> {
    const updates = new Map<string, unknown>();
    for (const column of columns) {
      const cell = get(column.name);
      const value = valueOf(column, cell);
      if (old && (cell === cellOf(column, old[column.field]) || canonical(value) === canonical(old[column.field]))) continue;
      updates.set(column.field, value);
    }
    return updates;
  }

  /** A row as a record: `old` with the changed cells applied, or a new record. Texts in Arabic and Russian go where they are kept. */
  record(spec: KindSpec, old: Obj | undefined, id: string, r: SheetRow): Obj {
    const plain = spec.columns.filter((c) => c.type !== 'lang' && c.type !== 'claims');
    const updates = this.updates(plain, old, r.get);
    const tableKind = spec.kind === 'sources' ? undefined : TRANSLATABLE_KIND[spec.kind];
    for (const field of new Set(spec.columns.flatMap((c) => (c.type === 'lang' ? [c.field] : [])))) {
      const oldText = old && isObject(old[field]) ? (old[field] as Obj) : undefined;
      const inRecord = new Map<string, unknown>();
      for (const lang of LANGS) {
        const column = spec.columns.find((c) => c.type === 'lang' && c.field === field && c.lang === lang)!;
        const cell = r.get(column.name);
        const value = cell === '' ? undefined : cell;
        if (lang === 'en') {
          if (!old || cell !== cellOf(column, oldText?.en)) inRecord.set('en', value);
          continue;
        }
        const here = oldText?.[lang];
        const entry = old ? this.before.tables[lang][id] : undefined;
        const inTable = isObject(entry) ? entry[field] : undefined;
        if (old && cell === cellOf(column, here !== undefined ? here : inTable)) continue;
        if (here !== undefined || (inTable === undefined && spec.inline.includes(field))) inRecord.set(lang, value);
        else this.translate(lang, id, tableKind!, field, value);
      }
      if (inRecord.size === 0) continue;
      const text = withFields(oldText, inRecord, LANGS);
      const next = Object.keys(text).length === 0 ? undefined : text;
      if (!old || !same(next, old[field])) updates.set(field, next);
    }
    if (spec.cited) {
      const sources = this.citations(id, '', old?.sources);
      if (!old || sources !== old.sources) updates.set('sources', sources);
      const claimsColumn = spec.columns.find((c) => c.type === 'claims');
      if (claimsColumn) {
        const claims = this.claims(id, r, claimsColumn, old?.claims);
        if (!old || claims !== old.claims) updates.set('claims', claims);
      }
    }
    return withFields(old, updates, fieldOrder(spec.schema));
  }

  /** Sets (or takes out) one text in data/i18n/<lang>.json, keeping the entry's other texts and order. */
  translate(lang: TableLang, id: string, kind: TranslatableKind, field: string, value: unknown): void {
    const table = this.tables[lang];
    const entry = isObject(table[id]) ? (table[id] as Obj) : undefined;
    const next = withFields(entry, new Map([[field, value]]), TRANSLATABLE[kind]);
    if (Object.keys(next).length === 0) delete table[id];
    else table[id] = next;
  }

  /** Citation rows that no record took: an unknown record, or a claim its record does not list. */
  unusedCitations(recordIds: Map<string, string>): void {
    for (const [key, rows] of this.#groups) {
      if (this.#used.has(key)) continue;
      const [record = '', claim = ''] = key.split('\0');
      for (const r of rows) {
        const csv = recordIds.get(record);
        if (csv === undefined) {
          const guess = nearest(record, recordIds.keys());
          this.problems.push({ csv: CITATIONS_CSV, row: r.row, column: 'record', id: record, message: `record "${record}" is not the id of a row of ${CITED.map((k) => k.csv).join(', ')}${guess ? ` — did you mean "${guess}"?` : ''} Correct the id, or delete this citation with the record it belonged to` });
        } else if (csv !== 'control.csv') {
          this.problems.push({ csv: CITATIONS_CSV, row: r.row, column: 'claim', id: record, message: `claim "${claim}": only control periods have claims, and "${record}" is in ${csv} — empty this cell to cite the source for the record itself` });
        } else {
          this.problems.push({ csv: CITATIONS_CSV, row: r.row, column: 'claim', id: record, message: `claim "${claim}" is not in the "claims" cell of ${record} in control.csv — add "${claim}" there, or empty this cell to cite the source for the record itself` });
        }
      }
    }
  }
}

/** The new list: the records kept, where they were; each new one after the record of the row above it. */
function ordered(oldList: Obj[], rows: { id: string; row: number; record: Obj; isNew: boolean }[]): { record: Obj; row: number }[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: { id: string; record: Obj; row: number }[] = [];
  const placed = new Set<string>();
  for (const old of oldList) {
    const id = String(old.id);
    const r = byId.get(id);
    if (r && !r.isNew && !placed.has(id)) {
      out.push({ id, record: r.record, row: r.row });
      placed.add(id);
    }
  }
  rows.forEach((r, i) => {
    if (!r.isNew) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = out.findIndex((o) => o.id === rows[j]!.id);
      if (k !== -1) {
        at = k + 1;
        break;
      }
    }
    out.splice(at, 0, { id: r.id, record: r.record, row: r.row });
  });
  return out;
}

/** Each field that differs, down to a citation's passage; lists of ids are compared whole. */
export function fieldChanges(before: unknown, after: unknown, path: string, file: string, out: FieldChange[] = []): FieldChange[] {
  if (same(before, after)) return out;
  const objectish = (v: unknown) => v === undefined || isObject(v);
  if ((isObject(before) || isObject(after)) && objectish(before) && objectish(after)) {
    const b = (before ?? {}) as Obj;
    const a = (after ?? {}) as Obj;
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) fieldChanges(b[k], a[k], path ? `${path}.${k}` : k, file, out);
    return out;
  }
  const listish = (v: unknown) => v === undefined || Array.isArray(v);
  const ofObjects = (v: unknown) => Array.isArray(v) && v.some(isObject);
  if (listish(before) && listish(after) && (ofObjects(before) || ofObjects(after))) {
    const b = (before ?? []) as unknown[];
    const a = (after ?? []) as unknown[];
    for (let k = 0; k < Math.max(a.length, b.length); k++) fieldChanges(b[k], a[k], `${path}[${k}]`, file, out);
    return out;
  }
  out.push({ field: path, file, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
  return out;
}

/**
 * The CSV files applied to the record in `files`.
 * @param csvs file name → CSV text, e.g. { "control.csv": "\uFEFFid,place,…" }
 */
export function importCsv(files: FileSet, csvs: Record<string, string | undefined>): ImportResult {
  const before = readDataset(files);
  const problems: CsvProblem[] = [];
  const sheets = new Map<string, Sheet>();
  for (const spec of KINDS) {
    const sheet = openSheet(spec.csv, csvs[spec.csv], spec.columns, problems);
    if (sheet) sheets.set(spec.csv, sheet);
  }
  const citeSheet = openSheet(CITATIONS_CSV, csvs[CITATIONS_CSV], CITATION_COLUMNS, problems);
  const headers = Object.fromEntries([...sheets.values(), ...(citeSheet ? [citeSheet] : [])].map((s) => [s.csv, s.header]));
  const b = new Builder(before, headers);
  if (problems.length > 0 || !citeSheet) {
    return { writes: {}, files, changes: [], problems, relaid: [], before, after: before, origins: b.origins };
  }
  b.readCitations(citeSheet);

  // Every id each sheet names, first row wins; the rest are reported.
  const rowsOf = new Map<KindName, { id: string; r: SheetRow }[]>();
  for (const spec of KINDS) {
    const seen = new Map<string, number>();
    const ids = new Map<string, number>();
    b.origins.ids.set(spec.csv, ids);
    const rows: { id: string; r: SheetRow }[] = [];
    for (const r of sheets.get(spec.csv)!.rows) {
      const id = r.get('id');
      if (id === '') {
        b.problems.push({ csv: spec.csv, row: r.row, column: 'id', message: `id is empty — every ${spec.what} needs an id: lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04"` });
        continue;
      }
      if (seen.has(id)) {
        b.problems.push({ csv: spec.csv, row: r.row, column: 'id', id, message: `id "${id}" is also on row ${seen.get(id)} — ids are unique; give this ${spec.what} its own id, or delete one of the rows` });
        continue;
      }
      if (spec.kind === 'sources' && !ID.test(id)) {
        b.problems.push({ csv: spec.csv, row: r.row, column: 'id', id, message: `id ${JSON.stringify(id)} cannot name a file in data/sources/: ids are lower-case letters, digits and single hyphens, e.g. "tass-2019-01-15-haftar-moscow"` });
        continue;
      }
      seen.set(id, r.row);
      ids.set(id, r.row);
      rows.push({ id, r });
    }
    rowsOf.set(spec.kind, rows);
  }

  // The translations of a record or actor that is gone (or moved to another sheet, where it is new) go with it.
  const kept = new Set<string>();
  for (const spec of KINDS) {
    if (spec.kind === 'sources') continue;
    const oldIds = new Set(before.lists[spec.kind].map((r) => String(r.id)));
    for (const { id } of rowsOf.get(spec.kind)!) if (oldIds.has(id)) kept.add(id);
  }
  for (const spec of KINDS) {
    if (spec.kind === 'sources') continue;
    for (const r of before.lists[spec.kind]) {
      const id = String(r.id);
      if (!kept.has(id)) for (const lang of TABLE_LANGS) delete b.tables[lang][id];
    }
  }

  const after: Dataset = { lists: {} as Dataset['lists'], sources: new Map(), tables: b.tables };
  for (const spec of KINDS) {
    const rows = rowsOf.get(spec.kind)!;
    if (spec.kind === 'sources') {
      for (const { id, r } of rows) {
        const old = before.sources.get(id);
        after.sources.set(id, { path: old?.path ?? sourcePath(id), data: b.record(spec, old?.data, id, r) });
      }
      continue;
    }
    const oldList = before.lists[spec.kind];
    const oldById = new Map(oldList.map((r) => [String(r.id), r]));
    const built = rows.map(({ id, r }) => ({ id, row: r.row, record: b.record(spec, oldById.get(id), id, r), isNew: !oldById.has(id) }));
    const list = ordered(oldList, built);
    after.lists[spec.kind] = list.map((x) => x.record);
    b.origins.rows.set(spec.file!, list.map((x) => x.row));
  }
  const recordIds = new Map(CITED.flatMap((spec) => rowsOf.get(spec.kind)!.map(({ id }) => [id, spec.csv] as const)));
  b.unusedCitations(recordIds);

  const { writes, relaid } = writesOf(files, before, after);
  const next: FileSet = { ...files };
  for (const [path, text] of Object.entries(writes)) {
    if (text === null) delete next[path];
    else next[path] = text;
  }
  return { writes, files: next, changes: changesOf(before, after, b.origins), problems: b.problems, relaid, before, after, origins: b.origins };
}

function writesOf(files: FileSet, before: Dataset, after: Dataset): { writes: Record<string, string | null>; relaid: string[] } {
  const writes: Record<string, string | null> = {};
  for (const spec of KINDS) {
    if (spec.kind === 'sources') continue;
    if (!same(before.lists[spec.kind], after.lists[spec.kind])) writes[spec.file!] = serialize(after.lists[spec.kind]);
  }
  for (const [id, s] of after.sources) if (!same(before.sources.get(id)?.data, s.data)) writes[s.path] = serialize(s.data);
  for (const [id, s] of before.sources) if (!after.sources.has(id) && writes[s.path] === undefined) writes[s.path] = null;
  for (const lang of TABLE_LANGS) if (!same(before.tables[lang], after.tables[lang])) writes[i18nFile(lang)] = serialize(after.tables[lang]);
  const relaid = Object.keys(writes).filter((path) => {
    const text = files[path];
    if (typeof text !== 'string' || writes[path] === null) return false;
    try {
      return serialize(JSON.parse(text)) !== text;
    } catch {
      return true;
    }
  });
  return { writes, relaid };
}

function changesOf(before: Dataset, after: Dataset, origins: Origins): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const spec of KINDS) {
    const file = (id: string) => (spec.kind === 'sources' ? (after.sources.get(id)?.path ?? before.sources.get(id)!.path) : spec.file!);
    const olds = spec.kind === 'sources' ? new Map([...before.sources].map(([id, s]) => [id, s.data])) : new Map(before.lists[spec.kind as ListKind].map((r) => [String(r.id), r]));
    const news = spec.kind === 'sources' ? new Map([...after.sources].map(([id, s]) => [id, s.data])) : new Map(after.lists[spec.kind as ListKind].map((r) => [String(r.id), r]));
    const rows = origins.ids.get(spec.csv)!;
    const found: RecordChange[] = [];
    for (const [id, record] of news) {
      const old = olds.get(id);
      const fields = fieldChanges(old, record, '', file(id));
      if (spec.kind !== 'sources') {
        for (const lang of TABLE_LANGS) {
          const b = old === undefined ? undefined : before.tables[lang][id];
          const a = after.tables[lang][id];
          for (const ch of fieldChanges(isObject(b) ? b : undefined, isObject(a) ? a : undefined, '', i18nFile(lang))) fields.push({ ...ch, field: `${ch.field}.${lang}` });
        }
      }
      if (old === undefined) found.push({ kind: spec.kind, id, type: 'added', csv: spec.csv, row: rows.get(id), fields });
      else if (fields.length > 0) found.push({ kind: spec.kind, id, type: 'changed', csv: spec.csv, row: rows.get(id), fields });
    }
    found.sort((x, y) => (x.row ?? 0) - (y.row ?? 0));
    changes.push(...found);
    for (const id of olds.keys()) if (!news.has(id)) changes.push({ kind: spec.kind, id, type: 'removed', csv: spec.csv, fields: [] });
  }
  return changes;
}
