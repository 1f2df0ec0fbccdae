/**
 * Search across the record in English, Arabic and Russian, whatever the reader's language: each
 * record's titles, summaries, notes and strengths in the three languages, the names of its actors
 * and places in the three languages, and its dates. Every word of the query must occur in the
 * record's text, anywhere in a word, after folding case, accents and Arabic spelling variants
 * (a Russian word of the query without its case ending).
 *
 * Why no search library: matching inside words is what these languages need (Russian endings,
 * "Путина" for "Путин"; Arabic prefixes, "وبوتين" for "بوتين"), which token and prefix indexes
 * (MiniSearch, FlexSearch) do not do; results are wanted in the record's time order, not by score;
 * and a scan of the ~300 records' texts takes well under a millisecond.
 */
import type { AtlasIndex } from './atlasIndex.ts';
import type { RecordEntry } from './recordList.ts';
import type { Localized } from './types.ts';
import type { RecordTranslations, TranslatedField } from './translations.ts';

/**
 * Text as the search compares it: lower case, without Latin accents, Arabic diacritics, tatweel
 * or hamza seats (أ إ آ → ا, ى → ي, ة → ه), ё → е, punctuation as spaces.
 * @example fold('Erdoğan') === fold('erdogan') && fold('أحمد') === fold('احمد')
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0671\u0622\u0623\u0625]/g, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Russian case endings, longest first: a query in another case ("Путина") finds the text's form ("Путин"). */
const RU_ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ы', 'и', 'а', 'я', 'у', 'ю', 'е', 'о'];

/** A Russian word without its case ending (keeping at least four letters); other words as they are. */
function stem(word: string): string {
  if (!/^[а-я]{5,}$/.test(word)) return word;
  const ending = RU_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= 4);
  return ending ? word.slice(0, -ending.length) : word;
}

/** The words of a query, folded (Russian ones without their case endings); empty when it has none. */
export const queryTerms = (query: string): string[] => fold(query).split(' ').filter((w) => w.length > 0).map(stem);

export type Tables = { ar: RecordTranslations; ru: RecordTranslations };

const all = (l: Localized | undefined, id: string, field: TranslatedField, tables: Tables): string[] =>
  l ? [l.en, l.ar ?? tables.ar[id]?.[field] ?? '', l.ru ?? tables.ru[id]?.[field] ?? ''] : [];

/**
 * The folded search text of each entry, by id. `tables` are data/i18n/ar.json and ru.json.
 * @example searchTexts(index, recordEntries(index), tables).get('putin-visit-2008-04')?.includes('путин') // true
 */
export function searchTexts(index: AtlasIndex, entries: readonly RecordEntry[], tables: Tables): Map<string, string> {
  const actorNames = (id: string): string[] => {
    const a = index.actors.get(id);
    return a ? [a.name.en, a.name.ar ?? '', a.name.ru ?? '', a.short?.en ?? '', a.short?.ar ?? '', a.short?.ru ?? ''] : [];
  };
  const placeNames = (id: string): string[] => {
    const p = index.features.get(id)?.properties;
    return p ? [p.name_en, p.name_ar ?? '', p.name_ru ?? ''] : [];
  };
  const presence = new Map(index.presence.map((p) => [p.id, p]));
  const control = new Map([...index.controlByPlace.values()].flat().map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const e of entries) {
    const parts: string[] = [...e.actors.flatMap(actorNames), ...e.places.flatMap(placeNames)];
    if (e.kind === 'event') {
      const r = index.eventsById.get(e.id);
      if (r) parts.push(r.date, ...all(r.title, r.id, 'title', tables), ...all(r.summary, r.id, 'summary', tables));
    } else if (e.kind === 'presence') {
      const r = presence.get(e.id);
      if (r) parts.push(r.start, r.end ?? '', ...all(r.strength, r.id, 'strength', tables), ...all(r.note, r.id, 'note', tables));
    } else {
      const r = control.get(e.id);
      if (r) parts.push(r.start, r.end ?? '', ...all(r.note, r.id, 'note', tables));
    }
    out.set(e.id, fold(parts.filter((p) => p.length > 0).join(' \u0001 ')));
  }
  return out;
}

/** The entries whose text holds every word of the query, in their order (all of them for an empty query). */
export function searchEntries<E extends { id: string }>(entries: readonly E[], texts: ReadonlyMap<string, string>, query: string): E[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = texts.get(e.id) ?? '';
    return terms.every((w) => text.includes(w));
  });
}
