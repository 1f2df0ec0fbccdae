import { describe, expect, it } from 'vitest';
import { allowedOrigin, originAccepted, out, parseHostMessage } from '../../src/lib/embed/messages.ts';
import { embedScriptUrl, embedSnippet, viewUrl } from '../../src/lib/embed/links.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';

const ctx = { placeIds: new Set(['tripoli', 'benghazi', 'cyrenaica']), lastMonth: monthIndex(2026, 11) };
const set = (fields: Record<string, unknown>) => ({ type: 'atlas:set', version: 1, ...fields });

describe('parseHostMessage', () => {
  it('reads date, place, layers and lang', () => {
    expect(parseHostMessage(set({ date: '2011-08', place: 'tripoli', layers: ['control', 'presence'], lang: 'ar' }), ctx)).toEqual({
      t: monthIndex(2011, 8),
      place: 'tripoli',
      layers: { control: true, presence: true, diplomacy: false },
      lang: 'ar',
    });
  });
  it('takes a year as its January, layers as a comma list or empty, and null to close the place', () => {
    expect(parseHostMessage(set({ date: '1969' }), ctx)).toEqual({ t: monthIndex(1969, 1) });
    expect(parseHostMessage(set({ layers: 'diplomacy' }), ctx)?.layers).toEqual({ control: false, presence: false, diplomacy: true });
    expect(parseHostMessage(set({ layers: [] }), ctx)?.layers).toEqual({ control: false, presence: false, diplomacy: false });
    expect(parseHostMessage(set({ place: null }), ctx)).toEqual({ place: null });
  });
  it('clamps dates to the atlas range, like the URL', () => {
    expect(parseHostMessage(set({ date: '2099-01' }), ctx)?.t).toBe(monthIndex(2026, 11));
  });
  it.each([
    ['not an object', 'atlas:set'],
    ['null', null],
    ['an array', [set({ date: '2011-08' })]],
    ['an unknown type', { type: 'atlas:go', version: 1, date: '2011-08' }],
    ['a missing version', { type: 'atlas:set', date: '2011-08' }],
    ['a future version', { type: 'atlas:set', version: 2, date: '2011-08' }],
    ['a malformed date', set({ date: '2011-13' })],
    ['a date with a day', set({ date: '2011-08-01' })],
    ['a numeric date', set({ date: 2011 })],
    ['an unknown place', set({ place: 'atlantis' })],
    ['markup as a place', set({ place: '<img src=x onerror=alert(1)>' })],
    ['an unknown layer', set({ layers: ['control', 'tanks'] })],
    ['an unknown language', set({ lang: 'fr' })],
    ['an unknown field', set({ date: '2011-08', zoom: 5 })],
    ['one good and one bad field', set({ date: '2011-08', place: 'atlantis' })],
  ])('ignores %s', (_what, data) => {
    expect(parseHostMessage(data, ctx)).toBeNull();
  });
});

describe('origins', () => {
  it('accepts any host unless the embedder named one', () => {
    expect(allowedOrigin('?embed=1')).toBeNull();
    expect(originAccepted('https://news.example', null)).toBe(true);
    const only = allowedOrigin('?embed=1&origin=https%3A%2F%2Fnews.example%2Fpath');
    expect(only).toBe('https://news.example');
    expect(originAccepted('https://news.example', only)).toBe(true);
    expect(originAccepted('https://evil.example', only)).toBe(false);
  });
  it('refuses a look-alike origin: the lock is the whole origin, not a prefix or a part of it', () => {
    const only = allowedOrigin('?embed=1&origin=https%3A%2F%2Fnews.example');
    for (const lookAlike of ['https://news.example.evil.com', 'https://news.example:8443', 'https://news.examplex', 'https://news.exampl', 'http://news.example', 'https://evil.com/https://news.example', 'null', '']) {
      expect(originAccepted(lookAlike, only), lookAlike).toBe(false);
    }
    expect(originAccepted('https://news.example', only)).toBe(true);
  });
  it('lets nobody in when the origin is malformed', () => {
    for (const bad of ['?origin=news.example', '?origin=javascript:alert(1)', '?origin=*']) {
      const rule = allowedOrigin(bad);
      expect(originAccepted('https://news.example', rule)).toBe(false);
      expect(originAccepted('null', rule)).toBe(false);
    }
  });
});

describe('outgoing messages', () => {
  it('are versioned and carry month keys', () => {
    expect(out.date(monthIndex(1969, 9))).toEqual({ type: 'atlas:date', version: 1, date: '1969-09' });
    expect(out.place('tripoli')).toEqual({ type: 'atlas:place', version: 1, place: 'tripoli' });
    expect(out.height(812.2)).toEqual({ type: 'atlas:height', version: 1, height: 813 });
    expect(out.ready({ t: monthIndex(2019, 4), place: null, layers: { control: true, presence: false, diplomacy: true }, lang: 'en' })).toEqual({
      type: 'atlas:ready', version: 1, date: '2019-04', place: null, layers: ['control', 'diplomacy'], lang: 'en',
    });
  });
});

describe('links and the snippet', () => {
  const view = { t: monthIndex(2011, 8), place: 'tripoli', layers: { control: true, presence: true, diplomacy: true }, lang: 'en' as const };
  it('links to the same view, with or without embed, dropping other parameters', () => {
    const here = 'https://x.org/news/atlas/?embed=1&date=1960-01&origin=https://a.org#top';
    expect(viewUrl(view, false, here)).toBe('https://x.org/news/atlas/?date=2011-08&place=tripoli');
    expect(viewUrl({ ...view, lang: 'ar' }, true, here)).toBe('https://x.org/news/atlas/?date=2011-08&place=tripoli&lang=ar&embed=1');
    expect(embedScriptUrl(here)).toBe('https://x.org/news/atlas/embed.js');
  });
  it('builds an iframe with a title, the sandbox and the sizing script', () => {
    const s = embedSnippet('https://x.org/a/?date=2011-08&embed=1', 'https://x.org/a/embed.js', 'Atlas "1"');
    expect(s).toContain('<iframe data-atlas src="https://x.org/a/?date=2011-08&amp;embed=1" title="Atlas &quot;1&quot;"');
    expect(s).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"');
    expect(s).toContain('<script src="https://x.org/a/embed.js" async></script>');
  });
});
