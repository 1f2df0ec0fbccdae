/**
 * Every reader's language: each catalog has every message key (with the same placeholders), no
 * component holds a literal string a reader sees, record translations merge and fall back to
 * English, dates follow each language, and a step of the slider says what changed.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'svelte/compiler';
import { en, type MessageKey } from '../../src/lib/i18n/en.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';
import { LOCALES, registerLanguage, translator, type Lang } from '../../src/lib/i18n/i18n.ts';
import { mergeTranslations, translationReport, type RecordTranslations } from '../../src/lib/records/translations.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import { changeSentences } from '../../src/lib/words/changes.ts';
import { statusSentences } from '../../src/lib/words/statusText.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import type { EventRecord as HistEvent } from '../../src/lib/records/types.ts';

const root = resolve(import.meta.dirname, '../..');
const catalogs = { ar, ru } as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang} has every English key, no other, and the same placeholders`, () => {
      const missing = Object.keys(en).filter((k) => !(k in catalog));
      const extra = Object.keys(catalog).filter((k) => !(k in en));
      expect(missing, `keys missing in ${lang}.ts`).toEqual([]);
      expect(extra, `keys in ${lang}.ts that en.ts does not have`).toEqual([]);
      for (const k of Object.keys(en) as MessageKey[]) {
        expect(placeholders(catalog[k]), `${lang}: ${k}`).toEqual(placeholders(en[k]));
        expect(catalog[k].trim() === '' && en[k].trim() !== '', `${lang}: ${k} is empty`).toBe(false);
      }
    });
  }
});

/** Text a reader sees in a component's markup: text nodes and these attributes, outside {…}. */
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label']);
const HAS_LETTER = /\p{L}/u;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? svelteFiles(join(dir, d.name)) : d.name.endsWith('.svelte') ? [join(dir, d.name)] : [],
  );
}

type AstNode = { type?: string; name?: string; data?: string; start?: number; value?: unknown; [k: string]: unknown };

/** Literal texts with letters in a component's markup (scripts and styles are not markup). */
export function literalTexts(source: string): string[] {
  const ast = parse(source, { modern: true });
  const found: string[] = [];
  const visit = (node: unknown, inAttr: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inAttr));
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'Text') {
      if ((inAttr === null || READ_ATTRIBUTES.has(inAttr)) && HAS_LETTER.test(n.data ?? '')) found.push((n.data ?? '').trim());
      return;
    }
    if (n.type === 'Attribute') return visit(n.value, String(n.name).toLowerCase());
    // Expressions ({…}) are code, not literal text.
    if (n.type === 'ExpressionTag' || n.type === 'Comment' || n.type === 'Script' || n.type === 'StyleSheet') return;
    // style:, class:, bind:, on… directives hold code and CSS, not text.
    if (n.type?.endsWith('Directive')) return;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'expression' || k === 'metadata' || k === 'parent') continue;
      visit(v, inAttr);
    }
  };
  visit(ast.fragment, null);
  return found;
}

describe('components', () => {
  it('the scanner finds literal text and accepts symbols and expressions', () => {
    expect(literalTexts('<p>Hello {name}</p><button aria-label="Close">×</button>')).toEqual(['Hello', 'Close']);
    expect(literalTexts('<span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> <p>— {a} · {b}: “{c}”</p><div class="map x" data-x="abc"></div>')).toEqual([]);
    expect(literalTexts('<script>const s = "text";</script><style>p { color: red; }</style><p style:left="{x}px">{s}</p>')).toEqual([]);
  });

  it('no .svelte component holds a literal string a reader sees (all text comes from the catalogs)', () => {
    const offenders: string[] = [];
    for (const file of svelteFiles(join(root, 'src'))) {
      for (const text of literalTexts(readFileSync(file, 'utf8'))) offenders.push(`${relative(root, file)}: “${text}”`);
    }
    expect(offenders).toEqual([]);
  });
});

const atlasData = loadData().data;
const index = indexData(atlasData);
const v = (t: number) => viewAt(index, t);
const tables: Record<'ar' | 'ru', RecordTranslations> = { ar: {}, ru: {} };
for (const lang of ['ar', 'ru'] as const) {
  const file = join(root, 'data/i18n', `${lang}.json`);
  if (existsSync(file)) tables[lang] = JSON.parse(readFileSync(file, 'utf8')) as RecordTranslations;
}

describe('record translations', () => {
  const event = (id: string, title: string): HistEvent =>
    ({ id, title: { en: title }, summary: { en: `${title}.` }, date: '2008-04', places: ['tripoli'], category: 'diplomatic', status: 'confirmed', sources: [] }) as unknown as HistEvent;
  const data = { events: [event('a', 'A'), event('b', 'B')], control: [], presence: [] };

  it('merges texts into the Localized fields they translate, and leaves the rest to English', () => {
    const texts = mergeTranslations(data, 'ar', { a: { title: 'أ' }, b: { summary: '  ' }, zzz: { title: 'x' } });
    expect(texts.get(data.events[0]!.title)).toBe('أ');
    expect(texts.get(data.events[0]!.summary)).toBeUndefined();
    expect(texts.get(data.events[1]!.summary)).toBeUndefined();
    expect(data.events[0]!.title).toEqual({ en: 'A' }); // nothing mutated
    registerLanguage('ar', ar, texts);
    const tr = translator('ar');
    expect(tr.text(data.events[0]!.title)).toBe('أ');
    expect(tr.text(data.events[1]!.title)).toBe('B');
  });

  it('a text written in the record itself wins over the table', () => {
    const e = event('c', 'C');
    e.title.ru = 'В';
    expect(mergeTranslations({ events: [e], control: [], presence: [] }, 'ru', { c: { title: 'Х' } }).get(e.title)).toBe('В');
  });

  it('reports missing, unknown and marked-up entries', () => {
    const r = translationReport(data, 'ru', { a: { title: 'А', summary: '<b>А</b>' }, nope: { title: 'x' }, b: { note: 'x' } });
    expect(r.missing).toEqual(['b.title', 'b.summary']);
    expect(r.unknown).toEqual(['nope.title', 'b.note']);
    expect(r.markup).toEqual(['a.summary']);
  });

  for (const lang of ['ar', 'ru'] as const) {
    it(`data/i18n/${lang}.json names only real records and fields, in plain text (lists what is still English)`, () => {
      const r = translationReport(atlasData, lang, tables[lang]);
      if (r.missing.length > 0) console.info(`${lang}: ${r.missing.length} record texts not translated yet (shown in English): ${r.missing.slice(0, 20).join(', ')}${r.missing.length > 20 ? ', …' : ''}`);
      expect(r.unknown, `entries in data/i18n/${lang}.json for no record/field`).toEqual([]);
      expect(r.markup, `entries in data/i18n/${lang}.json with markup`).toEqual([]);
    });
  }
});

/** Each test that speaks Arabic or Russian loads those catalogs itself: no test relies on another having run first. */
const loadCatalogs = () => {
  registerLanguage('ar', ar, new Map());
  registerLanguage('ru', ru, new Map());
};

describe('dates and names in each language', () => {
  beforeEach(loadCatalogs);
  const aug2011 = monthIndex(2011, 8);
  it('writes every month, day, year and list as Intl does (CLDR) in each language, without asking Intl', () => {
    for (const lang of ['en', 'ar', 'ru'] as const) {
      const tr = translator(lang);
      const intl = (opts: Intl.DateTimeFormatOptions, when: number) => new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...opts }).format(when);
      for (let m = 1; m <= 12; m++) {
        for (const [y, d] of [[1943, 1], [2019, 15], [2026, 28]] as const) {
          expect(tr.month(monthIndex(y, m))).toBe(intl({ month: 'long', year: 'numeric' }, Date.UTC(y, m - 1, 15)));
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(tr.date(iso)).toBe(intl({ day: 'numeric', month: 'long', year: 'numeric' }, Date.UTC(y, m - 1, d)));
          expect(tr.date(iso.slice(0, 7))).toBe(intl({ month: 'long', year: 'numeric' }, Date.UTC(y, m - 1, 15)));
        }
      }
      expect(tr.date('1975')).toBe(intl({ year: 'numeric' }, Date.UTC(1975, 0, 15)));
      const lists = [[], ['Tripoli'], ['Tripoli', 'Sirte'], ['Tripoli', 'Sirte', 'Sabha'], ['Tripoli', 'Sirte', 'Sabha', 'Derna']];
      for (const items of lists) expect(tr.list(items)).toBe(new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items));
    }
  });
  it('formats months: Arabic month names with the Latin digits used in Libya, Russian month names', () => {
    expect(translator('en').month(aug2011)).toBe('August 2011');
    expect(translator('ar').month(aug2011)).toMatch(/^أغسطس 2011$/);
    expect(translator('ru').month(aug2011)).toMatch(/^август 2011/);
    expect(translator('ar').date('1969-09-01')).toBe('1 سبتمبر 1969');
    expect(translator('ar').date('1975', true)).toBe('حوالي 1975');
    expect(translator('ar').dir).toBe('rtl');
    expect(translator('ru').dir).toBe('ltr');
  });
  it('names places and actors in the language', () => {
    const benghazi = index.data.places.features.find((f) => f.properties.id === 'benghazi')!.properties;
    expect(translator('ar').name(benghazi)).toBe('بنغازي');
    expect(translator('ru').name(benghazi)).toBe('Бенгази');
    const status = statusSentences(index, translator('ar'), v(monthIndex(1960, 6))).join(' ');
    expect(status).toContain('المملكة');
    expect(status).not.toMatch(/Kingdom|Tripolitania/);
  });
});

describe('what changed at a step', () => {
  beforeEach(loadCatalogs);
  const tr = translator('en');
  const sep1969 = monthIndex(1969, 9);
  it('says who took over when the month moves across a change of control', () => {
    const s = changeSentences(index, tr, v(sep1969 - 1), v(sep1969));
    expect(s[0]).toBe('September 1969:');
    expect(s.join(' ')).toMatch(/Tripolitania, Cyrenaica,? and Fezzan now held by RCC \(Gaddafi\) \(before: Kingdom\)\./);
    // Going back says it the other way round.
    expect(changeSentences(index, tr, v(sep1969), v(sep1969 - 1)).join(' ')).toMatch(/now held by Kingdom \(before: RCC \(Gaddafi\)\)/);
  });
  it('says which foreign forces arrived or left', () => {
    const wagner = index.presence.find((p) => p.actor === 'wagner')!;
    const s = changeSentences(index, tr, v(wagner.span.start - 1), v(wagner.span.start)).join(' ');
    expect(s).toMatch(/Now present: .*Wagner/);
    const back = changeSentences(index, tr, v(wagner.span.start), v(wagner.span.start - 1)).join(' ');
    expect(back).toMatch(/No longer present: .*Wagner/);
  });
  it('says nothing when nothing changed, on the first render, or after a jump of more than a year', () => {
    expect(changeSentences(index, tr, v(monthIndex(1960, 5)), v(monthIndex(1960, 6)))).toEqual([]);
    expect(changeSentences(index, tr, null, v(sep1969))).toEqual([]);
    expect(changeSentences(index, tr, v(monthIndex(1960, 6)), v(monthIndex(2019, 6)))).toEqual([]);
  });
  it('speaks the reader’s language', () => {
    const s = changeSentences(index, translator('ar'), v(sep1969 - 1), v(sep1969)).join(' ');
    expect(s).toMatch(/^سبتمبر 1969:/);
    expect(s).toContain('الآن تحت سيطرة');
  });
});

export type { Lang };
