/**
 * Measures an embed's real height the way an article would show it: the embed loads in a hidden
 * iframe of the given width on this page, and its own `atlas:height` messages say how tall it is.
 * The Share dialog writes that height into the snippet, so the article does not jump when embed.js
 * is blocked or late.
 */

/** How long the height must stay still after `atlas:ready` before it counts. */
const SETTLE_MS = 400;

/**
 * @returns the height in CSS px, or null when the embed did not report one within `timeout` ms.
 * @example await measureEmbedHeight('https://x.org/atlas/?date=2019-06&embed=1', 720)
 */
export function measureEmbedHeight(src: string, width: number, signal?: AbortSignal, timeout = 20_000): Promise<number | null> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = '';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    frame.dataset['measure'] = '';
    // Off screen but laid out at the real width; 900 px tall like a desktop viewport.
    Object.assign(frame.style, { position: 'fixed', left: '-20000px', top: '0', width: `${width}px`, height: '900px', border: '0', visibility: 'hidden', pointerEvents: 'none' });

    let height: number | null = null;
    let ready = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(settle);
      clearTimeout(limit);
      window.removeEventListener('message', onmessage);
      signal?.removeEventListener('abort', abort);
      frame.remove();
      resolve(height);
    };
    const abort = () => {
      height = null;
      done();
    };
    const restart = () => {
      clearTimeout(settle);
      if (ready && height !== null) settle = setTimeout(done, SETTLE_MS);
    };
    function onmessage(e: MessageEvent) {
      if (e.source !== frame.contentWindow) return;
      const m = e.data as { type?: unknown; version?: unknown; height?: unknown } | null;
      if (!m || m.version !== 1) return;
      if (m.type === 'atlas:ready') ready = true;
      else if (m.type === 'atlas:height' && typeof m.height === 'number' && Number.isFinite(m.height)) height = m.height;
      else return;
      restart();
    }
    const limit = setTimeout(done, timeout);
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort);
    window.addEventListener('message', onmessage);
    document.body.append(frame);
  });
}
