/**
 * The map's worker as the host serves it (issue 24). MapLibre runs its worker as a module, and a
 * browser runs a module only when it is served as JavaScript: a host that does not know `.mjs`
 * (it answers `application/octet-stream`) leaves the zoomable map loading for ever, with nothing
 * said. One HEAD request before the map is made tells, and names the type the host sent.
 */

/** The worker is served with a type browsers will not run as a module. */
export class WorkerTypeError extends Error {
  constructor(readonly type: string) {
    super(`The map's worker is served as "${type}", not as JavaScript`);
    this.name = 'WorkerTypeError';
  }
}

const JAVASCRIPT = /^(?:text|application)\/(?:x-)?(?:javascript|ecmascript|jscript|livescript)$|^text\/(?:javascript1\.[0-5])$/;

/**
 * The type the host serves `url` with, when it is not JavaScript; null when it is, or when the
 * host cannot be asked (a failed or refused HEAD request: the map then loads, or fails, as before).
 * @example await workerTypeProblem('assets/maplibre-gl-worker.mjs') // 'application/octet-stream'
 */
export async function workerTypeProblem(url: string): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD' });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return JAVASCRIPT.test(type) ? null : type || '(none)';
}
