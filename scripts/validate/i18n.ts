/**
 * data/i18n/<language>.json, the translations the app loads on demand: one object keyed by the id
 * of a record, actor or place, each value an object of texts for that id's translatable fields.
 * A number where text belongs crashed the page at run time, and HTML was shipped as it was; both
 * are rejected here, as are keys and fields that name nothing.
 */
import { Actor, ControlPeriod, HistEvent, Localized, Presence } from '../../src/lib/records/schema.ts';
import type { Doc } from './files.ts';
import { recordPath, type Entry } from './records.ts';
import { nearest } from './references.ts';
import { quote, type Report } from './report.ts';
import { fieldsOfType, isObject } from './schema-messages.ts';
import { placeholderIn } from './sourcing.ts';

/** The translatable fields of each kind of id: the Localized fields of its schema. */
export const TRANSLATABLE = {
  event: fieldsOfType(HistEvent, Localized),
  'control period': fieldsOfType(ControlPeriod, Localized),
  presence: fieldsOfType(Presence, Localized),
  actor: fieldsOfType(Actor, Localized),
  place: ['name'],
} as const;

export type TranslatableKind = keyof typeof TRANSLATABLE;

const HTML = /<[a-zA-Z!/?][^<>]{0,30}>?/;

/**
 * @param ids every translatable id → its kind; null when a record file could not be read (then
 *   keys are not checked against it)
 */
export function checkTranslations(report: Report, doc: Doc, ids: Map<string, TranslatableKind> | null): void {
  if (!isObject(doc.data)) {
    report.at(doc, [], undefined, 'should be an object keyed by record id, written { "<record-id>": { "title": "…", "summary": "…" } }', 'translations');
    return;
  }
  for (const [key, value] of Object.entries(doc.data)) {
    const kind = ids?.get(key);
    if (ids && kind === undefined) {
      const guess = nearest(key, ids.keys());
      report.at(doc, [key], key, `"${key}" is not the id of a record, actor or place${guess ? ` — did you mean "${guess}"?` : '.'} Translations are keyed by the ids in data/*.json and geo/: correct the id or remove the entry`, 'translations');
      continue;
    }
    if (!isObject(value)) {
      report.at(doc, [key], key, `should be an object of texts, e.g. { "title": "…" }, not ${quote(value)}`, 'translations');
      continue;
    }
    const allowed: readonly string[] | undefined = kind ? TRANSLATABLE[kind] : undefined;
    for (const [field, text] of Object.entries(value)) {
      if (allowed && !allowed.includes(field)) {
        report.at(doc, [key, field], key, `unknown field "${field}" — a${/^[aeiou]/.test(kind!) ? 'n' : ''} ${kind} has ${allowed.map((f) => `"${f}"`).join(', ')} to translate; remove it or correct its spelling`, 'translations');
        continue;
      }
      if (typeof text !== 'string') {
        report.at(doc, [key, field], key, `${field} should be text in quotes, not ${quote(text)} — the page shows it as text (a number or list here stops the page)`, 'translations');
        continue;
      }
      if (text === '') report.at(doc, [key, field], key, `${field} is empty — write the text or remove the field`, 'translations');
      const tag = HTML.exec(text)?.[0];
      if (tag) report.at(doc, [key, field], key, `${field}: text must not contain HTML tags; write plain text (found ${quote(tag)})`, 'translations');
      const placeholder = field === 'title' ? placeholderIn(text) : undefined;
      if (placeholder) report.at(doc, [key, field], key, `title ${quote(text)} is not a real title (it contains the placeholder ${quote(placeholder)}) — write the translated title`, 'placeholder-title');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Missing translations

const LANGUAGE_NAMES = { ar: 'Arabic', ru: 'Russian' } as const;

/** A record's list, for the translatable fields of its kind. */
export interface RecordLists {
  control: Entry[];
  presence: Entry[];
  events: Entry[];
}

/**
 * Every text a record shows (its title, summary, note, strength) in Arabic and Russian too, in the
 * record or in data/i18n/<language>.json. The atlas shows each record to Arabic and Russian readers,
 * so a record new since the newest release without them is a problem; one already released (or any,
 * before the first release, when nothing tells new from old) is a warning, so that an older gap is
 * seen without stopping the build.
 * @param released the record ids of the newest release; null when there is no release to compare with
 * @param unreadable languages whose table could not be read (reported as such; its texts are not counted missing)
 */
export function checkMissingTranslations(
  report: Report,
  lists: RecordLists,
  tables: Partial<Record<'ar' | 'ru', Record<string, unknown>>>,
  released: { id: string; records: Set<string> } | null,
  unreadable: ReadonlySet<'ar' | 'ru'> = new Set(),
): void {
  const kinds: [Entry[], TranslatableKind][] = [[lists.control, 'control period'], [lists.presence, 'presence'], [lists.events, 'event']];
  for (const [list, kind] of kinds) {
    for (const e of list) {
      if (e.id === undefined) continue;
      const fields = TRANSLATABLE[kind].filter((f) => !e.failed.has(f) && isObject(e.record[f]));
      for (const lang of ['ar', 'ru'] as const) {
        if (unreadable.has(lang)) continue;
        const row = tables[lang]?.[e.id];
        const missing = fields.filter((f) => {
          const own = (e.record[f] as Record<string, unknown>)[lang];
          const fromTable = isObject(row) ? row[f] : undefined;
          return !(typeof own === 'string' && own.trim() !== '') && !(typeof fromTable === 'string' && fromTable.trim() !== '');
        });
        if (missing.length === 0) continue;
        const what = `has no ${LANGUAGE_NAMES[lang]} ${missing.length === 1 ? 'text' : 'texts'} for ${missing.map((f) => `"${f}"`).join(', ')}`;
        const fix = `add ${missing.map((f) => `"${f}": "…"`).join(', ')} under "${e.id}" in data/i18n/${lang}.json, written from the English`;
        const isNew = released !== null && !released.records.has(e.id);
        if (isNew) {
          report.at(e.doc, recordPath(e, 'id'), e.id, `${what} — a record new since release ${released.id} is shown to Arabic and Russian readers: ${fix}`, 'translation-missing');
        } else {
          const why = released === null ? 'there is no release yet to tell new records from old, so this is a warning' : `it was published in release ${released.id} without them`;
          report.warn(e.doc, recordPath(e, 'id'), e.id, `${what} (${why}) — ${fix}`, 'translation-missing');
        }
      }
    }
  }
}
