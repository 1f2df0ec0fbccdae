/**
 * Loads Arabic or Russian on demand: the message catalog and the record translations
 * (data/i18n/<lang>.json) are separate chunks, so an English reader downloads neither.
 */
import { hasLanguage, registerLanguage, type Lang } from './i18n.ts';
import type { Catalog } from './en.ts';
import { mergeTranslations, type RecordTranslations } from '../records/translations.ts';
import type { AtlasData } from '../records/types.ts';

const catalogs: Record<Exclude<Lang, 'en'>, () => Promise<Catalog>> = {
  ar: () => import('./ar.ts').then((m) => m.ar),
  ru: () => import('./ru.ts').then((m) => m.ru),
};
// A glob, not a fixed path: the build works while a language's file does not exist yet.
const recordFiles = import.meta.glob<RecordTranslations>('../../../data/i18n/*.json', { import: 'default' });

const pending = new Map<Lang, Promise<void>>();

/** Resolves once `lang` is ready for translator(); rejects when it could not be loaded (call again to retry). */
export function loadLanguage(lang: Lang, data: Pick<AtlasData, 'events' | 'control' | 'presence'>): Promise<void> {
  if (lang === 'en' || hasLanguage(lang)) return Promise.resolve();
  let p = pending.get(lang);
  if (!p) {
    const file = recordFiles[`../../../data/i18n/${lang}.json`];
    // Both halves or nothing: a language whose record texts failed to load would mix two languages.
    p = Promise.all([catalogs[lang](), file ? file() : Promise.resolve({})]).then(([catalog, table]) => {
      if (!catalog || !table) throw new Error(`The ${lang} language could not be loaded`);
      registerLanguage(lang, catalog, mergeTranslations(data, lang, table));
    });
    p.catch(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}
