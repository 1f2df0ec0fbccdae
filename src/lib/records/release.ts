/**
 * Releases of the record and the corrections between them, as the atlas ships them (issue 15).
 *
 * A release is a published state of data/: an id from its date and a short hash of its content
 * (`2026-12-02-a1b2c3`). The build ships the newest state in the first view and every other release
 * as a delta against it (`releases/<base>/<id>.json`), fetched only by a view pinned to it with
 * `release=<id>`. Pure functions, used by the build (scripts/lib/releases.ts) and the app alike.
 */
import type { Actor, Citation, Localized, SourceDoc } from './schema.ts';
import type { ControlRecord, EventRecord, PresenceRecord } from './types.ts';

/** `2026-12-02-a1b2c3`: the release's date and the first 6 hex digits of its content hash. */
export const RELEASE_ID = /^(\d{4}-\d{2}-\d{2})-([0-9a-f]{6})$/;

/** What `release=` may say: a release id, or `latest` to follow the newest. */
export type ReleaseParam = { kind: 'none' } | { kind: 'latest' } | { kind: 'id'; id: string } | { kind: 'malformed' };

/**
 * Reads the raw `release=` value (null when absent). Anything but an id or `latest` is malformed.
 * @example parseReleaseParam('2026-12-02-a1b2c3') // { kind: 'id', id: '2026-12-02-a1b2c3' }
 * @example parseReleaseParam('<script>') // { kind: 'malformed' }
 */
export function parseReleaseParam(raw: string | null | undefined): ReleaseParam {
  if (raw === null || raw === undefined) return { kind: 'none' };
  if (raw === 'latest') return { kind: 'latest' };
  return RELEASE_ID.test(raw) ? { kind: 'id', id: raw } : { kind: 'malformed' };
}

/** One line of data/releases.json. */
export interface ReleaseInfo {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  /** One line saying what the release brought. */
  summary: string;
}

/** A field's change, as data/corrections.json writes it; `before` or `after` absent: the field was not there. */
export interface FieldChange {
  record: string;
  field: string;
  before?: unknown;
  after?: unknown;
}
export interface RemovalChange {
  record: string;
  removed: true;
}
export type Change = FieldChange | RemovalChange;

export const isRemoval = (c: Change): c is RemovalChange => 'removed' in c && c.removed === true;

/** One entry of data/corrections.json. */
export interface Correction {
  /** When the record was corrected (YYYY-MM-DD). */
  date: string;
  records: string[];
  changes: Change[];
  reason: Localized;
  /** The source document that prompted it (a data/sources id). */
  source: string;
  /** The release it was published in, stamped by `npm run release`; absent until then. */
  release?: string;
  /** The reader's report it came from (an http(s) address: the issue or the archived message), where there was one. */
  report?: string;
}

/** What a corrected record is, as it stands in the newest record (or last stood, when removed). */
export type RecordRef =
  | { kind: 'control' | 'presence'; place: string; actor: string; start: string; end: string | null; circa?: boolean }
  | { kind: 'event'; places: string[]; date: string; circa?: boolean; title: Localized };

/** A source document as a correction names it. */
export type DocRef = Pick<SourceDoc, 'publisher' | 'title' | 'date' | 'url' | 'language'>;

/** A correction with what a reader needs to read it without the rest of the record. */
export interface ShippedCorrection extends Correction {
  /** The places of the records it touches (before and after), for filtering by place. */
  places: string[];
  refs: Record<string, RecordRef>;
  /** The prompting source and the sources in any citations before or after. */
  docs: Record<string, DocRef>;
}

/** Items of a list as the newest holds them (`[from, to)`, by position), or as literal records. */
export type ListPatch<T> = (T | [number, number])[];
/** Entries that differ from the newest; null: not in this release. */
export type MapPatch<T> = Record<string, T | null>;
export type TranslationEntry = Partial<Record<'title' | 'summary' | 'note' | 'strength' | 'name' | 'short', string>>;

/** The records of a release as the first view holds them, their citations and sources, and translations. */
export interface ShippedContent {
  actors: Actor[];
  control: ControlRecord[];
  presence: PresenceRecord[];
  events: EventRecord[];
  citations: Record<string, Citation[]>;
  sources: Record<string, SourceDoc>;
  /** Record, actor and place translations (data/i18n/<lang>.json), keyed by id. */
  i18n: Record<TableLang, Record<string, TranslationEntry>>;
}

export type TableLang = 'ar' | 'ru';
export const TABLE_LANGS: readonly TableLang[] = ['ar', 'ru'];

export interface ReleaseDelta {
  actors: ListPatch<Actor>;
  control: ListPatch<ControlRecord>;
  presence: ListPatch<PresenceRecord>;
  events: ListPatch<EventRecord>;
  citations: MapPatch<Citation[]>;
  sources: MapPatch<SourceDoc>;
  i18n: Record<TableLang, MapPatch<TranslationEntry>>;
}

/** `releases/<base>/<id>.json`: an older release, as a delta against the state the first view has. */
export interface ShippedRelease {
  format: 1;
  release: ReleaseInfo;
  /** The content hash of the state this delta applies to (the build's `base`). */
  base: string;
  /** The newest source date in this release. */
  dataAsOf: string;
  delta: ReleaseDelta;
  /** Records corrected up to this release: id → date of the latest correction. */
  corrected: Record<string, string>;
  /** Corrections published after this release (and any not yet released), oldest first. */
  since: ShippedCorrection[];
}

/** The first chunk's word on releases (`virtual:atlas-release`). */
export interface ReleaseStamp {
  /** The release the first view's records are; null when data/ has changed since the newest release. */
  current: string | null;
  /** The newest release, if any. */
  newest: ReleaseInfo | null;
  /** The content hash of the first view's state: the folder its deltas are in. */
  base: string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * `old` as ranges of `newest` and literal records, matching records by id and exact JSON.
 * @example makeListPatch([a, b2, c], [a, b, c, d]) // [[0, 1], b2, [2, 3]]
 */
export function makeListPatch<T extends { id: string }>(old: readonly T[], newest: readonly T[]): ListPatch<T> {
  const at = new Map(newest.map((r, i) => [r.id, i]));
  const out: ListPatch<T> = [];
  for (const r of old) {
    const i = at.get(r.id);
    const last = out[out.length - 1];
    if (i !== undefined && same(r, newest[i])) {
      if (Array.isArray(last) && last[1] === i) last[1] = i + 1;
      else out.push([i, i + 1]);
    } else out.push(r);
  }
  return out;
}

/** The list a patch describes. Throws when a range falls outside `newest` (a delta for another base). */
export function applyListPatch<T>(patch: ListPatch<T>, newest: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of patch) {
    if (!Array.isArray(item)) {
      out.push(item);
      continue;
    }
    const [from, to] = item;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > newest.length || from >= to) throw new Error('release delta does not fit this build');
    for (let i = from; i < to; i++) out.push(newest[i]!);
  }
  return out;
}

export function makeMapPatch<T>(old: Readonly<Record<string, T>>, newest: Readonly<Record<string, T>>): MapPatch<T> {
  const out: MapPatch<T> = {};
  for (const [k, v] of Object.entries(old)) if (!Object.hasOwn(newest, k) || !same(v, newest[k])) out[k] = v;
  for (const k of Object.keys(newest)) if (!Object.hasOwn(old, k)) out[k] = null;
  return out;
}

export function applyMapPatch<T>(patch: MapPatch<T>, newest: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = { ...newest };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** The delta that turns `newest` into `old`. */
export function makeDelta(old: ShippedContent, newest: ShippedContent): ReleaseDelta {
  return {
    actors: makeListPatch(old.actors, newest.actors),
    control: makeListPatch(old.control, newest.control),
    presence: makeListPatch(old.presence, newest.presence),
    events: makeListPatch(old.events, newest.events),
    citations: makeMapPatch(old.citations, newest.citations),
    sources: makeMapPatch(old.sources, newest.sources),
    i18n: { ar: makeMapPatch(old.i18n.ar, newest.i18n.ar), ru: makeMapPatch(old.i18n.ru, newest.i18n.ru) },
  };
}

/**
 * The release a delta describes, from the newest state.
 * @example applyDelta(makeDelta(old, newest), newest) // deep-equals old
 */
export function applyDelta(delta: ReleaseDelta, newest: ShippedContent): ShippedContent {
  return {
    actors: applyListPatch(delta.actors, newest.actors),
    control: applyListPatch(delta.control, newest.control),
    presence: applyListPatch(delta.presence, newest.presence),
    events: applyListPatch(delta.events, newest.events),
    citations: applyMapPatch(delta.citations, newest.citations),
    sources: applyMapPatch(delta.sources, newest.sources),
    i18n: { ar: applyMapPatch(delta.i18n.ar, newest.i18n.ar), ru: applyMapPatch(delta.i18n.ru, newest.i18n.ru) },
  };
}

/** Records corrected by the given corrections: id → date of the latest one. */
export function correctedDates(corrections: readonly Correction[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of corrections) for (const id of c.records) if (!out[id] || out[id] < c.date) out[id] = c.date;
  return out;
}

/**
 * The log split at a release: the corrections published in it or before (by the order of
 * `releases`), and those after it or not yet released. A null release: everything is before.
 */
export function splitAt<T extends Correction>(releases: readonly ReleaseInfo[], corrections: readonly T[], release: string | null): { upTo: T[]; since: T[] } {
  if (release === null) return { upTo: [...corrections], since: [] };
  const order = new Map(releases.map((r, i) => [r.id, i]));
  const limit = order.get(release) ?? -1;
  const upTo: T[] = [];
  const since: T[] = [];
  for (const c of corrections) {
    const at = c.release === undefined ? undefined : order.get(c.release);
    (at !== undefined && at <= limit ? upTo : since).push(c);
  }
  return { upTo, since };
}

/**
 * The corrections (of `list`) that touch any of `ids`, newest first.
 * @example touching(since, new Set(['tripoli-gna'])).length
 */
export function touching<T extends Correction>(list: readonly T[], ids: ReadonlySet<string>): T[] {
  return newestFirst(list.filter((c) => c.records.some((id) => ids.has(id))));
}

/** Newest first, by date, then by their order in the log (later entries first). */
export function newestFirst<T extends Correction>(list: readonly T[]): T[] {
  return list
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.date < b.c.date ? 1 : a.c.date > b.c.date ? -1 : b.i - a.i))
    .map(({ c }) => c);
}
