/**
 * What an import changes, in lines for the editor: each record added, changed (field by field,
 * before → after, with the file a text lives in when it is not the record's) or removed, with the
 * CSV row it comes from. Values are written as JSON, so quotes, spaces and invisible characters show.
 */
import type { RecordChange } from './import.ts';
import { KINDS } from './spec.ts';

const show = (v: unknown, present: boolean): string => (present ? JSON.stringify(v).replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : '(none)');

/** The record's own file: a field in another file (a translation) says which. */
const fileOf = (ch: RecordChange): string => KINDS.find((k) => k.kind === ch.kind)?.file ?? ch.fields[0]?.file ?? '';

export function formatChanges(changes: readonly RecordChange[], dir: string): string[] {
  const lines: string[] = [];
  for (const ch of changes) {
    const what = KINDS.find((k) => k.kind === ch.kind)!.what;
    const where = ch.row === undefined ? '' : ` (${dir}/${ch.csv} row ${ch.row})`;
    const gone = ch.type === 'removed' ? ` (it was in ${ch.kind === 'sources' ? `data/sources/${ch.id}.json` : fileOf(ch)})` : '';
    lines.push(`${ch.type} ${what} ${ch.id}${where}${gone}`);
    const own = fileOf(ch);
    for (const f of ch.fields) {
      const label = `${f.field}${f.file === own ? '' : ` (${f.file})`}`;
      lines.push(ch.type === 'added' ? `    ${label}: ${show(f.after, 'after' in f)}` : `    ${label}: ${show(f.before, 'before' in f)} → ${show(f.after, 'after' in f)}`);
    }
  }
  return lines;
}

/** "2 changed, 1 added, 1 removed". */
export function countChanges(changes: readonly RecordChange[]): string {
  const n = (type: RecordChange['type']) => changes.filter((c) => c.type === type).length;
  return `${n('changed')} changed, ${n('added')} added, ${n('removed')} removed`;
}
