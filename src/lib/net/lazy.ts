/**
 * Chunks the atlas loads after its first view (the sources, a language, the zoomable map, the
 * record view, the comparison), and how a failed one is tried again (issue 24).
 *
 * Chromium keeps a dynamic import that failed, and a module preload that failed, failed for the
 * page's life (seen in Chromium 150): a chunk asked for while the connection is down could never
 * load in that page, and "Try again" would fail for ever. So a load is not even attempted while the
 * browser knows it is offline (it fails at once, and the chunk stays loadable), and a retry that
 * fails although the browser is online reloads the page once the atlas's own address answers: the
 * URL holds the view (date, place, layers, language, the record view, the comparison).
 */

/** The error of a load not attempted because the browser is offline. */
export class OfflineError extends Error {
  constructor() {
    super('The connection has dropped: nothing was loaded');
    this.name = 'OfflineError';
  }
}

const offline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * `load`, not attempted while the browser is offline.
 * @example const loadRecords = lazy(() => import('./RecordView.svelte'))
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  return () => (offline() ? Promise.reject(new OfflineError()) : load());
}

/** Whether the page's own address answers now (the host is reachable, the connection is back). */
async function reachable(): Promise<boolean> {
  try {
    return (await fetch(location.href, { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * A retry: when it fails although the browser is online and the atlas's address answers, the
 * browser is keeping the failed chunk, and only a reload (to the same view) can load it.
 */
export function retried<T>(attempt: Promise<T>): Promise<T> {
  return attempt.catch(async (error: unknown) => {
    if (!(error instanceof OfflineError) && !offline() && (await reachable())) location.reload();
    throw error;
  });
}
