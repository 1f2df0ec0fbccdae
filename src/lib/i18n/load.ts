/**
 * Loads Arabic or Russian on demand: the message catalog and the record translations
 * (data/i18n/<lang>.json) are separate chunks, so an English reader downloads neither.
 */
import { hasLanguage, registerLanguage, type Lang } from './i18n.ts';
import type { Catalog } from './en.ts';
import { mergeTranslations, type RecordTranslations } from '../records/translations.ts';
import type { AtlasData } from '../records/types.ts';
import { applyMapPatch, type ReleaseDelta, type TranslationEntry } from '../records/release.ts';
import { lazy } from '../net/lazy.ts';

const catalogs: Record<Exclude<Lang, 'en'>, () => Promise<Catalog>> = {
  ar: () => import('./ar.ts').then((m) => m.ar),
  ru: () => import('./ru.ts').then((m) => m.ru),
};
// A glob, not a fixed path: the build works while a language's file does not exist yet.
const recordFiles = import.meta.glob<RecordTranslations>('../../../data/i18n/*.json', { import: 'default' });

const pending = new Map<Lang, Promise<void>>();

/** A pinned release's record translations, where they differ from data/i18n/ (release.ts). */
let pinned: ReleaseDelta['i18n'] | null = null;

/** Call once, before any language loads, when the page shows an older release of the record. */
export function pinTranslations(patch: ReleaseDelta['i18n'] | null): void {
  pinned = patch;
}

/** Resolves once `lang` is ready for translator(); rejects when it could not be loaded (call again to retry). */
export function loadLanguage(lang: Lang, data: Pick<AtlasData, 'events' | 'control' | 'presence'>): Promise<void> {
  if (lang === 'en' || hasLanguage(lang)) return Promise.resolve();
  let p = pending.get(lang);
  if (!p) {
    const file = recordFiles[`../../../data/i18n/${lang}.json`];
    // Both halves or nothing: a language whose record texts failed to load would mix two languages.
    // Not attempted offline (net/lazy.ts): the chunks stay loadable for a retry.
    p = lazy(() => Promise.all([catalogs[lang](), file ? file() : Promise.resolve({})]))().then(([catalog, table]) => {
      if (!catalog || !table) throw new Error(`The ${lang} language could not be loaded`);
      registerLanguage(lang, catalog, mergeTranslations(data, lang, pinned ? (applyMapPatch(pinned[lang], table as Record<string, TranslationEntry>) as RecordTranslations) : table));
    });
    p.catch(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}
