/**
 * What each page of the atlas (the atlas itself, and a scrolling story's graphic) starts with, once,
 * in its component's setup: the reader's language, the URL kept in step with the view, and for a
 * pinned release the newest records (for the corrections that concern what it shows) and the
 * release= that a link to the view keeps.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import { indexData } from '../records/atlasIndex.ts';
import type { AtlasState } from './app.svelte.ts';
import { LanguageLoader } from './language.svelte.ts';
import { syncUrlWithHistory } from './history.svelte.ts';
import type { ShownRelease } from './release.ts';

export interface Page {
  language: LanguageLoader;
  /** The newest release's records: `index` itself unless an older release is pinned. */
  newestIndex: AtlasIndex;
  /** The release= a link to this view keeps: only an older release than the newest. */
  pin: string | null;
}

/** Call inside `untrack`: the page reads its props once and keeps what it made. */
export function startPage(atlas: AtlasState, index: AtlasIndex, release: ShownRelease | undefined): Page {
  const page = {
    language: new LanguageLoader(atlas, index.data),
    newestIndex: release?.pinned ? indexData(release.firstView.data, release.firstView.dataAsOf) : index,
    pin: release?.pinned ? release.id : null,
  };
  syncUrlWithHistory(atlas);
  return page;
}
