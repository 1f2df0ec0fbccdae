import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_FILES, fillTables, placeIds } from '../../scripts/lib/param-docs.ts';
import { PARAM_NAMES } from '../../src/lib/state/params.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('the docs of URL parameters', () => {
  it('hold the tables the table of parameters makes (run `npm run docs` when this fails)', () => {
    const places = placeIds(root);
    for (const file of DOC_FILES) expect(read(file), `${file} is stale: run npm run docs`).toBe(fillTables(read(file), places));
  });
  it('list every parameter and every region and place id', () => {
    const doc = read('docs/url-parameters.md');
    for (const name of PARAM_NAMES) expect(doc, name).toContain(`| \`${name}\` |`);
    for (const id of placeIds(root)) expect(doc, id).toContain(`\`${id}\``);
  });
  it('a marker naming no table says which exist', () => {
    expect(() => fillTables('<!-- params:nope -->\n<!-- /params:nope -->', [])).toThrow(/use one of all, embed/);
  });
});

describe('the README is a front door', () => {
  const readme = read('README.md');
  it('is short, and links every page of docs/ it replaced', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(160);
    for (const page of ['docs/reader.md', 'docs/url-parameters.md', 'docs/embedding.md', 'docs/stories.md', 'docs/hosting.md', 'docs/speed.md', 'data/README.md']) {
      expect(readme, page).toContain(`](${page}`);
      expect(() => read(page), page).not.toThrow();
    }
  });
});
