/**
 * Text hygiene (issue 16): invisible and control characters, blank and over-long text, years out
 * of range, a byte-order mark, nesting too deep, numbers too large to store. Each rule breaks a
 * copy of the valid fixture; the assertions are on the words an editor reads.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_LIMIT, formatProblem, TEXT_LIMITS } from '../../scripts/validate/index.ts';
import { byId, check, lines, messages, only, valid, withEdit } from './validate-fixture.ts';

const editEvent = (id: string, edit: (e: Record<string, unknown>) => void) => withEdit('data/events.json', (list) => edit(byId(list, id)));

describe('characters', () => {
  it('rejects a bidirectional override (U+202E) in a title', () => {
    const files = editEvent('kingdom-founded-1951', (e) => void (e.title = { en: 'Independence \u202eecnednepednI' }));
    expect(formatProblem(only(files))).toBe(
      'data/events.json:95 [kingdom-founded-1951] title.en contains an invisible bidirectional control character (U+202E) that can make text display in a misleading order — delete it',
    );
  });

  it('rejects the isolates U+2066–U+2069 in a passage', () => {
    const files = withEdit('data/presence.json', (list) => void (list[0].sources[0].passage = 'A summary \u2067of\u2069 the study.'));
    expect(only(files).message).toBe('sources[0].passage contains an invisible bidirectional control character (U+2067) that can make text display in a misleading order — delete it');
  });

  it('rejects NUL and other control characters', () => {
    const files = editEvent('kingdom-founded-1951', (e) => void (e.summary = { en: 'The Kingdom\u0000 of Libya', ru: 'Королевство\u0007' }));
    expect(messages(files)).toEqual([
      'summary.en contains a control character (NUL, U+0000) — text is one line of plain text: delete it',
      'summary.ru contains a control character (U+0007) — text is one line of plain text: delete it',
    ]);
  });

  it('rejects line breaks and tabs: text fields are one line; passages may hold ordinary spaces', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].sources[0].passage = 'A summary\nof the study.';
      list[0].strength = { en: 'several\thundred' };
    });
    expect(messages(files)).toEqual([
      'strength.en contains a control character (a tab, U+0009) — text is one line of plain text: replace it with a space',
      'sources[0].passage contains a control character (a line break, U+000A) — text is one line of plain text: replace it with a space',
    ]);
    expect(lines(withEdit('data/presence.json', (list) => void (list[0].sources[0].passage = 'A  summary   of the study.')))).toEqual([]);
  });

  it('rejects U+FFFE and U+FFFF, and a lone surrogate: they make the SVG, the PNG and the no-JavaScript picture ill-formed (issue 24)', () => {
    const files = editEvent('kingdom-founded-1951', (e) => void (e.title = { en: 'Independence\uffff', ar: 'الاستقلال\ufffe', ru: 'Независимость\ud800' }));
    expect(messages(files)).toEqual([
      'title.en contains U+FFFF, which is not a character (XML forbids it: the map\'s images would not open) — delete it',
      'title.ar contains U+FFFE, which is not a character (XML forbids it: the map\'s images would not open) — delete it',
      'title.ru contains U+D800, which is not a character (XML forbids it: the map\'s images would not open) — delete it',
    ]);
    // In geo/ and in a story too.
    const places = withEdit('geo/places.geojson', (fc) => void (fc.features[0].properties.name_en = 'Tripoli\uffff'));
    expect(messages(places)).toEqual(["properties.name_en contains U+FFFF, which is not a character (XML forbids it: the map's images would not open) — delete it"]);
  });

  it('rejects HTML in the names of geo/ (the map, the images and the panel show them) (issue 24)', () => {
    const files = withEdit('geo/places.geojson', (fc) => {
      fc.features[0].properties.name_en = '<img src=x onerror=alert(1)>Tripoli';
      fc.features[1].properties.name_ar = 'سبها</text><script>alert(1)</script>';
    });
    expect(lines(files)).toEqual([
      'geo/places.geojson:2 [tripoli] properties.name_en: text must not contain HTML tags; write plain text (found "<img src=x onerror=alert(1)>")',
      'geo/places.geojson:3 [sabha] properties.name_ar: text must not contain HTML tags; write plain text (found "</text>")',
    ]);
  });

  it('keeps invisible characters out of the messages themselves', () => {
    const files = withEdit('data/sources/test-study.json', (doc) => void (doc.language = 'e\u202en'));
    expect(messages(files).join('\n')).not.toMatch(/\u202e/);
    expect(messages(files).join('\n')).toContain('"e\\u202en"');
  });
});

describe('blank and long text', () => {
  it('rejects whitespace-only text', () => {
    const files = editEvent('kingdom-founded-1951', (e) => void (e.title = { en: '   ', ar: '\u00a0\u200b' }));
    expect(messages(files)).toEqual(['title.en is only white space — write the text or remove the field', 'title.ar is only white space — write the text or remove the field']);
  });

  it('states the limits', () => {
    expect(TEXT_LIMITS).toMatchObject({ title: 200, summary: 2000, note: 2000, passage: 2000 });
    expect(DEFAULT_TEXT_LIMIT).toBe(200);
  });

  it('rejects a title over 200 characters and a passage over 2,000, and accepts them at the limit', () => {
    const files = editEvent('kingdom-founded-1951', (e) => {
      e.title = { en: 'T'.repeat(201) };
      e.sources = [{ source: 'test-study', passage: 'p'.repeat(2001), paraphrase: true }];
    });
    expect(messages(files)).toEqual([
      'title.en is 201 characters long; the limit for a title is 200 — shorten it',
      'sources[0].passage is 2,001 characters long; the limit for a passage is 2,000 — shorten it (quote only the sentences that support the record)',
    ]);
    const atLimit = editEvent('kingdom-founded-1951', (e) => {
      e.title = { en: 'T'.repeat(200), ar: 'ع'.repeat(200) };
      e.sources = [{ source: 'test-study', passage: 'p'.repeat(2000), paraphrase: true }];
    });
    expect(lines(atLimit)).toEqual([]);
  });

  it('reports a 1 MB string once, briefly', () => {
    const files = editEvent('kingdom-founded-1951', (e) => void (e.summary = { en: 'x'.repeat(1_000_000) }));
    const [p] = check(files);
    expect(p!.message).toBe('summary.en is 1,000,000 characters long; the limit for a summary is 2,000 — shorten it');
  });
});

describe('years', () => {
  it('rejects years before 1900 and after today in any date', () => {
    const files = withEdit('data/presence.json', (list) => {
      list[0].start = '0000';
      list[0].end = '9999';
    });
    expect(messages(files)).toEqual([
      'start: "0000" is before 1900 — the atlas\'s dates run from 1900 to today; check the year',
      'end: "9999" is after today (2026-11-15) — the atlas records what has happened: write "end": null while it still holds',
    ]);
  });

  it('checks source dates and actor lifespans too', () => {
    const files = withEdit('data/sources/test-study.json', (doc) => void (doc.date = '1899-12'));
    expect(only(files).message).toBe('date: "1899-12" is before 1900 — the atlas\'s dates run from 1900 to today; check the year');
    const actor = withEdit('data/actors.json', (list) => void (byId(list, 'wagner').founded = '2099'));
    // The presence of a Wagner "founded" in 2099 then starts before it: reported too.
    expect(messages(actor)[0]).toBe('founded: "2099" is after today (2026-11-15) — dates after today are not allowed; check the year');
  });
});

describe('file-level faults', () => {
  it('says "remove the byte-order mark", and still checks the rest of the file', () => {
    const files = { ...valid(), 'data/presence.json': `\ufeff${withEdit('data/presence.json', (list) => void (list[0].status = 'rumoured'))['data/presence.json']}` };
    expect(lines(files)).toEqual([
      'data/presence.json:1 starts with a byte-order mark (an invisible U+FEFF character before the first "[" or "{") — remove the byte-order mark: save the file as "UTF-8", not "UTF-8 with BOM"',
      'data/presence.json:9 [wagner-sabha] status is "rumoured"; use one of confirmed, reported, alleged, denied',
    ]);
    expect(lines(files).join('\n')).not.toContain('comma');
  });

  it('names the file and line of JSON nested 20,000 deep, never "internal error"', () => {
    const deep = `[\n  ${'['.repeat(20_000)}${']'.repeat(20_000)}\n]\n`;
    const files = { ...valid(), 'data/events.json': deep };
    const problems = check(files);
    expect(problems.map(formatProblem)).toEqual([
      'data/events.json:2 nests lists or objects more than 64 levels deep (from this line on), so it was not checked further — the atlas\'s files need no more than 6 levels; look for a run of "[" or "{" that does not belong',
    ]);
  });

  it('says a number is too large, not "not null"', () => {
    const text = (valid()['data/events.json'] as string).replace('"russia": true', '"russia": 1e309');
    const problems = messages({ ...valid(), 'data/events.json': text });
    expect(problems).toEqual(['russia: the number 1e309 is too large to store (it would be read as Infinity) — write a smaller number, or text in quotes']);
    expect(problems.join('\n')).not.toContain('null');
  });
});
