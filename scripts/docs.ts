/** `npm run docs`: rewrites the tables of URL parameters in docs/ from src/lib/state/params.ts (scripts/lib/param-docs.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOC_FILES, fillTables, placeIds } from './lib/param-docs.ts';

const root = resolve(import.meta.dirname, '..');
const places = placeIds(root);
for (const file of DOC_FILES) {
  const path = resolve(root, file);
  const before = readFileSync(path, 'utf8');
  const after = fillTables(before, places);
  if (after !== before) writeFileSync(path, after);
  console.log(`${file}: ${after === before ? 'up to date' : 'rewritten'}`);
}
