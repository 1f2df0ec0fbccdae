/** Search across the record in the three languages, and the record list's filters. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { fold, searchEntries, searchTexts, type Tables } from '../../src/lib/records/search.ts';
import { NO_FILTER, passes, recordEntries } from '../../src/lib/records/recordList.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import { monthKey } from '../../src/lib/time/months.ts';

const root = resolve(import.meta.dirname, '../..');
const index = indexData(loadData().data);
const tables: Tables = {
  ar: JSON.parse(readFileSync(resolve(root, 'data/i18n/ar.json'), 'utf8')),
  ru: JSON.parse(readFileSync(resolve(root, 'data/i18n/ru.json'), 'utf8')),
};
const entries = recordEntries(index);
const texts = searchTexts(index, entries, tables);
const find = (q: string) => searchEntries(entries, texts, q);

describe('folding', () => {
  it('ignores case, accents, Arabic diacritics and hamza seats, ё, and punctuation', () => {
    expect(fold('Erdoğan')).toBe('erdogan');
    expect(fold('أحمد')).toBe(fold('احمد'));
    expect(fold('إِسْطَنْبُول')).toBe(fold('اسطنبول'));
    expect(fold('مدينة')).toBe(fold('مدينه'));
    expect(fold('Ёлка')).toBe('елка');
    expect(fold('al-Jufra')).toBe('al jufra');
    expect(fold('  <b>x</b> ')).toBe('b x b');
  });
});

describe('searching the record', () => {
  it('lists every event, presence and period of control once', () => {
    expect(entries.filter((e) => e.kind === 'event').length).toBe(index.events.length);
    expect(entries.filter((e) => e.kind === 'presence').length).toBe(index.presence.length);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('"Wagner" puts the earliest Wagner presence first among presences', () => {
    const presences = find('Wagner').filter((e) => e.kind === 'presence');
    const wagner = index.presence.filter((p) => p.actor === 'wagner');
    const earliest = wagner.reduce((a, b) => (b.span.start < a.span.start ? b : a));
    expect(presences[0]!.id).toBe(earliest.id);
    expect(monthKey(presences[0]!.t)).toBe('2018-10');
    expect(presences.filter((e) => index.presence.find((p) => p.id === e.id)!.actor === 'wagner').length).toBe(wagner.length);
  });

  for (const q of ['Путин', 'путин визит', 'بوتين', 'Putin Tripoli', 'PUTIN', 'Путина']) {
    it(`"${q}" finds Putin’s 2008 visit`, () => {
      expect(find(q).map((e) => e.id)).toContain('putin-visit-2008-04');
    });
  }

  it('matches inside words, all words required, and an empty query lists everything', () => {
    expect(find('جفرة').length).toBeGreaterThan(0);
    expect(find('Putin zzzz')).toEqual([]);
    expect(find('   ').length).toBe(entries.length);
    expect(find('<script>')).toEqual([]);
  });

  it('filters by kind, category, actor, status and Russia', () => {
    const f = (over: Partial<typeof NO_FILTER>) => entries.filter((e) => passes(e, { ...NO_FILTER, ...over }));
    expect(f({}).length).toBe(entries.length);
    expect(f({ kinds: ['presence'] }).every((e) => e.kind === 'presence')).toBe(true);
    expect(f({ categories: ['economic'] }).every((e) => e.category === 'economic')).toBe(true);
    expect(f({ actor: 'putin' }).map((e) => e.id)).toContain('putin-visit-2008-04');
    expect(f({ statuses: ['denied'] }).every((e) => e.status === 'denied')).toBe(true);
    expect(f({ statuses: ['denied'] }).some((e) => e.kind === 'control')).toBe(false);
    const russian = f({ russia: true });
    expect(russian.some((e) => e.kind === 'presence' && e.id.startsWith('wagner'))).toBe(true);
    expect(russian.some((e) => e.id === 'us-wheelus-1943')).toBe(false);
  });

  it('“show on the map” goes to a place a reader can open, at the record’s first month', () => {
    const openable = new Set([...index.regionIds, ...index.placeIds]);
    for (const e of entries) expect(openable.has(e.place), `${e.id} → ${e.place}`).toBe(true);
    expect(monthKey(entries.find((e) => e.id === 'putin-visit-2008-04')!.t)).toBe('2008-04');
  });
});
