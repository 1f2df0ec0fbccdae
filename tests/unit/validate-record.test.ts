/**
 * The record's own rules (issue 23): "did you mean" only for close spellings, a rival claim's
 * lifespan, and which Arabic and Russian texts are missing (an error for a record new since the
 * newest release, a warning for one already published). The fixtures in tests/fixtures/invalid/
 * (claims, duplicates, unknown-places, translations) show the lines an editor reads.
 */
import { describe, expect, it } from 'vitest';
import { makeRelease } from '../../scripts/lib/releases.ts';
import { editDistance, nearest } from '../../scripts/validate/references.ts';
import { formatProblem, validateWithWarnings, type FileSet } from '../../scripts/validate/index.ts';
import { titleSimilarity } from '../../scripts/validate/duplicates.ts';
import { byId, lines, NOW, valid, withEdit, type Json } from './validate-fixture.ts';

describe('did you mean', () => {
  it('suggests a close spelling', () => {
    expect(nearest('tripolli', ['tripoli', 'tobruk'])).toBe('tripoli');
    expect(nearest('misurata', ['misrata', 'sirte'])).toBe('misrata');
  });

  it('counts two swapped letters as one slip', () => {
    expect(editDistance('sabah', 'sabha')).toBe(1);
    expect(nearest('sabah', ['sabha', 'sirte'])).toBe('sabha');
  });

  it('never suggests a name with another first letter: kufra is not jufra', () => {
    expect(nearest('kufra', ['jufra', 'sabha'])).toBeUndefined();
    expect(nearest('ghadames', ['ghardabiya', 'ras-lanuf'])).toBeUndefined();
  });

  it('suggests nothing when two are equally near', () => {
    expect(nearest('tab', ['tan', 'tap'])).toBeUndefined();
  });
});

describe('titles alike', () => {
  it('sees a copied title, in any script, and not two different events', () => {
    expect(titleSimilarity('Dbeibah in Moscow', 'Dbeibah in Moscow.')).toBe(1);
    expect(titleSimilarity('Каддафи посещает Москву', 'Каддафи посетил Москву')).toBeGreaterThanOrEqual(0.6);
    expect(titleSimilarity('Islamic State seizes most of Sirte', 'Islamic State takes Sirte airport as Tripoli forces withdraw')).toBeLessThan(0.75);
  });
});

describe('claims', () => {
  it('names a claimant only within its lifespan', () => {
    let files = withEdit('data/actors.json', (l: Json[]) => void (byId(l, 'gna').founded = '2015-12-17'));
    files = withEdit('data/control.json', (l: Json[]) => void (byId(l, 'tripoli-unknown').claims = [{ actor: 'gna', sources: [{ source: 'test-study', passage: 'A summary.', paraphrase: true }] }]), files);
    expect(lines(files)).toContainEqual(expect.stringMatching(/\[tripoli-unknown\] claims\[0\]\.actor "gna" did not exist yet when this period starts \(2014\)/));
  });

  it('accepts a sourced claim by a rival authority', () => {
    const files = withEdit('data/control.json', (l: Json[]) => void (byId(l, 'tripoli-unknown').claims = [{ actor: 'gna', sources: [{ source: 'test-study', passage: 'A summary.', paraphrase: true }] }]));
    expect(lines(files)).toEqual([]);
  });
});

describe('missing translations', () => {
  /** The valid fixture released on 2026-11-01. */
  function released(): FileSet {
    const base = valid();
    const made = makeRelease(base, { date: '2026-11-01', summary: 'First release' });
    if (typeof made === 'string') throw new Error(made);
    return { ...base, ...made.writes };
  }
  const newEvent = (title: Json) => ({
    id: 'qadhafi-visit-moscow-1981-04',
    date: '1981-04',
    places: ['tripoli'],
    category: 'diplomatic',
    title,
    summary: { en: 'A second state visit.' },
    actors: ['ussr'],
    counterpart: 'moscow',
    russia: true,
    status: 'confirmed',
    sources: [{ source: 'test-study', passage: 'A summary of the study.', paraphrase: true }],
  });

  it('is an error for a record new since the newest release, naming each language and field', () => {
    const files = withEdit('data/events.json', (l: Json[]) => [...l, newEvent({ en: 'Qadhafi in Moscow again', ru: 'Каддафи снова в Москве' })], released());
    const { problems } = validateWithWarnings(files, { now: NOW });
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^data\/events\.json:\d+ \[qadhafi-visit-moscow-1981-04\] has no Arabic texts for "title", "summary" — a record new since release 2026-11-01-[0-9a-f]{6} is shown to Arabic and Russian readers: add "title": "…", "summary": "…" under "qadhafi-visit-moscow-1981-04" in data\/i18n\/ar\.json, written from the English$/),
      expect.stringMatching(/\[qadhafi-visit-moscow-1981-04\] has no Russian text for "summary" — a record new since release/),
    ]);
  });

  it('takes the texts from the record or from data/i18n/', () => {
    let files = withEdit('data/events.json', (l: Json[]) => [...l, newEvent({ en: 'Qadhafi in Moscow again', ar: 'القذافي في موسكو مجددا', ru: 'Каддафи снова в Москве' })], released());
    files = withEdit('data/i18n/ar.json', (t: Json) => void (t['qadhafi-visit-moscow-1981-04'] = { summary: 'زيارة دولة ثانية.' }), files);
    files = withEdit('data/i18n/ru.json', (t: Json) => void (t['qadhafi-visit-moscow-1981-04'] = { summary: 'Второй государственный визит.' }), files);
    expect(validateWithWarnings(files, { now: NOW })).toEqual({ problems: [], warnings: [] });
  });

  it('is a warning for a record already released without them', () => {
    const base = withEdit('data/i18n/ru.json', (t: Json) => void delete t['gaddafi-visit-moscow-1976']);
    const made = makeRelease(base, { date: '2026-11-01', summary: 'First release' });
    if (typeof made === 'string') throw new Error(made);
    const { problems, warnings } = validateWithWarnings({ ...base, ...made.writes }, { now: NOW });
    expect(problems).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([expect.stringMatching(/\[gaddafi-visit-moscow-1976\] has no Russian texts for "title", "summary" \(it was published in release 2026-11-01-[0-9a-f]{6} without them\)/)]);
  });
});
