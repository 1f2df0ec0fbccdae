/**
 * The records' sources, loaded after the first view: opening a place or downloading data waits for
 * them (scripts/lib/vite-data-split.ts moves them into their own chunk at build time).
 */
import type { AtlasIndex } from './selectors.ts';
import type { Citation, SourceDoc } from './types.ts';

interface CitationChunk {
  citations: Record<string, Citation[]>;
  sources: SourceDoc[];
}

const loaded = new WeakMap<AtlasIndex, Promise<void>>();

/** Fills every record's `sources` and the index's source documents; loads the chunk once. */
export function ensureCitations(index: AtlasIndex): Promise<void> {
  let p = loaded.get(index);
  if (!p) {
    p = import('virtual:atlas-citations').then(({ default: chunk }: { default: CitationChunk }) => {
      for (const s of chunk.sources) index.sources.set(s.id, s);
      const fill = (r: { id: string; sources: Citation[] }) => {
        const c = chunk.citations[r.id];
        if (c && r.sources.length === 0) r.sources = c;
      };
      [index.data.control, index.data.presence, index.data.events, index.presence, index.events].forEach((list) => list.forEach(fill));
      for (const list of index.controlByPlace.values()) list.forEach(fill);
    });
    p.catch(() => loaded.delete(index));
    loaded.set(index, p);
  }
  return p;
}
