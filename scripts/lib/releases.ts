/**
 * Releases at build time: the content of a release (what data/ holds: actors, records with their
 * citations, source documents, record translations), its hash and id, the snapshot file
 * `npm run release` writes (data/releases/<id>.json), and what the build ships: every release but
 * the first view's own as a delta against it, and the corrections log with what a reader needs to
 * read it. Pure over a FileSet (repo-relative path → text), so the tests need no disk.
 */
import { createHash } from 'node:crypto';
import type { FileSet } from '../validate/files.ts';
import { forFirstView, newestSourceDate } from './vite-data-split.ts';
import {
  RELEASE_ID,
  correctedDates,
  isRemoval,
  splitAt,
  makeDelta,
  type Correction,
  type DocRef,
  type RecordRef,
  type ReleaseInfo,
  type ShippedContent,
  type ShippedCorrection,
  type ShippedRelease,
  type TableLang,
  type TranslationEntry,
} from '../../src/lib/records/release.ts';
import type { Actor, ControlPeriod, HistEvent, Localized, Presence, SourceDoc } from '../../src/lib/records/schema.ts';
import type { ControlRecord, EventRecord, PresenceRecord } from '../../src/lib/records/types.ts';

export const RELEASES_FILE = 'data/releases.json';
export const CORRECTIONS_FILE = 'data/corrections.json';
export const SNAPSHOT_DIR = 'data/releases/';
export const snapshotPath = (id: string): string => `${SNAPSHOT_DIR}${id}.json`;
export const isSnapshotFile = (file: string): boolean => file.startsWith(SNAPSHOT_DIR) && /^[^/]+\.json$/.test(file.slice(SNAPSHOT_DIR.length));

/** The record kinds a correction is about. */
export const RECORD_LISTS = ['control', 'presence', 'events'] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

/** A state of the record: what a release holds, and what its hash is computed from. */
export interface ReleaseContent {
  actors: Actor[];
  control: ControlPeriod[];
  presence: Presence[];
  events: HistEvent[];
  /** Sorted by id. */
  sources: SourceDoc[];
  i18n: Record<TableLang, Record<string, TranslationEntry>>;
}

export interface Snapshot {
  id: string;
  date: string;
  /** The SHA-256 its header states (absent in a snapshot written before issue 24). */
  sha256?: string;
  content: ReleaseContent;
}

/**
 * One line of data/releases.json (issue 24): what the app ships (`ReleaseInfo`) and the hashes that
 * make the published history one chain, checked from the first release without git:
 * - `sha256`: the full SHA-256 of the snapshot's canonical content (the id keeps its first 6 hex digits);
 * - `previous`: the SHA-256 of the release line above it (`lineHash`), null for the first;
 * - `corrections`: the SHA-256 of the corrections log as it stood when it was made (`correctionsHash`
 *   of the corrections stamped with it or an earlier release, in the log's order).
 * Editing, reordering or removing an earlier release, or a correction it published, breaks the chain.
 */
export interface ReleaseLine extends ReleaseInfo {
  sha256: string;
  previous: string | null;
  corrections: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash a release line is chained by: of all its fields, in any order. */
export const lineHash = (line: ReleaseLine): string => sha256(canonical(line));

/** The hash of a corrections log (a list, in its order). */
export const correctionsHash = (log: readonly Correction[]): string => sha256(canonical(log));

/**
 * The log as it stood when `releases[k]` was made: the corrections stamped with it or an earlier
 * release, in the log's order (every pending correction is stamped when a release is made).
 */
export function loggedUpTo(releases: readonly { id: string }[], corrections: readonly Correction[], k: number): Correction[] {
  const upTo = new Set(releases.slice(0, k + 1).map((r) => r.id));
  return corrections.filter((c) => c.release !== undefined && upTo.has(c.release));
}

/** The part of a line the app ships. */
export const infoOf = (r: ReleaseInfo): ReleaseInfo => ({ id: r.id, date: r.date, summary: r.summary });

const parse = <T>(files: FileSet, path: string, fallback?: T): T => {
  const text = files[path];
  if (typeof text !== 'string') {
    if (fallback !== undefined) return fallback;
    throw new Error(`${path} is missing or unreadable: run npm run validate`);
  }
  return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
};

/** The record as data/ holds it now. Throws on files that cannot be read (the validator says why). */
export function contentOf(files: FileSet): ReleaseContent {
  const sources = Object.keys(files)
    .filter((f) => /^data\/sources\/[^/]+\.json$/.test(f))
    .map((f) => parse<SourceDoc>(files, f))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    actors: parse(files, 'data/actors.json'),
    control: parse(files, 'data/control.json'),
    presence: parse(files, 'data/presence.json'),
    events: parse(files, 'data/events.json'),
    sources,
    i18n: { ar: parse(files, 'data/i18n/ar.json', {}), ru: parse(files, 'data/i18n/ru.json', {}) },
  };
}

/** JSON with every object's keys sorted: the same text for the same content, however a file orders its fields. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The content's SHA-256, in hex. Record order counts (it ranks contested periods); field order does not. */
export const contentHash = (content: ReleaseContent): string => sha256(canonical(content));

/**
 * @example releaseId('2026-12-02', content) // '2026-12-02-a1b2c3'
 */
export const releaseId = (date: string, content: ReleaseContent): string => `${date}-${contentHash(content).slice(0, 6)}`;

/** The snapshot as written to data/releases/<id>.json: one record per line, so that git shows what changed. */
export function snapshotText(id: string, date: string, content: ReleaseContent): string {
  const list = (items: unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((x) => JSON.stringify(x)).join(',\n')}\n]`);
  const table = (t: Record<string, unknown>) => {
    const keys = Object.keys(t);
    return keys.length === 0 ? '{}' : `{\n${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(t[k])}`).join(',\n')}\n}`;
  };
  return [
    `{"id":${JSON.stringify(id)},"date":${JSON.stringify(date)},"sha256":${JSON.stringify(contentHash(content))},`,
    `"actors":${list(content.actors)},`,
    `"control":${list(content.control)},`,
    `"presence":${list(content.presence)},`,
    `"events":${list(content.events)},`,
    `"sources":${list(content.sources)},`,
    `"i18n":{"ar":${table(content.i18n.ar)},"ru":${table(content.i18n.ru)}}}`,
    '',
  ].join('\n');
}

export function readSnapshot(text: string): Snapshot {
  const { id, date, sha256: stated, ...content } = JSON.parse(text) as ReleaseContent & { id: string; date: string; sha256?: string };
  return { id, date, ...(stated === undefined ? {} : { sha256: stated }), content: { ...content, i18n: { ar: content.i18n?.ar ?? {}, ru: content.i18n?.ru ?? {} } } };
}

/** The content as the atlas ships it: records without citations (with `lastSource`), citations and sources by id. */
export function shippedOf(content: ReleaseContent): ShippedContent {
  const strip = <T>(list: { id: string; sources: unknown }[]) => forFirstView(list as unknown as Record<string, unknown>[], content.sources) as unknown as T[];
  const citations: ShippedContent['citations'] = {};
  for (const r of [...content.control, ...content.presence, ...content.events]) citations[r.id] = r.sources;
  return {
    actors: content.actors,
    control: strip<ControlRecord>(content.control),
    presence: strip<PresenceRecord>(content.presence),
    events: strip<EventRecord>(content.events),
    citations,
    sources: Object.fromEntries(content.sources.map((s) => [s.id, s])),
    i18n: content.i18n,
  };
}

/** Every record of a content by id, with its kind. */
export function recordsById(content: ReleaseContent): Map<string, { list: RecordList; record: Record<string, unknown> }> {
  const out = new Map<string, { list: RecordList; record: Record<string, unknown> }>();
  for (const list of RECORD_LISTS) for (const r of content[list]) out.set(r.id, { list, record: r as unknown as Record<string, unknown> });
  return out;
}

/** The releases listed in data/releases.json (oldest first), with their snapshots where present. */
export interface History {
  releases: ReleaseLine[];
  snapshots: Map<string, Snapshot>;
  corrections: Correction[];
}

export function historyOf(files: FileSet): History {
  const releases = parse<ReleaseLine[]>(files, RELEASES_FILE, []);
  const snapshots = new Map<string, Snapshot>();
  for (const r of releases) {
    const text = files[snapshotPath(r.id)];
    if (typeof text === 'string') snapshots.set(r.id, readSnapshot(text));
  }
  return { releases, snapshots, corrections: parse<Correction[]>(files, CORRECTIONS_FILE, []) };
}

/** What a record is, for a reader of a correction. */
function refOf(list: RecordList, r: Record<string, unknown>): RecordRef {
  const circa = r['circa'] === true ? { circa: true } : {};
  if (list === 'events') return { kind: 'event', places: r['places'] as string[], date: r['date'] as string, title: r['title'] as Localized, ...circa };
  return { kind: list === 'control' ? 'control' : 'presence', place: r['place'] as string, actor: r['actor'] as string, start: r['start'] as string, end: r['end'] as string | null, ...circa };
}

const docRef = (s: SourceDoc): DocRef => ({ publisher: s.publisher, title: s.title, date: s.date, language: s.language, ...(s.url ? { url: s.url } : {}) });

/**
 * The corrections log with what a reader needs to read each entry: what each record is (as it
 * stands now, or last stood), the places it touches, and the source documents it names.
 * @param contents newest first: the current content, then the snapshots
 */
export function enrichCorrections(corrections: readonly Correction[], contents: readonly ReleaseContent[]): ShippedCorrection[] {
  const byId = contents.map(recordsById);
  const docs = contents.map((c) => new Map(c.sources.map((s) => [s.id, s])));
  const findDoc = (id: string) => docs.map((m) => m.get(id)).find((d) => d !== undefined);
  return corrections.map((c) => {
    const refs: Record<string, RecordRef> = {};
    const places = new Set<string>();
    for (const id of c.records) {
      let first = true;
      for (const m of byId) {
        const found = m.get(id);
        if (!found) continue;
        const ref = refOf(found.list, found.record);
        if (first) refs[id] = ref;
        first = false;
        for (const p of ref.kind === 'event' ? ref.places : [ref.place]) places.add(p);
      }
    }
    const named = new Set([c.source]);
    for (const ch of c.changes) {
      if (isRemoval(ch)) continue;
      for (const v of [ch.before, ch.after]) {
        if (ch.field === 'place' && typeof v === 'string') places.add(v);
        if (ch.field === 'places' && Array.isArray(v)) for (const p of v) if (typeof p === 'string') places.add(p);
        if (ch.field === 'sources' && Array.isArray(v)) for (const s of v) if (s && typeof s === 'object' && typeof (s as { source?: unknown }).source === 'string') named.add((s as { source: string }).source);
      }
    }
    const docMap: Record<string, DocRef> = {};
    for (const id of named) {
      const d = findDoc(id);
      if (d) docMap[id] = docRef(d);
    }
    return { ...c, places: [...places], refs, docs: docMap };
  });
}

/** Everything the build ships about releases. */
export interface ReleaseBuild {
  stamp: { current: string | null; newest: ReleaseInfo | null; base: string };
  /** `releases/<base>/<id>.json` → its text, for every release the first view is not. */
  files: Map<string, string>;
  /** The corrections log for the "Corrections" view and downloads: every release, every correction. */
  log: { releases: ReleaseInfo[]; corrections: ShippedCorrection[] };
  /** Records corrected in the first view's state: id → date. */
  corrected: Record<string, string>;
  /** Releases whose snapshot is missing (the validator reports them); not shipped. */
  missing: string[];
}

/** The folder of the deltas: the first 12 hex digits of the first view's content hash. */
export const baseOf = (content: ReleaseContent): string => contentHash(content).slice(0, 12);

export function releaseBuild(files: FileSet): ReleaseBuild {
  const content = contentOf(files);
  const history = historyOf(files);
  const hash = contentHash(content);
  const base = hash.slice(0, 12);
  const last = history.releases[history.releases.length - 1];
  const newest = last ? infoOf(last) : null;
  // The newest release whose content is the first view's (normally the last one).
  const current = [...history.releases].reverse().find((r) => history.snapshots.has(r.id) && contentHash(history.snapshots.get(r.id)!.content) === hash)?.id ?? null;
  const contents = [content, ...[...history.releases].reverse().flatMap((r) => history.snapshots.get(r.id)?.content ?? [])];
  const enriched = enrichCorrections(history.corrections, contents);
  const enrichedOf = new Map(history.corrections.map((c, i) => [c, enriched[i]!]));
  const newestShipped = shippedOf(content);
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const r of history.releases) {
    if (r.id === current) continue;
    const snap = history.snapshots.get(r.id);
    if (!snap) {
      missing.push(r.id);
      continue;
    }
    const { upTo, since } = splitAt(history.releases, history.corrections, r.id);
    const shipped: ShippedRelease = {
      format: 1,
      release: infoOf(r),
      base,
      dataAsOf: newestSourceDate(snap.content.sources),
      delta: makeDelta(shippedOf(snap.content), newestShipped),
      corrected: correctedDates(upTo),
      since: since.map((c) => enrichedOf.get(c)!),
    };
    out.set(`releases/${base}/${r.id}.json`, JSON.stringify(shipped));
  }
  return {
    stamp: { current, newest, base },
    files: out,
    log: { releases: history.releases.map(infoOf), corrections: enriched },
    corrected: correctedDates(history.corrections),
    missing,
  };
}

/** The text of data/corrections.json as `npm run release` writes it back (stamped). */
export const correctionsText = (list: readonly Correction[]): string => `${JSON.stringify(list, null, 2)}\n`;
/** data/releases.json as `npm run release` writes it: one release a line, its fields in a fixed order. */
export const releasesText = (list: readonly ReleaseLine[]): string =>
  `[\n${list.map((r) => `  ${JSON.stringify({ id: r.id, date: r.date, summary: r.summary, sha256: r.sha256, previous: r.previous, corrections: r.corrections })}`).join(',\n')}\n]\n`;

/**
 * The line for a release made now, chained to the one before it: its content's hash, the hash of
 * the line above, and the hash of the log as it stands once this release's corrections are stamped.
 */
export function releaseLine(info: ReleaseInfo, content: ReleaseContent, before: readonly ReleaseLine[], log: readonly Correction[]): ReleaseLine {
  const last = before[before.length - 1];
  return { ...infoOf(info), sha256: contentHash(content), previous: last ? lineHash(last) : null, corrections: correctionsHash(log) };
}

export interface MadeRelease {
  id: string;
  /** Files to write: repo-relative path → text. */
  writes: Record<string, string>;
  /** How many corrections it stamped. */
  stamped: number;
}

/**
 * A new release of the record in `files` (already validated): the snapshot, the line in
 * data/releases.json, and the pending corrections stamped with its id. Returns a sentence saying
 * why not when the record has not changed since the newest release or the summary is unusable.
 */
export function makeRelease(files: FileSet, opts: { date: string; summary: string }): MadeRelease | string {
  const summary = opts.summary.replace(/\s+/g, ' ').trim();
  if (!summary) return 'a release needs a one-line summary: npm run release -- --summary "Corrected …; added …"';
  if ([...summary].length > 200) return `the summary is ${[...summary].length} characters long; the limit is 200 — shorten it`;
  if (/<[a-zA-Z!/?]/.test(summary)) return 'the summary must be plain text, without HTML tags';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) return `the date must be written YYYY-MM-DD (got ${JSON.stringify(opts.date)})`;
  const content = contentOf(files);
  const history = historyOf(files);
  const last = history.releases[history.releases.length - 1];
  if (last) {
    const snap = history.snapshots.get(last.id);
    if (snap && contentHash(snap.content) === contentHash(content)) return `nothing has changed since release ${last.id}`;
    if (opts.date < last.date) return `the date ${opts.date} is before the newest release's (${last.date})`;
  }
  const id = releaseId(opts.date, content);
  if (!RELEASE_ID.test(id)) return `could not make a release id from ${opts.date}`;
  if (history.releases.some((r) => r.id === id)) return `release ${id} already exists`;
  let stamped = 0;
  const corrections = history.corrections.map((c) => {
    if (c.release !== undefined) return c;
    stamped++;
    return { ...c, release: id };
  });
  const writes: Record<string, string> = {
    [snapshotPath(id)]: snapshotText(id, opts.date, content),
    [RELEASES_FILE]: releasesText([...history.releases, releaseLine({ id, date: opts.date, summary }, content, history.releases, corrections)]),
  };
  if (stamped > 0 || typeof files[CORRECTIONS_FILE] !== 'string') writes[CORRECTIONS_FILE] = correctionsText(corrections);
  return { id, writes, stamped };
}
