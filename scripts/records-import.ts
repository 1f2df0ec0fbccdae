/**
 * `npm run records:import`: reads the CSV files of records-csv/ (or `-- --in <folder>`) back,
 * applies them to data/, checks the result with the validator (`npm run validate`'s checks, on the
 * files as they would be), and prints every change: records added, changed field by field (before →
 * after) and removed. It writes data/ only with `-- --write` and only when the validator finds
 * nothing; without it, it is a dry run. Each problem is printed at its CSV file, row and column.
 *
 * Changing or removing a published record needs an entry in data/corrections.json: with
 * `--reason "why" --source <source-id>` the import writes it (every field changed, before and
 * after), dated today or `--date YYYY-MM-DD`. `--root <folder>` works on the data/ of another folder.
 * See data/README.md, "Editing in a spreadsheet".
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDate, todayOf } from './validate/dates.ts';
import { readTree } from './validate/disk.ts';
import { validateAll } from './validate/index.ts';
import { correctionOf, withCorrectionIn } from './records-csv/correction.ts';
import { csvDir, EDITABLE, flag, option, readCsvFolder, rootDir, shown } from './records-csv/files.ts';
import { importCsv, type ImportResult } from './records-csv/import.ts';
import { formatAll } from './records-csv/locate.ts';
import { countChanges, formatChanges } from './records-csv/report.ts';

/** At most this many problems are printed; the count says how many there are. */
const MAX_SHOWN = 100;

const root = rootDir();
const dir = csvDir(root, 'in');
const shownDir = shown(dir);
const write = flag('write');
const reason = option('reason');
const source = option('source');
if ((reason === undefined) !== (source === undefined)) {
  console.error('--reason and --source go together: --reason "why the records were corrected" --source <the id of the source that prompted it>');
  process.exit(2);
}

const files = readTree(root);
const { csvs, notUtf8 } = readCsvFolder(dir);
if (notUtf8.length > 0) {
  for (const name of notUtf8) console.error(`${shownDir}/${name} is not UTF-8 text — save it again as "CSV UTF-8" (Excel) or with the character set "Unicode (UTF-8)" (LibreOffice)`);
  process.exit(1);
}
if (Object.keys(csvs).length === 0) {
  console.error(`No CSV files in ${shownDir}/ (expected ${EDITABLE.join(', ')}) — run npm run records:export first.`);
  process.exit(1);
}

let result: ImportResult;
try {
  result = importCsv(files, csvs);
} catch (error) {
  console.error(`Nothing imported: ${error instanceof Error ? error.message : String(error)}.`);
  process.exit(1);
}

let corrected = '';
if (reason !== undefined && source !== undefined) {
  const entry = correctionOf(result, files, { date: option('date') ?? formatDate(todayOf(new Date())), reason, source });
  if (entry) {
    result = withCorrectionIn(result, entry);
    corrected = `data/corrections.json: a correction of ${(entry.records as string[]).join(', ')} (${(entry.changes as unknown[]).length} change${(entry.changes as unknown[]).length === 1 ? '' : 's'}), source ${source}`;
  } else corrected = 'No published record changes: --reason and --source are not needed, and no correction is written.';
}

const changeLines = formatChanges(result.changes, shownDir);
for (const line of changeLines) console.log(line);
if (corrected) console.log(corrected);
for (const path of result.relaid) console.log(`note: ${path} was not in data/'s usual layout (JSON indented by two spaces); it is written in it`);

const checked = validateAll(result.files);
const problems = formatAll(result.problems, checked, result, shownDir);

if (problems.length > 0) {
  for (const line of problems.slice(0, MAX_SHOWN)) console.error(line);
  if (problems.length > MAX_SHOWN) console.error(`… and ${problems.length - MAX_SHOWN} more`);
  if (reason === undefined && checked.some((p) => p.rule === 'corrections')) {
    console.error('A published record changed: log why with --reason "why" --source <source-id>, and the import writes the entry in data/corrections.json (see data/README.md, "Editing in a spreadsheet").');
  }
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'}: nothing written. Correct the cells named above and run npm run records:import again.`);
  process.exit(1);
}

const paths = Object.keys(result.writes).sort();
if (paths.length === 0) {
  console.log(`No changes: data/ already holds what ${shownDir}/ says.`);
  process.exit(0);
}
console.log(`${countChanges(result.changes)}; the validator finds no problem. Files: ${paths.map((p) => (result.writes[p] === null ? `${p} (deleted)` : p)).join(', ')}.`);
if (!write) {
  console.log('Dry run: nothing written. To write these changes into data/: npm run records:import -- --write');
  process.exit(0);
}
for (const path of paths) {
  const text = result.writes[path]!;
  const abs = join(root, path);
  if (text === null) rmSync(abs);
  else {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}
console.log(`Written. Run git diff data/ to read them; commit data/ when they are right.`);
