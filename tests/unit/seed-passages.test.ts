/**
 * Every passage quoted from a seed document is in that document word for word. The seeds live
 * outside the repo (../shared/seeds); where they are absent (a fresh clone) the check is skipped.
 * Comparison rule: runs of whitespace (line breaks included) count as one space; nothing else is
 * normalised — quotes, dashes, case, typos and hyphenation must match character for character.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSeedPassages, formatProblem } from '../../src/lib/records/validate.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const seedsDir = resolve(repoRoot, '../shared/seeds');

function readJsonFiles(folder: string): Record<string, string> {
  const dir = join(repoRoot, folder);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [`${folder}/${name}`, readFileSync(join(dir, name), 'utf8')]),
  );
}

const hasSeeds = existsSync(seedsDir);
if (!hasSeeds) console.log(`seed-passages: ${seedsDir} not found — skipping the word-for-word check of seed passages`);

describe('seed passages', () => {
  it.skipIf(!hasSeeds)('are word for word in their seed documents', () => {
    const seeds = Object.fromEntries(
      readdirSync(seedsDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => [name, readFileSync(join(seedsDir, name), 'utf8')]),
    );
    const files = { ...readJsonFiles('data'), ...readJsonFiles('data/sources') };
    expect(checkSeedPassages(files, seeds).map(formatProblem)).toEqual([]);
  });
});
