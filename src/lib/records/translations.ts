/**
 * Record translations (data/i18n/<lang>.json): one object keyed by record id, holding the record's
 * Localized fields in that language, e.g. { "wagner-jufra-2019": { "note": "…", "strength": "…" } }.
 * Pure functions: merging builds a lookup from each English Localized field to its text in the
 * language; nothing is mutated, and what is not translated falls back to English.
 */
import type { AtlasData, Localized } from './types.ts';

export type TranslatedField = 'title' | 'summary' | 'note' | 'strength';
export type RecordTranslations = Record<string, Partial<Record<TranslatedField, string>>>;

/** Each translatable record with its Localized fields, in a stable order. */
function* fieldsOf(data: Pick<AtlasData, 'events' | 'control' | 'presence'>): Generator<[id: string, field: TranslatedField, l: Localized]> {
  for (const e of data.events) {
    yield [e.id, 'title', e.title];
    yield [e.id, 'summary', e.summary];
  }
  for (const c of data.control) if (c.note) yield [c.id, 'note', c.note];
  for (const p of data.presence) {
    if (p.note) yield [p.id, 'note', p.note];
    if (p.strength) yield [p.id, 'strength', p.strength];
  }
}

/**
 * The text in `lang` of every Localized field the table translates, keyed by the field's object
 * (the same object the index and the components hold). A text written in the record itself
 * (`{ en, ar }`) wins over the table; blank entries are ignored.
 * @example mergeTranslations(data, 'ar', { 'putin-visit-2008-04': { title: '…' } }).get(event.title) // '…'
 */
export function mergeTranslations(
  data: Pick<AtlasData, 'events' | 'control' | 'presence'>,
  lang: 'ar' | 'ru',
  table: RecordTranslations,
): Map<Localized, string> {
  const out = new Map<Localized, string>();
  for (const [id, field, l] of fieldsOf(data)) {
    const text = l[lang] ?? table[id]?.[field]?.trim();
    if (text) out.set(l, text);
  }
  return out;
}

export interface TranslationReport {
  /** "id.field" with no text in the language (shown in English). */
  missing: string[];
  /** "id.field" in the table for no such record or field (a typo or a removed record). */
  unknown: string[];
  /** "id.field" whose text contains markup (plain text only). */
  markup: string[];
}

export function translationReport(
  data: Pick<AtlasData, 'events' | 'control' | 'presence'>,
  lang: 'ar' | 'ru',
  table: RecordTranslations,
): TranslationReport {
  const known = new Set<string>();
  const missing: string[] = [];
  for (const [id, field, l] of fieldsOf(data)) {
    known.add(`${id}.${field}`);
    if (!(l[lang] ?? table[id]?.[field]?.trim())) missing.push(`${id}.${field}`);
  }
  const unknown: string[] = [];
  const markup: string[] = [];
  for (const [id, fields] of Object.entries(table)) {
    for (const [field, text] of Object.entries(fields ?? {})) {
      const key = `${id}.${field}`;
      if (!known.has(key)) unknown.push(key);
      if (typeof text !== 'string' || /<\s*[a-z!/]/i.test(text)) markup.push(key);
    }
  }
  return { missing, unknown, markup };
}
