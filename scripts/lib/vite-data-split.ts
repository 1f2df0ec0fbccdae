/**
 * Splits the records' sources from the records at build time. Citations (the passages) and the
 * source documents are half of the data's weight and are needed only when a reader opens a place
 * or downloads data, so they go into their own chunk, `virtual:atlas-citations`, loaded on demand
 * (src/lib/state/citations.svelte.ts); the records the first view needs arrive without `sources`,
 * each with `lastSource`, the date of its newest source (how recently it was reported).
 *
 * The chunk also says which records have been corrected, and when (data/corrections.json), for the
 * "corrected <date>" of the place panel.
 *
 * It also gives `virtual:atlas-data-as-of`: the newest `date` of the source documents, the
 * "data as of" date shown in the credit line (a few bytes in the first chunk).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { correctedDates, type Correction } from '../../src/lib/records/release.ts';

const VIRTUAL = 'virtual:atlas-citations';
const AS_OF = 'virtual:atlas-data-as-of';

/** The newest date among the source documents ("2024-12-14", "2024-12" or "2024"); ISO dates sort as text. */
export function newestSourceDate(sources: unknown[]): string {
  let newest = '';
  for (const s of sources) {
    const date = (s as { date?: unknown }).date;
    if (typeof date === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) && date > newest) newest = date;
  }
  return newest;
}

const RECORDS = /[\\/]data[\\/](control|presence|events)\.json$/;

/**
 * Records as the first view gets them: without their citations, with `lastSource`, the newest
 * date among the sources they cite (the app says "last reported" for long-unconfirmed open records).
 */
export function forFirstView(records: Record<string, unknown>[], sources: unknown[]): Record<string, unknown>[] {
  const dateOf = new Map(sources.map((s) => [(s as { id?: string }).id, (s as { date?: string }).date]));
  return records.map(({ sources: cited, ...r }) => {
    if (Array.isArray(r['claims'])) r['claims'] = (r['claims'] as { actor?: unknown }[]).map((c) => ({ actor: c.actor }));
    const dates = (Array.isArray(cited) ? cited : []).map((c) => dateOf.get((c as { source?: string }).source)).filter((d): d is string => typeof d === 'string');
    const lastSource = dates.length > 0 ? newestSourceDate(dates.map((date) => ({ date }))) : undefined;
    return lastSource ? { ...r, lastSource } : r;
  });
}

export function dataSplit(root: string): Plugin {
  const dataDir = join(root, 'data');
  const readSources = (ctx: { addWatchFile(file: string): void }): unknown[] => {
    const sourceDir = join(dataDir, 'sources');
    return readdirSync(sourceDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        ctx.addWatchFile(join(sourceDir, f));
        return JSON.parse(readFileSync(join(sourceDir, f), 'utf8')) as unknown;
      });
  };
  return {
    name: 'atlas-data-split',
    enforce: 'pre',
    resolveId: (id) => (id === VIRTUAL || id === AS_OF ? `\0${id}` : null),
    load(id) {
      if (id === `\0${AS_OF}`) return `export default ${JSON.stringify(newestSourceDate(readSources(this)))};`;
      if (id !== `\0${VIRTUAL}`) return null;
      const citations: Record<string, unknown> = {};
      for (const name of ['control', 'presence', 'events']) {
        const file = join(dataDir, `${name}.json`);
        this.addWatchFile(file);
        for (const r of JSON.parse(readFileSync(file, 'utf8')) as { id: string; sources: unknown; claims?: { actor: string; sources: unknown }[] }[]) {
          citations[r.id] = r.sources;
          // A claim's citations under "<record>#claim-<actor>", beside its record's.
          for (const c of r.claims ?? []) citations[`${r.id}#claim-${c.actor}`] = c.sources;
        }
      }
      const sources = readSources(this);
      const log = join(dataDir, 'corrections.json');
      this.addWatchFile(log);
      const corrected = existsSync(log) ? correctedDates(JSON.parse(readFileSync(log, 'utf8')) as Correction[]) : {};
      return `export default JSON.parse(${JSON.stringify(JSON.stringify({ citations, sources, corrected }))});`;
    },
    transform(code, id) {
      if (!RECORDS.test(id.split('?')[0] ?? '')) return null;
      const records = forFirstView(JSON.parse(code) as Record<string, unknown>[], readSources(this));
      return { code: JSON.stringify(records), map: null };
    },
  };
}
