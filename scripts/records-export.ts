/**
 * `npm run records:export`: writes the record as CSV files for a spreadsheet, in records-csv/
 * (git-ignored) or `-- --out <folder>`: actors, sources, control, presence, events, citations (one
 * row per citation) and places (ids for reference). It will not write over CSV files holding edits
 * that `npm run records:import` has not brought into data/ yet, unless given `--force`.
 * `--root <folder>` exports the data/ of another folder. See data/README.md, "Editing in a spreadsheet".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from './validate/disk.ts';
import { readCsv } from './records-csv/cells.ts';
import { exportCsv } from './records-csv/export.ts';
import { csvDir, EDITABLE, flag, readCsvFolder, rootDir, shown } from './records-csv/files.ts';
import { importCsv } from './records-csv/import.ts';
import { countChanges } from './records-csv/report.ts';

const root = rootDir();
const dir = csvDir(root, 'out');
const files = readTree(root);

let out: Record<string, string>;
try {
  out = exportCsv(files);
} catch (error) {
  console.error(`Nothing exported: ${error instanceof Error ? error.message : String(error)}.`);
  process.exit(1);
}

// CSV files already there may hold an editor's work: only write over them when data/ already has it.
const { csvs, notUtf8 } = readCsvFolder(dir);
if (!flag('force') && (Object.keys(csvs).length > 0 || notUtf8.length > 0)) {
  const pending = notUtf8.length > 0 ? undefined : importCsv(files, csvs);
  if (!pending || pending.problems.length > 0 || pending.changes.length > 0) {
    const what = pending && pending.problems.length === 0 ? `edits not yet in data/ (${countChanges(pending.changes)})` : 'files the import cannot read as they are';
    console.error(`Nothing exported: ${shown(dir)}/ holds ${what}. Run npm run records:import to see them, or export over them with npm run records:export -- --force.`);
    process.exit(1);
  }
}

mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(out)) writeFileSync(join(dir, name), text);
const rows = (text: string) => readCsv(text).rows.length;
console.log(`Wrote ${shown(dir)}/: ${Object.entries(out).map(([name, text]) => `${name} (${rows(text).toLocaleString('en-GB')} rows)`).join(', ')}.`);
console.log(`Edit ${EDITABLE.join(', ')} in a spreadsheet, save them as CSV (UTF-8), then run npm run records:import.`);
