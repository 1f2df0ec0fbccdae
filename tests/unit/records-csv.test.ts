/**
 * The spreadsheet round trip (npm run records:export / records:import): CSV files out, back in,
 * byte for byte when nothing was edited, exactly the edited field when a cell was, and the
 * validator's message at the CSV row and column when a cell is wrong. Everything runs on file sets
 * in memory: nothing here writes into data/.
 *
 * tests/fixtures/records-csv/in/ is laid over the valid fixture set with what a spreadsheet finds
 * hard (claims, formulas, quotes, line breaks, Arabic, texts in the record and in data/i18n/);
 * out/ holds its expected CSV files: `REGEN=1 npx vitest run tests/unit/records-csv.test.ts`
 * rewrites them (read the diff before committing them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../scripts/validate/disk.ts';
import { fieldsOfType } from '../../scripts/validate/schema-messages.ts';
import { Citation, ControlPeriod, Localized } from '../../src/lib/records/schema.ts';
import { guard, readCsv, unguard, writeCsv } from '../../scripts/records-csv/cells.ts';
import { correctionOf, withCorrectionIn } from '../../scripts/records-csv/correction.ts';
import { readDataset, serialize, withFields } from '../../scripts/records-csv/dataset.ts';
import { exportCsv } from '../../scripts/records-csv/export.ts';
import { importCsv, type ImportResult } from '../../scripts/records-csv/import.ts';
import { formatAll, formatCsvProblem, formatLocated } from '../../scripts/records-csv/locate.ts';
import { formatChanges } from '../../scripts/records-csv/report.ts';
import { CITATION_COLUMNS, columnLetter, fieldOrder, KINDS, TABLE_LANGS, i18nFile } from '../../scripts/records-csv/spec.ts';
import type { FileSet } from '../../scripts/validate/index.ts';
import { validateAll } from '../../scripts/validate/index.ts';
import { check, valid } from './validate-fixture.ts';

/** The real data is checked as of today, as npm run validate does. */
const checkToday = (files: FileSet) => validateAll(files);

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/records-csv');
/** The repository's own data/ and geo/, read only. */
const real = (): FileSet => readTree(REPO);
const tricky = (): FileSet => ({ ...valid(), ...readTree(join(FIXTURE, 'in')) });

/** The CSV text of one file as rows of cells (header first), for editing like a spreadsheet. */
const sheet = (text: string): string[][] => {
  const parsed = readCsv(text);
  return [parsed.header, ...parsed.rows.map((r) => r.cells)];
};
const unsheet = (rows: string[][]): string => writeCsv(rows[0]!, rows.slice(1).map((r) => r.map(unguard)));

/** The CSV files with one file edited as rows of cells. */
function edited(csvs: Record<string, string>, file: string, edit: (rows: string[][]) => void): Record<string, string> {
  const rows = sheet(csvs[file]!);
  edit(rows);
  return { ...csvs, [file]: unsheet(rows) };
}
const col = (rows: string[][], name: string): number => rows[0]!.indexOf(name);
const rowOf = (rows: string[][], id: string, column = 'id'): string[] => rows.find((r) => r[col(rows, column)] === id)!;
const setCell = (rows: string[][], id: string, name: string, value: string): void => void (rowOf(rows, id)[col(rows, name)] = value);

/** Every file the import would write, written even when unchanged: each must be the file as it is. */
function rewritten(result: ImportResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of KINDS) if (spec.file) out[spec.file] = serialize(result.after.lists[spec.kind as Exclude<typeof spec.kind, 'sources'>]);
  for (const s of result.after.sources.values()) out[s.path] = serialize(s.data);
  for (const lang of TABLE_LANGS) if (Object.keys(result.after.tables[lang]).length > 0) out[i18nFile(lang)] = serialize(result.after.tables[lang]);
  return out;
}

/** The lines of two texts that differ, as [before, after] (the texts must have as many lines). */
function changedLines(before: string, after: string): [string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length, 'as many lines').toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

describe('CSV cells', () => {
  it('guards formulas so that every text comes back as it was', () => {
    const texts = ['=1+1', '+7', '-5', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x", "'quoted'", "'", 'plain', '', 'a=b', 'طرابلس'];
    for (const t of texts) expect(unguard(guard(t))).toBe(t);
    expect(texts.map(guard)).toEqual(["'=1+1", "'+7", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "''=x", "'''+x", "'quoted'", "'", 'plain', '', 'a=b', 'طرابلس']);
  });

  it('writes UTF-8 with a byte-order mark and CRLF, quoting only what needs it, and reads its own output back', () => {
    const rows = [['a,b', 'say "hi"', 'line\nbreak', 'طرابلس الغرب', '=1+1', ' lead']];
    const text = writeCsv(['x', 'y', 'z', 'w', 'f', 's'], rows);
    expect(text).toBe('\uFEFFx,y,z,w,f,s\r\n"a,b","say ""hi""","line\nbreak",طرابلس الغرب,\'=1+1," lead"\r\n');
    const back = readCsv(text);
    expect(back.header).toEqual(['x', 'y', 'z', 'w', 'f', 's']);
    expect(back.rows.map((r) => r.cells.map(unguard))).toEqual(rows);
  });

  it('reads what spreadsheets save: no byte-order mark, semicolons or tabs, LF, every cell quoted, blank rows', () => {
    for (const text of ['x;y\n"1";"a;b"\n\n', 'x\ty\r\n1\ta;b\r\n', '"x","y"\n"1","a;b"\n,\n']) {
      const back = readCsv(text);
      expect(back.header).toEqual(['x', 'y']);
      expect(back.rows.map((r) => r.cells)).toEqual([['1', 'a;b']]);
      expect(back.rows[0]!.row).toBe(2);
    }
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('sets fields in place and puts a new one where the schema has it', () => {
    const order = fieldOrder(ControlPeriod);
    const old = { id: 'a', place: 'p', start: '1975', end: null, sources: [], note: { en: 'n' } };
    expect(withFields(old, new Map(), order)).toBe(old);
    const out = withFields(old, new Map<string, unknown>([['circa', true], ['end', '1976'], ['note', undefined], ['actor', 'x']]), order);
    expect(Object.keys(out)).toEqual(['id', 'place', 'actor', 'start', 'end', 'circa', 'sources']);
    expect(out.end).toBe('1976');
  });
});

describe('the columns', () => {
  it('cover every field of every schema: a text in three languages as three columns, citations and claims in citations.csv', () => {
    for (const spec of KINDS) {
      const localized = fieldsOfType(spec.schema, Localized);
      const covered = new Set(spec.columns.map((c) => c.field));
      const missing = fieldOrder(spec.schema).filter((f) => !covered.has(f) && !(spec.cited && f === 'sources'));
      expect(missing, `${spec.csv} has no column for`).toEqual([]);
      for (const f of localized) expect(spec.columns.filter((c) => c.field === f).map((c) => c.name)).toEqual([`${f}_en`, `${f}_ar`, `${f}_ru`]);
    }
    expect(CITATION_COLUMNS.slice(3).map((c) => c.field)).toEqual(fieldOrder(Citation));
  });
});

describe('export (tests/fixtures/records-csv)', () => {
  const csvs = exportCsv(tricky());
  const expectedDir = join(FIXTURE, 'out');
  for (const name of Object.keys(csvs)) {
    it(name, () => {
      const file = join(expectedDir, name);
      if (process.env['REGEN']) writeFileSync(file, csvs[name]!);
      expect(existsSync(file), `${file} is missing: run REGEN=1 npx vitest run tests/unit/records-csv.test.ts, then read it`).toBe(true);
      expect(csvs[name]).toBe(readFileSync(file, 'utf8'));
    });
  }
  it('writes no other file', () => expect(readdirSync(expectedDir).sort()).toEqual(Object.keys(csvs).sort()));

  it('takes Arabic and Russian from the record or from data/i18n/, wherever they are', () => {
    const events = sheet(csvs['events.csv']!);
    const founded = rowOf(events, 'kingdom-founded-1951');
    expect(founded[col(events, 'title_ar')]).toBe('الاستقلال');
    expect(founded[col(events, 'title_ru')]).toBe('Независимость');
    expect(founded[col(events, 'note_ar')]).toBe('ملاحظة في السجل نفسه');
    const actors = sheet(csvs['actors.csv']!);
    expect(rowOf(actors, 'wagner')[col(actors, 'name_ar')], 'the record wins over the table').toBe('فاغنر (في السجل)');
  });
});

describe('a round trip with no edit', () => {
  for (const [name, files] of [
    ['the fixture set', tricky],
    ['the real data', real],
  ] as const) {
    it(`changes nothing, byte for byte: ${name}`, () => {
      const input = files();
      const result = importCsv(input, exportCsv(input));
      expect(result.problems).toEqual([]);
      expect(result.changes).toEqual([]);
      expect(result.writes).toEqual({});
      // Written anyway, every file would be what it is now.
      const again = rewritten(result);
      expect(Object.keys(again).length).toBeGreaterThan(4);
      for (const [path, text] of Object.entries(again)) expect(text, path).toBe(input[path]);
    });
  }

  it('changes nothing after LibreOffice opened and saved the files (TRUE/FALSE, LF, every cell quoted, no byte-order mark)', () => {
    // What `soffice --convert-to csv` wrote from the export, as measured: booleans in capitals, text cells quoted.
    const input = tricky();
    const csvs = Object.fromEntries(
      Object.entries(exportCsv(input)).map(([name, text]) => {
        const rows = sheet(text).map((r) => r.map((c) => (c === 'true' || c === 'false' ? c.toUpperCase() : c === '' || /^\d+$/.test(c) ? c : `"${c.replace(/"/g, '""')}"`)));
        return [name, rows.map((r) => r.join(',')).join('\n') + '\n'];
      }),
    );
    const result = importCsv(input, csvs);
    expect(result.problems).toEqual([]);
    expect(result.writes).toEqual({});
  });

  it('changes nothing when the rows are sorted differently', () => {
    const input = real();
    const csvs = edited(exportCsv(input), 'control.csv', (rows) => {
      const body = rows.slice(1).sort((a, b) => (a[3]! < b[3]! ? -1 : 1));
      rows.splice(1, rows.length - 1, ...body);
    });
    expect(importCsv(input, csvs).writes).toEqual({});
  });
});

describe('an edited cell', () => {
  const input = real();
  const csvs = exportCsv(input);
  const control = sheet(csvs['control.csv']!);
  const target = control.slice(1).find((r) => r[col(control, 'end')] !== '' && r[col(control, 'circa')] === '')!;
  const id = target[0]!;
  const end = target[col(control, 'end')]!;

  it('changes exactly that field, and the written file differs only on its line', () => {
    const newEnd = `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
    const result = importCsv(input, edited(csvs, 'control.csv', (rows) => setCell(rows, id, 'end', newEnd)));
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([{ kind: 'control', id, type: 'changed', csv: 'control.csv', row: control.indexOf(target) + 1, fields: [{ field: 'end', file: 'data/control.json', before: end, after: newEnd }] }]);
    expect(Object.keys(result.writes)).toEqual(['data/control.json']);
    expect(changedLines(input['data/control.json'] as string, result.writes['data/control.json']!)).toEqual([[`    "end": "${end}",`, `    "end": "${newEnd}",`]]);
    expect(formatChanges(result.changes, 'records-csv')).toEqual([`changed control period ${id} (records-csv/control.csv row ${control.indexOf(target) + 1})`, `    end: "${end}" → "${newEnd}"`]);
  });

  it('writes an Arabic text where it is kept (data/i18n/ar.json), only there', () => {
    const events = sheet(csvs['events.csv']!);
    const event = events[1]![0]!;
    const before = rowOf(events, event)[col(events, 'title_ar')]!;
    const result = importCsv(input, edited(csvs, 'events.csv', (rows) => setCell(rows, event, 'title_ar', `${before} (مصحح)`)));
    expect(Object.keys(result.writes)).toEqual(['data/i18n/ar.json']);
    expect(result.changes[0]!.fields).toEqual([{ field: 'title.ar', file: 'data/i18n/ar.json', before, after: `${before} (مصحح)` }]);
    expect(changedLines(input['data/i18n/ar.json'] as string, result.writes['data/i18n/ar.json']!)).toHaveLength(1);
  });

  it('changes a passage in citations.csv in its record, only there', () => {
    const cites = sheet(csvs['citations.csv']!);
    const first = cites[1]!;
    const passage = first[col(cites, 'passage')]!;
    const result = importCsv(input, edited(csvs, 'citations.csv', (rows) => void (rows[1]![col(rows, 'passage')] = `${passage} (checked)`)));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.fields).toEqual([{ field: 'sources[0].passage', file: 'data/control.json', before: passage, after: `${passage} (checked)` }]);
    expect(changedLines(input['data/control.json'] as string, result.writes['data/control.json']!)).toHaveLength(1);
  });

  it('puts a field that was not there where the schema has it', () => {
    const result = importCsv(input, edited(csvs, 'control.csv', (rows) => setCell(rows, id, 'circa', 'TRUE')));
    expect(result.changes[0]!.fields).toEqual([{ field: 'circa', file: 'data/control.json', after: true }]);
    const record = result.after.lists.control.find((r) => r.id === id)!;
    const keys = Object.keys(record);
    expect(keys.indexOf('circa')).toBe(keys.indexOf('end') + 1);
  });

  it('validates, and a published record asks for its correction until one is given', () => {
    const today = new Date().toISOString().slice(0, 10);
    const noted = control.slice(1).find((r) => r[col(control, 'note_en')] !== '')!;
    const record = readDataset(input).lists.control.find((r) => r.id === noted[0])!;
    const note = record.note as { en: string };
    const result = importCsv(input, edited(csvs, 'control.csv', (rows) => setCell(rows, noted[0]!, 'note_en', `${note.en} (corrected)`)));
    const problems = checkToday(result.files);
    expect(problems.map((p) => formatLocated(p, result, 'records-csv'))).toEqual([
      expect.stringMatching(new RegExp(`^records-csv/control\\.csv row ${control.indexOf(noted) + 1} \\[${noted[0]}\\] changed since release .* \\("note"\\) with no entry in data/corrections\\.json`)),
    ]);
    const entry = correctionOf(result, input, { date: today, reason: 'A better source.', source: 'sahistory-ww2-eighth-army-tripoli' })!;
    expect(entry).toEqual({
      date: today,
      records: [noted[0]],
      changes: [{ record: noted[0], field: 'note', before: note, after: { ...note, en: `${note.en} (corrected)` } }],
      reason: { en: 'A better source.' },
      source: 'sahistory-ww2-eighth-army-tripoli',
    });
    const corrected = withCorrectionIn(result, entry);
    expect(checkToday(corrected.files)).toEqual([]);
    expect(JSON.parse(corrected.writes['data/corrections.json']!)).toEqual([...JSON.parse(input['data/corrections.json'] as string), entry]);
  });
});

describe('rows added and removed', () => {
  const input = tricky();
  const csvs = exportCsv(input);

  it('reports an added event (with its citation and its Russian title) and a removed presence (with its citations)', () => {
    let next = edited(csvs, 'events.csv', (rows) => {
      const copy = [...rowOf(rows, 'gaddafi-visit-moscow-1976')];
      copy[0] = 'gaddafi-visit-moscow-1977';
      copy[col(rows, 'date')] = '1977-03';
      copy[col(rows, 'title_ru')] = 'Каддафи в Москве';
      rows.splice(2, 0, copy);
    });
    next = edited(next, 'citations.csv', (rows) => {
      rows.push(['gaddafi-visit-moscow-1977', '', '1', 'test-study', 'A summary of the study.', 'true']);
      for (let i = rows.length - 1; i > 0; i--) if (rows[i]![0] === 'wagner-sabha') rows.splice(i, 1);
    });
    next = edited(next, 'presence.csv', (rows) => rows.splice(rows.indexOf(rowOf(rows, 'wagner-sabha')), 1));
    const result = importCsv(input, next);
    expect(result.problems).toEqual([]);
    expect(result.changes.map((c) => [c.type, c.kind, c.id, c.row])).toEqual([
      ['removed', 'presence', 'wagner-sabha', undefined],
      ['added', 'events', 'gaddafi-visit-moscow-1977', 3],
    ]);
    const added = result.changes.find((c) => c.type === 'added')!;
    expect(added.fields).toContainEqual({ field: 'title.ru', file: 'data/i18n/ru.json', after: 'Каддафи в Москве' });
    expect(added.fields).toContainEqual({ field: 'sources[0].source', file: 'data/events.json', after: 'test-study' });
    expect(result.after.lists.events.map((e) => e.id).slice(0, 2), 'after the row above it').toEqual(['gaddafi-visit-moscow-1976', 'gaddafi-visit-moscow-1977']);
    expect(result.after.lists.presence).toEqual([]);
    expect(Object.keys(result.after.lists.events[1]!)).toEqual(['id', 'date', 'places', 'category', 'title', 'summary', 'actors', 'counterpart', 'russia', 'status', 'sources']);
    expect(result.after.tables.ru['gaddafi-visit-moscow-1977']).toEqual({ title: 'Каддафи в Москве' });
    expect(check(result.files), 'no problem but the fixture\'s own').toEqual(check(input));
  });

  it('takes out a removed record\'s translations with it', () => {
    const next = edited(csvs, 'control.csv', (rows) => rows.splice(rows.indexOf(rowOf(rows, 'tripoli-unknown')), 1));
    const result = importCsv(input, next);
    expect(result.changes).toEqual([{ kind: 'control', id: 'tripoli-unknown', type: 'removed', csv: 'control.csv', fields: [] }]);
    expect(result.after.tables.ru['tripoli-unknown']).toBeUndefined();
    expect(Object.keys(result.writes).sort()).toEqual(['data/control.json', 'data/i18n/ru.json']);
    expect(formatCsvProblem(result.problems[0] ?? { csv: 'citations.csv', message: 'none' }, 'records-csv', result.origins.headers)).toMatch(/^records-csv\/citations\.csv row \d+, column A \(record\) \[tripoli-unknown\] record "tripoli-unknown" is not the id of a row/);
  });
});

describe('a broken cell', () => {
  const input = valid();
  const csvs = exportCsv(input);
  const located = (next: Record<string, string>): string[] => {
    const result = importCsv(input, next);
    return formatAll(result.problems, check(result.files), result, 'records-csv');
  };

  it('a bad date: the validator\'s message at its row and column', () => {
    const lines = located(edited(csvs, 'control.csv', (rows) => setCell(rows, 'tripoli-kingdom', 'start', '1951-13-24')));
    expect(lines).toContain('records-csv/control.csv row 12, column D (start) [tripoli-kingdom] start: "1951-13-24" is not a real date — check the month (01–12) and the day (it must exist in that month)');
  });

  it('an unknown place', () => {
    const lines = located(edited(csvs, 'events.csv', (rows) => setCell(rows, 'gaddafi-visit-moscow-1976', 'places', 'tripolli')));
    expect(lines).toEqual([expect.stringMatching(/^records-csv\/events\.csv row 2, column E \(places\) \[gaddafi-visit-moscow-1976\] places\[0\]: "tripolli" is not a known place id — did you mean "tripoli"\?/)]);
  });

  it('a missing source: a citation naming a source that is not in sources.csv', () => {
    const lines = located(edited(csvs, 'sources.csv', (rows) => rows.splice(rows.indexOf(rowOf(rows, 'test-study')), 1)));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^records-csv\/citations\.csv row 2, column D \(source\) \[tripolitania-british\] sources\[0\]\.source: "test-study" is not a known source/);
  });

  it('a record left without citations', () => {
    const lines = located(edited(csvs, 'citations.csv', (rows) => rows.splice(rows.findIndex((r) => r[0] === 'wagner-sabha'), 1)));
    expect(lines).toEqual(['records-csv/presence.csv row 2 [wagner-sabha] sources: every record cites at least one source']);
  });

  it('a required cell left empty, a word where true or false belongs', () => {
    let next = edited(csvs, 'events.csv', (rows) => setCell(rows, 'gaddafi-visit-moscow-1976', 'status', ''));
    next = edited(next, 'control.csv', (rows) => setCell(rows, 'tripoli-kingdom', 'circa', 'yes'));
    expect(located(next)).toEqual([
      'records-csv/control.csv row 12, column F (circa) [tripoli-kingdom] circa should be a boolean, not "yes"',
      'records-csv/events.csv row 2, column O (status) [gaddafi-visit-moscow-1976] missing field "status" — add it (one of confirmed, reported, alleged, denied)',
    ]);
  });

  it('what the import cannot read itself: a renamed column, a duplicate id, a citation of no record, n not a number', () => {
    expect(located(edited(csvs, 'control.csv', (rows) => void (rows[0]![3] = 'begin')))).toEqual([
      'records-csv/control.csv row 1, column begin unknown column "begin" (column D) The columns of control.csv are "id", "place", "actor", "start", "end", "circa", "contested", "contestedBy", "claims", "note_en", "note_ar", "note_ru"; rename it or delete the column',
      'records-csv/control.csv row 1 column "start" is missing — put it back (npm run records:export writes every column), or every row would lose its "start"',
    ]);
    const next = edited(csvs, 'citations.csv', (rows) => {
      rows.push(['tripoli-kingdon', '', '2', 'test-study', 'words', '']);
      rows.push(['tripoli-kingdom', '', 'two', 'test-study', 'words', '']);
    });
    expect(located(edited(next, 'presence.csv', (rows) => rows.push([...rows[1]!])))).toEqual([
      'records-csv/presence.csv row 3, column A (id) [wagner-sabha] id "wagner-sabha" is also on row 2 — ids are unique; give this presence its own id, or delete one of the rows',
      'records-csv/citations.csv row 26, column A (record) [tripoli-kingdon] record "tripoli-kingdon" is not the id of a row of control.csv, presence.csv, events.csv — did you mean "tripoli-kingdom"? Correct the id, or delete this citation with the record it belonged to',
      'records-csv/citations.csv row 27, column C (n) [tripoli-kingdom] n "two" is not a number — write the citation\'s place among the record\'s citations: 1, 2, 3…',
    ]);
  });
});

describe('claims', () => {
  const input = tricky();
  const csvs = exportCsv(input);

  it('keep their citations in citations.csv, under the claimant', () => {
    const cites = sheet(csvs['citations.csv']!);
    expect(cites.filter((r) => r[1] === 'lna').map((r) => r.slice(0, 4))).toEqual([
      ['benghazi-gna', 'lna', '1', 'test-study'],
      ['benghazi-gna', 'lna', '2', 'seed-history'],
    ]);
  });

  it('a citation of a claim the record does not list is reported at its row', () => {
    const next = edited(csvs, 'control.csv', (rows) => setCell(rows, 'benghazi-gna', 'claims', ''));
    const result = importCsv(input, next);
    expect(result.problems.map((p) => formatCsvProblem(p, 'records-csv', result.origins.headers))).toEqual([
      expect.stringMatching(/^records-csv\/citations\.csv row \d+, column B \(claim\) \[benghazi-gna\] claim "lna" is not in the "claims" cell of benghazi-gna/),
      expect.stringMatching(/^records-csv\/citations\.csv row \d+, column B \(claim\)/),
    ]);
    expect(result.changes[0]!.fields.map((f) => f.field)).toEqual(['claims[0].actor', 'claims[0].sources[0].source', 'claims[0].sources[0].passage', 'claims[0].sources[0].paraphrase', 'claims[0].sources[1].source', 'claims[0].sources[1].passage']);
  });

  it('the reading of the data is the same before and after a round trip (claims, inline texts, key order)', () => {
    const result = importCsv(input, csvs);
    expect(result.after).toEqual(readDataset(input));
  });
});
