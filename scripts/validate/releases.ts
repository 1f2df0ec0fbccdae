/**
 * Releases and corrections (issues 15, 24): data/releases.json and its snapshots (data/releases/<id>.json,
 * written by `npm run release`, never edited), data/corrections.json, and the rules that keep
 * embeds honest:
 * - every record changed or removed since the newest release (its fields, or an existing Arabic or
 *   Russian text of it) has an entry in the corrections log saying what changed, field by field,
 *   why, and the source that prompted it; new records and new translations need none;
 * - the published history is one chain, checked from the first release without git: each snapshot
 *   matches the full SHA-256 its release line records, each line records the hash of the line above,
 *   and the hash of the corrections log as it stood, so no published release or correction can be
 *   edited, reordered or removed without the validator saying so;
 * - every id in a snapshot is a safe id (the map puts ids in attributes and SVG references).
 */
import { z } from 'zod';
import { Correction, FieldChange, ID_PATTERN, ID_RULE, Release, RemovalChange } from '../../src/lib/records/schema.ts';
import type { TableLang, TranslationEntry } from '../../src/lib/records/release.ts';
import { canonical, contentHash, CORRECTIONS_FILE, correctionsHash, isSnapshotFile, lineHash, readSnapshot, RELEASES_FILE, snapshotPath, type RecordList, type ReleaseContent, type ReleaseLine, type Snapshot } from '../lib/releases.ts';
import type { Correction as CorrectionEntry } from '../../src/lib/records/release.ts';
import { formatDate, parseDate, type PartialDate } from './dates.ts';
import type { Doc, Path } from './files.ts';
import { FILES, I18N_DIR, type Entry } from './records.ts';
import { nearest } from './references.ts';
import { quote, type Report } from './report.ts';
import { checkSchema, isObject, type Obj } from './schema-messages.ts';

const RULE = 'corrections';
const HOW = 'see data/README.md, "Correcting a published record"';

/** A correction's own fields; its changes are checked one by one (a union's errors say too little). */
const CorrectionHead = Correction.extend({ changes: z.array(z.unknown()).min(1, 'list at least one change') });

interface Pending {
  doc: Doc;
  /** Path of the change in corrections.json. */
  path: Path;
  record: string;
  field?: string;
  removed: boolean;
  before?: unknown;
  after?: unknown;
  hasBefore: boolean;
  hasAfter: boolean;
}

export interface ReleaseInputs {
  docs: Map<string, Doc>;
  present: Set<string>;
  /** The records as read, by list. */
  lists: Record<RecordList, Entry[]>;
  /** False when a record file could not be read as a list: nothing is compared then. */
  readable: boolean;
  sourceIds: Set<string>;
  /** The translation tables now (data/i18n/ar.json, ru.json), each null when it could not be read. */
  i18n: Record<TableLang, Record<string, TranslationEntry> | null>;
  today: PartialDate;
}

const LIST_FILES: Record<RecordList, string> = { control: FILES.control, presence: FILES.presence, events: FILES.events };

const afterToday = (day: string, today: PartialDate): boolean => day > formatDate(today);

/** The problems of data/releases.json, data/releases/ and data/corrections.json, and the comparison with the newest release. */
export function checkReleases(report: Report, input: ReleaseInputs): void {
  const { docs, present } = input;
  // A file that could not be read is reported once, as such: nothing is compared with what it would say.
  if ((present.has(RELEASES_FILE) && !docs.has(RELEASES_FILE)) || (present.has(CORRECTIONS_FILE) && !docs.has(CORRECTIONS_FILE))) return;
  const releases = readReleases(report, docs.get(RELEASES_FILE), input.today);
  const listed = new Set(releases.map((r) => r.id));

  for (const file of present) {
    if (isSnapshotFile(file) && !listed.has(file.slice('data/releases/'.length, -'.json'.length))) {
      report.file(file, `is not listed in ${RELEASES_FILE} — a snapshot belongs to a release made with npm run release; delete the file or restore the line of ${RELEASES_FILE} from git`, RULE);
    }
  }

  const correctionsDoc = docs.get(CORRECTIONS_FILE);
  const corrections = readCorrections(report, correctionsDoc, listed, releases, input);
  checkChain(report, releases, correctionsDoc);

  // Every listed release has its snapshot, and the snapshot is what was released: its full SHA-256 is in its line.
  const snapshots = new Map<string, Snapshot>();
  for (const r of releases) {
    const file = snapshotPath(r.id);
    const doc = docs.get(file);
    if (!present.has(file)) {
      report.at(r.doc, r.path, undefined, `release ${r.id} has no snapshot: ${file} is missing — npm run release writes it; restore it from git`, RULE);
      continue;
    }
    if (!doc) continue; // unreadable: reported as such
    let snap: Snapshot;
    try {
      snap = readSnapshot(doc.text);
      if (!Array.isArray(snap.content.actors) || !Array.isArray(snap.content.control) || !Array.isArray(snap.content.presence) || !Array.isArray(snap.content.events) || !Array.isArray(snap.content.sources)) throw new Error('not a snapshot');
    } catch {
      report.file(file, 'is not a snapshot of the record (it has no actors, control, presence, events, sources) — restore it from git', RULE);
      continue;
    }
    const hash = contentHash(snap.content);
    const restore = 'a snapshot is the record as it was released and is never edited; restore it from git';
    if (snap.id !== r.id || snap.date !== r.date) {
      report.file(file, `says it is release ${quote(snap.id)} of ${quote(snap.date)}, but ${RELEASES_FILE} lists release ${r.id} of ${r.date} under this name — ${restore}`, RULE);
      continue;
    }
    if (r.line && hash !== r.line.sha256) {
      report.file(file, `does not match release ${r.id}: its content hashes to ${hash.slice(0, 16)}…, but ${RELEASES_FILE} records ${r.line.sha256.slice(0, 16)}… — ${restore}`, RULE);
      continue;
    }
    if (!r.id.endsWith(`-${hash.slice(0, 6)}`)) {
      report.file(file, `does not match release ${r.id} (its content hashes to ${hash.slice(0, 6)}) — ${restore}`, RULE);
      continue;
    }
    if (snap.sha256 !== hash) {
      report.file(file, `${snap.sha256 === undefined ? 'has no "sha256" in its first line' : `states "sha256": ${quote(snap.sha256)}, not the hash of its content`} — npm run release writes it; ${restore}`, RULE);
    }
    checkSnapshotIds(report, file, snap.content);
    snapshots.set(r.id, snap);
  }

  const newest = releases[releases.length - 1];
  const pending = corrections.filter((c) => c.release === undefined).flatMap((c) => c.changes);
  if (!newest) {
    for (const p of pending) {
      report.at(p.doc, p.path, p.record, `there is no release to compare this change with (${RELEASES_FILE} lists none) — corrections are for records already published; make the first release with npm run release`, RULE);
    }
    return;
  }
  const snap = snapshots.get(newest.id);
  if (!snap || !input.readable) return;
  compare(report, snap, pending, input);
}

/**
 * The chain: each line's "previous" is the hash of the line above (null for the first), and its
 * "corrections" the hash of the log's entries stamped with it or an earlier release, in the log's
 * order. Lines are hashed as written, so a line that fails its schema still links (or breaks) the chain.
 */
function checkChain(report: Report, releases: ReleaseRow[], correctionsDoc: Doc | undefined): void {
  const git = `published releases are never edited, reordered or removed: restore ${RELEASES_FILE} (and data/releases/) from git`;
  releases.forEach((r, i) => {
    if (!r.line) return;
    const above = releases[i - 1];
    if (i === 0 && r.line.previous !== null) {
      report.at(r.doc, [...r.path, 'previous'], undefined, `release ${r.id} is listed first, but its "previous" names a release before it (${r.line.previous.slice(0, 16)}…): a release was removed from the top of the list — ${git}`, RULE);
    } else if (above && r.line.previous === null) {
      report.at(r.doc, [...r.path, 'previous'], undefined, `release ${r.id} says it is the first release ("previous": null), but release ${above.id} is listed above it — ${git}`, RULE);
    } else if (above && r.line.previous !== null && r.line.previous !== lineHash(above.raw as unknown as ReleaseLine)) {
      report.at(r.doc, [...r.path, 'previous'], undefined, `release ${r.id} does not follow the line above it: its "previous" is ${r.line.previous.slice(0, 16)}…, but the line of release ${above.id} hashes to ${lineHash(above.raw as unknown as ReleaseLine).slice(0, 16)}… — a release between them was removed, or a line above was edited or moved; ${git}`, RULE);
    }
  });
  if (!correctionsDoc || !Array.isArray(correctionsDoc.data)) return;
  const log = correctionsDoc.data as unknown[];
  // The first release whose log does not match: every later one fails with it.
  for (let k = 0; k < releases.length; k++) {
    const r = releases[k]!;
    if (!r.line) continue;
    const upTo = new Set(releases.slice(0, k + 1).map((x) => x.id));
    const stood = log.filter((c) => isObject(c) && typeof c.release === 'string' && upTo.has(c.release));
    const hash = correctionsHash(stood as CorrectionEntry[]);
    if (hash === r.line.corrections) continue;
    report.at(
      correctionsDoc,
      [],
      undefined,
      `the corrections published up to release ${r.id} are not as they stood when it was made (the ${stood.length} entr${stood.length === 1 ? 'y' : 'ies'} stamped with it or an earlier release hash to ${hash.slice(0, 16)}…; ${RELEASES_FILE} records ${r.line.corrections.slice(0, 16)}…) — a published correction was edited, removed or moved, or given a "release" it was not published in; restore ${CORRECTIONS_FILE} from git, and log a new change as a new entry at the end`,
      RULE,
    );
    return;
  }
}

/** The fields of a snapshot's records that hold ids, one id or a list of them. */
const ID_FIELDS = ['id', 'place', 'actor', 'counterpart', 'claimedBy', 'responds', 'aligned'] as const;
const ID_LISTS = ['contestedBy', 'places', 'actors'] as const;

/** Every id in a snapshot is a safe id: the map writes ids into attributes and SVG references. */
function checkSnapshotIds(report: Report, file: string, content: ReleaseContent): void {
  const bad: string[] = [];
  const check = (where: string, v: unknown) => {
    if (v !== undefined && (typeof v !== 'string' || !ID_PATTERN.test(v))) bad.push(`${where} ${quote(v)}`);
  };
  for (const list of ['actors', 'control', 'presence', 'events', 'sources'] as const) {
    (content[list] as unknown[]).forEach((item, i) => {
      if (!isObject(item)) return bad.push(`${list}[${i}] is not a record`);
      for (const f of ID_FIELDS) check(`${list}[${i}].${f}`, item[f]);
      for (const f of ID_LISTS) if (Array.isArray(item[f])) (item[f] as unknown[]).forEach((v, n) => check(`${list}[${i}].${f}[${n}]`, v));
      if (Array.isArray(item.sources)) (item.sources as unknown[]).forEach((c, n) => check(`${list}[${i}].sources[${n}].source`, isObject(c) ? c.source : c));
      if (Array.isArray(item.claims)) (item.claims as unknown[]).forEach((c, n) => check(`${list}[${i}].claims[${n}].actor`, isObject(c) ? c.actor : c));
    });
  }
  for (const lang of ['ar', 'ru'] as const) for (const key of Object.keys(content.i18n[lang])) check(`i18n.${lang} key`, key);
  if (bad.length === 0) return;
  report.file(file, `holds ${bad.length === 1 ? 'a value that is not an id' : `${bad.length} values that are not ids`} (${bad.slice(0, 3).join('; ')}${bad.length > 3 ? '; …' : ''}): ${ID_RULE} — a snapshot is never edited; restore it from git`, RULE);
}

interface ReleaseRow {
  id: string;
  date: string;
  doc: Doc;
  path: Path;
  /** The line as written (it is hashed as written). */
  raw: Obj;
  /** Its hashes, when they passed the schema. */
  line?: ReleaseLine;
}

function readReleases(report: Report, doc: Doc | undefined, today: PartialDate): ReleaseRow[] {
  if (!doc) return [];
  if (!Array.isArray(doc.data)) {
    report.at(doc, [], undefined, 'should be a list of releases, written [ { "id": …, "date": …, "summary": … } ] — npm run release writes it', 'schema');
    return [];
  }
  const out: ReleaseRow[] = [];
  const seen = new Set<string>();
  doc.data.forEach((item: unknown, i: number) => {
    const failed = checkSchema(report, doc, [i], item, Release);
    if (!isObject(item) || typeof item.id !== 'string' || typeof item.date !== 'string' || failed.has('id') || failed.has('date')) return;
    const id = item.id as string;
    const date = item.date as string;
    if (!id.startsWith(`${date}-`)) report.at(doc, [i, 'id'], undefined, `release id "${id}" does not begin with its date "${date}" — the id is the release's date and a hash of its content`, RULE);
    if (parseDate(date) === null) report.at(doc, [i, 'date'], undefined, `date: "${date}" is not a real date`, 'dates');
    else if (afterToday(date, today)) report.at(doc, [i, 'date'], undefined, `date: "${date}" is after today (${formatDate(today)})`, 'future-date');
    if (seen.has(id)) report.at(doc, [i, 'id'], undefined, `release "${id}" is listed twice — remove one line`, RULE);
    const prev = out[out.length - 1];
    if (prev && date < prev.date) report.at(doc, [i, 'date'], undefined, `release ${id} is dated before the release above it (${prev.date}) — releases are listed oldest first`, RULE);
    seen.add(id);
    const hashed = !failed.has('sha256') && !failed.has('previous') && !failed.has('corrections') && typeof item.sha256 === 'string' && typeof item.corrections === 'string';
    out.push({ id, date, doc, path: [i], raw: item, ...(hashed ? { line: item as unknown as ReleaseLine } : {}) });
  });
  return out;
}

interface CorrectionLine {
  release?: string;
  changes: Pending[];
}

function readCorrections(report: Report, doc: Doc | undefined, listed: Set<string>, releases: ReleaseRow[], input: ReleaseInputs): CorrectionLine[] {
  if (!doc) return [];
  if (!Array.isArray(doc.data)) {
    report.at(doc, [], undefined, `should be a list of corrections, written [ { "date": …, "records": […], "changes": […], "reason": { "en": … }, "source": … } ] — ${HOW}`, 'schema');
    return [];
  }
  const releaseDate = new Map(releases.map((r) => [r.id, r.date]));
  const out: CorrectionLine[] = [];
  doc.data.forEach((item: unknown, i: number) => {
    const failed = checkSchema(report, doc, [i], item, CorrectionHead);
    if (!isObject(item)) return;
    const c = item as Obj;
    const date = !failed.has('date') && typeof c.date === 'string' ? c.date : undefined;
    if (date !== undefined) {
      if (parseDate(date) === null) report.at(doc, [i, 'date'], undefined, `date: "${date}" is not a real date — check the month (01–12) and the day`, 'dates');
      else if (afterToday(date, input.today)) report.at(doc, [i, 'date'], undefined, `date: "${date}" is after today (${formatDate(input.today)}) — date a correction on the day it is made`, 'future-date');
    }
    const source = !failed.has('source') && typeof c.source === 'string' ? c.source : undefined;
    if (source !== undefined && !input.sourceIds.has(source)) {
      const guess = nearest(source, input.sourceIds);
      report.at(doc, [i, 'source'], undefined, `source: "${source}" is not a known source — there is no data/sources/${source}.json${guess ? `; did you mean "${guess}"?` : '; add the source that prompted the correction as a file in data/sources/ (see data/README.md)'}`, 'references');
    }
    let release: string | undefined;
    if (!failed.has('release') && typeof c.release === 'string') {
      release = c.release;
      if (!listed.has(release)) {
        report.at(doc, [i, 'release'], undefined, `release: "${release}" is not a release in ${RELEASES_FILE} — "release" is stamped by npm run release; remove it from a correction not yet released`, RULE);
        release = undefined;
      } else if (date !== undefined && date > releaseDate.get(release)!) {
        report.at(doc, [i, 'date'], undefined, `is dated ${date}, after the release it was published in (${release}) — check the date`, RULE);
      }
    }
    const records = !failed.has('records') && Array.isArray(c.records) ? (c.records as unknown[]).filter((r): r is string => typeof r === 'string') : [];
    const changes: Pending[] = [];
    if (!failed.has('changes') && Array.isArray(c.changes)) {
      c.changes.forEach((ch: unknown, n: number) => {
        const path: Path = [i, 'changes', n];
        const removal = isObject(ch) && 'removed' in ch;
        const bad = checkSchema(report, doc, path, ch, removal ? RemovalChange : FieldChange);
        if (bad.size > 0 || !isObject(ch)) return;
        const record = ch.record as string;
        if (records.length > 0 && !records.includes(record)) {
          report.at(doc, [...path, 'record'], record, `changes[${n}] is about "${record}", which is not in "records" — add it to "records" or correct the id`, RULE);
        }
        changes.push({
          doc,
          path,
          record,
          removed: removal,
          ...(removal ? {} : { field: ch.field as string }),
          before: ch.before,
          after: ch.after,
          hasBefore: 'before' in ch,
          hasAfter: 'after' in ch,
        });
      });
      for (const r of records) {
        if (!changes.some((p) => p.record === r) && changes.length === (c.changes as unknown[]).length) {
          report.at(doc, [i, 'records'], r, `lists "${r}" in "records" but no change to it — add what changed in "changes", or remove it from "records"`, RULE);
        }
      }
    }
    out.push({ ...(release ? { release } : {}), changes });
  });
  return out;
}

const show = (v: unknown, present: boolean): string => (present ? quote(v) : '(no such field)');

/** The fields whose Arabic and Russian are kept in data/i18n/ (i18n.ts TRANSLATABLE, for records). */
const TRANSLATED = ['title', 'summary', 'note', 'strength'] as const;
const LANGS: readonly TableLang[] = ['ar', 'ru'];

/** A record as a side of a comparison: its fields, and its entries in the translation tables. */
interface Side {
  record: Obj;
  table: Record<TableLang, TranslationEntry | undefined>;
}

/**
 * A field's value on one side: a field of the record ("start"), or the Arabic or Russian text of
 * one ("title.ar"): written in the record, else in data/i18n/<lang>.json.
 */
function valueOf(side: Side, field: string): { has: boolean; value?: unknown } {
  const m = /^([a-zA-Z]+)\.(ar|ru)$/.exec(field);
  if (!m) return field in side.record ? { has: true, value: side.record[field] } : { has: false };
  const [, name, lang] = m as unknown as [string, string, TableLang];
  const inline = side.record[name];
  if (isObject(inline) && typeof inline[lang] === 'string') return { has: true, value: inline[lang] };
  const text = side.table[lang]?.[name as keyof TranslationEntry];
  return typeof text === 'string' ? { has: true, value: text } : { has: false };
}

/** The newest release's records against data/ now, and the pending corrections against both. */
function compare(report: Report, snap: Snapshot, pending: Pending[], input: ReleaseInputs): void {
  const released = new Map<string, { list: RecordList; side: Side }>();
  const tableAt = (tables: Record<TableLang, Record<string, TranslationEntry> | null>, id: string): Side['table'] => ({ ar: tables.ar?.[id], ru: tables.ru?.[id] });
  for (const list of ['control', 'presence', 'events'] as const) {
    for (const r of snap.content[list]) released.set(r.id, { list, side: { record: r as unknown as Obj, table: tableAt(snap.content.i18n, r.id) } });
  }
  const now = new Map<string, { entry: Entry; side: Side }>();
  for (const list of ['control', 'presence', 'events'] as const) {
    for (const e of input.lists[list]) if (e.id !== undefined && !now.has(e.id)) now.set(e.id, { entry: e, side: { record: e.record, table: tableAt(input.i18n, e.id) } });
  }
  const i18nDoc = (lang: TableLang) => input.docs.get(`${I18N_DIR}${lang}.json`);

  // Pending changes by record and field, in the order of the file.
  const chains = new Map<string, Pending[]>();
  const removals = new Map<string, Pending>();
  for (const p of pending) {
    if (p.removed) removals.set(p.record, p);
    else chains.set(`${p.record}\u0000${p.field}`, [...(chains.get(`${p.record}\u0000${p.field}`) ?? []), p]);
  }
  const missingMessage = (id: string, fields: string[], before: Side, after: Side, what: string) => {
    const example = fields
      .map((f) => {
        const b = valueOf(before, f);
        const a = valueOf(after, f);
        return `{ "record": "${id}", "field": "${f}", "before": ${show(b.value, b.has)}, "after": ${show(a.value, a.has)} }`;
      })
      .join(', ');
    return `${what} since release ${snap.id} (${fields.map((f) => `"${f}"`).join(', ')}) with no entry in ${CORRECTIONS_FILE} — a published record is corrected in the open: add { "date": "${formatDate(input.today)}", "records": ["${id}"], "changes": [${example}], "reason": { "en": "why" }, "source": "<the source that prompted it>" } to ${CORRECTIONS_FILE}, or undo the change (${HOW})`;
  };

  for (const [id, { list, side: before }] of released) {
    const found = now.get(id);
    if (!found) {
      if (!removals.has(id)) {
        report.file(
          LIST_FILES[list],
          `was removed since release ${snap.id} with no entry in ${CORRECTIONS_FILE} — put the record back, or log its removal: { "date": "${formatDate(input.today)}", "records": ["${id}"], "changes": [{ "record": "${id}", "removed": true }], "reason": { "en": "why it was removed" }, "source": "<the source that prompted it>" } (${HOW})`,
          RULE,
          undefined,
          id,
        );
      }
      continue;
    }
    const { entry: e, side: after } = found;
    const fields = [...new Set([...Object.keys(before.record), ...Object.keys(after.record)])].filter((f) => canonical(before.record[f]) !== canonical(after.record[f]));
    const missing = fields.filter((f) => !chains.has(`${id}\u0000${f}`));
    if (missing.length > 0) report.at(e.doc, e.index < 0 ? [] : [e.index], id, missingMessage(id, missing, before, after, 'changed'), RULE);

    // An Arabic or Russian text readers were shown, changed or taken out (a new one needs no entry):
    // readers of those languages read the record in it. A field changed in the record itself is logged as that field.
    for (const lang of LANGS) {
      if (input.i18n[lang] === null) continue; // unreadable: reported as such
      const changed = TRANSLATED.map((f) => `${f}.${lang}`).filter((f) => {
        if (fields.includes(f.split('.')[0]!)) return false;
        const b = valueOf(before, f);
        const a = valueOf(after, f);
        return b.has && (!a.has || a.value !== b.value) && !chains.has(`${id}\u0000${f}`);
      });
      if (changed.length === 0) continue;
      const doc = i18nDoc(lang);
      const message = missingMessage(id, changed, before, after, `${lang === 'ar' ? 'Arabic' : 'Russian'} text changed or removed`);
      if (doc && isObject(doc.data) && id in doc.data) report.at(doc, [id], id, message, RULE);
      else report.at(e.doc, e.index < 0 ? [] : [e.index], id, message, RULE);
    }
  }

  for (const [id, p] of removals) {
    if (!released.has(id)) report.at(p.doc, p.path, id, `"${id}" is not a record of release ${snap.id} — only a published record can be removed; remove this change`, RULE);
    else if (now.has(id)) report.at(p.doc, p.path, id, `says "${id}" was removed, but it is still in ${LIST_FILES[released.get(id)!.list]} — remove the record, or this change`, RULE);
  }

  for (const chain of chains.values()) {
    const first = chain[0]!;
    const id = first.record;
    const field = first.field!;
    const was = released.get(id);
    const found = now.get(id);
    if (!was) {
      report.at(first.doc, first.path, id, `"${id}" is not a record of release ${snap.id}${found ? ': it is new since then, and new records need no correction — remove this change' : ' nor of data/ — correct the id'}`, RULE);
      continue;
    }
    if (!found) continue; // removed: its removal is what counts
    // Each change starts where the one before it ended: the first from the release, the last at data/ now.
    let { value, has } = valueOf(was.side, field);
    for (const p of chain) {
      if (p.hasBefore !== has || (has && canonical(p.before) !== canonical(value))) {
        report.at(p.doc, [...p.path, 'before'], id, `"before" of "${field}" is ${show(p.before, p.hasBefore)}, but ${p === first ? `release ${snap.id} has` : 'the change above it ends at'} ${show(value, has)} — write ${has ? `"before": ${quote(value)}` : 'no "before" (the field was not there)'}`, RULE);
      }
      value = p.after;
      has = p.hasAfter;
    }
    const last = chain[chain.length - 1]!;
    const current = valueOf(found.side, field);
    if (last.hasAfter !== current.has || (current.has && canonical(last.after) !== canonical(current.value))) {
      const where = field.includes('.') ? `${I18N_DIR}${field.split('.')[1]}.json (or the record)` : LIST_FILES[was.list];
      report.at(last.doc, [...last.path, 'after'], id, `"after" of "${field}" is ${show(last.after, last.hasAfter)}, but ${where} now has ${show(current.value, current.has)} — write ${current.has ? `"after": ${quote(current.value)}` : 'no "after" (the field is gone)'}`, RULE);
    }
    if (chain.length === 1 && first.hasBefore === first.hasAfter && canonical(first.before) === canonical(first.after)) {
      report.at(first.doc, first.path, id, `"before" and "after" of "${field}" are the same — remove this change`, RULE);
    }
  }
}
