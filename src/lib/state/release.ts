/**
 * The release of the record a page shows (`release=` in its URL; issue 15), settled once before the
 * atlas starts: everything (map, status text, panel, downloads) then reads the index built from
 * this release's records.
 * - no `release=`, `release=latest`, or the id of the release the first view already is: the
 *   first view's records, nothing fetched;
 * - the id of an older release: its delta against the first view (releases/<base>/<id>.json,
 *   one small file), with the corrections published since;
 * - a malformed id, an id this atlas does not have, or a file that fails to load: the newest, and
 *   a note saying so (the value itself is never shown);
 * - a file that does not arrive within RELEASE_TIMEOUT_MS (a host that never answers, a body that
 *   never ends): the newest, and a note saying so with Try again, never "Loading the map…" for ever.
 */
import { INVALID, readQuery } from './query.ts';
import {
  applyListPatch,
  applyMapPatch,
  parseReleaseParam,
  type ReleaseDelta,
  type ReleaseInfo,
  type ReleaseStamp,
  type ShippedCorrection,
  type ShippedRelease,
} from '../records/release.ts';
import type { AtlasData } from '../records/types.ts';
import type { CitationChunk, Loader } from './citations.svelte.ts';

/** Why `release=` was not followed: a value that is not a release id, an id this atlas does not have, a failed load, or one that did not arrive in time. */
export type ReleaseNote = 'malformed' | 'unknown' | 'failed' | 'late';

/** How long a pinned release's file may take (it is a few kilobytes): the page says so well within 15 s. */
export const RELEASE_TIMEOUT_MS = 10_000;

export interface ShownRelease {
  /** The release shown; null when the first view's records are not a release (an unreleased build). */
  id: string | null;
  info: ReleaseInfo | null;
  /** An older release than the first view's, pinned by the URL. */
  pinned: boolean;
  /** The newest release this atlas has. */
  newest: ReleaseInfo | null;
  data: AtlasData;
  /** The newest source date in the release shown. */
  dataAsOf: string;
  note: ReleaseNote | null;
  /** Corrections published since the release shown, oldest first (none unless pinned). */
  since: ShippedCorrection[];
  /** Loads the release's citations, sources and corrected dates. */
  citations: Loader;
  /** Record translations that differ in this release, per language (null: as the first view). */
  translations: ReleaseDelta['i18n'] | null;
  /** The first view's own records (the newest), to compare a pinned view with. */
  firstView: { data: AtlasData; dataAsOf: string };
}

export interface ReleaseContext {
  stamp: ReleaseStamp;
  /** The first view's records and their data-as-of. */
  data: AtlasData;
  dataAsOf: string;
  /** The first view's citations chunk. */
  citations: Loader;
  /** Fetches a file of the build, by its path relative to the atlas's folder; `signal` aborts it. */
  fetchFile: (path: string, signal?: AbortSignal) => Promise<Response>;
  /** ms before a release file that has not arrived counts as late (RELEASE_TIMEOUT_MS). */
  timeout?: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** A correction a reader can be shown: anything less (a damaged file) is left out. */
function isCorrection(c: unknown): c is ShippedCorrection {
  return (
    isObj(c) &&
    isText(c['date']) &&
    Array.isArray(c['records']) &&
    c['records'].every(isText) &&
    Array.isArray(c['changes']) &&
    c['changes'].every((ch) => isObj(ch) && isText(ch['record'])) &&
    isObj(c['reason']) &&
    isText(c['reason']['en']) &&
    isText(c['source']) &&
    Array.isArray(c['places']) &&
    isObj(c['refs']) &&
    isObj(c['docs'])
  );
}

/** The shipped file, if it has the shape this build writes for this id and base. */
function shippedRelease(v: unknown, id: string, base: string): ShippedRelease | null {
  if (!isObj(v) || v['format'] !== 1 || v['base'] !== base || !isObj(v['release']) || v['release']['id'] !== id) return null;
  const d = v['delta'];
  if (!isObj(d) || !['actors', 'control', 'presence', 'events'].every((k) => Array.isArray(d[k])) || !isObj(d['citations']) || !isObj(d['sources']) || !isObj(d['i18n'])) return null;
  if (!isText(v['dataAsOf']) || !isObj(v['corrected']) || !Array.isArray(v['since'])) return null;
  return v as unknown as ShippedRelease;
}

/**
 * @example await resolveRelease('?release=2026-12-02-a1b2c3', ctx) // { id: '2026-12-02-a1b2c3', pinned: true, … }
 */
export async function resolveRelease(search: string, ctx: ReleaseContext): Promise<ShownRelease> {
  const { stamp } = ctx;
  const latest: ShownRelease = {
    id: stamp.current,
    info: stamp.current === null ? null : stamp.newest,
    pinned: false,
    newest: stamp.newest,
    data: ctx.data,
    dataAsOf: ctx.dataAsOf,
    note: null,
    since: [],
    citations: ctx.citations,
    translations: null,
    firstView: { data: ctx.data, dataAsOf: ctx.dataAsOf },
  };
  const raw = readQuery(search).release;
  const param = raw === INVALID ? ({ kind: 'malformed' } as const) : parseReleaseParam(raw);
  if (param.kind === 'none' || param.kind === 'latest') return latest;
  if (param.kind === 'malformed') return { ...latest, note: 'malformed' };
  if (param.id === stamp.current) return latest;

  // The request and its body within the time allowed; a host that never answers must not hang the page.
  const abort = new AbortController();
  const LATE = Symbol('late');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve(LATE);
    }, ctx.timeout ?? RELEASE_TIMEOUT_MS);
  });
  const load = async (): Promise<{ note: ReleaseNote } | { body: unknown }> => {
    let response: Response;
    try {
      response = await ctx.fetchFile(`releases/${stamp.base}/${param.id}.json`, abort.signal);
    } catch {
      return { note: 'failed' };
    }
    if (!response.ok) return { note: response.status === 404 || response.status === 410 ? 'unknown' : 'failed' };
    try {
      return { body: await response.json() };
    } catch {
      // A host that answers every address with its home page gives HTML here: an id it does not have.
      return { note: 'unknown' };
    }
  };
  const got = await Promise.race([load(), late]);
  clearTimeout(timer);
  if (got === LATE) return { ...latest, note: 'late' };
  if ('note' in got) return { ...latest, note: got.note };
  const shipped = shippedRelease(got.body, param.id, stamp.base);
  if (!shipped) return { ...latest, note: 'unknown' };
  try {
    const { delta } = shipped;
    const data: AtlasData = {
      ...ctx.data,
      actors: applyListPatch(delta.actors, ctx.data.actors),
      control: applyListPatch(delta.control, ctx.data.control),
      presence: applyListPatch(delta.presence, ctx.data.presence),
      events: applyListPatch(delta.events, ctx.data.events),
    };
    const citations: Loader = () =>
      ctx.citations().then((mod) => {
        if (!mod?.default) return mod;
        const chunk: CitationChunk = {
          citations: applyMapPatch(delta.citations, mod.default.citations),
          sources: Object.values(applyMapPatch(delta.sources, Object.fromEntries(mod.default.sources.map((s) => [s.id, s])))),
          corrected: shipped.corrected,
        };
        return { default: chunk };
      });
    return {
      id: param.id,
      info: shipped.release,
      pinned: true,
      newest: stamp.newest,
      data,
      dataAsOf: shipped.dataAsOf,
      note: null,
      since: shipped.since.filter(isCorrection),
      citations,
      translations: delta.i18n,
      firstView: latest.firstView,
    };
  } catch {
    return { ...latest, note: 'failed' };
  }
}
