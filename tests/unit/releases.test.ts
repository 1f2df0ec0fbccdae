/**
 * Releases and corrections (issue 15): release ids are stable for unchanged data; the validator
 * refuses a silent change to a published record and accepts it with a corrections entry; the
 * deltas the build ships reproduce each release exactly; a page resolves release= to the right
 * records, or to the newest with a note.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentHash,
  contentOf,
  correctionsHash,
  correctionsText,
  historyOf,
  lineHash,
  makeRelease,
  readSnapshot,
  releaseBuild,
  releaseId,
  releaseLine,
  releasesText,
  shippedOf,
  snapshotPath,
  snapshotText,
  type ReleaseContent,
  type ReleaseLine,
} from '../../scripts/lib/releases.ts';
import { readTree } from '../../scripts/validate/disk.ts';
import { REPO_ROOT } from '../../scripts/lib/load-data.ts';
import {
  applyDelta,
  applyListPatch,
  makeDelta,
  makeListPatch,
  parseReleaseParam,
  splitAt,
  touching,
  type Correction,
  type ReleaseStamp,
  type ShippedRelease,
} from '../../src/lib/records/release.ts';
import { resolveRelease, type ReleaseContext } from '../../src/lib/state/release.ts';
import { keptParams } from '../../src/lib/embed/options.ts';
import { fieldLabel, sinceText } from '../../src/lib/words/corrections.ts';
import { registerLanguage, translator } from '../../src/lib/i18n/i18n.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';
import type { FileSet } from '../../scripts/validate/index.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';
import { byId, lines, serialize, valid, withEdit, withoutTranslations, type Json } from './validate-fixture.ts';

const clone = <T>(v: T): T => structuredClone(v);

/** The valid fixture with its first release made on 2026-11-01. */
function released(base: FileSet = valid()): { files: FileSet; id: string } {
  const made = makeRelease(base, { date: '2026-11-01', summary: 'First release' });
  if (typeof made === 'string') throw new Error(made);
  return { files: { ...base, ...made.writes }, id: made.id };
}

const edit = (files: FileSet, file: string, f: (d: Json) => Json | void) => withEdit(file, f, files);
const withLog = (files: FileSet, log: unknown[]): FileSet => ({ ...files, 'data/corrections.json': serialize('data/corrections.json', log) });

describe('release ids', () => {
  it('are the date and a hash of the content, the same for unchanged data however its fields are ordered', () => {
    const files = valid();
    const a = contentOf(files);
    expect(releaseId('2026-12-02', a)).toMatch(/^2026-12-02-[0-9a-f]{6}$/);
    expect(releaseId('2026-12-02', contentOf(valid()))).toBe(releaseId('2026-12-02', a));
    // The same records with their fields in another order, and the file re-indented.
    const reordered = edit(files, 'data/events.json', (list: Json[]) => list.map((r) => Object.fromEntries(Object.entries(r).reverse())));
    expect(contentHash(contentOf(reordered))).toBe(contentHash(a));
  });

  it('change with any change to a record, its order, a source or a translation', () => {
    const files = valid();
    const base = contentHash(contentOf(files));
    const variants = [
      edit(files, 'data/events.json', (l: Json[]) => void (byId(l, 'gaddafi-visit-moscow-1976').date = '1976-12-01')),
      edit(files, 'data/control.json', (l: Json[]) => [l[1], l[0], ...l.slice(2)]),
      edit(files, 'data/sources/test-study.json', (s: Json) => void (s.title = `${s.title} (2nd edition)`)),
      edit(files, 'data/i18n/ar.json', (t: Json) => void (t['wagner-sabha'] = { note: 'ملاحظة' })),
    ];
    for (const v of variants) expect(contentHash(contentOf(v))).not.toBe(base);
  });

  it('the newest release in data/ is what its snapshot holds, and its id says so', () => {
    const files = readTree(REPO_ROOT);
    const history = historyOf(files);
    const newest = history.releases[history.releases.length - 1]!;
    expect(newest.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/);
    const snap = history.snapshots.get(newest.id)!;
    expect(releaseId(newest.date, snap.content)).toBe(newest.id);
  });
});

describe('npm run release', () => {
  it('writes the snapshot, lists the release and stamps the pending corrections; nothing changed, no release', () => {
    const { files, id } = released();
    // The line carries the snapshot's full SHA-256, and starts the chain (issue 24).
    expect(JSON.parse(files['data/releases.json'] as string)).toEqual([
      { id, date: '2026-11-01', summary: 'First release', sha256: contentHash(contentOf(valid())), previous: null, corrections: correctionsHash([]) },
    ]);
    expect(id.endsWith(contentHash(contentOf(valid())).slice(0, 6))).toBe(true);
    expect(typeof files[snapshotPath(id)]).toBe('string');
    expect(JSON.parse(files['data/corrections.json'] as string)).toEqual([]);
    expect(makeRelease(files, { date: '2026-11-02', summary: 'Again' })).toBe(`nothing has changed since release ${id}`);
    expect(lines(files)).toEqual([]);

    const changed = edit(files, 'data/events.json', (l: Json[]) => void (byId(l, 'gaddafi-visit-moscow-1976').date = '1976-12-01'));
    const log = [{ date: '2026-11-10', records: ['gaddafi-visit-moscow-1976'], changes: [{ record: 'gaddafi-visit-moscow-1976', field: 'date', before: '1976-12', after: '1976-12-01' }], reason: { en: 'The study gives the day.' }, source: 'test-study' }];
    const second = makeRelease(withLog(changed, log), { date: '2026-11-12', summary: 'Corrected the date of the 1976 visit' });
    if (typeof second === 'string') throw new Error(second);
    expect(JSON.parse(second.writes['data/corrections.json']!)[0].release).toBe(second.id);
    expect(second.stamped).toBe(1);
    expect(makeRelease(valid(), { date: '2026-11-01', summary: '' })).toMatch(/one-line summary/);
  });
});

describe('the validator and the newest release', () => {
  const VISIT = 'gaddafi-visit-moscow-1976';
  const correction = (over: Partial<Correction> = {}) => ({
    date: '2026-11-10',
    records: [VISIT],
    changes: [{ record: VISIT, field: 'date', before: '1976-12', after: '1976-12-01' }],
    reason: { en: 'The study gives the day.' },
    source: 'test-study',
    ...over,
  });

  it('refuses a silent change, naming the record and the fields', () => {
    const { files, id } = released();
    const changed = edit(files, 'data/events.json', (l: Json[]) => {
      byId(l, VISIT).date = '1976-12-01';
      byId(l, VISIT).summary = { en: 'A state visit of three days.' };
    });
    const out = lines(changed);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^data/events\\.json:\\d+ \\[${VISIT}\\] changed since release ${id} \\("date", "summary"\\) with no entry in data/corrections\\.json`));
    expect(out[0]).toContain('"field": "date", "before": "1976-12", "after": "1976-12-01"');
  });

  it('accepts it with a corrections entry, field by field', () => {
    const { files } = released();
    const changed = edit(files, 'data/events.json', (l: Json[]) => void (byId(l, VISIT).date = '1976-12-01'));
    expect(lines(withLog(changed, [correction()]))).toEqual([]);
  });

  it('says when before or after does not match the release or the record, and when a field is left out', () => {
    const { files, id } = released();
    const changed = edit(files, 'data/events.json', (l: Json[]) => {
      byId(l, VISIT).date = '1976-12-01';
      byId(l, VISIT).summary = { en: 'A state visit of three days.' };
    });
    const wrong = correction({ changes: [{ record: VISIT, field: 'date', before: '1976', after: '1976-12-02' }] });
    const out = lines(withLog(changed, [wrong]));
    expect(out).toContainEqual(expect.stringContaining(`"before" of "date" is "1976", but release ${id} has "1976-12" — write "before": "1976-12"`));
    expect(out).toContainEqual(expect.stringContaining('"after" of "date" is "1976-12-02", but data/events.json now has "1976-12-01"'));
    expect(out).toContainEqual(expect.stringMatching(/\[gaddafi-visit-moscow-1976\] changed since release .* \("summary"\)/));
  });

  it('refuses a removed record without an entry, and accepts its logged removal', () => {
    const { files, id } = released();
    const removed = withoutTranslations(edit(files, 'data/presence.json', () => []), 'wagner-sabha');
    expect(lines(removed)).toEqual([expect.stringMatching(new RegExp(`^data/presence\\.json \\[wagner-sabha\\] was removed since release ${id} with no entry`))]);
    const log = [{ date: '2026-11-10', records: ['wagner-sabha'], changes: [{ record: 'wagner-sabha', removed: true }], reason: { en: 'The study was retracted.' }, source: 'test-study' }];
    expect(lines(withLog(removed, log))).toEqual([]);
  });

  it('needs no entry for a new record, and refuses one', () => {
    const { files, id } = released();
    // A new record carries its Arabic and Russian (the validator requires them of records new since the release).
    const texts = { title: { en: 'Qadhafi visits Moscow again', ar: 'القذافي يزور موسكو مجددا', ru: 'Каддафи снова в Москве' }, summary: { en: 'A second visit.', ar: 'زيارة ثانية.', ru: 'Второй визит.' } };
    const added = edit(files, 'data/events.json', (l: Json[]) => [...l, { ...clone(byId(l, VISIT)), id: 'gaddafi-visit-moscow-1977', date: '1977-01', ...texts }]);
    expect(lines(added)).toEqual([]);
    const log = [correction({ records: ['gaddafi-visit-moscow-1977'], changes: [{ record: 'gaddafi-visit-moscow-1977', field: 'date', before: '1977', after: '1977-01' }] })];
    expect(lines(withLog(added, log))).toEqual([expect.stringContaining(`"gaddafi-visit-moscow-1977" is not a record of release ${id}: it is new since then, and new records need no correction`)]);
  });

  it('checks the log itself: known source, known release, a change for each record listed', () => {
    const { files } = released();
    const changed = edit(files, 'data/events.json', (l: Json[]) => void (byId(l, VISIT).date = '1976-12-01'));
    const out = lines(withLog(changed, [correction({ source: 'test-studdy', release: '2026-10-01-abcdef', records: [VISIT, 'wagner-sabha'] })]));
    expect(out).toContainEqual(expect.stringContaining('source: "test-studdy" is not a known source — there is no data/sources/test-studdy.json; did you mean "test-study"?'));
    expect(out).toContainEqual(expect.stringContaining('release: "2026-10-01-abcdef" is not a release in data/releases.json'));
    expect(out).toContainEqual(expect.stringContaining('lists "wagner-sabha" in "records" but no change to it'));
  });

  it('refuses an edited or missing snapshot', () => {
    const { files, id } = released();
    const path = snapshotPath(id);
    const edited = { ...files, [path]: (files[path] as string).replace('"1976-12"', '"1976-11"') };
    expect(lines(edited)).toEqual([expect.stringMatching(new RegExp(`^data/releases/${id}\\.json does not match release ${id}`))]);
    const missing = { ...files };
    delete missing[path];
    expect(lines(missing)).toEqual([expect.stringContaining(`release ${id} has no snapshot: ${path} is missing`)]);
    expect(lines({ ...files, 'data/releases/2026-10-01-abcdef.json': files[path]! })).toEqual([expect.stringContaining('is not listed in data/releases.json')]);
  });
});

describe('published history that cannot be rewritten (issue 24)', () => {
  const VISIT = 'gaddafi-visit-moscow-1976';
  const make = (files: FileSet, date: string, summary: string): FileSet => {
    const made = makeRelease(files, { date, summary });
    if (typeof made === 'string') throw new Error(made);
    return { ...files, ...made.writes };
  };
  const ids = (files: FileSet): string[] => (JSON.parse(files['data/releases.json'] as string) as { id: string }[]).map((r) => r.id);

  /** Three releases: the fixture; the 1976 visit's date corrected (a correction stamped with it); a new event. */
  function threeReleases(): FileSet {
    let files = make(valid(), '2026-11-01', 'First release');
    files = edit(files, 'data/events.json', (l: Json[]) => void (byId(l, VISIT).date = '1976-12-01'));
    files = withLog(files, [{ date: '2026-11-05', records: [VISIT], changes: [{ record: VISIT, field: 'date', before: '1976-12', after: '1976-12-01' }], reason: { en: 'The study gives the day.' }, source: 'test-study' }]);
    files = make(files, '2026-11-06', 'Corrected the date of the 1976 visit');
    files = edit(files, 'data/events.json', (l: Json[]) => [...l, { ...clone(byId(l, VISIT)), id: 'gaddafi-visit-moscow-1977', date: '1977-01' }]);
    return make(files, '2026-11-10', 'Added the 1977 visit');
  }

  it('three releases with a published correction form a chain the validator accepts', () => {
    const files = threeReleases();
    expect(ids(files)).toHaveLength(3);
    const lines3 = JSON.parse(files['data/releases.json'] as string) as ReleaseLine[];
    expect(lines3[0]!.previous).toBeNull();
    expect(lines3[1]!.previous).toBe(lineHash(lines3[0]!));
    expect(lines3[2]!.previous).toBe(lineHash(lines3[1]!));
    expect(lines(files)).toEqual([]);
  });

  it('a snapshot forged to the six hex digits of its id is refused: the full SHA-256 is checked', () => {
    // Release 1 is a small record with one allegation; release 2 is the fixture.
    const tiny: FileSet = {
      ...valid(),
      'data/actors.json': JSON.stringify([{ id: 'russia', name: { en: 'Russia' }, kind: 'foreign-state' }]),
      'data/control.json': '[]',
      'data/presence.json': '[]',
      'data/events.json': JSON.stringify([{ id: 'claim-2020', date: '2020', places: ['tripoli'], category: 'military', title: { en: 'A claim' }, summary: { en: 'Someone claims it.' }, actors: ['russia'], russia: true, status: 'alleged', claimedBy: 'russia', noResponse: true, sources: [{ source: 's1', passage: 'p' }] }]),
      'data/sources/s1.json': JSON.stringify({ id: 's1', publisher: 'P', title: 'T', date: '2020', language: 'en', kind: 'news' }),
    };
    for (const f of Object.keys(tiny)) if (/^data\/(sources\/(?!s1)|i18n\/)/.test(f)) delete tiny[f];
    const first = make(tiny, '2026-11-01', 'A small record');
    const [id1] = ids(first);
    const files = make({ ...valid(), 'data/releases.json': first['data/releases.json']!, [snapshotPath(id1!)]: first[snapshotPath(id1!)]!, 'data/corrections.json': first['data/corrections.json']! }, '2026-11-02', 'The fixture');
    expect(lines(files)).toEqual([]);
    // The allegation made "confirmed", and a nonce key that gives the same six hex digits (found by
    // trying 20.7 million values on one core: 24 bits are no protection).
    const snap = readSnapshot(files[snapshotPath(id1!)] as string);
    const forged = clone(snap.content) as Json;
    forged.events[0].status = 'confirmed';
    forged.sources[0].zz = 20740593;
    expect(contentHash(forged).slice(0, 6)).toBe(id1!.slice(-6));
    const tampered = { ...files, [snapshotPath(id1!)]: snapshotText(id1!, '2026-11-01', forged) };
    expect(lines(tampered)).toEqual([expect.stringMatching(new RegExp(`^data/releases/${id1}\\.json does not match release ${id1}: its content hashes to ${contentHash(forged).slice(0, 16)}…, but data/releases\\.json records [0-9a-f]{16}…`))]);
  });

  it('refuses a published correction edited or removed', () => {
    const files = threeReleases();
    const log = JSON.parse(files['data/corrections.json'] as string) as Json[];
    const edited = withLog(files, [{ ...log[0], reason: { en: 'Another reason.' } }]);
    const message = new RegExp(`^data/corrections\\.json:1 the corrections published up to release ${ids(files)[1]} are not as they stood when it was made`);
    expect(lines(edited)).toEqual([expect.stringMatching(message)]);
    expect(lines(withLog(files, []))).toEqual([expect.stringMatching(message)]);
    // A new, pending correction at the end changes nothing published.
    const later = edit(files, 'data/events.json', (l: Json[]) => void (byId(l, VISIT).summary = { en: 'A state visit of three days.' }));
    const pending = { date: '2026-11-12', records: [VISIT], changes: [{ record: VISIT, field: 'summary', before: byId(JSON.parse(files['data/events.json'] as string), VISIT).summary, after: { en: 'A state visit of three days.' } }], reason: { en: 'Why.' }, source: 'test-study' };
    expect(lines(withLog(later, [...log, pending]))).toEqual([]);
  });

  it('refuses releases reordered, a release removed with its snapshot (first or between), and an earlier line edited', () => {
    const files = threeReleases();
    const [a, b, c] = ids(files) as [string, string, string];
    const rows = JSON.parse(files['data/releases.json'] as string) as ReleaseLine[];
    const withRows = (list: ReleaseLine[], drop?: string): FileSet => {
      const out: FileSet = { ...files, 'data/releases.json': releasesText(list) };
      if (drop) delete out[snapshotPath(drop)];
      return out;
    };
    expect(lines(withRows([rows[0]!, rows[2]!, rows[1]!]))).toContainEqual(expect.stringContaining(`[${c}] release ${c} does not follow the line above it`.slice(`[${c}] `.length)));
    expect(lines(withRows([rows[0]!, rows[2]!], b))).toContainEqual(expect.stringContaining(`release ${c} does not follow the line above it: its "previous" is ${rows[2]!.previous!.slice(0, 16)}…, but the line of release ${a} hashes to`));
    expect(lines(withRows([rows[1]!, rows[2]!], a))).toContainEqual(expect.stringContaining(`release ${b} is listed first, but its "previous" names a release before it`));
    expect(lines(withRows([{ ...rows[0]!, summary: 'First release, said otherwise' }, rows[1]!, rows[2]!]))).toEqual([expect.stringContaining(`release ${b} does not follow the line above it`)]);
  });

  it('refuses a changed or removed Arabic or Russian text of a published record without a correction; a new one needs none', () => {
    const files = make(valid(), '2026-11-01', 'First release');
    const changed = edit(files, 'data/i18n/ar.json', (t: Json) => void (t['kingdom-founded-1951'].title = 'استقلال ليبيا'));
    const out = lines(changed);
    expect(out).toEqual([expect.stringMatching(/^data\/i18n\/ar\.json:2 \[kingdom-founded-1951\] Arabic text changed or removed since release \S+ \("title\.ar"\) with no entry in data\/corrections\.json/)]);
    expect(out[0]).toContain('{ "record": "kingdom-founded-1951", "field": "title.ar", "before": "الاستقلال", "after": "استقلال ليبيا" }');
    const log = [{ date: '2026-11-10', records: ['kingdom-founded-1951'], changes: [{ record: 'kingdom-founded-1951', field: 'title.ar', before: 'الاستقلال', after: 'استقلال ليبيا' }], reason: { en: 'A closer translation.' }, source: 'test-study' }];
    expect(lines(withLog(changed, log))).toEqual([]);
    const removed = edit(files, 'data/i18n/ar.json', (t: Json) => void delete t['tripoli-kingdom']);
    expect(lines(removed)).toEqual([expect.stringMatching(/\[tripoli-kingdom\] Arabic text changed or removed since release \S+ \("note\.ar"\)/)]);
    const added = edit(files, 'data/i18n/ar.json', (t: Json) => void (t['tobruk-kingdom'] = { note: 'من الاستقلال.' }));
    expect(lines(added)).toEqual([]);
  });

  it('refuses a snapshot holding an id that is not an id, even with its hashes in order', () => {
    // An actor id with markup, released (npm run release validates first; this one did not).
    const bad = edit(valid(), 'data/actors.json', (l: Json[]) => void l.push({ id: 'x"><svg onload=alert(1)>', name: { en: 'X' }, kind: 'other' }));
    const first = make(bad, '2026-11-01', 'Released without the validator');
    const [id1] = ids(first);
    const files = make({ ...valid(), 'data/releases.json': first['data/releases.json']!, [snapshotPath(id1!)]: first[snapshotPath(id1!)]!, 'data/corrections.json': first['data/corrections.json']! }, '2026-11-02', 'The fixture');
    expect(lines(files)).toEqual([`data/releases/${id1}.json holds a value that is not an id (actors[${JSON.parse(bad['data/actors.json'] as string).length - 1}].id "x\\"><svg onload=alert(1)>"): ids are lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04" — a snapshot is never edited; restore it from git`]);
  });
});

/** An older state of the record: Tripoli taken by the NTC in September 2011, and one record fewer. */
function older(content: ReleaseContent): ReleaseContent {
  const c = clone(content);
  const jam = c.control.find((r) => r.id === 'tripoli-jamahiriya-1977')!;
  const ntc = c.control.find((r) => r.id === 'tripoli-ntc-2011')!;
  jam.end = '2011-09';
  ntc.start = '2011-09';
  c.events = c.events.slice(0, -1);
  const src = c.sources[0]!;
  c.sources[0] = { ...src, title: `${src.title} (first version)` };
  c.i18n.ar = { ...c.i18n.ar, 'tripoli-ntc-2011': { note: 'نص أقدم' } };
  return c;
}

describe('deltas', () => {
  it('list patches keep unchanged runs as ranges and reproduce the list exactly', () => {
    const a = { id: 'a' };
    const b = { id: 'b', v: 1 };
    const b2 = { id: 'b', v: 2 };
    const c = { id: 'c' };
    const d = { id: 'd' };
    expect(makeListPatch([a, b2, c], [a, b, c, d])).toEqual([[0, 1], b2, [2, 3]]);
    for (const [old, newest] of [
      [[a, b2, c], [a, b, c, d]],
      [[c, b, a], [a, b, c]],
      [[], [a]],
      [[a, b, c, d], []],
    ] as const) {
      expect(JSON.stringify(applyListPatch(makeListPatch(old, newest), newest))).toBe(JSON.stringify(old));
    }
    expect(() => applyListPatch([[0, 5]], [a])).toThrow(/does not fit/);
  });

  it('reproduce an older release exactly from the newest, records, citations, sources and translations', () => {
    const newest = contentOf(readTree(REPO_ROOT));
    const old = older(newest);
    const back = applyDelta(makeDelta(shippedOf(old), shippedOf(newest)), shippedOf(newest));
    const want = shippedOf(old);
    for (const k of ['actors', 'control', 'presence', 'events'] as const) expect(JSON.stringify(back[k])).toBe(JSON.stringify(want[k]));
    expect(back.citations).toEqual(want.citations);
    expect(back.sources).toEqual(want.sources);
    expect(back.i18n).toEqual(want.i18n);
  });

  it('the build ships every release but the newest, each reproducing its snapshot exactly, and small', () => {
    const files = readTree(REPO_ROOT);
    const history = historyOf(files);
    const newest = history.releases[history.releases.length - 1]!;
    const current = contentOf(files);
    const old = older(current);
    const oldId = releaseId('2026-11-20', old);
    const log: Correction[] = [
      {
        date: '2026-11-25',
        records: ['tripoli-jamahiriya-1977', 'tripoli-ntc-2011'],
        changes: [
          { record: 'tripoli-jamahiriya-1977', field: 'end', before: '2011-09', after: '2011-08-21' },
          { record: 'tripoli-ntc-2011', field: 'start', before: '2011-09', after: '2011-08-21' },
        ],
        reason: { en: 'Rebels entered Tripoli on 21 August 2011.' },
        source: current.sources[1]!.id,
        release: newest.id,
      },
    ];
    const withHistory: FileSet = {
      ...files,
      'data/releases.json': releasesText([releaseLine({ id: oldId, date: '2026-11-20', summary: 'Older' }, old, [], []), ...history.releases]),
      [snapshotPath(oldId)]: snapshotText(oldId, '2026-11-20', old),
      'data/corrections.json': correctionsText(log),
    };
    const build = releaseBuild(withHistory);
    expect(build.stamp.current).toBe(contentHash(historyOf(withHistory).snapshots.get(newest.id)!.content) === contentHash(current) ? newest.id : null);
    const shippedFiles = [...build.files.keys()];
    expect(shippedFiles).toContain(`releases/${build.stamp.base}/${oldId}.json`);
    const shipped = JSON.parse(build.files.get(`releases/${build.stamp.base}/${oldId}.json`)!) as ShippedRelease;
    const back = applyDelta(shipped.delta, shippedOf(current));
    const want = shippedOf(old);
    for (const k of ['actors', 'control', 'presence', 'events'] as const) expect(JSON.stringify(back[k])).toBe(JSON.stringify(want[k]));
    expect(back.citations).toEqual(want.citations);
    expect(back.sources).toEqual(want.sources);
    expect(back.i18n).toEqual(want.i18n);
    // The corrections since, with what a reader needs: the places and the prompting source.
    expect(shipped.since).toHaveLength(1);
    expect(shipped.since[0]!.places).toEqual(['tripoli']);
    expect(shipped.since[0]!.docs[log[0]!.source]!.title).toBe(current.sources[1]!.title);
    expect(shipped.corrected).toEqual({});
    expect(build.corrected).toEqual({ 'tripoli-jamahiriya-1977': '2026-11-25', 'tripoli-ntc-2011': '2026-11-25' });
    // A pinned view fetches this one file: a few kilobytes, not the record.
    expect(build.files.get(`releases/${build.stamp.base}/${oldId}.json`)!.length).toBeLessThan(20_000);
  });

  it('splits the log at a release, and finds the corrections touching a view', () => {
    const releases = [
      { id: '2026-11-01-aaaaaa', date: '2026-11-01', summary: '' },
      { id: '2026-11-10-bbbbbb', date: '2026-11-10', summary: '' },
    ];
    const c = (date: string, records: string[], release?: string): Correction => ({ date, records, changes: [], reason: { en: 'x' }, source: 's', ...(release ? { release } : {}) });
    const log = [c('2026-11-05', ['a'], '2026-11-10-bbbbbb'), c('2026-11-12', ['b']), c('2026-10-20', ['c'], '2026-11-01-aaaaaa')];
    expect(splitAt(releases, log, '2026-11-01-aaaaaa')).toEqual({ upTo: [log[2]], since: [log[0], log[1]] });
    expect(splitAt(releases, log, '2026-11-10-bbbbbb').since).toEqual([log[1]]);
    expect(touching(log, new Set(['a', 'b']))).toEqual([log[1], log[0]]);
  });
});

describe('release= in a page', () => {
  const current = contentOf(readTree(REPO_ROOT));
  const data = { ...shippedOf(current), regions: { features: [] }, zones: { features: [] }, places: { features: [] }, counterparts: { features: [] } } as unknown as AtlasData;
  const stamp: ReleaseStamp = { current: '2026-12-02-aaaaaa', newest: { id: '2026-12-02-aaaaaa', date: '2026-12-02', summary: 'Newest' }, base: 'b'.repeat(12) };
  const oldId = '2026-11-20-cccccc';
  const oldShipped = shippedOf(older(current));
  const file: ShippedRelease = {
    format: 1,
    release: { id: oldId, date: '2026-11-20', summary: 'Older' },
    base: stamp.base,
    dataAsOf: '2025-10-31',
    delta: makeDelta(oldShipped, shippedOf(current)),
    corrected: {},
    since: [],
  };
  const fetched: string[] = [];
  const ctx = (respond: (path: string) => Response | Promise<Response>): ReleaseContext => ({
    stamp,
    data,
    dataAsOf: '2025-11-01',
    citations: async () => ({ default: { citations: shippedOf(current).citations, sources: Object.values(shippedOf(current).sources) } }),
    fetchFile: async (path) => {
      fetched.push(path);
      return respond(path);
    },
  });
  const json = (v: unknown, status = 200) => new Response(JSON.stringify(v), { status });

  it('reads release= as an id, latest, or malformed', () => {
    expect(parseReleaseParam(null)).toEqual({ kind: 'none' });
    expect(parseReleaseParam('latest')).toEqual({ kind: 'latest' });
    expect(parseReleaseParam('2026-12-02-a1b2c3')).toEqual({ kind: 'id', id: '2026-12-02-a1b2c3' });
    for (const bad of ['', 'LATEST', '2026-12-02-A1B2C3', '2026-12-02-a1b2c3/../x', '<script>alert(1)</script>', '2026-12-02']) expect(parseReleaseParam(bad)).toEqual({ kind: 'malformed' });
  });

  it('no release=, latest, or the first view\'s own id: the first view\'s records, nothing fetched', async () => {
    fetched.length = 0;
    for (const q of ['?date=2011-08', '?release=latest', `?release=${stamp.current}`]) {
      const r = await resolveRelease(q, ctx(() => json(file)));
      expect(r).toMatchObject({ id: stamp.current, pinned: false, note: null });
      expect(r.data).toBe(data);
    }
    expect(fetched).toEqual([]);
  });

  it('an older release: fetches its one file and shows its records, citations and sources', async () => {
    fetched.length = 0;
    const r = await resolveRelease(`?date=2011-08&release=${oldId}`, ctx(() => json(file)));
    expect(fetched).toEqual([`releases/${stamp.base}/${oldId}.json`]);
    expect(r).toMatchObject({ id: oldId, pinned: true, note: null, dataAsOf: '2025-10-31' });
    expect(r.data.control.find((c) => c.id === 'tripoli-ntc-2011')!.start).toBe('2011-09');
    expect(r.data.events).toHaveLength(current.events.length - 1);
    const chunk = (await r.citations())!.default;
    expect(chunk.sources.find((s) => s.id === current.sources[0]!.id)!.title).toMatch(/\(first version\)$/);
  });

  it('a malformed, hostile, unknown or damaged release=: the newest, with a note', async () => {
    fetched.length = 0;
    expect((await resolveRelease('?release=%3Cscript%3Ealert(1)%3C%2Fscript%3E', ctx(() => json(file)))).note).toBe('malformed');
    expect((await resolveRelease(`?release=${'9'.repeat(500)}`, ctx(() => json(file)))).note).toBe('malformed');
    expect(fetched).toEqual([]);
    expect((await resolveRelease(`?release=${oldId}`, ctx(() => new Response('not found', { status: 404 })))).note).toBe('unknown');
    expect((await resolveRelease(`?release=${oldId}`, ctx(() => new Response('<!doctype html><p>home</p>')))).note).toBe('unknown');
    expect((await resolveRelease(`?release=${oldId}`, ctx(() => json({ ...file, base: 'c'.repeat(12) })))).note).toBe('unknown');
    expect((await resolveRelease(`?release=${oldId}`, ctx(() => Promise.reject(new TypeError('Failed to fetch'))))).note).toBe('failed');
    const damaged = { ...file, delta: { ...file.delta, control: [[0, 99_999]] } };
    const r = await resolveRelease(`?release=${oldId}`, ctx(() => json(damaged)));
    expect(r).toMatchObject({ note: 'failed', pinned: false, id: stamp.current });
    expect(r.data).toBe(data);
  });

  it('a release file that never answers, or whose body never ends: the newest after the timeout, with a note saying it did not arrive (issue 24)', async () => {
    const never = () => new Promise<Response>(() => {});
    const started = Date.now();
    const r = await resolveRelease(`?release=${oldId}`, { ...ctx(never), timeout: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).toMatchObject({ note: 'late', pinned: false, id: stamp.current });
    // Headers arrive, the body never does.
    const stalled = () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"format":1,')) }));
    expect((await resolveRelease(`?release=${oldId}`, { ...ctx(stalled), timeout: 200 })).note).toBe('late');
  });

  it('the embed keeps release= through every rewrite of its URL, and drops a hostile one', () => {
    expect(keptParams('?date=2011-08&release=2026-12-02-a1b2c3&title=A')).toBe('&title=A&release=2026-12-02-a1b2c3');
    expect(keptParams('?release=latest')).toBe('&release=latest');
    expect(keptParams('?release=%3Cscript%3E')).toBe('');
  });
});

describe('"N corrections since" in each language', () => {
  it('uses the plural forms of English, Arabic and Russian', () => {
    registerLanguage('ar', ar, new Map());
    registerLanguage('ru', ru, new Map());
    expect(sinceText(translator('en'), 1)).toBe('1 correction since');
    expect(sinceText(translator('en'), 2)).toBe('2 corrections since');
    expect(sinceText(translator('ru'), 1)).toBe('1 исправление с тех пор');
    expect(sinceText(translator('ru'), 3)).toBe('3 исправления с тех пор');
    expect(sinceText(translator('ru'), 5)).toBe('5 исправлений с тех пор');
    expect(sinceText(translator('ar'), 2)).toBe('2 تصحيحان منذ ذلك الحين');
    expect(sinceText(translator('ar'), 11)).toBe('11 تصحيحًا منذ ذلك الحين');
  });
});

describe('a correction of a translation, for a reader', () => {
  it('names the field and the language', () => {
    registerLanguage('ar', ar, new Map());
    registerLanguage('ru', ru, new Map());
    expect(fieldLabel(translator('en'), 'title.ar')).toBe('title (Arabic)');
    expect(fieldLabel(translator('ru'), 'note.ru')).toBe('примечание (на русском)');
    expect(fieldLabel(translator('en'), 'start')).toBe('start');
  });
});

describe('the committed log', () => {
  it('is a list, and every correction in it is stamped with a listed release or pending', () => {
    const log = JSON.parse(readFileSync(join(REPO_ROOT, 'data/corrections.json'), 'utf8')) as Correction[];
    const ids = new Set((JSON.parse(readFileSync(join(REPO_ROOT, 'data/releases.json'), 'utf8')) as { id: string }[]).map((r) => r.id));
    expect(Array.isArray(log)).toBe(true);
    for (const c of log) if (c.release) expect(ids.has(c.release)).toBe(true);
  });
});
