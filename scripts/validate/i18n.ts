/**
 * data/i18n/<language>.json, the translations the app loads on demand: one object keyed by the id
 * of a record, actor or place, each value an object of texts for that id's translatable fields.
 * A number where text belongs crashed the page at run time, and HTML was shipped as it was; both
 * are rejected here, as are keys and fields that name nothing.
 */
import { Actor, ControlPeriod, HistEvent, Localized, Presence } from '../../src/lib/records/schema.ts';
import type { Doc } from './files.ts';
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
