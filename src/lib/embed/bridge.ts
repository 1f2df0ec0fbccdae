/** Talks to the page that embeds the atlas in an iframe (postMessage): see README, "Embedding". */
import type { AtlasState } from '../state/app.svelte.ts';
import { allowedOrigin, originAccepted, out, parseHostMessage, type OutMessage } from './messages.ts';
import { watch } from './watch.svelte.ts';

/**
 * Starts listening to the host page; returns a function that stops. Call it before the first render:
 * it reads `origin=` from the URL, which the atlas rewrites as soon as the reader moves.
 */
export function connectHost(atlas: AtlasState): () => void {
  if (window.parent === window) return () => {};
  const host = window.parent;
  const allowed = allowedOrigin(location.search);
  // A malformed origin= ('') silences the atlas too, rather than falling back to '*'.
  const target = allowed ?? '*';
  const post = (m: OutMessage) => target && host.postMessage(m, target);

  // Values the host set are not echoed back: the host hears only what the reader did.
  let lastT = atlas.t;
  let lastPlace = atlas.place;

  function onmessage(e: MessageEvent) {
    if (e.source !== host || !originAccepted(e.origin, allowed)) return;
    const cmd = parseHostMessage(e.data, atlas.urlContext);
    if (!cmd) return;
    if (cmd.t !== undefined) atlas.setTime((lastT = cmd.t));
    if (cmd.place !== undefined) atlas.place = lastPlace = cmd.place;
    if (cmd.layers) atlas.layers = cmd.layers;
    if (cmd.lang) atlas.lang = cmd.lang;
  }
  window.addEventListener('message', onmessage);

  const stopWatch = watch(() => {
    const { t, place } = atlas;
    if (t !== lastT) post(out.date((lastT = t)));
    if (place !== lastPlace) post(out.place((lastPlace = place)));
  });

  let lastHeight = 0;
  const sizes = new ResizeObserver(() => {
    const h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h !== lastHeight) post(out.height((lastHeight = h)));
  });
  sizes.observe(document.body);

  // A timer, not requestAnimationFrame: browsers pause frames in off-screen iframes.
  const ready = setTimeout(() => post(out.ready(atlas)), 0);

  return () => {
    clearTimeout(ready);
    sizes.disconnect();
    stopWatch();
    window.removeEventListener('message', onmessage);
  };
}
