/**
 * A file that is not valid JSON, or whose objects say a field twice (issues 23 and 24): one message
 * for a file that does not parse (its line, column and what to do), and nothing else about it
 * anywhere; a key written twice in one object is refused, since JSON keeps only the last one silently.
 */
import { describe, expect, it } from 'vitest';
import { parseTree, type Node } from 'jsonc-parser';
import { makeRelease } from '../../scripts/lib/releases.ts';
import type { FileSet } from '../../scripts/validate/index.ts';
import { byId, lines, serialize, valid, withEdit, type Json } from './validate-fixture.ts';

/** A story over the fixture's records, so that a broken record file could leave it pointing at "unknown" ids. */
const STORY = {
  id: 'fixture-story',
  title: { en: 'A story' },
  description: { en: 'Two steps.' },
  steps: [
    { date: '1976-12', place: 'tripoli', caption: { en: 'The visit.' }, records: ['gaddafi-visit-moscow-1976'] },
    { date: '2018-10', place: 'tobruk', caption: { en: 'The claim.' }, records: ['sun-missiles-2018-10', 'embassy-denial-2018-10'] },
  ],
};

/** The valid fixture with a story, a release, and a pending correction: every kind of JSON file the validator reads. */
function everyKind(): FileSet {
  const base = { ...valid(), 'stories/fixture-story.json': serialize('stories/fixture-story.json', STORY) };
  const made = makeRelease(base, { date: '2026-11-01', summary: 'First release' });
  if (typeof made === 'string') throw new Error(made);
  const files = withEdit('data/events.json', (l: Json[]) => void (byId(l, 'gaddafi-visit-moscow-1976').date = '1976-12-01'), { ...base, ...made.writes });
  const log = [{ date: '2026-11-10', records: ['gaddafi-visit-moscow-1976'], changes: [{ record: 'gaddafi-visit-moscow-1976', field: 'date', before: '1976-12', after: '1976-12-01' }], reason: { en: 'The study gives the day.' }, source: 'test-study' }];
  return { ...files, 'data/corrections.json': serialize('data/corrections.json', log) };
}

const lineCol = (text: string, offset: number): [number, number] => {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before[before.length - 1]!.length + 1];
};

/** The offset just after the last member of the first object (in document order) that has members. */
function endOfFirstObject(text: string): number {
  const find = (n: Node): Node | undefined => {
    if (n.type === 'object' && n.children && n.children.length > 0) return n;
    for (const c of n.children ?? []) {
      const hit = find(c);
      if (hit) return hit;
    }
    return undefined;
  };
  const obj = find(parseTree(text)!)!;
  const last = obj.children![obj.children!.length - 1]!;
  return last.offset + last.length;
}

describe('a file that is not valid JSON', () => {
  const files = everyKind();
  const kinds = Object.keys(files).filter((f) => /\.(geo)?json$/.test(f) && typeof files[f] === 'string' && !f.startsWith('data/releases/'));

  it('the valid set with every kind of file has no problems', () => {
    expect(lines(files)).toEqual([]);
    expect(kinds).toEqual(expect.arrayContaining(['data/actors.json', 'data/events.json', 'data/i18n/ar.json', 'data/sources/test-study.json', 'geo/places.geojson', 'stories/fixture-story.json', 'data/releases.json', 'data/corrections.json']));
  });

  it.each(kinds)('a trailing comma in %s gives one message: the file, the line and column of the comma, and what to do', (file) => {
    const text = files[file] as string;
    const at = endOfFirstObject(text);
    const [line, column] = lineCol(text, at);
    const broken = { ...files, [file]: `${text.slice(0, at)},${text.slice(at)}` };
    expect(lines(broken)).toEqual([
      `${file}:${line} is not valid JSON: at line ${line}, column ${column}, a comma follows the last item of an object — remove that comma (JSON allows none after the last item); nothing else in this file was checked`,
    ]);
  });

  it('a missing comma, an unclosed text, single quotes and a comment: each one message at its line and column', () => {
    const base = valid();
    const cases: [string, string, string][] = [
      ['[\n  { "id": "a" }\n  { "id": "b" }\n]\n', 'at line 3, column 3, a comma is missing before this item', 'add a comma at the end of the item before it'],
      ['[\n  { "id": "a,\n    "date": "1976" }\n]\n', 'at line 2, column 11, a text in quotes is not closed on its line', 'add the closing double quote'],
      ["[\n  { 'id': 'a' }\n]\n", 'at line 2, column 5, a field name is not in double quotes', 'write it in double quotes: "name"'],
      ['[\n  // the visit\n  { "id": "a" }\n]\n', 'at line 2, column 3, there is a comment', 'JSON has no comments: delete it'],
    ];
    for (const [text, where, fix] of cases) {
      const out = lines({ ...base, 'data/events.json': text });
      expect(out).toHaveLength(1);
      expect(out[0]).toContain(`data/events.json:${/line (\d+)/.exec(where)![1]} is not valid JSON: ${where}`);
      expect(out[0]).toContain(fix);
    }
  });
});

describe('a key written twice in one object', () => {
  it('is refused at its second line, naming the key and the first line', () => {
    const files = valid();
    const text = files['data/events.json'] as string;
    // The 1976 visit says its date twice; JSON.parse would keep only the second, silently.
    const doubled = text.replace('"date": "1976-12",', '"date": "1976-12",\n    "date": "1977-01",');
    expect(doubled).not.toBe(text);
    const line = doubled.split('\n').findIndex((l) => l.includes('"date": "1977-01"')) + 1;
    expect(lines({ ...files, 'data/events.json': doubled })).toEqual([
      `data/events.json:${line} [gaddafi-visit-moscow-1976] "date" is written twice in this object (first at line ${line - 1}) — JSON keeps only the last one, silently: delete the one that is wrong`,
    ]);
  });

  it('in a translation table, a source and GeoJSON too', () => {
    const files = valid();
    const ar = (files['data/i18n/ar.json'] as string).replace(/^\{\n/, '{\n  "sabha": { "name": "سبها" },\n  "sabha": { "name": "سبها" },\n');
    const source = (files['data/sources/test-study.json'] as string).replace('"kind":', '"kind": "news",\n  "kind":');
    const places = (files['geo/places.geojson'] as string).replace('"name_en":', '"name_en":"X","name_en":');
    const out = lines({ ...files, 'data/i18n/ar.json': ar, 'data/sources/test-study.json': source, 'geo/places.geojson': places });
    expect(out).toEqual([
      expect.stringMatching(/^data\/i18n\/ar\.json:3 \[sabha\] "sabha" is written twice in this object \(first at line 2\)/),
      expect.stringMatching(/^data\/sources\/test-study\.json:\d+ \[test-study\] "kind" is written twice in this object/),
      expect.stringMatching(/^geo\/places\.geojson:2 \[[a-z-]+\] "name_en" is written twice in this object \(first at line 2\)/),
    ]);
  });
});
