/**
 * `npm run release -- --summary "Corrected …; added …"`: publishes the record as it stands in data/.
 * It validates (and stops on any problem), then writes the snapshot data/releases/<id>.json, adds
 * the release to data/releases.json (id: today's date and a short hash of the content; the line
 * chained to the one before it by its hashes, see data/README.md) and stamps the corrections not yet
 * released in data/corrections.json with the new id.
 * `--date YYYY-MM-DD` dates it another day (default: today, UTC); `--root <folder>` works on the
 * data/ of another folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readTree } from './validate/disk.ts';
import { formatProblems, validateAll } from './validate/index.ts';
import { formatDate, todayOf } from './validate/dates.ts';
import { makeRelease } from './lib/releases.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

const root = resolve(arg('root') ?? join(import.meta.dirname, '..'));
const summary = arg('summary') ?? '';
const date = arg('date') ?? formatDate(todayOf(new Date()));

const files = readTree(root);
const problems = validateAll(files);
if (problems.length > 0) {
  for (const line of formatProblems(problems)) console.error(line);
  console.error(`No release made: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix first (npm run validate lists them).`);
  process.exit(1);
}

const made = makeRelease(files, { date, summary });
if (typeof made === 'string') {
  console.error(`No release made: ${made}.`);
  process.exit(1);
}
for (const [path, text] of Object.entries(made.writes)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
const snapshot = Object.entries(made.writes).find(([p]) => p.startsWith('data/releases/'))!;
console.log(`Release ${made.id}: data/releases/${made.id}.json (${(Buffer.byteLength(snapshot[1]) / 1024).toFixed(0)} KB), listed in data/releases.json.`);
console.log(made.stamped > 0 ? `${made.stamped} correction${made.stamped === 1 ? '' : 's'} stamped with release ${made.id} in data/corrections.json.` : 'No corrections were waiting for a release.');
console.log('Commit data/ and build: embeds pinned to earlier releases keep showing them, with this one a tap away.');
