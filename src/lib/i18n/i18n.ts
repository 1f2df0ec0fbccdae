/**
 * Messages, names and dates in the reader's language. Dates are written at the precision they
 * were recorded with: "1975", "April 2008", "April 16, 2008" (CLDR's forms: dateNames.ts).
 */
import { en, type Catalog, type MessageKey } from './en.ts';
import { monthOf, parsePartialDate, yearOf } from '../time/dates.ts';
import { DATE_NAMES, andList } from './dateNames.ts';
import type { Localized } from '../records/types.ts';

export const LANGUAGES = ['en', 'ar', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Own names, shown in the language switch whatever the current language. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', ar: 'العربية', ru: 'Русский' };

/** Catalogs and record texts loaded so far (English is built in; Arabic and Russian load on demand, see load.ts). */
const packs: Partial<Record<Lang, { catalog: Catalog; texts: ReadonlyMap<Localized, string> }>> = {
  en: { catalog: en, texts: new Map() },
};

export function registerLanguage(lang: Lang, catalog: Catalog, texts: ReadonlyMap<Localized, string>): void {
  packs[lang] = { catalog, texts };
}

/** Are this language's messages loaded? (A translator for a language not loaded speaks English.) */
export function hasLanguage(lang: Lang): boolean {
  return packs[lang] !== undefined;
}

/** The Intl locale: Libyan Arabic conventions (Latin digits, يناير…ديسمبر month names). */
export const LOCALES: Record<Lang, string> = { en: 'en', ar: 'ar-LY', ru: 'ru' };

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

export interface Translator {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A month index as "August 2011". */
  month(t: number): string;
  /** A recorded date at its precision, "c." when approximate. */
  date(text: string, circa?: boolean): string;
  /** Localized record text, falling back to English. */
  text(l: Localized | undefined): string;
  /** A geo feature's name in this language. */
  name(p: { name_en: string; name_ar?: string; name_ru?: string }): string;
  list(items: string[]): string;
}

/** Translators made so far, by language and the pack they speak from (Intl formatters are costly to make). */
const made = new Map<Lang, { pack: (typeof packs)[Lang]; tr: Translator }>();

export function translator(lang: Lang): Translator {
  const pack = packs[lang];
  const known = made.get(lang);
  if (known && known.pack === pack) return known.tr;
  const tr = makeTranslator(lang, pack);
  made.set(lang, { pack, tr });
  return tr;
}

function makeTranslator(lang: Lang, pack: (typeof packs)[Lang]): Translator {
  const catalog: Catalog = { ...en, ...pack?.catalog };
  const texts = pack?.texts;
  const names = DATE_NAMES[lang];

  const t: Translator['t'] = (key, vars) =>
    catalog[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    t,
    month: (m) => names.monthYear(monthOf(m), yearOf(m)),
    date(text, circa) {
      const d = parsePartialDate(text);
      // A date the validator would have refused is shown as written rather than breaking the page.
      if (!d) return text;
      const out = d.precision === 'day' ? names.dayMonthYear(d.day ?? 1, d.month ?? 1, d.year) : d.precision === 'month' ? names.monthYear(d.month ?? 1, d.year) : String(d.year);
      return circa ? t('time.circa', { date: out }) : out;
    },
    text: (l) => (l ? (l[lang] ?? texts?.get(l) ?? l.en) : ''),
    name: (p) => (lang === 'ar' ? p.name_ar : lang === 'ru' ? p.name_ru : undefined) ?? p.name_en,
    list: (items) => andList(lang, items),
  };
}
