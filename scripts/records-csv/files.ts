/**
 * The CSV folder on disk, for the two commands: its files read as UTF-8 (a file saved in another
 * encoding is reported, not misread), and the command-line options they share.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CITATIONS_CSV, KINDS } from './spec.ts';

/** The files the import reads (places.csv is for reference only). */
export const EDITABLE = [...KINDS.map((k) => k.csv), CITATIONS_CSV];

export const DEFAULT_DIR = 'records-csv';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Each editable CSV file of `dir` that exists, by name; files that are not UTF-8 are listed apart. */
export function readCsvFolder(dir: string): { csvs: Record<string, string>; notUtf8: string[] } {
  const csvs: Record<string, string> = {};
  const notUtf8: string[] = [];
  for (const name of EDITABLE) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    try {
      csvs[name] = utf8.decode(readFileSync(path));
    } catch {
      notUtf8.push(name);
    }
  }
  return { csvs, notUtf8 };
}

/** `--name value` from the command line. */
export const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** The repository (the folder above scripts/), or --root. */
export const rootDir = (): string => resolve(option('root') ?? join(import.meta.dirname, '../..'));

/** The CSV folder: --out / --in, else records-csv/ in the repository. */
export const csvDir = (root: string, name: 'in' | 'out'): string => resolve(option(name) ?? join(root, DEFAULT_DIR));

/** A path as the editor should read it: relative to where they are, when it is below. */
export const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
};
