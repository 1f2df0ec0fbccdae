/**
 * `npm run validate`: reads geo/*.geojson, data/*.json and data/sources/*.json, prints every
 * problem (file:line [id] message) or a line of counts, and exits 1 when anything is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRecords, formatCounts, formatProblem, validateAll } from '../src/lib/records/validate.ts';

/** The folder of package.json above this script, so the command works from any cwd. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above scripts/validate.ts');
    dir = parent;
  }
  return dir;
}

function filesIn(root: string, folder: string, ending: string): string[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(ending))
    .map((d) => join(dir, d.name))
    .sort();
}

function readFiles(root: string): Record<string, string> {
  const paths = [...filesIn(root, 'geo', '.geojson'), ...filesIn(root, 'data', '.json'), ...filesIn(root, 'data/sources', '.json')];
  const files: Record<string, string> = {};
  for (const path of paths) files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  return files;
}

const files = readFiles(repoRoot());
const problems = validateAll(files);
if (problems.length === 0) {
  console.log(`OK: ${formatCounts(countRecords(files))}`);
} else {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exitCode = 1;
}
