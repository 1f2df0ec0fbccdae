/**
 * The two commands as an editor runs them, on a copy of the valid fixture set in a temporary folder
 * (never on data/): export, edit one cell, a dry run that writes nothing, --write, and an export
 * that will not write over edits not yet imported.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, unguard, writeCsv } from '../../scripts/records-csv/cells.ts';

const REPO = resolve(import.meta.dirname, '../..');
const TSX = join(REPO, 'node_modules/.bin/tsx');
const roots: string[] = [];

/** A copy of the valid fixture set and its export in sheets/, and a way to run the commands on it. */
function fresh() {
  const root = mkdtempSync(join(tmpdir(), 'atlas-csv-'));
  roots.push(root);
  cpSync(join(REPO, 'tests/fixtures/valid'), root, { recursive: true });
  const run = (script: string, ...args: string[]) => {
    const r = spawnSync(TSX, [join(REPO, 'scripts', script), '--root', root, ...args], { encoding: 'utf8', cwd: root });
    return { status: r.status, out: r.stdout, err: r.stderr };
  };
  return { root, csv: join(root, 'sheets'), run };
}

/** Sets one cell of the first row of a CSV file, as a spreadsheet would. */
function setCell(file: string, column: string, value: string): void {
  const sheet = readCsv(readFileSync(file, 'utf8'));
  sheet.rows[0]!.cells[sheet.header.indexOf(column)] = value;
  writeFileSync(file, writeCsv(sheet.header, sheet.rows.map((r) => r.cells.map(unguard))));
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('npm run records:export and records:import', () => {
  // Each command starts tsx and the validator: seconds, not milliseconds.
  it('export, edit a cell, dry run, write', { timeout: 60_000 }, () => {
    const { root, csv, run } = fresh();
    const exported = run('records-export.ts', '--out', csv);
    expect(exported.err).toBe('');
    expect(exported.out).toMatch(/^Wrote sheets\/: actors\.csv \(9 rows\), sources\.csv \(2 rows\), control\.csv \(19 rows\), presence\.csv \(1 rows\), events\.csv \(4 rows\), citations\.csv \(\d+ rows\), places\.csv/);
    expect(run('records-import.ts', '--in', csv).out).toBe('No changes: data/ already holds what sheets/ says.\n');

    setCell(join(csv, 'presence.csv'), 'strength_en', 'about 300 (reported)');
    const before = readFileSync(join(root, 'data/presence.json'), 'utf8');

    const dry = run('records-import.ts', '--in', csv);
    expect(dry.status).toBe(0);
    expect(dry.out).toBe(
      [
        'changed presence wagner-sabha (sheets/presence.csv row 2)',
        '    strength.en: "several hundred (reported)" → "about 300 (reported)"',
        '1 changed, 0 added, 0 removed; the validator finds no problem. Files: data/presence.json.',
        'Dry run: nothing written. To write these changes into data/: npm run records:import -- --write',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(root, 'data/presence.json'), 'utf8')).toBe(before);
    expect(run('records-export.ts', '--out', csv).err).toMatch(/^Nothing exported: sheets\/ holds edits not yet in data\/ \(1 changed, 0 added, 0 removed\)/);

    const written = run('records-import.ts', '--in', csv, '--write');
    expect(written.status).toBe(0);
    expect(readFileSync(join(root, 'data/presence.json'), 'utf8')).toBe(before.replace('"en": "several hundred (reported)"', '"en": "about 300 (reported)"'));
    expect(run('records-import.ts', '--in', csv).out).toBe('No changes: data/ already holds what sheets/ says.\n');
  });

  it('a broken cell: nothing written, the problem at its row and column', { timeout: 60_000 }, () => {
    const { root, csv, run } = fresh();
    expect(run('records-export.ts', '--out', csv).status).toBe(0);
    setCell(join(csv, 'events.csv'), 'date', '1976-13');
    const before = readFileSync(join(root, 'data/events.json'), 'utf8');
    const r = run('records-import.ts', '--in', csv, '--write');
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      'sheets/events.csv row 2, column B (date) [gaddafi-visit-moscow-1976] date: "1976-13" is not a real date — check the month (01–12) and the day (it must exist in that month)\n' +
        '1 problem: nothing written. Correct the cells named above and run npm run records:import again.\n',
    );
    expect(readFileSync(join(root, 'data/events.json'), 'utf8')).toBe(before);
  });
});
