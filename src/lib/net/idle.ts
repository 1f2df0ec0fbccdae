/**
 * Runs `task` once the page is idle (at the latest after `timeout` ms): work the first view does not
 * need (a chunk to fetch, buttons to make) waits until the first view has painted. Returns a cancel.
 */
export function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, Math.min(timeout, 100));
  return () => clearTimeout(id);
}
