/**
 * Month names, date patterns and lists ("A, B, and C") of each language, as CLDR gives them
 * (Intl.DateTimeFormat and Intl.ListFormat with the locales of i18n.ts: en, ar-LY, ru). Written out
 * rather than asked of Intl, because making the first formatter loads the browser's data for it:
 * 12–35 ms each on a laptop, the largest single costs of a phone's first view.
 * tests/unit/i18n.test.ts checks every month and list form of every language against Intl.
 */
/** The atlas's languages (i18n.ts LANGUAGES), here without importing i18n.ts, which imports this. */
type Lang = 'en' | 'ar' | 'ru';

interface DateNames {
  /** "{month} {year}", with the month as a month-and-year date names it. */
  monthYear: (month: number, year: number) => string;
  /** A day, its month and year. */
  dayMonthYear: (day: number, month: number, year: number) => string;
  /** A list joined with "and": the pair's joiner, and the joiners of a longer list (between, before the last). */
  and: { pair: string; between: string; last: string };
}

const EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Russian: the nominative stands alone with its year ("июнь 2019 г."), the genitive follows a day ("15 июня"). */
const RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const RU_OF = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const AR = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

/** Months are 1–12. */
export const DATE_NAMES: Record<Lang, DateNames> = {
  en: { monthYear: (m, y) => `${EN[m - 1]} ${y}`, dayMonthYear: (d, m, y) => `${EN[m - 1]} ${d}, ${y}`, and: { pair: ' and ', between: ', ', last: ', and ' } },
  ru: { monthYear: (m, y) => `${RU[m - 1]} ${y} г.`, dayMonthYear: (d, m, y) => `${d} ${RU_OF[m - 1]} ${y} г.`, and: { pair: ' и ', between: ', ', last: ' и ' } },
  ar: { monthYear: (m, y) => `${AR[m - 1]} ${y}`, dayMonthYear: (d, m, y) => `${d} ${AR[m - 1]} ${y}`, and: { pair: ' و', between: ' و', last: ' و' } },
};

/** "A", "A and B", "A, B, and C" in the language. */
export function andList(lang: Lang, items: readonly string[]): string {
  const { pair, between, last } = DATE_NAMES[lang].and;
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]}${pair}${items[1]}`;
  return `${items.slice(0, -1).join(between)}${last}${items[items.length - 1]}`;
}
