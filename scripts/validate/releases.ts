/**
 * Releases and corrections (issue 15): data/releases.json and its snapshots (data/releases/<id>.json,
 * written by `npm run release`, never edited), data/corrections.json, and the rule that keeps
 * embeds honest: every record changed or removed since the newest release has an entry in the
 * corrections log saying what changed, field by field, why, and the source that prompted it.
 * New records need none.
 */
import { z } from 'zod';
import { Correction, FieldChange, Release, RemovalChange } from '../../src/lib/records/schema.ts';
import { canonical, contentHash, CORRECTIONS_FILE, isSnapshotFile, readSnapshot, RELEASES_FILE, snapshotPath, type RecordList, type Snapshot } from '../lib/releases.ts';
import { formatDate, parseDate, type PartialDate } from './dates.ts';
import type { Doc, Path } from './files.ts';
import { FILES, type Entry } from './records.ts';
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

  // Every listed release has its snapshot, and the snapshot is what was released (its hash is in its id).
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
    } catch {
      report.file(file, 'is not a snapshot of the record (it has no actors, control, presence, events, sources) — restore it from git', RULE);
      continue;
    }
    const hash = contentHash(snap.content).slice(0, 6);
    if (snap.id !== r.id || !r.id.endsWith(`-${hash}`)) {
      report.file(file, `does not match release ${r.id} (its content hashes to ${hash}) — a snapshot is the record as it was released and is never edited; restore it from git`, RULE);
      continue;
    }
    snapshots.set(r.id, snap);
  }

  const corrections = readCorrections(report, docs.get(CORRECTIONS_FILE), listed, releases, input);
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

interface ReleaseLine {
  id: string;
  date: string;
  doc: Doc;
  path: Path;
}

function readReleases(report: Report, doc: Doc | undefined, today: PartialDate): ReleaseLine[] {
  if (!doc) return [];
  if (!Array.isArray(doc.data)) {
    report.at(doc, [], undefined, 'should be a list of releases, written [ { "id": …, "date": …, "summary": … } ] — npm run release writes it', 'schema');
    return [];
  }
  const out: ReleaseLine[] = [];
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
    out.push({ id, date, doc, path: [i] });
  });
  return out;
}

interface CorrectionLine {
  release?: string;
  changes: Pending[];
}

function readCorrections(report: Report, doc: Doc | undefined, listed: Set<string>, releases: ReleaseLine[], input: ReleaseInputs): CorrectionLine[] {
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

/** The newest release's records against data/ now, and the pending corrections against both. */
function compare(report: Report, snap: Snapshot, pending: Pending[], input: ReleaseInputs): void {
  const released = new Map<string, { list: RecordList; record: Obj }>();
  for (const list of ['control', 'presence', 'events'] as const) for (const r of snap.content[list]) released.set(r.id, { list, record: r as unknown as Obj });
  const now = new Map<string, Entry>();
  for (const list of ['control', 'presence', 'events'] as const) for (const e of input.lists[list]) if (e.id !== undefined && !now.has(e.id)) now.set(e.id, e);

  // Pending changes by record and field, in the order of the file.
  const chains = new Map<string, Pending[]>();
  const removals = new Map<string, Pending>();
  for (const p of pending) {
    if (p.removed) removals.set(p.record, p);
    else chains.set(`${p.record}\u0000${p.field}`, [...(chains.get(`${p.record}\u0000${p.field}`) ?? []), p]);
  }

  for (const [id, { list, record: before }] of released) {
    const e = now.get(id);
    if (!e) {
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
    const after = e.record;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => canonical(before[f]) !== canonical(after[f]));
    const missing = fields.filter((f) => !chains.has(`${id}\u0000${f}`));
    if (missing.length > 0) {
      const example = missing.map((f) => `{ "record": "${id}", "field": "${f}", "before": ${show(before[f], f in before)}, "after": ${show(after[f], f in after)} }`).join(', ');
      report.at(
        e.doc,
        e.index < 0 ? [] : [e.index],
        id,
        `changed since release ${snap.id} (${missing.map((f) => `"${f}"`).join(', ')}) with no entry in ${CORRECTIONS_FILE} — a published record is corrected in the open: add { "date": "${formatDate(input.today)}", "records": ["${id}"], "changes": [${example}], "reason": { "en": "why" }, "source": "<the source that prompted it>" } to ${CORRECTIONS_FILE}, or undo the change (${HOW})`,
        RULE,
      );
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
    const e = now.get(id);
    if (!was) {
      report.at(first.doc, first.path, id, `"${id}" is not a record of release ${snap.id}${e ? ': it is new since then, and new records need no correction — remove this change' : ' nor of data/ — correct the id'}`, RULE);
      continue;
    }
    if (!e) continue; // removed: its removal is what counts
    const before = was.record;
    const after = e.record;
    // Each change starts where the one before it ended: the first from the release, the last at data/ now.
    let value = before[field];
    let has = field in before;
    for (const p of chain) {
      if (p.hasBefore !== has || (has && canonical(p.before) !== canonical(value))) {
        report.at(p.doc, [...p.path, 'before'], id, `"before" of "${field}" is ${show(p.before, p.hasBefore)}, but ${p === first ? `release ${snap.id} has` : 'the change above it ends at'} ${show(value, has)} — write ${has ? `"before": ${quote(value)}` : 'no "before" (the field was not there)'}`, RULE);
      }
      value = p.after;
      has = p.hasAfter;
    }
    const last = chain[chain.length - 1]!;
    const hasNow = field in after;
    if (last.hasAfter !== hasNow || (hasNow && canonical(last.after) !== canonical(after[field]))) {
      report.at(last.doc, [...last.path, 'after'], id, `"after" of "${field}" is ${show(last.after, last.hasAfter)}, but ${LIST_FILES[was.list]} now has ${show(after[field], hasNow)} — write ${hasNow ? `"after": ${quote(after[field])}` : 'no "after" (the field is gone)'}`, RULE);
    }
    if (chain.length === 1 && first.hasBefore === first.hasAfter && canonical(first.before) === canonical(first.after)) {
      report.at(first.doc, first.path, id, `"before" and "after" of "${field}" are the same — remove this change`, RULE);
    }
  }
}
