/**
 * The validator's problems, pointed at the CSV cell they come from. The validator names a file of
 * data/ and a line of it; the import wrote that file, so the line's value (record, field, citation)
 * leads back to the CSV file, row and column it was made from. A problem in a file the CSV files do
 * not make (geo/, data/corrections.json) is left as the validator wrote it.
 */
import { visit } from 'jsonc-parser';
import { I18N_DIR } from '../validate/records.ts';
import { formatProblem, type Problem } from '../validate/report.ts';
import { isObject, type Obj } from './dataset.ts';
import type { CsvProblem, ImportResult } from './import.ts';
import { CITATIONS_CSV, columnLetter, isSourcePath, KINDS, LANGS, TABLE_LANGS, type KindSpec } from './spec.ts';

type Path = (string | number)[];

/** The value each line of a JSON text begins (its key, for an object's member), as a path; lines count from 1. */
export function pathsByLine(text: string): Map<number, Path> {
  const byLine = new Map<number, Path>();
  const frames: { path: Path; array: boolean; index: number; member: string }[] = [];
  const at = (line: number, path: Path) => {
    if (!byLine.has(line + 1)) byLine.set(line + 1, path);
  };
  const begin = (line: number): Path => {
    const top = frames[frames.length - 1];
    if (!top) return [];
    if (!top.array) return [...top.path, top.member];
    const path = [...top.path, ++top.index];
    at(line, path);
    return path;
  };
  const open = (array: boolean) => (_o: number, _l: number, line: number) => void frames.push({ path: begin(line), array, index: -1, member: '' });
  visit(text, {
    onObjectBegin: open(false),
    onArrayBegin: open(true),
    onObjectEnd: () => void frames.pop(),
    onArrayEnd: () => void frames.pop(),
    onObjectProperty: (property, _o, _l, line) => {
      const top = frames[frames.length - 1]!;
      top.member = property;
      at(line, [...top.path, property]);
    },
    onLiteralValue: (_v, _o, _l, line) => void begin(line),
  });
  return byLine;
}

const KIND_BY_FILE = new Map(KINDS.flatMap((k) => (k.file ? [[k.file, k] as const] : [])));
const SOURCES = KINDS.find((k) => k.kind === 'sources')!;

interface Cell {
  csv: string;
  row?: number;
  column?: string;
}

/** The cell a path inside a record stands for: its own row, or a row of citations.csv. */
function cellOfPath(spec: KindSpec, record: Obj | undefined, row: number | undefined, inner: Path, result: ImportResult): Cell {
  const id = String(record?.id ?? '');
  const [field, ...rest] = inner;
  const citation = (claim: string, k: unknown, sub: unknown): Cell | undefined => {
    if (typeof k !== 'number') return undefined;
    const at = result.origins.citations.get(`${id}\0${claim}\0${k}`);
    return at === undefined ? undefined : { csv: CITATIONS_CSV, row: at, column: typeof sub === 'string' ? sub : 'source' };
  };
  if (field === 'sources' && spec.cited) return citation('', rest[0], rest[1]) ?? { csv: spec.csv, row };
  if (field === 'claims') {
    const claim = Array.isArray(record?.claims) && typeof rest[0] === 'number' ? (record.claims as unknown[])[rest[0]] : undefined;
    if (rest[1] === 'sources' && isObject(claim)) return citation(String(claim.actor), rest[2], rest[3]) ?? { csv: spec.csv, row, column: 'claims' };
    return { csv: spec.csv, row, column: 'claims' };
  }
  const lang = spec.columns.find((c) => c.type === 'lang' && c.field === field && c.lang === (LANGS.includes(rest[0] as never) ? rest[0] : 'en'));
  if (lang) return { csv: spec.csv, row, column: lang.name };
  const plain = spec.columns.find((c) => c.field === field);
  return { csv: spec.csv, row, column: plain?.name };
}

/** The record of a list file at `index`, in the would-be data. */
const recordAt = (result: ImportResult, spec: KindSpec, index: number): Obj | undefined =>
  spec.kind === 'sources' ? undefined : result.after.lists[spec.kind][index];

const scanned = new WeakMap<ImportResult, Map<string, Map<number, Path> | undefined>>();

/** The paths by line of a would-be file, scanned once per file. */
function linesOf(result: ImportResult, file: string): Map<number, Path> | undefined {
  const cache = scanned.get(result) ?? new Map<string, Map<number, Path> | undefined>();
  scanned.set(result, cache);
  if (!cache.has(file)) {
    const text = result.files[file];
    cache.set(file, typeof text === 'string' ? pathsByLine(text) : undefined);
  }
  return cache.get(file);
}

/** The CSV cell a validator problem comes from, or undefined when it is not in a file the import writes. */
export function cellOfProblem(p: Problem, result: ImportResult): Cell | undefined {
  const path = p.line === undefined ? undefined : linesOf(result, p.file)?.get(p.line);
  const listSpec = KIND_BY_FILE.get(p.file);
  const idRow = (csv: string, id: string | undefined) => (id === undefined ? undefined : result.origins.ids.get(csv)?.get(id));
  let cell: Cell | undefined;
  if (listSpec) {
    if (path && typeof path[0] === 'number') {
      const record = recordAt(result, listSpec, path[0]);
      cell = cellOfPath(listSpec, record, result.origins.rows.get(p.file)?.[path[0]], path.slice(1), result);
    } else cell = { csv: listSpec.csv, row: idRow(listSpec.csv, p.id) };
  } else if (isSourcePath(p.file)) {
    cell = path && path.length > 0 ? cellOfPath(SOURCES, undefined, idRow(SOURCES.csv, p.id), path, result) : { csv: SOURCES.csv, row: idRow(SOURCES.csv, p.id) };
  } else if (p.file.startsWith(I18N_DIR)) {
    const lang = TABLE_LANGS.find((l) => p.file === `${I18N_DIR}${l}.json`);
    const id = typeof path?.[0] === 'string' ? path[0] : p.id;
    const spec = KINDS.find((k) => k.kind !== 'sources' && id !== undefined && result.origins.ids.get(k.csv)?.has(id));
    if (!lang || !spec) return undefined;
    const field = typeof path?.[1] === 'string' ? path[1] : undefined;
    const column = spec.columns.find((c) => c.type === 'lang' && c.field === field && c.lang === lang)?.name;
    cell = { csv: spec.csv, row: idRow(spec.csv, id), column };
  }
  if (!cell) return undefined;
  // A field left out is reported at its record's id; the message names the field.
  const missing = /^missing field "([a-zA-Z]+)/.exec(p.message)?.[1];
  const csv = cell.csv;
  if (missing && (cell.column === undefined || cell.column === 'id') && csv !== CITATIONS_CSV) {
    const spec = KINDS.find((k) => k.csv === csv)!;
    const column = spec.columns.find((c) => c.field === missing && (c.type !== 'lang' || c.lang === 'en'));
    if (column) cell = { ...cell, column: column.name };
  }
  return cell;
}

/** Where a problem is, in the CSV folder: `records-csv/control.csv row 12, column E (end)`. */
export function formatCell(cell: Cell, dir: string, headers: Record<string, string[]>): string {
  let where = `${dir}/${cell.csv}`;
  if (cell.row !== undefined) where += ` row ${cell.row}`;
  if (cell.column !== undefined) {
    const i = headers[cell.csv]?.indexOf(cell.column) ?? -1;
    where += `${cell.row === undefined ? '' : ','} column ${i === -1 ? cell.column : `${columnLetter(i)} (${cell.column})`}`;
  }
  return where;
}

/** A problem the import found itself, as a line. */
export function formatCsvProblem(p: CsvProblem, dir: string, headers: Record<string, string[]>): string {
  return `${formatCell(p, dir, headers)} ${p.id === undefined ? '' : `[${p.id}] `}${p.message}`;
}

/** A validator problem as a line: at its CSV cell when it has one, else as `npm run validate` prints it. */
export function formatLocated(p: Problem, result: ImportResult, dir: string): string {
  return formatAll([], [p], result, dir)[0]!;
}

/**
 * Every problem of an import as lines, in the order of the CSV files, rows and columns (the
 * validator sorts by data/ file, which would interleave control.csv and citations.csv); problems
 * in files the CSV files do not make come last, as the validator words them.
 */
export function formatAll(own: readonly CsvProblem[], checked: readonly Problem[], result: ImportResult, dir: string): string[] {
  const order = [...KINDS.map((k) => k.csv), CITATIONS_CSV];
  const headers = result.origins.headers;
  const rank = (cell: Cell | undefined) => {
    if (!cell) return [order.length, 0, 0];
    return [order.indexOf(cell.csv), cell.row ?? 0, cell.column === undefined ? -1 : (headers[cell.csv]?.indexOf(cell.column) ?? -1)];
  };
  const lines = [
    ...own.map((p) => ({ rank: rank(p), text: formatCsvProblem(p, dir, headers) })),
    ...checked.map((p) => {
      const cell = cellOfProblem(p, result);
      return { rank: rank(cell), text: cell ? formatCsvProblem({ ...cell, ...(p.id === undefined ? {} : { id: p.id }), message: p.message }, dir, headers) : formatProblem(p) };
    }),
  ];
  const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  return lines.sort((a, b) => cmp(a.rank, b.rank)).map((l) => l.text);
}
