/**
 * `npm run validate`: reads geo/ and data/ (never following a link, see scripts/validate/disk.ts),
 * prints every problem (file:line [id] message; at most 50 per file, then how many more) or a line
 * of counts, and exits 1 when anything is wrong. Warnings (a likely duplicate, an older record's
 * missing translation) are printed after the problems, "warning: file:line [id] …", and never fail it. `npm run validate -- --by-rule` adds a count of
 * the problems per rule; `-- --root <folder>` checks the data/ and geo/ of another folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTree } from './validate/disk.ts';
import { countRecords, formatCounts, formatProblems, plural, validateWithWarnings } from './validate/index.ts';

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

const rootArg = process.argv.indexOf('--root');
const files = readTree(rootArg === -1 ? repoRoot() : process.argv[rootArg + 1] ?? '.');
const { problems, warnings } = validateWithWarnings(files);
const printWarnings = () => {
  for (const line of formatProblems(warnings)) console.error(`warning: ${line}`);
};
const warned = warnings.length ? `${plural(warnings.length, 'warning')} (worth a look, but they do not stop the build)` : '';
if (problems.length === 0) {
  printWarnings();
  console.log(`OK: ${formatCounts(countRecords(files))}${warned ? `; ${warned}` : ''}`);
} else {
  for (const line of formatProblems(problems)) console.error(line);
  printWarnings();
  if (process.argv.includes('--by-rule')) {
    const byRule = new Map<string, number>();
    for (const p of problems) byRule.set(p.rule ?? 'other', (byRule.get(p.rule ?? 'other') ?? 0) + 1);
    for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.error(`${String(n).padStart(6)}  ${rule}`);
  }
  console.error(`${problems.length.toLocaleString('en-GB')} problem${problems.length === 1 ? '' : 's'}${warned ? `, ${warned}` : ''}`);
  process.exitCode = 1;
}
