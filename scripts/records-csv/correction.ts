/**
 * The corrections-log entry for an import that changes or removes published records: the validator
 * asks for one (data/README.md, "Correcting a published record"), and the import knows every field
 * it changes. Each change runs from the record as data/ holds it now to the record as imported, so
 * it continues any correction already logged since the newest release. Only records of the newest
 * release count; new records need none, and translations (data/i18n/) are not part of a record.
 */
import { canonical, CORRECTIONS_FILE, readSnapshot, RELEASES_FILE, snapshotPath } from '../lib/releases.ts';
import type { FileSet } from '../validate/files.ts';
import { serialize, type Obj } from './dataset.ts';
import type { ImportResult } from './import.ts';

export interface CorrectionInput {
  /** The day of the correction, "YYYY-MM-DD". */
  date: string;
  /** Why, in English (the Arabic and Russian can be added in data/corrections.json afterwards). */
  reason: string;
  /** The id of the source that prompted it. */
  source: string;
}

/** The ids of the newest release's records, or an empty set when there is no release. */
export function publishedIds(files: FileSet): Set<string> {
  const releases = files[RELEASES_FILE];
  if (typeof releases !== 'string') return new Set();
  const list = JSON.parse(releases) as { id: string }[];
  const newest = list[list.length - 1];
  const text = newest ? files[snapshotPath(newest.id)] : undefined;
  if (typeof text !== 'string') return new Set();
  const { content } = readSnapshot(text);
  return new Set([...content.control, ...content.presence, ...content.events].map((r) => r.id));
}

/** The entry for the published records the import changes or removes, or undefined when it touches none. */
export function correctionOf(result: ImportResult, files: FileSet, input: CorrectionInput): Obj | undefined {
  const published = publishedIds(files);
  const records: string[] = [];
  const changes: Obj[] = [];
  for (const ch of result.changes) {
    if (!published.has(ch.id) || ch.kind === 'actors' || ch.kind === 'sources') continue;
    if (ch.type === 'removed') {
      records.push(ch.id);
      changes.push({ record: ch.id, removed: true });
      continue;
    }
    const before = result.before.lists[ch.kind].find((r) => r.id === ch.id);
    const after = result.after.lists[ch.kind].find((r) => r.id === ch.id);
    if (!before || !after) continue;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => canonical(before[f]) !== canonical(after[f]));
    if (fields.length === 0) continue;
    records.push(ch.id);
    for (const field of fields) changes.push({ record: ch.id, field, ...(field in before ? { before: before[field] } : {}), ...(field in after ? { after: after[field] } : {}) });
  }
  if (records.length === 0) return undefined;
  return { date: input.date, records, changes, reason: { en: input.reason }, source: input.source };
}

/** data/corrections.json with `entry` added at the end, the rest of the text as it was. */
export function withCorrection(text: string | undefined, entry: Obj): string {
  if (text === undefined) return serialize([entry]);
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`${CORRECTIONS_FILE} is not a list — run npm run validate to see why`);
  if (serialize(list) === text) return serialize([...list, entry]);
  const end = text.lastIndexOf(']');
  const head = text.slice(0, end).trimEnd();
  const body = JSON.stringify(entry, null, 2).replace(/\n/g, '\n  ');
  return `${head}${list.length === 0 ? '' : ','}\n  ${body}\n]\n`;
}

/** The import with the entry added to data/corrections.json (the would-be files and the writes). */
export function withCorrectionIn(result: ImportResult, entry: Obj): ImportResult {
  const current = result.files[CORRECTIONS_FILE];
  const text = withCorrection(typeof current === 'string' ? current : undefined, entry);
  return { ...result, writes: { ...result.writes, [CORRECTIONS_FILE]: text }, files: { ...result.files, [CORRECTIONS_FILE]: text } };
}
