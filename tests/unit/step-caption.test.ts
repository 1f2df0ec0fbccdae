/**
 * The words a scrolling story's graphic shows under its month (layout=story): the step's place as the
 * status text says it, the foreign forces there with their status, at most two of the month's events
 * there; the map in two sentences without a place. On the atlas's own record.
 */
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { parseMonthKey } from '../../src/lib/time/months.ts';
import { registerLanguage, translator } from '../../src/lib/i18n/i18n.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { stepCaption } from '../../src/lib/words/stepCaption.ts';
import { summarySentences } from '../../src/lib/words/summary.ts';
import { loadData } from '../../scripts/lib/load-data.ts';

const { data, dataAsOf } = loadData();
const index = indexData(data, dataAsOf);
const tr = translator('en');
const at = (key: string) => viewAt(index, parseMonthKey(key)!);

describe('a step\'s words', () => {
  it('a place: who holds it, then the foreign forces there with their status when not confirmed', () => {
    const words = stepCaption(index, tr, at('2020-06'), 'jufra');
    expect(words).toMatch(/^al-Jufra air base: LNA \(Haftar\)\. Foreign forces: /);
    expect(words).toMatch(/Wagner/);
    expect(words).toMatch(/\((reported|alleged)\)/);
  });

  it('a contest is said as a contest, and the month\'s events there (two at most) follow', () => {
    const words = stepCaption(index, tr, at('2019-04'), 'tripoli');
    expect(words).toMatch(/^Tripoli: contested \(GNA and LNA \(Haftar\)\)\./);
    const events = /This month: (.*)\.$/.exec(words)?.[1] ?? '';
    expect(events).toMatch(/Haftar/);
    expect(events.split('; ').length).toBeLessThanOrEqual(2);
  });

  it('a region names the forces at its places', () => {
    expect(stepCaption(index, tr, at('2020-06'), 'fezzan')).toMatch(/^Fezzan: .*Foreign forces: .*Wagner/);
  });

  it('no place, or a place the record does not have: the map in two sentences', () => {
    const summary = summarySentences(index, tr, at('1969-09')).join(' ');
    expect(stepCaption(index, tr, at('1969-09'), null)).toBe(summary);
    expect(stepCaption(index, tr, at('1969-09'), 'atlantis')).toBe(summary);
  });

  it('in Arabic, in Arabic words with no placeholder left', () => {
    registerLanguage('ar', ar, new Map());
    const words = stepCaption(index, translator('ar'), at('2020-06'), 'jufra');
    expect(words).toMatch(/[\u0600-\u06ff]/);
    expect(words).not.toMatch(/[{}]/);
  });
});
