/**
 * The records' citations and source documents, loaded after the first view (they are half of the
 * data's weight; scripts/lib/vite-data-split.ts moves them into their own chunk). Opening a place
 * or downloading data asks for them; `ready` turns true once they are here, `failed` when the load
 * failed (a retry is one call of load() away). Records themselves are never changed.
 */
import type { Citation, SourceDoc } from '../records/types.ts';
import { lazy, retried } from '../net/lazy.ts';
import { whenIdle } from '../net/idle.ts';

export interface CitationChunk {
  citations: Record<string, Citation[]>;
  sources: SourceDoc[];
  /** Records corrected in the release shown: id → date of the latest correction. */
  corrected?: Record<string, string>;
}

export type Loader = () => Promise<{ default: CitationChunk } | undefined>;

export class Citations {
  ready = $state(false);
  failed = $state(false);
  #byRecord = new Map<string, Citation[]>();
  #sources = new Map<string, SourceDoc>();
  #corrected = new Map<string, string>();
  #pending: Promise<void> | null = null;
  #loader: Loader;

  constructor(loader: Loader = lazy(() => import('virtual:atlas-citations'))) {
    this.#loader = loader;
  }

  /** Loads the chunk once; after a failure, calling again retries (lazy.ts: offline, and a browser that keeps a failed chunk). */
  load(): Promise<void> {
    this.#pending ??= (this.failed ? retried(this.#loader()) : this.#loader())
      .then((mod) => {
        // A failed chunk can also arrive as nothing at all (Vite's preload helper, when told to go on).
        if (!mod?.default) throw new Error('The sources could not be loaded');
        this.#byRecord = new Map(Object.entries(mod.default.citations));
        this.#sources = new Map(mod.default.sources.map((s) => [s.id, s]));
        this.#corrected = new Map(Object.entries(mod.default.corrected ?? {}));
        this.failed = false;
        this.ready = true;
      })
      .catch((error: unknown) => {
        this.#pending = null;
        this.failed = true;
        throw error;
      });
    return this.#pending;
  }

  /** load() once the first view has settled (the main thread idle): a place open in the first view is drawn before its sources' chunk is fetched. */
  loadWhenIdle(): void {
    if (this.ready || this.#pending) return;
    whenIdle(() => void this.load().catch(() => undefined), 1000);
  }

  /** A record's citations ([] until loaded). */
  of(recordId: string): Citation[] {
    return this.#byRecord.get(recordId) ?? [];
  }

  /** When the record was last corrected (YYYY-MM-DD), if ever (undefined until loaded). */
  correctedOn(recordId: string): string | undefined {
    return this.#corrected.get(recordId);
  }

  get sources(): ReadonlyMap<string, SourceDoc> {
    return this.#sources;
  }
}
