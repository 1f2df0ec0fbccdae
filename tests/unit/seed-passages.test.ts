/**
 * Every passage quoted from a seed document is in that document word for word. The seeds are in
 * the repository (data/seeds/); when they are missing the test fails and says so, it never skips.
 * Comparison rule: runs of whitespace (line breaks included) count as one space; nothing else is
 * normalised — quotes, dashes, case, typos and hyphenation must match character for character.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../scripts/validate/disk.ts';
import { checkSeedPassages, formatProblem } from '../../scripts/validate/index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedsDir = join(repoRoot, 'data/seeds');

describe('seed passages', () => {
  it('are word for word in their seed documents in data/seeds/', () => {
    expect(existsSync(seedsDir), `${seedsDir} is missing: the five seed documents belong in data/seeds/ (see data/README.md)`).toBe(true);
    expect(readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).length, 'data/seeds/ holds no seed documents (*.txt)').toBeGreaterThan(0);
    // With no seeds passed, the check reads data/seeds/ among the files; a seed a source names but
    // that is not there is a problem, not a skip.
    expect(checkSeedPassages(readTree(repoRoot)).map(formatProblem)).toEqual([]);
  });

  it('fails, naming the source and the missing seed, when a seed document is absent', () => {
    const files = readTree(repoRoot);
    const seed = Object.entries(files)
      .filter(([f]) => f.startsWith('data/sources/'))
      .map(([, text]) => (typeof text === 'string' ? (/"seed":\s*"([^"]+)"/.exec(text)?.[1] ?? '') : ''))
      .find(Boolean)!;
    delete files[`data/seeds/${seed}`];
    expect(checkSeedPassages(files).map(formatProblem).join('\n')).toContain(`seed "${seed}" is not in data/seeds/ — copy the seed document there`);
  });
});
