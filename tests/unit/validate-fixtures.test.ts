/**
 * Broken copies of the valid fixture set, in the Turf manner: each folder of tests/fixtures/invalid/
 * holds only the files that differ from tests/fixtures/valid/ (laid over it as the CLI reads a
 * tree: links not followed, folders and unknown files reported) and, in expected.txt, every line
 * the validator must print for it: its problems, then its warnings ("warning: …", which do not
 * stop the build: a likely duplicate, an older record's missing translation). `REGEN=1 npx vitest run tests/unit/validate-fixtures.test.ts`
 * rewrites expected.txt; read the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../scripts/validate/disk.ts';
import { formatProblems, validateWithWarnings } from '../../scripts/validate/index.ts';
import { INVALID_DIR, NOW, valid } from './validate-fixture.ts';

const cases = readdirSync(INVALID_DIR).sort();

describe('invalid fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const dir = join(INVALID_DIR, name);
    const files = { ...valid(), ...readTree(dir) };
    const { problems, warnings } = validateWithWarnings(files, { now: NOW });
    const actual = `${[...formatProblems(problems), ...formatProblems(warnings).map((w) => `warning: ${w}`)].join('\n')}\n`;
    const expectedFile = join(dir, 'expected.txt');
    if (process.env.REGEN === '1') writeFileSync(expectedFile, actual);
    expect(existsSync(expectedFile), `${expectedFile} is missing: run with REGEN=1 and read what it wrote`).toBe(true);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
