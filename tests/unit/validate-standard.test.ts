/**
 * The sourcing standard of issue 9, one broken variant of the valid fixture per rule: lifespans,
 * dates after today, year-only events, source kinds, aligned sources, the status scale and
 * placeholder titles. Assertions are on the words an editor reads.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../scripts/validate/index.ts';
import { byId, check, lines, messages, only, valid, withEdit, withoutTranslations, type Json } from './validate-fixture.ts';

/** The valid set with several files edited in turn. */
function edits(...changes: [file: string, edit: (data: Json) => Json | void][]) {
  return changes.reduce((files, [file, edit]) => withEdit(file, edit, files), valid());
}

const lifespan = (id: string, founded?: string, ended?: string): [string, (list: Json[]) => void] => [
  'data/actors.json',
  (list) => {
    const actor = byId(list, id);
    if (founded) actor.founded = founded;
    if (ended) actor.ended = ended;
  },
];

describe('actors have lifespans', () => {
  it('rejects a control period that starts before its actor was founded', () => {
    const files = edits(lifespan('lna', '2014-03'), [
      'data/control.json',
      (list) => {
        byId(list, 'benghazi-lna').start = '2013';
        byId(list, 'benghazi-kingdom').end = '2013';
        byId(list, 'benghazi-gna').start = '2013';
      },
    ]);
    expect(lines(files)).toEqual([
      'data/control.json:201 [benghazi-lna] actor "lna" did not exist yet when this period starts (2013): data/actors.json says it was founded 2014-03 — start the period in 2014-03 or later, name who held that role before, or correct the actor\'s "founded"',
      'data/control.json:222 [benghazi-gna] contestedBy[0] "lna" did not exist yet when this period starts (2013): data/actors.json says it was founded 2014-03 — start the period in 2014-03 or later, name who held that role before, or correct the actor\'s "founded"',
    ]);
  });

  it('compares at the coarser precision: a period from "2014" is not before an actor founded "2014-05"', () => {
    expect(lines(edits(lifespan('lna', '2014-05')))).toEqual([]);
  });

  it('rejects contestedBy naming an actor not yet founded', () => {
    const files = edits(lifespan('gna', '2015-12-17', undefined));
    // benghazi-lna is contested by the GNA from 2014; benghazi-gna is the GNA's own period from 2014.
    expect(messages(files)).toEqual([
      expect.stringMatching(/^contestedBy\[0\] "gna" did not exist yet when this period starts \(2014\): data\/actors\.json says it was founded 2015-12-17/),
      expect.stringMatching(/^actor "gna" did not exist yet when this period starts \(2014\)/),
    ]);
  });

  it('rejects a period still open after its actor ended', () => {
    const files = edits(lifespan('lna', undefined, '2020'));
    expect(only(files).message).toBe(
      'actor "lna" no longer existed when this period is still open ("end": null): data/actors.json says it ended 2020 — end the period by 2020 and name the successor for the rest, or correct the actor\'s "ended"',
    );
  });

  it('accepts a period that ends within the unit the actor ended in', () => {
    const files = edits(lifespan('gna', undefined, '2017'), [
      'data/control.json',
      (list) => {
        byId(list, 'benghazi-gna').end = '2017-07';
        delete byId(list, 'benghazi-lna').contestedBy; // the GNA contests it to this day
      },
    ]);
    expect(lines(files)).toEqual([]);
  });

  it('rejects a presence outside its actor\'s lifespan', () => {
    const files = edits(lifespan('wagner', '2020'));
    expect(only(files)).toMatchObject({ file: 'data/presence.json', id: 'wagner-sabha', message: expect.stringMatching(/^actor "wagner" did not exist yet when this presence starts \(2019\)/) });
  });

  it('rejects an event naming an actor that no longer existed', () => {
    const files = edits(lifespan('ussr', undefined, '1991-12-26'), ['data/events.json', (list) => void (byId(list, 'gaddafi-visit-moscow-1976').date = '1992-04')]);
    expect(only(files).message).toBe(
      'actors[0] "ussr" did not exist on 1992-04: data/actors.json says it was ended 1991-12-26 — name who acted then, correct the date, or correct the actor\'s "ended"',
    );
  });

  it('rejects an event whose claimant (an actor) did not exist yet', () => {
    const files = edits(lifespan('the-sun', '2019'));
    expect(messages(files)).toEqual([
      expect.stringMatching(/^actors\[0\] "the-sun" did not exist on 2018-10/),
      expect.stringMatching(/^claimedBy "the-sun" did not exist on 2018-10: data\/actors\.json says it was founded 2019/),
    ]);
  });

  it('a presence\'s claimant need only have existed at some time during it (the claim was made then)', () => {
    const alleged = (claimedBy: string): [string, (list: Json[]) => void] => [
      'data/presence.json',
      (list) => void Object.assign(byId(list, 'wagner-sabha'), { status: 'alleged', claimedBy, noResponse: true }),
    ];
    // The claimant made its claim while it existed; the presence (from 2019, still open) goes on after it ended.
    expect(lines(edits(lifespan('the-sun', '2018', '2021'), alleged('the-sun')))).toEqual([]);
    const never = lines(edits(lifespan('the-sun', undefined, '2018'), alleged('the-sun')));
    expect(never).toHaveLength(1);
    expect(never[0]).toMatch(/claimedBy "the-sun" did not exist at any time during this presence/);
  });

  it('rejects an actor that ends before it is founded', () => {
    const files = edits(lifespan('wagner', '2014', '2014'));
    expect(only(files).message).toBe('ended "2014" must come after founded "2014" — ended is exclusive: the first day, month or year in which it no longer existed');
  });
});

describe('dates', () => {
  it('rejects a date after today, in records and sources', () => {
    const files = edits(
      ['data/events.json', (list) => void (byId(list, 'embassy-denial-2018-10').date = '2026-11-16')],
      ['data/sources/test-study.json', (doc) => void (doc.date = '2027')],
    );
    expect(lines(files)).toEqual([
      'data/events.json:58 [embassy-denial-2018-10] date: "2026-11-16" is after today (2026-11-15) — dates after today are not allowed; check the year',
      'data/sources/test-study.json:5 [test-study] date: "2027" is after today (2026-11-15) — dates after today are not allowed; check the year',
    ]);
  });

  it('rejects an end after today, and says to write null', () => {
    const files = withEdit('data/control.json', (list) => void (byId(list, 'tobruk-unknown').end = '2026-12'));
    expect(only(files).message).toBe('end: "2026-12" is after today (2026-11-15) — the atlas records what has happened: write "end": null while it still holds');
  });

  it('accepts today and the current month', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'embassy-denial-2018-10').date = '2026-11-15';
      byId(list, 'sun-missiles-2018-10').date = '2026-11';
    });
    expect(lines(files)).toEqual([]);
  });

  it('requires a note on an event known only to the year', () => {
    const files = withEdit('data/events.json', (list) => void (byId(list, 'gaddafi-visit-moscow-1976').date = '1976'));
    expect(formatProblem(only(files))).toBe(
      'data/events.json:4 [gaddafi-visit-moscow-1976] date "1976" is known only to the year — write the month or the day if a source gives it; otherwise add a "note" saying why, e.g. "note": { "en": "The sources give only the year." }',
    );
    const noted = withEdit('data/events.json', (list) => {
      byId(list, 'gaddafi-visit-moscow-1976').date = '1976';
      byId(list, 'gaddafi-visit-moscow-1976').note = { en: 'The study gives only the year.' };
    });
    expect(lines(noted)).toEqual([]);
  });
});

describe('source kinds', () => {
  const kind = (k: string): [string, (doc: Json) => void] => ['data/sources/test-study.json', (doc) => void (doc.kind = k)];

  it('rejects a control period resting only on a wiki, and a "confirmed" event resting only on one', () => {
    const problems = check(edits(kind('wiki')));
    // 19 control periods and the two confirmed events cite only test-study.
    expect(problems.filter((p) => p.file === 'data/control.json')).toHaveLength(19);
    expect(problems.find((p) => p.id === 'tripolitania-british')?.message).toBe(
      'this control period rests only on wiki or aggregator sources (test-study: wiki) — add a source of another kind (news, wire, official, study, book…) that reports who held the place',
    );
    expect(problems.filter((p) => p.file === 'data/events.json').map((p) => `${p.id} ${p.message}`)).toEqual([
      'gaddafi-visit-moscow-1976 status "confirmed" rests only on wiki or aggregator sources (test-study: wiki) — add a source of another kind (news, wire, official, study, book…), or lower the status to "reported"',
      'kingdom-founded-1951 status "confirmed" rests only on wiki or aggregator sources (test-study: wiki) — add a source of another kind (news, wire, official, study, book…), or lower the status to "reported"',
    ]);
    expect(problems).toHaveLength(21);
  });

  it('accepts an aggregator beside a source of another kind', () => {
    const files = edits(kind('aggregator'), [
      'data/events.json',
      (list) => void byId(list, 'kingdom-founded-1951').sources.push({ source: 'seed-history', passage: 'A summary.', paraphrase: true }),
    ]);
    expect(check(files).filter((p) => p.id === 'kingdom-founded-1951')).toEqual([]);
  });

  it('requires a kind', () => {
    const files = withEdit('data/sources/test-study.json', (doc) => void delete doc.kind);
    expect(only(files).message).toMatch(/^missing field "kind" — add it \(one of news, wire, encyclopedia, wiki, aggregator, analysis, official, study, book\)/);
  });
});

describe('sources aligned with a party', () => {
  const aligned = (party: string): [string, (doc: Json) => void] => ['data/sources/test-study.json', (doc) => void (doc.aligned = party)];

  it('support only "alleged": a "reported" presence resting on them is rejected', () => {
    const problems = check(edits(aligned('wagner')));
    expect(problems.find((p) => p.id === 'wagner-sabha')?.message).toBe(
      'status "reported" rests only on sources aligned with a party (test-study: aligned with wagner) — a party\'s own media supports only its claim: downgrade to "status": "alleged" with "claimedBy": "wagner", or add an independent source',
    );
    // The two confirmed events too; the denial ("denied") and control periods (no status) are not affected.
    expect(problems.map((p) => p.id)).toEqual(['gaddafi-visit-moscow-1976', 'kingdom-founded-1951', 'wagner-sabha']);
  });

  it('must name a known actor', () => {
    expect(check(edits(aligned('wagnr'))).find((p) => p.file.startsWith('data/sources/'))?.message).toMatch(/^aligned: "wagnr" is not a known actor id — did you mean "wagner"\?/);
  });
});

describe('the status scale', () => {
  it('requires a response, or "noResponse": true, for an allegation', () => {
    const files = withoutTranslations(withEdit('data/events.json', (list: Json[]) => list.filter((e) => e.id !== 'embassy-denial-2018-10')), 'embassy-denial-2018-10');
    expect(formatProblem(only(files))).toBe(
      'data/events.json:47 [sun-missiles-2018-10] status "alleged" needs a response: no event in data/events.json has "responds": "sun-missiles-2018-10" — add the denial or reply as an event with "responds": "sun-missiles-2018-10", or write "noResponse": true if a search found none',
    );
    const searched = withoutTranslations(
      withEdit('data/events.json', (list: Json[]) => {
        byId(list, 'sun-missiles-2018-10').noResponse = true;
        return list.filter((e) => e.id !== 'embassy-denial-2018-10');
      }),
      'embassy-denial-2018-10',
    );
    expect(lines(searched)).toEqual([]);
  });

  it('rejects "noResponse" on an allegation that has a response, and on other statuses', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'sun-missiles-2018-10').noResponse = true;
      byId(list, 'kingdom-founded-1951').noResponse = true;
    });
    expect(messages(files)).toEqual([
      '"noResponse": true, but event "embassy-denial-2018-10" responds to it — remove "noResponse"',
      '"noResponse" is only for allegations (status "alleged"), and this record is "confirmed" — remove "noResponse"',
    ]);
  });

  it('requires "responds" on a denial', () => {
    const files = withEdit('data/events.json', (list) => {
      delete byId(list, 'embassy-denial-2018-10').responds;
      byId(list, 'sun-missiles-2018-10').noResponse = true;
    });
    expect(only(files).message).toBe('status "denied" needs "responds": the id of the event or presence whose claim it denies');
  });

  it('applies the same rule to presences: claimant and response', () => {
    const files = withEdit('data/presence.json', (list) => void (list[0].status = 'alleged'));
    expect(messages(files)).toEqual([
      'status "alleged" needs "claimedBy": the actor id (or source id) of whoever made the claim',
      'status "alleged" needs a response: no event in data/events.json has "responds": "wagner-sabha" — add the denial or reply as an event with "responds": "wagner-sabha", or write "noResponse": true if a search found none',
    ]);
  });

  it('accepts an alleged presence answered by an event', () => {
    const files = edits(
      ['data/presence.json', (list) => void Object.assign(list[0], { status: 'alleged', claimedBy: 'the-sun' })],
      ['data/events.json', (list) => void (byId(list, 'embassy-denial-2018-10').responds = 'wagner-sabha')],
      ['data/events.json', (list) => void (byId(list, 'sun-missiles-2018-10').noResponse = true)],
    );
    expect(lines(files)).toEqual([]);
  });
});

describe('placeholder titles', () => {
  it('rejects a source title that was never captured', () => {
    const files = withEdit('data/sources/test-study.json', (doc) => void (doc.title = 'Report on a visit to Moscow (headline not captured)'));
    expect(formatProblem(only(files))).toBe(
      'data/sources/test-study.json:4 [test-study] title "Report on a visit to Moscow (headline not captured)" is not a real title (it contains the placeholder "(headline not captured)") — write the document\'s title as published (look it up at the source\'s address or in an archive)',
    );
  });

  it.each([
    ['Untitled', 'Untitled'],
    ['TODO: title', 'TODO'],
    ['Visit (TBD)', 'TBD'],
    ['[title]', '[title]'],
    ['Lorem ipsum dolor', 'Lorem ipsum'],
    ['…', '…'],
  ])('rejects the event title %j', (title, found) => {
    const files = withEdit('data/events.json', (list) => void (byId(list, 'kingdom-founded-1951').title = { en: 'Independence', ru: title }));
    expect(only(files).message).toBe(`title.ru ${JSON.stringify(title)} is not a real title (it contains the placeholder ${JSON.stringify(found)}) — write the event's title`);
  });

  it('accepts real titles that contain such words in other senses', () => {
    const files = withEdit('data/events.json', (list) => {
      byId(list, 'kingdom-founded-1951').title = { en: "Haftar's forces say they have captured Derna" };
      byId(list, 'gaddafi-visit-moscow-1976').title = { en: 'Todo sobre Libia' };
    });
    expect(lines(files)).toEqual([]);
  });
});
