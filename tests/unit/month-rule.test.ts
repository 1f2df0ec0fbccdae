/**
 * The month rule has one home, records/view.ts (with time/ beneath it): a scan of src/ finds no
 * other module comparing a record's dates with a month, and what the others show — the record
 * list's and the slider's months, the decades of the panel, the comparison's arrivals, departures,
 * changes of holder and events, the panel's "later" flag and "last reported" — is checked on a few
 * hundred seeded generated records against the rule itself (overlapsMonth, month by month), and in
 * tests/fixtures/month-rule (the months of each record, for a person to read; `REGEN=1` rewrites it).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from './fixture-cases.ts';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { compareMonths } from '../../src/lib/records/compare.ts';
import { recordEntries } from '../../src/lib/records/recordList.ts';
import { eventMarks, groupPanelEvents } from '../../src/lib/records/timeline.ts';
import { STALE_MONTHS, lastReportedAt, panelAt, viewAt } from '../../src/lib/records/view.ts';
import { changesBetween, holdingKey } from '../../src/lib/records/changes.ts';
import { daysInMonth, monthIndex, parsePartialDate, yearOf } from '../../src/lib/time/dates.ts';
import { overlapsMonth, spanOf } from '../../src/lib/time/interval.ts';
import { monthKey, parseMonthKey } from '../../src/lib/time/months.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

// ---------------------------------------------------------------------------------------------
// The scan

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the rule lives. */
const HOME = /^src\/lib\/(records\/view\.ts|time\/)/;

/** The ways a module has compared a record's dates with a month, each on one line. */
const LEAKS: { what: string; re: RegExp }[] = [
  { what: "reads a record's interval", re: /\bspan\.(start|end)\b/ },
  { what: 'applies the rule of time/interval.ts', re: /\b(overlapsMonth|isUncertainAt)\(/ },
  { what: "overlaps a record's interval", re: /\boverlaps\([^)]*\bspan\b/ },
  { what: "makes a month of a record's date", re: /\b(Math\.(floor|ceil|round|trunc)|yearOf|monthOf)\([^)]*\.(start|end|date|lastSource)\b/ },
  { what: "reads a record's date on the month axis", re: /\b(parsePartialDate|mustParse|floorOf|ceilOf|spanOf|unitOf)\([^)]*\.(start|end|date|lastSource)\b/ },
  { what: "compares a record's written date", re: /\.(start|end|date|lastSource)\s*[<>]|(?<!=)[<>]=?\s*[\w.]+\.(start|end|date|lastSource)\b/ },
];

/** Two records' intervals against each other, in an order: no month in it. */
const ORDERING = /[\w.]+\.span\.(start|end) - [\w.]+\.span\.\1\b/g;

/** Lines that match a leak yet compare no record's date with a month; each says why. */
const NOT_THE_RULE: { file: string; line: string; why: string }[] = [
  ...['s: span.start,', 'e: span.end,'].map((line) => ({
    file: 'src/lib/map/features.ts',
    line,
    why: "the record's interval handed to MapLibre, whose time filter (map/style.ts) the style-agreement test checks against the view in every month",
  })),
  { file: 'src/lib/records/atlasIndex.ts', line: "if (r['end'] !== null && spanOf(", why: "a record's end against its own start (the run-time check)" },
  { file: 'src/lib/records/atlasIndex.ts', line: 'span: unitOf(e.date)', why: "building an event's interval" },
  ...['[e.span.start, 0]', 'overlaps(e.span, claim.span)', 'Math.max(e.span.start, ck)'].map((line) => ({
    file: 'src/lib/records/order.ts',
    line,
    why: 'a response ordered after the claim it answers: two records against each other',
  })),
  ...['out[id] < c.date', 'a.c.date < b.c.date'].map((line) => ({ file: 'src/lib/records/release.ts', line, why: "corrections' dates against each other" })),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|svelte|js)$/.test(f) ? [p] : [];
  });
}

/** Every line of src/ outside the rule's home that looks like it compares a record's dates with a month. */
function leaks(): { at: string; file: string; text: string; what: string }[] {
  const out: { at: string; file: string; text: string; what: string }[] = [];
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    const file = relative(ROOT, path).split('\\').join('/');
    if (HOME.test(file)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const leak = LEAKS.find((l) => l.re.test(text.replace(ORDERING, '')));
        if (leak) out.push({ at: `${file}:${i + 1}`, file, text: text.trim(), what: leak.what });
      });
  }
  return out;
}

describe('the month rule lives in records/view.ts alone', () => {
  const found = leaks();
  const excused = (l: { file: string; text: string }) => NOT_THE_RULE.some((n) => n.file === l.file && l.text.includes(n.line));

  it("no other module of src/ compares a record's dates with a month", () => {
    expect(found.filter((l) => !excused(l)).map((l) => `${l.at} ${l.what}: ${l.text}`)).toEqual([]);
  });

  it('each line excused is still there (an excuse outliving its line is removed)', () => {
    expect(NOT_THE_RULE.filter((n) => !found.some((l) => l.file === n.file && l.text.includes(n.line)))).toEqual([]);
  });

  it('the scan finds the ways it looks for (on lines written for it)', () => {
    const lines = [
      'const t = Math.floor(e.span.start);',
      'if (p.span.start < t + 1 && p.span.end > t) keep(p);',
      'events.filter((e) => overlapsMonth(e.span, t))',
      'index.events.filter((e) => overlaps(e.span, range))',
      'const d = Math.floor(yearOf(e.event.date) / 10) * 10;',
      'const last = parsePartialDate(r.lastSource);',
      "if (r.start <= monthKey(t)) show(r);",
    ];
    for (const l of lines) expect(LEAKS.some((x) => x.re.test(l.replace(ORDERING, ''))), l).toBe(true);
    for (const l of ['list.sort((a, b) => a.span.start - b.span.start)', 'lines(r, (s) => s.date),', 'tr.date(r.start, r.circa)', "r.end ?? ''"]) {
      expect(LEAKS.some((x) => x.re.test(l.replace(ORDERING, ''))), l).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generated records

const world = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/view/world.json'), 'utf8')) as Omit<AtlasData, 'control' | 'presence' | 'events'>;
const AREAS = ['north', 'south', 'north-west', 'north-east', 'capital', 'port', 'base'];
const HOLDERS = ['kingdom', 'rcc', 'gna', 'lna', 'gnu', 'gns'];

/** mulberry32: a small seeded PRNG, so every run generates the same records. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generator {
  seed: number;
  count: number;
  /** The months the records' dates fall in, "YYYY-MM". */
  from: string;
  to: string;
}

/**
 * Control periods, presences and events over the small world of the view's fixtures, dated at every
 * precision: year only, month, and days that are a month's first (starting on the month's edge),
 * its last, or any other; about a third open-ended, most of those with a newest source.
 */
function generate(g: Generator): Pick<AtlasData, 'control' | 'presence' | 'events'> {
  const r = rng(g.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const [lo, hi] = [parseMonthKey(g.from)!, parseMonthKey(g.to)!];
  const date = (m: number): string => {
    const [y, mo] = [yearOf(m), (m % 12) + 1];
    const precision = pick(['year', 'month', 'day', 'day', 'day'] as const);
    if (precision === 'year') return String(y);
    const month = `${y}-${String(mo).padStart(2, '0')}`;
    if (precision === 'month') return month;
    const day = pick([1, 1, daysInMonth(y, mo), 2 + Math.floor(r() * 26)]);
    return `${month}-${String(day).padStart(2, '0')}`;
  };
  const dated = () => {
    for (;;) {
      const s = lo + Math.floor(r() * (hi - lo + 1));
      const start = date(s);
      const end = r() < 0.35 ? null : date(s + Math.floor(r() * 40));
      if (end !== null && spanOf({ start, end }).end <= spanOf({ start, end }).start) continue;
      // The newest source: of an open record, mostly from its start to the last month; of a closed one, sometimes.
      const last = end === null ? r() < 0.85 : r() < 0.3;
      return { start, end, ...(last ? { lastSource: date(s + Math.floor(r() * (hi + 1 - s))) } : {}) };
    }
  };
  const control = Array.from({ length: Math.round(g.count * 0.4) }, (_, i) => ({
    id: `control-${i}`,
    place: pick(AREAS),
    actor: pick(HOLDERS),
    ...dated(),
    ...(r() < 0.15 ? { contested: true } : {}),
    ...(r() < 0.15 ? { circa: true } : {}),
  }));
  const presence = Array.from({ length: Math.round(g.count * 0.25) }, (_, i) => ({
    id: `presence-${i}`,
    actor: pick(['wagner', 'russia']),
    place: pick(AREAS),
    status: pick(['confirmed', 'reported', 'alleged', 'denied']),
    ...dated(),
  }));
  const events = Array.from({ length: g.count - control.length - presence.length }, (_, i) => ({
    id: `event-${i}`,
    date: date(lo + Math.floor(r() * (hi - lo + 1))),
    places: [pick(AREAS)],
    category: pick(['diplomatic', 'military', 'economic', 'control']),
    status: pick(['confirmed', 'reported', 'alleged', 'denied']),
    russia: r() < 0.5,
    actors: [],
    title: { en: `Event ${i}` },
    summary: { en: `Event ${i}` },
    ...(r() < 0.3 ? { counterpart: 'moscow' } : {}),
  }));
  return { control, presence, events } as unknown as Pick<AtlasData, 'control' | 'presence' | 'events'>;
}

const indexOf = (g: Generator): AtlasIndex => indexData({ ...world, ...generate(g) });

/** The months a record shows in, found by asking the rule of every month from a to b. */
function shownIn(span: { start: number; end: number }, a: number, b: number): number[] {
  const out: number[] = [];
  for (let m = a; m <= b; m++) if (overlapsMonth(span, m)) out.push(m);
  return out;
}

/** The last month a newest source speaks for: its own month, or December of a year-only date. */
function lastMonthOf(date: string): number {
  const d = parsePartialDate(date)!;
  return monthIndex(d.year, d.month ?? 12);
}

const GEN: Generator = { seed: 2011, count: 360, from: '1996-01', to: '2012-12' };
// Months before the first date and after the last, so every record's first and last months are inside.
const [LO, HI] = [parseMonthKey(GEN.from)! - 24, parseMonthKey(GEN.to)! + 60];

describe('on 360 generated records, what the others show follows the rule month by month', () => {
  const index = indexOf(GEN);
  const all = [...index.presence, ...[...index.controlByPlace.values()].flat(), ...index.events];

  it('generates what it is for: every kind, each precision, starts on a month’s first day, open ends, newest sources', () => {
    expect(index.rejected).toEqual([]);
    expect(all.length).toBe(GEN.count);
    const startsOnEdge = all.filter((r) => Number.isInteger(r.span.start) && r.span.startPrecision === 'day').length;
    const midMonth = all.filter((r) => !Number.isInteger(r.span.start)).length;
    const open = [...index.presence, ...[...index.controlByPlace.values()].flat()].filter((r) => r.end === null && r.lastSource).length;
    for (const [what, n] of Object.entries({ startsOnEdge, midMonth, open })) expect(n, what).toBeGreaterThan(20);
  });

  it('the record list\'s "show on the map" month is the first month the view shows the record in', () => {
    const wrong: string[] = [];
    for (const e of recordEntries(index)) {
      const first = shownIn(e.span, LO, HI)[0];
      if (e.t !== first) wrong.push(`${e.id}: list ${monthKey(e.t)}, first shown ${first === undefined ? 'never' : monthKey(first)}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // And the view does show it there.
    const entries = recordEntries(index);
    for (const t of new Set(entries.map((e) => e.t))) {
      const v = viewAt(index, t);
      const ids = new Set([...v.forces.map((f) => f.presence.id), ...v.control.map((c) => c.id), ...v.events.map((e) => e.id)]);
      for (const e of entries.filter((x) => x.t === t)) expect(ids.has(e.id), `${e.id} in ${monthKey(t)}`).toBe(true);
    }
  });

  it("the slider's marks are at each event's first month, and the panel's decades are those of its first year", () => {
    const marks = eventMarks(index);
    expect(marks.map((m) => monthKey(m.t))).toEqual(index.events.map((e) => monthKey(shownIn(e.span, LO, HI)[0]!)));
    const t = parseMonthKey('2004-06')!;
    const g = groupPanelEvents(panelAt(index, 'north', t).events, t);
    for (const d of [...g.earlier, ...g.later]) {
      for (const e of d.events) expect(Math.floor(yearOf(shownIn(e.event.span, LO, HI)[0]!) / 10) * 10, e.event.id).toBe(d.decade);
    }
    expect(new Set([...g.earlier, ...g.later].map((d) => d.decade))).toEqual(new Set([1990, 2000, 2010]));
  });

  it('the panel says "later" of exactly the events not shown in the month or any before it', () => {
    // Each event's first month and the month before it: an event starting on the month's edge is later in the one, not the other.
    const months = [...new Set(index.events.flatMap((e) => [Math.floor(e.span.start) - 1, Math.floor(e.span.start)]))].sort((a, b) => a - b);
    const wrong: string[] = [];
    for (const t of months) {
      for (const place of AREAS) {
        for (const { event, later } of panelAt(index, place, t).events) {
          const want = !shownIn(event.span, LO, t).length;
          if (later !== want) wrong.push(`${place} ${monthKey(t)} ${event.id} (${event.date}): later ${later}`);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('"last reported" from the STALE_MONTHS-th month after the last month of the newest source, in the view and the panel', () => {
    const wrong: string[] = [];
    const open = [...index.presence, ...[...index.controlByPlace.values()].flat()];
    for (const r of open) {
      const from = r.end === null && r.lastSource ? lastMonthOf(r.lastSource) + STALE_MONTHS : Infinity;
      for (const t of shownIn(r.span, LO, HI)) {
        const said = lastReportedAt(r, t).lastReported !== undefined;
        if (said !== t >= from) wrong.push(`${r.id} (newest source ${r.lastSource ?? 'none'}, end ${r.end}) ${monthKey(t)}: last reported ${said}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // The view's forces and areas, and the panel's forces, say the same.
    for (let t = LO; t <= HI; t += 7) {
      const v = viewAt(index, t);
      for (const f of v.forces) expect(f.lastReported, `${f.presence.id} ${monthKey(t)}`).toBe(lastReportedAt(f.presence, t).lastReported);
      for (const a of [...v.regions, ...v.regions.flatMap((r) => r.zones), ...v.places]) {
        expect(a.lastReported, `${a.id} ${monthKey(t)}`).toBe(a.shown ? lastReportedAt(a.shown, t).lastReported : undefined);
      }
      for (const f of panelAt(index, 'south', t).forces) expect(f.lastReported, `${f.presence.id} ${monthKey(t)}`).toBe(lastReportedAt(f.presence, t).lastReported);
    }
  });

  describe('the comparison of two months', () => {
    const r = rng(25);
    const pairs = Array.from({ length: 30 }, () => {
      const a = parseMonthKey(GEN.from)! - 6 + Math.floor(r() * 220);
      return [a, a + Math.floor(r() * 30) * (r() < 0.3 ? -1 : 1)] as const;
    });

    it('has a force arrive in the first month it shows and leave in the first month it no longer does, in order', () => {
      for (const [first, second] of pairs) {
        const [a, b] = [Math.min(first, second), Math.max(first, second)];
        const want: { t: number; change: string; id: string }[] = [];
        for (const p of index.presence) {
          for (let m = a + 1; m <= b; m++) {
            const [was, is] = [overlapsMonth(p.span, m - 1), overlapsMonth(p.span, m)];
            if (was !== is) want.push({ t: m, change: is ? 'arrived' : 'left', id: p.id });
          }
        }
        // By month, the forces that left before those that arrived, then by id.
        want.sort((x, y) => x.t - y.t || (x.change === y.change ? 0 : x.change === 'left' ? -1 : 1) || x.id.localeCompare(y.id));
        const got = compareMonths(index, first, second).forces.map((f) => `${monthKey(f.t)} ${f.change} ${f.presence.id}`);
        expect(got, `${monthKey(a)}–${monthKey(b)}`).toEqual(want.map((w) => `${monthKey(w.t)} ${w.change} ${w.id}`));
      }
      expect(pairs.filter(([x, y]) => compareMonths(index, x, y).forces.length > 0).length).toBeGreaterThan(10);
    });

    it('lists every change of holder at the month it shows, and the events shown in some month from the first to the second', () => {
      const own = (id: string) => index.regionIds.includes(id) || (index.controlByPlace.get(id)?.length ?? 0) > 0;
      for (const [first, second] of pairs.slice(0, 12)) {
        const [a, b] = [Math.min(first, second), Math.max(first, second)];
        const want: string[] = [];
        for (let m = a + 1; m <= b; m++) {
          for (const c of changesBetween(viewAt(index, m - 1), viewAt(index, m)).control) {
            if (own(c.id)) want.push(`${monthKey(m)} ${c.id} ${holdingKey(c.before)} → ${holdingKey(c.after)}`);
          }
        }
        const c = compareMonths(index, first, second);
        expect(c.control.map((x) => `${monthKey(x.t)} ${x.id} ${holdingKey(x.before)} → ${holdingKey(x.after)}`), `${monthKey(a)}–${monthKey(b)}`).toEqual(want);
        expect(c.events.map((e) => e.id)).toEqual(index.events.filter((e) => shownIn(e.span, a, b).length > 0).map((e) => e.id));
      }
    });
  });
});

// The months of each generated record, for a person to read: as written, where "show on the map"
// goes, the months shown, and from when "last reported"; then two comparisons.
fixtureCases('month-rule', (input) => {
  const g = input as Generator & { compare: [string, string][] };
  const index = indexOf(g);
  const entries = new Map(recordEntries(index).map((e) => [e.id, e]));
  const records = [...index.presence, ...[...index.controlByPlace.values()].flat().sort((x, y) => x.id.localeCompare(y.id, 'en', { numeric: true })), ...index.events].map((r) => {
    const written = 'date' in r ? r.date : `${r.start} – ${r.end ?? 'open'}${r.lastSource ? `, newest source ${r.lastSource}` : ''}`;
    const shown = shownIn(r.span, LO, HI);
    const stale = 'date' in r ? undefined : shown.find((t) => lastReportedAt(r, t).lastReported !== undefined);
    const last = shown.at(-1)!;
    return `${r.id}: ${written} → list ${monthKey(entries.get(r.id)!.t)}; shown ${last >= HI ? `${monthKey(shown[0]!)} onwards` : `${monthKey(shown[0]!)} to ${monthKey(last)}`}${stale === undefined ? '' : `; last reported from ${monthKey(stale)}`}`;
  });
  const compare = g.compare.map(([x, y]) => {
    const c = compareMonths(index, parseMonthKey(x)!, parseMonthKey(y)!);
    return {
      months: `${monthKey(c.a)} to ${monthKey(c.b)}`,
      control: c.control.map((k) => `${monthKey(k.t)} ${k.id}: ${holdingKey(k.before)} → ${holdingKey(k.after)}`),
      forces: c.forces.map((f) => `${monthKey(f.t)} ${f.presence.id} ${f.change}`),
      events: c.events.map((e) => `${e.id} (${e.date})`),
    };
  });
  return { records, compare };
});

