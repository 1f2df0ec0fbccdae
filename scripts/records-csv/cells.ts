/**
 * A cell and the value it stands for, both ways, and the CSV text of a table (papaparse does the
 * quoting). Spreadsheets run a cell that begins with = + - @ (or a tab or carriage return) as a
 * formula (LibreOffice turns "=1+1" into 2 and "+7" into 7), so such a text is written with an
 * apostrophe in front, "'=1+1", which LibreOffice and Excel keep as plain text; reading strips it
 * again. A text that already begins with apostrophes before such a character gets one more, so
 * every text comes back as it was.
 */
import Papa from 'papaparse';
import type { Column } from './spec.ts';

const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The text as written in a cell, safe from being run as a formula. */
export const guard = (text: string): string => (FORMULA.test(text) ? `'${text}` : text);

/** A cell as read, the guard taken off. Line breaks inside it are kept as they are (the validator rejects them in any text). */
export const unguard = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);

/** Ids in a list cell are separated by commas (semicolons and spaces are read too). */
export const LIST_SEPARATOR = ', ';

/**
 * The text of a field's value in a cell of `column` (before the formula guard). For "lang"
 * columns and claims the caller picks the value (the text in that language, the claimants).
 */
export function cellOf(column: Column, value: unknown): string {
  if (value === undefined) return '';
  switch (column.type) {
    case 'text-or-null':
      return value === null ? '' : textOf(value);
    case 'bool':
      return typeof value === 'boolean' ? String(value) : textOf(value);
    case 'list':
    case 'claims':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(LIST_SEPARATOR) : textOf(value);
    default:
      return textOf(value);
  }
}

/** Anything that is not text (in a broken file) is shown as JSON, so it can be seen and fixed. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The value a cell stands for (after unguard); undefined is a field left out. A cell that does not
 * read as its column's type is passed on as text, for the validator to say what is wrong with it.
 */
export function valueOf(column: Column, cell: string): unknown {
  switch (column.type) {
    case 'text':
    case 'lang':
      return cell === '' ? undefined : cell;
    case 'text-or-null':
      return cell === '' ? null : cell;
    case 'bool':
      if (cell === '') return undefined;
      if (/^true$/i.test(cell.trim())) return true;
      if (/^false$/i.test(cell.trim())) return false;
      return cell;
    case 'list':
    case 'claims': {
      const ids = cell.split(/[\s,;]+/).filter(Boolean);
      if (ids.length === 0) return column.type === 'list' && column.required ? [] : undefined;
      return ids;
    }
  }
}

const BOM = '\uFEFF';

/**
 * The CSV text of a table: UTF-8 with a byte-order mark (Excel reads UTF-8 only with it; LibreOffice
 * either way), comma-separated, quoted where needed, CRLF between rows (RFC 4180) and after the last.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(guard)) }, { newline: '\r\n', escapeFormulae: false });
  return `${BOM}${body}\r\n`;
}

export interface ParsedCsv {
  header: string[];
  /** Rows after the header; `row` is the spreadsheet's row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  /** What papaparse could not read, with the spreadsheet row. */
  errors: { row: number; message: string }[];
}

/**
 * Reads a CSV file as a spreadsheet saves it: with or without a byte-order mark, separated by
 * commas, semicolons or tabs (whichever the header row uses), with any line endings. Rows whose
 * cells are all empty are left out. Cells are returned as written (see unguard).
 */
export function readCsv(text: string): ParsedCsv {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.indexOf(d)] as const).filter(([, i]) => i !== -1).sort((a, b) => a[1] - b[1])[0]?.[0] ?? ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const [header = [], ...rest] = parsed.data;
  const rows: ParsedCsv['rows'] = [];
  rest.forEach((cells, i) => {
    if (cells.some((c) => c !== '')) rows.push({ row: i + 2, cells });
  });
  const errors = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  return { header, rows, errors };
}
