/**
 * Keeps the host page's messages from the moment the atlas's code starts until the atlas is ready to
 * apply them (main.ts imports this module first). A host that sends `atlas:set` on the iframe's `load`
 * event, before `atlas:ready`, is not ignored. Bounded: only the last few messages are kept, and
 * they are checked and merged like any other (the last value of each field wins). Only the page
 * that embeds the atlas (with `origin=`, only from that origin) can fill the queue: a third-party
 * frame posting a flood while the atlas starts cannot push the article's messages out (issue 24).
 */
import { allowedOrigin, originAccepted } from './messages.ts';

const KEEP = 16;

const early: MessageEvent[] = [];
let handler: ((e: MessageEvent) => void) | null = null;

const allowed = typeof window !== 'undefined' ? allowedOrigin(location.search) : null;

function onmessage(e: MessageEvent) {
  if (handler) return handler(e);
  if (e.source !== window.parent || !originAccepted(e.origin, allowed)) return;
  early.push(e);
  if (early.length > KEEP) early.shift();
}

if (typeof window !== 'undefined' && window.parent !== window) window.addEventListener('message', onmessage);

/** Hands the kept messages, then every later one, to `fn`; returns a function that stops. */
export function takeHostMessages(fn: (e: MessageEvent) => void): () => void {
  handler = fn;
  for (const e of early.splice(0)) fn(e);
  return () => {
    handler = null;
    window.removeEventListener('message', onmessage);
  };
}
