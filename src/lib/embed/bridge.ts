/** Talks to the page that embeds the atlas in an iframe (postMessage): see README, "Embedding". */
import type { AtlasState } from '../state/app.svelte.ts';

/** Starts listening to the host page; returns a function that stops. */
export function connectHost(atlas: AtlasState): () => void {
  void atlas;
  return () => {};
}
