/**
 * The URL follows the reader, so Back walks their steps: pushState when a place opens or closes and
 * for a change after a pause (a key step, a toggle); replaceState within a burst (a drag, playback).
 * In an embed, never push: the article's Back button must leave the article, not rewind the map.
 * Within a burst, writes are throttled to one per 250 ms (the last one always lands): browsers
 * refuse more than about 200 history calls in 10 s, which a 60 Hz drag would exceed.
 * Call from a component's initialisation (it creates effects and listeners tied to it).
 */
import { untrack } from 'svelte';
import type { AtlasState } from './app.svelte.ts';

export function syncUrlWithHistory(atlas: AtlasState): void {
  let lastPlace: string | null = untrack(() => atlas.place);
  let lastChange = performance.now();
  let lastWrite = 0;
  let pendingWrite: ReturnType<typeof setTimeout> | undefined;

  $effect(() => {
    const search = atlas.search();
    clearTimeout(pendingWrite);
    if (search === location.search) return;
    const placeChanged = atlas.place !== lastPlace;
    lastPlace = atlas.place;
    const now = performance.now();
    const afterPause = now - lastChange > 1000;
    lastChange = now;
    const url = `${location.pathname}${search}${location.hash}`;
    if ((placeChanged || afterPause) && !atlas.embed) {
      history.pushState(null, '', url);
      lastWrite = now;
      return;
    }
    const replace = () => {
      history.replaceState(null, '', url);
      lastWrite = performance.now();
    };
    if (now - lastWrite >= 250) replace();
    else pendingWrite = setTimeout(replace, 250 - (now - lastWrite));
  });

  $effect(() => {
    const onpopstate = () => {
      atlas.readUrl(location.search);
      lastPlace = atlas.place;
    };
    addEventListener('popstate', onpopstate);
    return () => removeEventListener('popstate', onpopstate);
  });
}
