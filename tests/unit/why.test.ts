/**
 * "Why is this here?" (records/why.ts, words/why.ts), in the Turf manner: each
 * tests/fixtures/why/in/<case>.json holds records, months and marks ("all": every mark the view
 * puts on the map), tests/fixtures/why/out/<case>.json the rules and records found for each mark
 * and what an English reader is told. `REGEN=1 npx vitest run tests/unit/why.test.ts` rewrites the
 * expected files (read the diff before committing). Then the real record: every mark at every
 * month of three decades rests on the records the view itself uses, and is said in each language.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from './fixture-cases.ts';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { ARC_MONTHS, arcLastMonth, areaIn, viewAt, type AtlasView } from '../../src/lib/records/view.ts';
import { whyAt, whyRecords, type Mark, type Reason, type Why } from '../../src/lib/records/why.ts';
import { whyWords } from '../../src/lib/words/why.ts';
import { forceLook } from '../../src/lib/map/encoding.ts';
import { registerLanguage, translator, type Lang } from '../../src/lib/i18n/i18n.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';
import { monthKey, parseMonthKey } from '../../src/lib/time/months.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

const world = JSON.parse(readFileSync(join(resolve(import.meta.dirname, '../fixtures/view'), 'world.json'), 'utf8')) as Omit<AtlasData, 'control' | 'presence' | 'events'>;
const en = translator('en');

interface Case {
  months: string[];
  marks: 'all' | Mark[];
  control: AtlasData['control'];
  presence: AtlasData['presence'];
  events: AtlasData['events'];
}

/** Every mark the view puts on the map: regions' or zones' fills, place dots, force symbols, arcs. */
export function marksOf(view: AtlasView): Mark[] {
  return [
    ...view.regions.flatMap((r): Mark[] => [{ kind: 'area', id: r.id }, ...r.zones.map((z): Mark => ({ kind: 'area', id: z.id }))]),
    ...view.places.map((p): Mark => ({ kind: 'place', id: p.id })),
    ...view.forces.map((f): Mark => ({ kind: 'force', id: f.presence.id })),
    ...view.arcs.map((a): Mark => ({ kind: 'arc', id: a.event.id })),
  ];
}

/** A reason as a person checks it: its rule, its fields (months as keys, titles in English), its records' citation keys. */
function reasonOut(r: Reason): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'records') out[k] = r.records.map((x) => (x.cite === x.id ? x.id : x.cite));
    else if (k === 'until' || k === 'since') out[k] = Number.isFinite(v) ? monthKey(v as number) : String(v);
    else if (k === 'title') out[k] = (v as { en: string }).en;
    else out[k] = v;
  }
  return out;
}

function whyOut(index: AtlasIndex, why: Why): Record<string, unknown> {
  const words = whyWords(index, en, why);
  return {
    mark: `${why.mark.kind} ${why.mark.id}`,
    ...(why.shown ? {} : { shown: false, says: words.absent }),
    reasons: why.reasons.map(reasonOut),
    says: words.lines.map((l) => `${l.mark} — ${l.text}`),
    ...(why.parts.length > 0 ? { parts: why.parts.map((p) => whyOut(index, p)) } : {}),
  };
}

fixtureCases('why', (input) => {
  const c = input as Case;
  const index = indexData({ ...world, control: c.control, presence: c.presence, events: c.events });
  return c.months.map((key) => {
    const view = viewAt(index, parseMonthKey(key)!);
    const all = marksOf(view);
    const extra = c.marks === 'all' ? [] : c.marks.filter((m) => !all.some((x) => x.kind === m.kind && x.id === m.id));
    const marks = [...all, ...extra];
    return { month: key, marks: marks.map((m) => whyOut(index, whyAt(index, view, m))) };
  });
});

describe('the real record: every mark rests on the records the view uses, in every language', () => {
  const { data, dataAsOf } = loadData();
  const index = indexData(data, dataAsOf);
  const months: number[] = [];
  for (let t = monthIndex(1950, 6); t <= monthIndex(2025, 12); t += 6) months.push(t);
  months.push(monthIndex(2019, 6), monthIndex(2020, 6), monthIndex(2023, 6));

  it('each mark of each view names the record shown, the contest, the claims, the presence or the event the view decided on', () => {
    const problems: string[] = [];
    for (const t of months) {
      const view = viewAt(index, t);
      for (const mark of marksOf(view)) {
        const why = whyAt(index, view, mark);
        const ids = new Set(whyRecords(why).map((r) => r.cite));
        const at = `${monthKey(t)} ${mark.kind} ${mark.id}`;
        if (!why.shown) problems.push(`${at}: said not to be on the map`);
        if (mark.kind === 'area' || mark.kind === 'place') {
          const a = mark.kind === 'area' ? areaIn(view, mark.id)! : view.places.find((p) => p.id === mark.id)!;
          const want = (a.zones.length > 0 ? a.zones : [a]).flatMap((s) =>
            s.shown ? [s.shown.id, ...(s.contested ? s.periods.filter((p) => p.contested).map((p) => p.id) : []), ...s.claims.map((c) => `${s.shown!.id}#claim-${c}`)] : [],
          );
          if ([...ids].sort().join() !== [...new Set(want)].sort().join()) problems.push(`${at}: ${[...ids].join(', ')} against the view's ${want.join(', ')}`);
        } else if (mark.kind === 'force') {
          if (!ids.has(mark.id)) problems.push(`${at}: its presence is missing`);
          const f = view.forces.find((x) => x.presence.id === mark.id)!;
          const look = forceLook(f.presence.status, f.lastReported);
          const rules = why.reasons.map((r) => (r.rule === 'force' ? (r.hollow ? 'hollow' : 'solid') : r.rule));
          // The words name what the map draws: the symbol's look (map/encoding.ts) and nothing else.
          if (look === 'hollow' && (!rules.includes('hollow') || rules.includes('last-reported'))) problems.push(`${at}: drawn hollow, said ${rules.join(', ')}`);
          if (look === 'stale' && !(rules.includes('solid') && rules.includes('last-reported'))) problems.push(`${at}: drawn faded, said ${rules.join(', ')}`);
          if (look === 'solid' && (!rules.includes('solid') || rules.includes('last-reported'))) problems.push(`${at}: drawn solid, said ${rules.join(', ')}`);
        } else {
          if (!ids.has(mark.id)) problems.push(`${at}: its event is missing`);
          const a = view.arcs.find((x) => x.event.id === mark.id)!;
          const arc = why.reasons.find((r) => r.rule === 'arc');
          if (arc?.current !== a.current) problems.push(`${at}: strong or faint against the view`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("an arc is on the map up to arcLastMonth and not after (the view's rule, said as a month)", () => {
    const arcs = index.events.filter((e) => e.counterpart);
    expect(arcs.length).toBeGreaterThan(20);
    for (const e of arcs) {
      const last = arcLastMonth(e);
      expect(viewAt(index, last).arcs.some((a) => a.event.id === e.id), `${e.id} at ${monthKey(last)}`).toBe(true);
      expect(viewAt(index, last + 1).arcs.some((a) => a.event.id === e.id), `${e.id} at ${monthKey(last + 1)}`).toBe(false);
      expect(last - Math.floor(e.span.start)).toBeGreaterThanOrEqual(ARC_MONTHS - 1);
    }
  });

  it('says every why in English, Arabic and Russian: no placeholder left, no English in Arabic or Russian sentences', () => {
    registerLanguage('ar', ar, new Map());
    registerLanguage('ru', ru, new Map());
    const problems: string[] = [];
    for (const lang of ['en', 'ar', 'ru'] as Lang[]) {
      const tr = translator(lang);
      for (const t of [monthIndex(2019, 6), monthIndex(2020, 6), monthIndex(2023, 6), monthIndex(1975, 6)]) {
        const view = viewAt(index, t);
        for (const mark of marksOf(view)) {
          const w = whyWords(index, tr, whyAt(index, view, mark));
          const all = [w.subject, ...[w, ...w.parts].flatMap((x) => x.lines.flatMap((l) => [l.mark, l.text, ...l.records.map((r) => r.label)]))];
          for (const s of all) {
            if (/\{\w+\}/.test(s) || s.trim() === '') problems.push(`${lang} ${mark.id}: "${s}"`);
          }
          if (lang !== 'en') for (const l of w.lines) if (/^[A-Za-z ]+$/.test(l.mark)) problems.push(`${lang} ${mark.id}: mark "${l.mark}" in English`);
          if (lang === 'ar' && !w.lines.every((l) => /\p{Script=Arabic}/u.test(l.text))) problems.push(`ar ${mark.id}: a line without Arabic`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('does not change the view it reads', () => {
    const view = viewAt(index, monthIndex(2020, 6));
    const before = JSON.stringify(view);
    for (const mark of marksOf(view)) whyAt(index, view, mark);
    expect(JSON.stringify(view)).toBe(before);
  });
});
