/**
 * The validator, one broken variant of the valid fixture per rule. Assertions are on the words a
 * data editor reads, since that message is the validator's whole interface.
 */
import { describe, expect, it } from 'vitest';
import { checkSeedPassages, countRecords, formatCounts, formatProblem, type FileSet } from '../../scripts/validate/index.ts';
import { byId, check, lines, only, valid, withEdit, withoutTranslations, type Json } from './validate-fixture.ts';

const VALID = valid();

describe('the valid fixture', () => {
  it('has no problems', () => {
    expect(lines(VALID)).toEqual([]);
  });

  it('is counted per kind', () => {
    expect(formatCounts(countRecords(VALID))).toBe(
      '3 regions, 4 places, 2 counterparts, 9 actors, 2 sources, 19 control periods, 1 presence, 4 events (3 Libya–USSR/Russia)',
    );
  });
});

describe('files', () => {
  it('names the file and line of a JSON syntax error, and never throws', () => {
    const files = { ...VALID, 'data/events.json': '[\n  { "id": "a" }\n  { "id": "b" }\n]\n' };
    const p = only(files);
    expect(p.file).toBe('data/events.json');
    expect(p.line).toBe(3);
    expect(p.message).toBe('is not valid JSON: at line 3, column 3, a comma is missing before this item — add a comma at the end of the item before it; nothing else in this file was checked');
  });

  it('finds the line of a trailing comma although Node gives no position: the comma\'s own', () => {
    const p = only({ ...VALID, 'data/presence.json': '[\n  1,\n  2,\n]' });
    expect(p.line).toBe(3);
    expect(p.message).toMatch(/^is not valid JSON: at line 3, column 4, a comma follows the last item of a list — remove that comma/);
  });

  it('reports missing files', () => {
    const files = { ...VALID };
    delete files['data/control.json'];
    delete files['geo/places.geojson'];
    const out = lines(files);
    expect(out).toContain('data/control.json file is missing — create it with a list of control periods: [ … ]');
    expect(out).toContain('geo/places.geojson file is missing — build it with `npm run geo`');
  });

  it('survives any shape of JSON without throwing', () => {
    for (const text of ['null', '{}', '[1, "x", null, []]', '"text"', '[{"id": 3}]']) {
      for (const file of ['data/events.json', 'data/control.json', 'data/actors.json', 'geo/regions.geojson', 'geo/places.geojson', 'data/sources/test-study.json']) {
        const problems = check({ ...VALID, [file]: text });
        expect(problems.length, `${file} = ${text}`).toBeGreaterThan(0);
        expect(problems.some((p) => p.message.includes('internal error')), `${file} = ${text}`).toBe(false);
      }
    }
  });

  it('names where a fault of its own happened, and goes on', () => {
    const files: FileSet = { ...VALID };
    Object.defineProperty(files, 'data/i18n/ar.json', { enumerable: true, get: () => { throw new Error('disk gone'); } });
    const problems = check(files);
    expect(problems.map(formatProblem)).toContain(
      'data/ and geo/ could not be checked fully: internal error in the validator (disk gone) — the other checks went on; please report this line',
    );
    expect(problems.every((p) => p.file !== '(validator)')).toBe(true);
  });

  it('says where a list was expected', () => {
    expect(lines({ ...VALID, 'data/events.json': '{}' })).toEqual(['data/events.json:1 should be a list of events, written [ { … }, { … } ]']);
  });

  it('reports files the atlas does not read', () => {
    expect(lines({ ...VALID, 'data/event.json': '[]' })).toEqual([
      expect.stringMatching(/^data\/event\.json is not a file the atlas reads — expected .*data\/events\.json/),
    ]);
  });
});

describe('geo files', () => {
  it('rejects invalid GeoJSON', () => {
    const files = withEdit('geo/counterparts.geojson', (fc) => {
      fc.features[0].geometry.coordinates = 'here';
    });
    expect(lines(files).join('\n')).toMatch(/^geo\/counterparts\.geojson\S* .*not valid GeoJSON/m);
  });

  it('rejects invalid geometry (a self-intersecting ring)', () => {
    const files = withEdit('geo/regions.geojson', (fc) => {
      fc.features[1].geometry.coordinates = [[[11, 20], [12, 23], [12, 20], [11, 23], [11, 20]]];
    });
    const p = check(files).find((x) => x.message.includes('invalid Polygon geometry'));
    expect(p).toMatchObject({ file: 'geo/regions.geojson', id: 'fezzan', line: 3 });
  });

  it('rejects overlapping regions', () => {
    const files = withEdit('geo/regions.geojson', (fc) => {
      fc.features[0].geometry.coordinates = [[[10, 20], [11.5, 20], [11.5, 23], [10, 23], [10, 20]]];
    });
    expect(lines(files).join('\n')).toContain('regions "tripolitania" and "fezzan" overlap by');
  });

  it('rejects regions that leave part of Libya uncovered', () => {
    const files = withEdit('geo/regions.geojson', (fc) => {
      fc.features[2].geometry.coordinates = [[[12, 20], [12.5, 20], [12.5, 23], [12, 23], [12, 20]]];
    });
    expect(lines(files).join('\n')).toMatch(/regions leave [\d.]+ km² of the Libya outline uncovered/);
  });

  it('rejects an id that is not a safe id: markup in an id would reach the map (issue 24)', () => {
    const files = withEdit('geo/counterparts.geojson', (fc) => void (fc.features[0].properties.id = 'x"><script>alert(1)</script>'));
    expect(lines(files)).toContainEqual(
      'geo/counterparts.geojson:1 id "x\\"><script>alert(1)</script>" is not an id: ids are lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04" — regenerate with `npm run geo`, or correct it in scripts/build-geo.ts.',
    );
  });

  it('rejects a place that lies outside the region it names', () => {
    const files = withEdit('geo/places.geojson', (fc) => {
      fc.features[0].properties.region = 'fezzan';
    });
    expect(only(files)).toMatchObject({
      file: 'geo/places.geojson',
      line: 2,
      id: 'tripoli',
      message: 'place "tripoli" says region "fezzan" but its point 10.5,22.5 lies in "tripolitania" — fix the region or the coordinates.',
    });
  });
});

describe('schema', () => {
  it('names a missing field', () => {
    const files = withEdit('data/events.json', (list) => {
      delete byId(list, 'sun-missiles-2018-10').status;
    });
    expect(formatProblem(only(files))).toBe('data/events.json:30 [sun-missiles-2018-10] missing field "status" — add it (one of confirmed, reported, alleged, denied)');
  });

  it('names an unknown field and lists the allowed ones', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'sun-missiles-2018-10').palces = ['tripoli'];
    });
    expect(only(files).message).toBe(
      'unknown field "palces" — remove it or correct its spelling (allowed fields: id, date, circa, places, category, title, summary, actors, counterpart, russia, status, claimedBy, responds, noResponse, note, sources)',
    );
  });

  it('lists the allowed values of a closed list', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].status = 'rumoured';
    });
    expect(only(files).message).toBe('status is "rumoured"; use one of confirmed, reported, alleged, denied');
  });

  it('rejects ids that are not lower-case words with hyphens', () => {
    const files = withEdit('data/actors.json', (list) => {
      list.push({ id: 'Putin', name: { en: 'Vladimir Putin' }, kind: 'person' });
    });
    expect(only(files).message).toBe('id "Putin": ids are lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04"');
  });

  it('requires at least one source', () => {
    const files = withEdit('data/control.json', (list) => {
      list[0].sources = [];
    });
    expect(only(files)).toMatchObject({ id: 'tripolitania-british', message: 'sources: every record cites at least one source' });
  });
});

describe('safety', () => {
  it('accepts only http and https source URLs', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/a', 'www.example.org']) {
      const files = withEdit('data/sources/seed-history.json', (doc) => {
        doc.url = url;
      });
      expect(formatProblem(only(files))).toBe(
        `data/sources/seed-history.json:6 [seed-history] url "${url}" is not allowed: source URLs must be complete web addresses starting with http:// or https:// (no javascript:, ftp:, mailto: or bare domains)`,
      );
    }
  });

  it('rejects HTML in text fields', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'kingdom-founded-1951').summary.en = 'Independence <script>alert(1)</script>';
    });
    expect(only(files).message).toBe('summary.en: text must not contain HTML tags; write plain text (found "<script>")');
  });

  it('rejects HTML in a citation passage', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].sources[0].passage = '<img src=x onerror=alert(1)>';
    });
    expect(only(files).message).toBe('sources[0].passage: text must not contain HTML tags; write plain text (found "<img src=x onerror=alert(1)>")');
  });
});

describe('references', () => {
  it('points to the line of an unknown place and suggests the nearest id', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'gaddafi-visit-moscow-1976').places = ['tripolli'];
    });
    const p = only(files);
    expect(formatProblem(p)).toBe(
      'data/events.json:6 [gaddafi-visit-moscow-1976] places[0]: "tripolli" is not a known place id — did you mean "tripoli"? Known place ids: tripolitania, fezzan, cyrenaica, tripoli, sabha, benghazi, tobruk. If it is a place the map does not have yet, add it to PLACES in scripts/build-geo.ts (names in English, Arabic and Russian, region, coordinates) and run npm run geo — see data/README.md, "Adding a place".',
    );
  });

  it('rejects an unknown actor', () => {
    const files = withEdit('data/control.json', (list) => {
      list[0].actor = 'british-adminstration';
    });
    expect(only(files).message).toMatch(/^actor: "british-adminstration" is not a known actor id — did you mean "british-administration"\?/);
  });

  it('suggests only near spellings: no "did you mean" for a far one', () => {
    const files = withEdit('data/control.json', (list) => {
      list[0].actor = 'british-admin';
    });
    expect(only(files).message).toBe(
      'actor: "british-admin" is not a known actor id. Known actor ids: british-administration, kingdom-of-libya, lna, gna, unknown, ussr, wagner, the-sun, russian-embassy-london.',
    );
  });

  it('suggests nothing when two ids are equally near', () => {
    const files = withEdit('data/control.json', (list) => {
      list[0].actor = 'xna';
    });
    expect(only(files).message).not.toContain('did you mean');
  });

  it('rejects a counterpart that is not in geo/counterparts.geojson', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'gaddafi-visit-moscow-1976').counterpart = 'tripoli';
    });
    expect(only(files).message).toBe('counterpart: "tripoli" is not a known counterpart city id. Known counterpart city ids: moscow, london.');
  });

  it('rejects a citation of a source that has no file', () => {
    const files = withEdit('data/control.json', (list) => {
      list[0].sources[0].source = 'test-studdy';
    });
    expect(only(files).message).toBe('sources[0].source: "test-studdy" is not a known source — there is no data/sources/test-studdy.json; did you mean "test-study"?');
  });

  it('requires a source file to be named after its id', () => {
    const files: FileSet = { ...VALID, 'data/sources/loc-study.json': VALID['data/sources/test-study.json']! };
    delete files['data/sources/test-study.json'];
    expect(only(files).message).toBe('the file name must equal the id: rename the file to data/sources/test-study.json or change "id" to "loc-study"');
  });

  it('rejects ids used twice across control, presence and events', () => {
    const files = withoutTranslations(
      withEdit('data/presence.json', (list) => {
        list[0].id = 'sun-missiles-2018-10';
      }),
      'wagner-sabha',
    );
    expect(formatProblem(only(files))).toBe(
      'data/events.json:30 [sun-missiles-2018-10] duplicate id "sun-missiles-2018-10" — also used at data/presence.json:3; ids must be unique across control.json, presence.json and events.json, so give one of them a new id',
    );
  });

  it('rejects ids used twice within actors', () => {
    const files = withEdit('data/actors.json', (list) => {
      list.push({ id: 'wagner', name: { en: 'Wagner' }, kind: 'foreign-force' });
    });
    expect(only(files).message).toMatch(/^duplicate id "wagner" — also used at data\/actors\.json:\d+; ids must be unique within data\/actors\.json/);
  });

  it('requires responds to name an existing event or presence', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'embassy-denial-2018-10').responds = 'sun-missile-2018-10';
    });
    // A response may answer an event or a presence (schema: `responds`); the allegation it no
    // longer answers is reported too.
    expect(check(files).map((p) => p.message)).toEqual([
      expect.stringMatching(/^status "alleged" needs a response: no event in data\/events\.json has "responds": "sun-missiles-2018-10"/),
      'responds: "sun-missile-2018-10" is not a known event or presence id — did you mean "sun-missiles-2018-10"? It must be the id of an event in data/events.json or of a presence in data/presence.json.',
    ]);
  });

  it('requires contestedBy actors to resolve, and contested to be set', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'benghazi-lna').contestedBy = ['gnaa'];
      byId(list, 'tobruk-unknown').contestedBy = ['lna'];
    });
    const out = lines(files).join('\n');
    expect(out).toContain('[benghazi-lna] contestedBy[0]: "gnaa" is not a known actor id — did you mean "gna"?');
    expect(out).toContain('[tobruk-unknown] "contestedBy" is set but "contested" is not true — add "contested": true or remove "contestedBy"');
  });

  it('checks claimedBy against actors and sources', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'sun-missiles-2018-10').claimedBy = 'the-sum';
    });
    expect(only(files).message).toMatch(/^claimedBy: "the-sum" is not a known actor or source id — did you mean "the-sun"\?/);
  });
});

describe('time', () => {
  it('rejects a date in the wrong form', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'sun-missiles-2018-10').date = '2018-1';
    });
    expect(only(files).message).toBe('date "2018-1": dates are written "YYYY", "YYYY-MM" or "YYYY-MM-DD"');
  });

  it('rejects a date that is not on the calendar', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].start = '2019-02-29';
    });
    expect(only(files).message).toBe('start: "2019-02-29" is not a real date — check the month (01–12) and the day (it must exist in that month)');
  });

  it('requires end after start, and explains that end is exclusive', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].end = '2019';
    });
    expect(only(files).message).toBe(
      'end "2019" must come after start "2019" — end is exclusive: the first day, month or year in which it was no longer true (for something true only during 2019, write the next year as end)',
    );
  });

  it('rejects overlapping control periods of one place', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'tripoli-british').end = '1952';
    });
    expect(only(files)).toMatchObject({
      id: 'tripoli-kingdom',
      message:
        'control periods "tripoli-british" (british-administration, 1943-01 – 1952) and "tripoli-kingdom" (kingdom-of-libya, 1951-12-24 – 2014) overlap at tripoli — make one end where the other starts (end is exclusive), or mark both "contested": true',
    });
  });

  it('allows overlap only when both periods are contested', () => {
    const files = withEdit('data/control.json', (list) => {
      delete byId(list, 'benghazi-gna').contested;
      delete byId(list, 'benghazi-gna').contestedBy;
    });
    expect(only(files).message).toMatch(/^control periods "benghazi-lna" .* and "benghazi-gna" .* overlap at benghazi \(only "benghazi-lna" is marked contested\)/);
  });

  it('rejects a gap in a place\'s control history', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'fezzan-kingdom').start = '1952';
    });
    expect(only(files)).toMatchObject({
      id: 'fezzan-kingdom',
      message:
        'gap in fezzan\'s control history: nothing covers 1951-12-24 to 1952 (between "fezzan-british" (british-administration, 1943-01 – 1951-12-24) and "fezzan-kingdom" (kingdom-of-libya, 1952 – 2014)) — close the gap, or add a period with actor "unknown" for it',
    });
  });

  it('accepts a gap covered by a period whose actor is "unknown"', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'fezzan-kingdom').start = '1952';
      list.push({ id: 'fezzan-gap', place: 'fezzan', actor: 'unknown', start: '1951-12-24', end: '1952', sources: list[0].sources });
    });
    expect(lines(files)).toEqual([]);
  });

  it('rejects a history that stops before today', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'tobruk-unknown').end = '2026-11-01';
    });
    expect(only(files).message).toMatch(/^gap in tobruk's control history: nothing covers 2026-11-01 to today \(after "tobruk-unknown"/);
  });

  it('requires any place with control records to be covered to today', () => {
    const files = withEdit('data/control.json', (list) => {
      list.push({ id: 'sabha-lna', place: 'sabha', actor: 'lna', start: '2016', end: '2020', sources: list[0].sources });
    });
    expect(only(files).message).toMatch(/^gap in sabha's control history: nothing covers 2020 to today/);
  });

  it('requires the core places to start at or before 1943-01', () => {
    const files = withEdit('data/control.json', (list) => {
      byId(list, 'cyrenaica-british').start = '1943-02';
    });
    expect(only(files).message).toBe(
      'cyrenaica\'s control history starts at 1943-02; it must start by 1 January 1943 ("1943-01" or earlier) — add the earlier period (actor "unknown" if nobody is documented)',
    );
  });

  it('reports a core place without control periods', () => {
    const files = withEdit('data/control.json', (list: Json[]) => list.filter((r) => r.place !== 'tobruk'));
    expect(lines(files)).toEqual(['data/control.json tobruk has no control periods — its control history must run from 1943-01 (or earlier) to today']);
  });
});

describe('zones of a divided region', () => {
  const zones =
    '{"type":"FeatureCollection","features":[\n' +
    '{"type":"Feature","properties":{"id":"fezzan-west","region":"fezzan"},"geometry":{"type":"Polygon","coordinates":[[[11,20],[11.5,20],[11.5,23],[11,23],[11,20]]]}},\n' +
    '{"type":"Feature","properties":{"id":"fezzan-east","region":"fezzan"},"geometry":{"type":"Polygon","coordinates":[[[11.5,20],[12,20],[12,23],[11.5,23],[11.5,20]]]}}\n]}\n';
  /** Fezzan divided from 2014: its zones' periods take over from its own. */
  const divided = (edit?: (list: Json[]) => void): FileSet =>
    withEdit('data/control.json', (list: Json[]) => {
      const cite = list[0].sources;
      const out = list.filter((r) => r.id !== 'fezzan-unknown');
      out.push({ id: 'fezzan-west-gna', place: 'fezzan-west', actor: 'gna', start: '2014', end: null, sources: cite });
      out.push({ id: 'fezzan-east-lna', place: 'fezzan-east', actor: 'lna', start: '2014', end: null, sources: cite });
      edit?.(out);
      return out;
    }, { ...VALID, 'geo/zones.geojson': zones });

  it('covers the region with its zones\' periods', () => {
    expect(lines(divided())).toEqual([]);
  });

  it('rejects a region period that overlaps its zones\' periods', () => {
    const files = divided((list) => void (byId(list, 'fezzan-kingdom').end = '2015'));
    expect(check(files).map((p) => `${p.id} ${p.message}`)).toEqual([
      'fezzan-west-gna fezzan-west is a zone of fezzan: while a region is divided into zones it has no period of its own, but "fezzan-kingdom" (kingdom-of-libya, 1951-12-24 – 2015) overlaps "fezzan-west-gna" (gna, 2014 – today) — end the region\'s period where the zones\' periods start',
      'fezzan-east-lna fezzan-east is a zone of fezzan: while a region is divided into zones it has no period of its own, but "fezzan-kingdom" (kingdom-of-libya, 1951-12-24 – 2015) overlaps "fezzan-east-lna" (lna, 2014 – today) — end the region\'s period where the zones\' periods start',
    ]);
  });

  it('checks each zone\'s own history', () => {
    const files = divided((list) => void (byId(list, 'fezzan-east-lna').end = '2020'));
    expect(only(files).message).toMatch(/^gap in fezzan-east's control history: nothing covers 2020 to today/);
  });

  it('requires a zone to name a region', () => {
    const files = { ...divided(), 'geo/zones.geojson': zones.replace('"region":"fezzan"}', '"region":"fezan"}') };
    expect(check(files).map((p) => p.message)).toContain(
      'zone "fezzan-west": region "fezan" is not a region id (tripolitania, fezzan, cyrenaica) — set properties.region to the region the zone is part of',
    );
  });
});

describe('events', () => {
  it('requires claimedBy for allegations', () => {
    const files = withEdit('data/events.json', (list) => {
      delete byId(list, 'sun-missiles-2018-10').claimedBy;
    });
    expect(only(files).message).toBe('status "alleged" needs "claimedBy": the actor id (or source id) of whoever made the claim');
  });

  it('requires a counterpart city for diplomatic events', () => {
    const files = withEdit('data/events.json', (list) => {
      delete byId(list, 'gaddafi-visit-moscow-1976').counterpart;
    });
    expect(only(files).message).toBe('diplomatic event needs a counterpart city — add "counterpart": one of moscow, london');
  });

  it('reports every problem at once, sorted by file and line', () => {
    const files = withEdit('data/events.json', (list) => {
      delete byId(list, 'gaddafi-visit-moscow-1976').counterpart;
      byId(list, 'kingdom-founded-1951').places = ['tripolli'];
      byId(list, 'sun-missiles-2018-10').date = '2018-13';
    });
    const problems = check(files);
    expect(problems.map((p) => p.id)).toEqual(['gaddafi-visit-moscow-1976', 'sun-missiles-2018-10', 'kingdom-founded-1951']);
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line!)].sort((a, b) => a - b));
  });
});

describe('seed passages', () => {
  const seeds = { '003_fa730cb833beec71.txt': 'The British tabloid Sun published a scandalous report 08 October 2018\nalleging that Russia was trying to turn Libya into a "new Syria" through the covert deployment.' };

  it('accepts a passage that is word for word, line breaks aside', () => {
    expect(checkSeedPassages(VALID, seeds)).toEqual([]);
  });

  it('rejects a passage that differs by one character', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'sun-missiles-2018-10').sources[0].passage = 'The British tabloid Sun published a scandalous report on 08 October 2018';
    });
    const p = checkSeedPassages(files, seeds);
    expect(p.map(formatProblem)).toEqual([
      'data/events.json:52 [sun-missiles-2018-10] sources[0].passage is not word for word in seed 003_fa730cb833beec71.txt (seed-history): "The British tabloid Sun published a scandalous report on 08 Octobe… — copy it character for character from the seed text, or set "paraphrase": true if it is a summary',
    ]);
  });
});
