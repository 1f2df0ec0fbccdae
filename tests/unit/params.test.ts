import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KEPT, MESSAGE_FIELDS, OPTIONS, PARAMS, PARAM_NAMES, THEMES } from '../../src/lib/state/params.ts';
import { QUERY_LIMITS, readParams, writeParams } from '../../src/lib/state/query.ts';
import { parseHostMessage } from '../../src/lib/embed/messages.ts';
import { LANGUAGES } from '../../src/lib/i18n/i18n.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';

const ctx = { placeIds: new Set(['tripoli', 'jufra']), lastMonth: monthIndex(2026, 11) };

describe('the table of URL parameters', () => {
  it('is the only list of names and limits the reader knows', () => {
    expect(Object.keys(QUERY_LIMITS)).toEqual(PARAM_NAMES);
    for (const name of PARAM_NAMES) expect(QUERY_LIMITS[name], name).toBe(PARAMS[name].max);
  });

  it('documents every parameter with an example that reads as a value, and that value writes back to the same value', () => {
    for (const name of PARAM_NAMES) {
      const { doc } = PARAMS[name];
      expect(doc.text.length, name).toBeGreaterThan(10);
      expect(doc.example.startsWith(`${name}=`), doc.example).toBe(true);
      const value = readParams(`?${doc.example}`, ctx)[name];
      expect(value, doc.example).toBeDefined();
      if (name === 'year') continue; // read, never written: the atlas writes date=
      const again = readParams(`?${writeParams({ [name]: value })}`, ctx)[name];
      expect(again, doc.example).toEqual(value);
    }
  });

  it('lets the host page set exactly the fields of protocol version 1, and keeps the embed options through rewrites', () => {
    expect(MESSAGE_FIELDS).toEqual(['date', 'place', 'layers', 'lang']);
    expect(OPTIONS).toEqual(['title', 'caption', 'chrome', 'static', 'theme', 'bg', 'host', 'layout']);
    expect(KEPT).toEqual(['origin', ...OPTIONS, 'release']);
    const set = parseHostMessage({ type: 'atlas:set', version: 1, date: '2019-04', place: 'tripoli', layers: ['control'], lang: 'ar' }, ctx);
    expect(set).toEqual({ t: monthIndex(2019, 4), place: 'tripoli', layers: { control: true, presence: false, diplomacy: false }, lang: 'ar' });
    // A parameter that is not a message field (an embed option) is refused in a message.
    expect(parseHostMessage({ type: 'atlas:set', version: 1, title: 'x' }, ctx)).toBeNull();
  });
});

/** Runs public/theme.js (which must stay a plain script that runs before the app) on a query and browser languages. */
function runThemeScript(search: string, languages: string[] = ['en-GB']) {
  const attrs = new Map<string, string>();
  const root = { lang: '', dir: '', setAttribute: (k: string, v: string) => attrs.set(k, v) };
  const noop = () => undefined;
  runInNewContext(readFileSync('public/theme.js', 'utf8'), {
    URLSearchParams,
    location: { search },
    navigator: { languages, language: languages[0] },
    document: { documentElement: root, addEventListener: noop, querySelector: () => null },
    window: { addEventListener: noop },
  });
  return { lang: root.lang, dir: root.dir, theme: attrs.get('data-theme'), bg: attrs.get('data-bg') };
}

describe('public/theme.js agrees with the table', () => {
  it('knows the same languages as lang=', () => {
    for (const lang of LANGUAGES) {
      expect(runThemeScript(`?lang=${lang}`).lang, lang).toBe(lang);
      expect(runThemeScript('?lang=xx', [`${lang}-XX`]).lang, `a browser in ${lang}`).toBe(lang);
    }
    for (const lang of LANGUAGES) expect(readParams(`?lang=${lang}`).lang).toBe(lang);
    expect(runThemeScript('?lang=de', ['de-DE']).lang).toBe('en');
    expect(runThemeScript('?lang=ar').dir).toBe('rtl');
  });
  it('knows the same themes as theme=, and bg=transparent in an embed', () => {
    for (const theme of THEMES) expect(runThemeScript(`?theme=${theme}`).theme, theme).toBe(theme);
    expect(runThemeScript('?theme=neon').theme).toBe('light');
    expect(runThemeScript('?embed=1&bg=transparent').bg).toBe('transparent');
  });
});
