/**
 * The documentation's tables of URL parameters, made from the table in src/lib/state/params.ts:
 * `npm run docs` writes them into docs/*.md between `<!-- params:NAME -->` and `<!-- /params:NAME -->`,
 * and a unit test fails when a file holds anything else there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PARAMS, PARAM_NAMES, type ParamName } from '../../src/lib/state/params.ts';

/** The ids `place=` may take: the regions and places of geo/ (as the app reads them: records/atlasIndex.ts). */
export function placeIds(root: string): string[] {
  const ids = (file: string) => (JSON.parse(readFileSync(resolve(root, 'geo', file), 'utf8')) as { features: { properties: { id: string } }[] }).features.map((f) => f.properties.id);
  return [...ids('regions.geojson'), ...ids('places.geojson')];
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
const text = (name: ParamName, places: string[]) => cell(PARAMS[name].doc.text.replace('<place ids>', places.map((p) => `\`${p}\``).join(', ')));

function also(name: ParamName): string {
  const p = PARAMS[name] as { kept?: true; message?: true; option?: true };
  return [p.option && 'Share dialog option', p.kept && 'kept through rewrites', p.message && 'set by `atlas:set`'].filter(Boolean).join('; ');
}

/** Every parameter: what it does, its default, and what else it is. */
function allTable(places: string[]): string {
  const rows = PARAM_NAMES.map((n) => `| \`${n}\` | \`${PARAMS[n].doc.example}\` | ${text(n, places)} | ${cell(PARAMS[n].doc.default)} | ${also(n)} |`);
  return ['| parameter | example | what it does | default | also |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The embed's own parameters (an embed reads all the others too). */
function embedTable(places: string[]): string {
  const names = [...PARAM_NAMES.filter((n) => PARAMS[n].doc.group === 'embed'), ...PARAM_NAMES.filter((n) => PARAMS[n].doc.group === 'story')];
  const rows = names.map((n) => `| \`${n}\` | ${text(n, places)} | ${cell(PARAMS[n].doc.default)} |`);
  return ['| parameter | values | default |', '| --- | --- | --- |', ...rows].join('\n');
}

const TABLES: Record<string, (places: string[]) => string> = { all: allTable, embed: embedTable };

/**
 * `markdown` with every generated table rewritten; a marker naming no table is an error that says so.
 * @example fillTables('<!-- params:all -->\nold\n<!-- /params:all -->', ['tripoli']) // the table of every parameter between the markers
 */
export function fillTables(markdown: string, places: string[]): string {
  return markdown.replace(/(<!-- params:([a-z]+) -->\n)[\s\S]*?(<!-- \/params:\2 -->)/g, (_, open: string, name: string, close: string) => {
    const table = TABLES[name];
    if (!table) throw new Error(`<!-- params:${name} -->: no such table; use one of ${Object.keys(TABLES).join(', ')} (scripts/lib/param-docs.ts)`);
    return `${open}${table(places)}\n${close}`;
  });
}

/** The files that hold generated tables. */
export const DOC_FILES = ['docs/url-parameters.md', 'docs/embedding.md'];
