/**
 * Splits the records' sources from the records at build time. Citations (the passages) and the
 * source documents are half of the data's weight and are needed only when a reader opens a place
 * or downloads data, so they go into their own chunk, `virtual:atlas-citations`, loaded on demand
 * (src/lib/state/citations.svelte.ts); the records the first view needs arrive without `sources`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:atlas-citations';
const RECORDS = /[\\/]data[\\/](control|presence|events)\.json$/;

export function dataSplit(root: string): Plugin {
  const dataDir = join(root, 'data');
  return {
    name: 'atlas-data-split',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      const citations: Record<string, unknown> = {};
      for (const name of ['control', 'presence', 'events']) {
        const file = join(dataDir, `${name}.json`);
        this.addWatchFile(file);
        for (const r of JSON.parse(readFileSync(file, 'utf8')) as { id: string; sources: unknown }[]) citations[r.id] = r.sources;
      }
      const sourceDir = join(dataDir, 'sources');
      const sources = readdirSync(sourceDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          this.addWatchFile(join(sourceDir, f));
          return JSON.parse(readFileSync(join(sourceDir, f), 'utf8')) as unknown;
        });
      return `export default JSON.parse(${JSON.stringify(JSON.stringify({ citations, sources }))});`;
    },
    transform(code, id) {
      if (!RECORDS.test(id.split('?')[0] ?? '')) return null;
      const records = (JSON.parse(code) as Record<string, unknown>[]).map(({ sources: _, ...r }) => r);
      return { code: JSON.stringify(records), map: null };
    },
  };
}
