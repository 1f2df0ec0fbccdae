/**
 * The files the build ships, as the CLI reads them from disk (scripts/validate/disk.ts): links are
 * reported and never followed, oversized files are not read, and a file of thousands of bad records
 * gives a bounded listing with a count of the rest. Trees are made in a temporary folder per test.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTree } from '../../scripts/validate/disk.ts';
import { formatProblems, MAX_LISTED_PER_FILE, type FileSet } from '../../scripts/validate/index.ts';
import { check, lines, valid, VALID_DIR, type Json } from './validate-fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture in a fresh temporary folder. */
function copyOfValid(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-validate-'));
  made.push(root);
  cpSync(VALID_DIR, root, { recursive: true });
  return root;
}

describe('links', () => {
  it('reports a symbolic link in data/sources/ pointing outside the repository, and never reads it', () => {
    const root = copyOfValid();
    const secret = join(root, 'secret.json');
    writeFileSync(secret, '{"id": "secret", "publisher": "SECRET CONTENTS"}');
    symlinkSync(secret, join(root, 'data/sources/secret.json'));
    const files = readTree(root);
    expect(files['data/sources/secret.json']).toEqual({ kind: 'symlink', target: secret });
    expect(JSON.stringify(files)).not.toContain('SECRET CONTENTS');
    expect(lines(files)).toEqual([
      `data/sources/secret.json is a symbolic link (to ${JSON.stringify(secret)}); links are never followed, read or shipped — replace it with the file itself, or delete it`,
    ]);
  });

  it('reports links anywhere under data/ and geo/, to files and to folders', () => {
    const root = copyOfValid();
    symlinkSync('../../package.json', join(root, 'data/seeds/notes.txt'));
    symlinkSync('/etc', join(root, 'geo/more'));
    symlinkSync('places.geojson', join(root, 'geo/towns.geojson'));
    const out = lines(readTree(root));
    expect(out).toEqual([
      'data/seeds/notes.txt is a symbolic link (to "../../package.json"); links are never followed, read or shipped — replace it with the file itself, or delete it',
      'geo/more is a symbolic link (to "/etc"); links are never followed, read or shipped — replace it with the file itself, or delete it',
      'geo/towns.geojson is a symbolic link (to "places.geojson"); links are never followed, read or shipped — replace it with the file itself, or delete it',
    ]);
  });
});

describe('files that cannot be read', () => {
  it('does not read a 50 MB file, and says why', () => {
    const root = copyOfValid();
    truncateSync(join(root, 'data/events.json'), 50 * 1024 * 1024); // sparse: no 50 MB written
    const files = readTree(root);
    expect(files['data/events.json']).toEqual({ kind: 'too-large', bytes: 50 * 1024 * 1024 });
    expect(lines(files)).toEqual([
      "data/events.json is 50.0 MB; the validator reads files of up to 10.0 MB, so it was not checked — the atlas's files are far smaller: look for a mistaken export, or split the file",
    ]);
  });

  it('caps a text handed in directly too', () => {
    const files: FileSet = { ...valid(), 'data/events.json': `[${' '.repeat(11 * 1024 * 1024)}]` };
    expect(lines(files)).toEqual([expect.stringMatching(/^data\/events\.json is 11\.0 MB; the validator reads files of up to 10\.0 MB/)]);
  });

  it('reports bytes that are not UTF-8', () => {
    const root = copyOfValid();
    writeFileSync(join(root, 'data/sources/test-study.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(lines(readTree(root))).toEqual(['data/sources/test-study.json is not UTF-8 text — save it with the encoding "UTF-8"']);
  });

  it('reports a folder where a data file belongs, not a missing file', () => {
    const root = copyOfValid();
    rmSync(join(root, 'data/presence.json'));
    mkdirSync(join(root, 'data/presence.json'));
    expect(lines(readTree(root))).toEqual(['data/presence.json is a folder, but its name ends like a data file — the atlas expects a file here; rename or remove the folder']);
  });

  it('expects the READMEs and the seeds, and nothing else', () => {
    const root = copyOfValid();
    writeFileSync(join(root, 'data/README.md'), '# data');
    writeFileSync(join(root, 'data/seeds/README.md'), '# seeds');
    writeFileSync(join(root, 'data/seeds/004_e9a5439478267dae.txt'), 'text');
    writeFileSync(join(root, 'data/draft.json'), '[]');
    expect(lines(readTree(root))).toEqual([expect.stringMatching(/^data\/draft\.json is not a file the atlas reads — expected data\/actors\.json/)]);
  });
});

describe('bounded output', () => {
  /** The valid set with `n` events, each wrong in two ways (an unknown place, a date not on the calendar). */
  function withBadEvents(n: number): FileSet {
    const base = valid();
    const events = JSON.parse(base['data/events.json'] as string) as Json[];
    const template = events.find((e) => e.id === 'kingdom-founded-1951');
    for (let i = 0; i < n; i++) events.push({ ...template, id: `bad-${i}`, date: '1990-02-30', places: [`nowhere-${i}`] });
    return { ...base, 'data/events.json': JSON.stringify(events, null, 2) };
  }

  // About 1.5 s of CPU; the timeout allows for a busy machine (the assertions are on counts, not time).
  it('finds every problem in 8,000 bad records, and lists 50 for the file, then how many more', { timeout: 30_000 }, () => {
    const problems = check(withBadEvents(8000));
    expect(problems).toHaveLength(16_000);
    expect(new Set(problems.map((p) => p.id)).size).toBe(8000);
    const out = formatProblems(problems);
    expect(out).toHaveLength(MAX_LISTED_PER_FILE + 1);
    expect(out[0]).toMatch(/^data\/events\.json:\d+ \[bad-0\] date: "1990-02-30" is not a real date/);
    expect(out[1]).toMatch(/^data\/events\.json:\d+ \[bad-0\] places\[0\]: "nowhere-0" is not a known place id\. Known place ids:/);
    expect(out.at(-1)).toBe('… and 15,950 more problems in data/events.json');
  });

  it('lists each file on its own terms', () => {
    const files = withBadEvents(30);
    files['data/sources/test-study.json'] = (files['data/sources/test-study.json'] as string).replace('"1987"', '"1987-13"');
    const out = formatProblems(check(files), 10);
    expect(out.filter((l) => l.startsWith('data/events.json'))).toHaveLength(10);
    expect(out).toContain('… and 50 more problems in data/events.json');
    expect(out.at(-1)).toMatch(/^data\/sources\/test-study\.json:5 \[test-study\] date: "1987-13" is not a real date/);
  });

  it('reports 8,000 mutually overlapping control periods once each, not once per pair', { timeout: 30_000 }, () => {
    const base = valid();
    const control = JSON.parse(base['data/control.json'] as string) as Json[];
    for (let i = 0; i < 8000; i++) control.push({ id: `tripoli-clash-${i}`, place: 'tripoli', actor: 'lna', start: '1960', end: null, sources: control[0].sources });
    const problems = check({ ...base, 'data/control.json': JSON.stringify(control, null, 2) });
    // Each new period, and the fixture's "tripoli-unknown" (2014–), which they all overlap.
    expect(problems).toHaveLength(8001);
    expect(problems.filter((p) => p.id === 'tripoli-unknown')).toHaveLength(1);
    expect(problems.find((p) => p.id === 'tripoli-clash-0')!.message).toMatch(/^control periods "tripoli-kingdom" \(kingdom-of-libya, 1951-12-24 – 2014\) and "tripoli-clash-0" \(lna, 1960 – today\) overlap at tripoli/);
  });
});
