/** Talks to the page that embeds the atlas in an iframe (postMessage): see docs/embedding.md. */
import { tick } from 'svelte';
import type { AtlasState } from '../state/app.svelte.ts';
import { allowedOrigin, isMeasureRequest, originAccepted, out, parseHostMessage, type OutMessage, type SetCommand } from './messages.ts';
import { coalesce, frameOrTimer } from './coalesce.ts';
import { parseEmbedOptions } from './options.ts';
import { takeHostMessages } from './inbox.ts';
import { watch } from './watch.svelte.ts';

/**
 * Starts listening to the host page; returns a function that stops. It reads `origin=` from the URL
 * (the atlas keeps it there through every rewrite, so a reload keeps the lock too).
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

  // In an AMP page (host=amp) the atlas also asks AMP's runtime for its height, in AMP's own words;
  // amp-iframe grants it when the frame is off screen or the reader taps its "overflow" button.
  const amp = parseEmbedOptions(location.search).amp;
  let lastHeight = 0;
  /** Says the height when it has changed. */
  function report() {
    const h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h === lastHeight) return;
    post(out.height((lastHeight = h)));
    if (amp && target) host.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, target);
  }

  // However many messages arrive, at most one merged request is applied a frame (coalesce.ts).
  const requests = coalesce<SetCommand>((cmd) => {
    if (cmd.lang) atlas.lang = cmd.lang;
    if (cmd.layers) atlas.layers = cmd.layers;
    if (cmd.t !== undefined) atlas.setTime((lastT = cmd.t));
    if (cmd.place !== undefined) atlas.place = lastPlace = cmd.place;
    // The host's own change may change the height while the frame is off screen, where the browser
    // holds back the ResizeObserver below until it scrolls back: say it once the page is redrawn.
    void tick().then(report);
  }, frameOrTimer());

  function onmessage(e: MessageEvent) {
    if (e.source !== host || !originAccepted(e.origin, allowed)) return;
    // embed.js asks when it starts: the height now, even if it has not changed since the last message.
    if (isMeasureRequest(e.data)) return void post(out.height(Math.ceil(document.body.getBoundingClientRect().height)));
    const cmd = parseHostMessage(e.data, atlas.urlContext);
    if (cmd) requests.push(cmd);
  }
  // Messages that came while the atlas was starting are applied first (inbox.ts).
  const stopMessages = takeHostMessages(onmessage);

  const stopWatch = watch(() => {
    const { t, place } = atlas;
    if (t !== lastT) post(out.date((lastT = t)));
    if (place !== lastPlace) post(out.place((lastPlace = place)));
  });

  const sizes = new ResizeObserver(report);
  sizes.observe(document.body);

  // A timer, not requestAnimationFrame: browsers pause frames in off-screen iframes.
  const ready = setTimeout(() => post(out.ready(atlas)), 0);

  return () => {
    clearTimeout(ready);
    sizes.disconnect();
    stopWatch();
    requests.cancel();
    stopMessages();
  };
}
