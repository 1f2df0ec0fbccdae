/**
 * The record as data/ holds it, read from a file set (repo-relative path → text, as the validator
 * takes it), and the few ways the import writes it back: fields set in place so that a record keeps
 * its key order, new fields where the schema puts them, files in the layout data/ uses.
 */
import type { FileSet } from '../validate/files.ts';
import { isSourcePath, KINDS, TABLE_LANGS, i18nFile, type KindName, type TableLang } from './spec.ts';

export type Obj = Record<string, unknown>;
export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ListKind = Exclude<KindName, 'sources'>;
export type Table = Record<string, unknown>;

export interface Dataset {
  /** actors, control, presence, events as their files list them. */
  lists: Record<ListKind, Obj[]>;
  /** Each source by its id, with the file it is in. */
  sources: Map<string, { path: string; data: Obj }>;
  /** data/i18n/ar.json and ru.json (empty when a file is absent). */
  tables: Record<TableLang, Table>;
}

/** The file's JSON; throws a message an editor can act on when it cannot be read. */
function json(files: FileSet, path: string): unknown {
  const text = files[path];
  if (typeof text !== 'string') throw new Error(`${path} is missing or cannot be read — run npm run validate to see why`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error(`${path} is not valid JSON — run npm run validate to see where`);
  }
}

export function readDataset(files: FileSet): Dataset {
  const lists = {} as Dataset['lists'];
  for (const spec of KINDS) {
    if (!spec.file) continue;
    const data = json(files, spec.file);
    if (!Array.isArray(data) || !data.every(isObject)) throw new Error(`${spec.file} is not a list of records — run npm run validate to see why`);
    lists[spec.kind as ListKind] = data;
  }
  const sources = new Map<string, { path: string; data: Obj }>();
  for (const path of Object.keys(files).filter(isSourcePath).sort()) {
    const data = json(files, path);
    if (!isObject(data)) throw new Error(`${path} is not a source record — run npm run validate to see why`);
    const id = typeof data.id === 'string' ? data.id : path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    sources.set(id, { path, data });
  }
  const tables = {} as Dataset['tables'];
  for (const lang of TABLE_LANGS) {
    const data = files[i18nFile(lang)] === undefined ? {} : json(files, i18nFile(lang));
    if (!isObject(data)) throw new Error(`${i18nFile(lang)} is not an object keyed by id — run npm run validate to see why`);
    tables[lang] = data;
  }
  return { lists, sources, tables };
}

/** A data file as data/ writes it: JSON indented by two spaces, a line break at the end. */
export const serialize = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`;

/** The same value with its keys in the same order (what the written file would be). */
export const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * `old` with the fields in `updates` set (undefined: taken out), keeping every other field and the
 * order of the fields it has; a new field goes after the last field that comes before it in
 * `order`. Without updates it returns `old` itself. Without `old`, the fields in `order`'s order.
 * @example withFields({ id: 'a', end: null }, new Map([['start', '1975']]), ['id', 'start', 'end']) // { id: 'a', start: '1975', end: null }
 */
export function withFields(old: Obj | undefined, updates: ReadonlyMap<string, unknown>, order: readonly string[]): Obj {
  if (!old) {
    const out: Obj = {};
    for (const k of [...order, ...updates.keys()]) if (!(k in out) && updates.get(k) !== undefined) out[k] = updates.get(k);
    return out;
  }
  if (updates.size === 0) return old;
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(old)) {
    if (!updates.has(k)) entries.push([k, v]);
    else if (updates.get(k) !== undefined) entries.push([k, updates.get(k)]);
  }
  for (const [k, v] of updates) {
    if (k in old || v === undefined) continue;
    const rank = order.indexOf(k);
    let at = 0;
    entries.forEach(([e], i) => {
      const r = order.indexOf(e);
      if (r !== -1 && r < rank) at = i + 1;
    });
    entries.splice(at, 0, [k, v]);
  }
  return Object.fromEntries(entries);
}
