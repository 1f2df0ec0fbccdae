/**
 * The valid fixture set (tests/fixtures/valid/) and ways to break it, for the validator's tests.
 * Every helper returns a new file set; nothing is shared or mutated between tests.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readTree } from '../../scripts/validate/disk.ts';
import { formatProblem, validateAll, type FileSet, type Problem } from '../../scripts/validate/index.ts';

export const VALID_DIR = fileURLToPath(new URL('../fixtures/valid/', import.meta.url));
export const INVALID_DIR = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
/** "Today" for the tests. */
export const NOW = new Date('2026-11-15T12:00:00Z');

/** The valid set as the CLI reads it (data/ and geo/, links not followed). */
export const valid = (): FileSet => readTree(VALID_DIR);

// Fixtures are edited freely in the tests; their shape is what is under test.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** As the files are written: GeoJSON one feature per line (as scripts/build-geo.ts does), data indented. */
export function serialize(file: string, data: Json): string {
  if (file.endsWith('.geojson') && Array.isArray(data?.features)) {
    return `{"type":"FeatureCollection","features":[\n${data.features.map((f: Json) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The valid set with one file's JSON changed by `edit` (which may mutate or return a new value). */
export function withEdit(file: string, edit: (data: Json) => Json | void, base: FileSet = valid()): FileSet {
  const text = base[file];
  if (typeof text !== 'string') throw new Error(`${file} is not a text in the fixture`);
  const data = JSON.parse(text);
  const result = edit(data);
  return { ...base, [file]: serialize(file, result === undefined ? data : result) };
}

export const byId = (list: Json[], id: string): Json => list.find((r: Json) => r.id === id);

/** The files without the Arabic and Russian texts of `ids` (for a test that removes or renames those records). */
export function withoutTranslations(files: FileSet, ...ids: string[]): FileSet {
  let out = files;
  for (const lang of ['ar', 'ru']) {
    const file = `data/i18n/${lang}.json`;
    if (typeof out[file] === 'string') out = withEdit(file, (t: Json) => void ids.forEach((id) => delete t[id]), out);
  }
  return out;
}

export const check = (files: FileSet): Problem[] => validateAll(files, { now: NOW });
export const lines = (files: FileSet): string[] => check(files).map(formatProblem);
export const messages = (files: FileSet): string[] => check(files).map((p) => p.message);

/** Exactly one problem, returned for further assertions. */
export function only(files: FileSet): Problem {
  const problems = check(files);
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0]!;
}
