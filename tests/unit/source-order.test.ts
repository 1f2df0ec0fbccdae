/** A record's sources are shown strongest first, and each source's kind has a name in every language (issue 23). */
import { describe, expect, it } from 'vitest';
import { KIND_TIER, kindKey, strongestFirst } from '../../src/lib/records/sourceOrder.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';
import type { SourceDoc } from '../../src/lib/records/types.ts';

const doc = (id: string, kind: SourceDoc['kind'], aligned?: string) => ({ doc: { id, kind, ...(aligned ? { aligned } : {}) } });

describe('strongest first', () => {
  it('puts official and wire before the press, analysis after, encyclopaedias and copies last', () => {
    const list = [doc('infogalactic', 'wiki'), doc('bbc', 'news'), doc('study', 'study'), doc('reuters', 'wire'), doc('un', 'official'), doc('gs', 'aggregator')];
    expect(strongestFirst(list).map((x) => x.doc.id)).toEqual(['reuters', 'un', 'bbc', 'study', 'infogalactic', 'gs']);
  });

  it("keeps the data's order within a kind, with a party's own media after the independent", () => {
    const list = [doc('tass', 'wire', 'russia'), doc('afp', 'wire'), doc('ap', 'wire')];
    expect(strongestFirst(list).map((x) => x.doc.id)).toEqual(['afp', 'ap', 'tass']);
  });

  it("puts Putin's 2008 visit's press reports before the Infogalactic copy", () => {
    const list = [doc('infogalactic-libya-russia-relations', 'wiki'), doc('bbc-2008-04-18-russia-swaps-libya-debt', 'news'), doc('aljazeera-2008-04-russia-turns-libya-debts', 'news')];
    expect(strongestFirst(list).map((x) => x.doc.id).at(-1)).toBe('infogalactic-libya-russia-relations');
  });

  it('names every kind in English, Arabic and Russian', () => {
    for (const kind of Object.keys(KIND_TIER) as SourceDoc['kind'][]) {
      for (const catalog of [en, ar, ru]) expect(catalog[kindKey(kind)]).toMatch(/\S/);
    }
  });
});
