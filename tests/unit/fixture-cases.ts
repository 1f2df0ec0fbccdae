/**
 * Fixture tests in the Turf manner: each case is tests/fixtures/<name>/in/<case>.json, run through
 * a function, compared with tests/fixtures/<name>/out/<case>.json. `REGEN=1 npx vitest run` rewrites
 * the expected files (read the diff before committing them). Inputs are checked to be unchanged.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function fixtureCases(name: string, run: (input: unknown) => unknown): void {
  const dir = join(FIXTURES, name);
  const cases = readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.json')).sort();
  describe(`${name} (tests/fixtures/${name})`, () => {
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const file of cases) {
      it(file.replace(/\.json$/, ''), () => {
        const text = readFileSync(join(dir, 'in', file), 'utf8');
        const input = JSON.parse(text) as unknown;
        const actual = JSON.parse(JSON.stringify(run(input))) as unknown;
        expect(input, 'the input is not changed').toEqual(JSON.parse(text));
        const outFile = join(dir, 'out', file);
        if (process.env['REGEN']) writeFileSync(outFile, `${JSON.stringify(actual, null, 2)}\n`);
        expect(existsSync(outFile), `${outFile} is missing: run REGEN=1 npx vitest run, then check it`).toBe(true);
        expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
      });
    }
  });
}
