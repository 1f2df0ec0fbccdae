/**
 * Likely duplicates (issue 23): an editor who copies an existing event to start a new one, and
 * forgets to change it, gets a warning rather than a silent OK. Two events are likely the same when
 * they share a place, their dates overlap, and either their titles are alike in some language
 * (English, Arabic or Russian, in the record or in data/i18n/) or, written with the same date, they
 * quote the same passage of the same source; two presences when the same force is at the same place at overlapping times.
 * A warning never stops the build: two visits on one day can be two events.
 */
import { lineOf } from './files.ts';
import { parseDate } from './dates.ts';
import { intervalOf, overlaps, unitOfDate, type Interval } from '../../src/lib/time/interval.ts';
import { recordPath, str, strings, type Entry } from './records.ts';
import { quote, type Report } from './report.ts';
import { isObject } from './schema-messages.ts';
import { collapseWhitespace } from './sourcing.ts';

/** Translation tables: language → record id → field → text. */
export type Tables = Partial<Record<'ar' | 'ru', Record<string, unknown>>>;

const LANGS = ['en', 'ar', 'ru'] as const;
type Lang = (typeof LANGS)[number];

/** How alike two titles must be (Dice coefficient of their character trigrams, 0–1). */
export const TITLE_SIMILARITY = 0.75;

/** A title reduced to what tells it apart: lower case, letters and digits, single spaces, no Arabic diacritics or tatweel. */
export function normalizeTitle(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const t = padded.slice(i, i + 3);
    out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

/**
 * How alike two titles are, from 0 (nothing shared) to 1 (the same once normalised): the Dice
 * coefficient of their character trigrams, which is kind to a changed word or word order.
 * @example titleSimilarity('Dbeibah in Moscow', 'Dbeibah in Moscow.') // 1
 */
export function titleSimilarity(a: string, b: string): number {
  const [na, nb] = [normalizeTitle(a), normalizeTitle(b)];
  if (na === '' || nb === '') return 0;
  if (na === nb) return 1;
  const [ta, tb] = [trigrams(na), trigrams(nb)];
  let shared = 0;
  let total = 0;
  for (const n of ta.values()) total += n;
  for (const [t, n] of tb) {
    total += n;
    shared += Math.min(n, ta.get(t) ?? 0);
  }
  return (2 * shared) / total;
}

interface Candidate {
  entry: Entry;
  span: Interval;
  titles: Partial<Record<Lang, string>>;
  /** "source\u0000passage" of each quoted (not paraphrased) citation. */
  passages: Set<string>;
}

function titlesOf(e: Entry, tables: Tables): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  const inline = isObject(e.record.title) ? e.record.title : {};
  for (const lang of LANGS) {
    const own = inline[lang];
    const table = lang === 'en' || e.id === undefined ? undefined : tables[lang]?.[e.id];
    const fromTable = isObject(table) ? table.title : undefined;
    const text = typeof own === 'string' ? own : typeof fromTable === 'string' ? fromTable : undefined;
    if (text !== undefined) out[lang] = text;
  }
  return out;
}

function passagesOf(e: Entry): Set<string> {
  const out = new Set<string>();
  if (!Array.isArray(e.record.sources)) return out;
  for (const c of e.record.sources) {
    if (isObject(c) && c.paraphrase !== true && typeof c.source === 'string' && typeof c.passage === 'string') out.add(`${c.source}\u0000${collapseWhitespace(c.passage)}`);
  }
  return out;
}

/** Why two events look like one, or undefined. */
function alike(a: Candidate, b: Candidate): string | undefined {
  for (const lang of LANGS) {
    const [ta, tb] = [a.titles[lang], b.titles[lang]];
    if (ta !== undefined && tb !== undefined && titleSimilarity(ta, tb) >= TITLE_SIMILARITY) {
      return `their ${lang === 'en' ? 'English' : lang === 'ar' ? 'Arabic' : 'Russian'} titles are alike (${quote(tb)}, ${quote(ta)})`;
    }
  }
  // One passage can support two events (a claim and what followed it): only on the same date is it a sign.
  if (a.entry.record.date === b.entry.record.date) {
    for (const p of b.passages) {
      if (a.passages.has(p)) return `they quote the same passage of ${p.slice(0, p.indexOf('\u0000'))}`;
    }
  }
  return undefined;
}

const where = (e: Entry, field: string): string => {
  const line = lineOf(e.doc, recordPath(e, field));
  return `${e.doc.file}${line ? `:${line}` : ''}`;
};

/**
 * Warns on each event that looks like an earlier one in the file (one warning per event, naming
 * the first it resembles). A response is never a duplicate of the claim it answers.
 */
export function checkDuplicateEvents(report: Report, events: Entry[], tables: Tables): void {
  const byPlace = new Map<string, Candidate[]>();
  for (const e of events) {
    if (e.id === undefined) continue;
    const text = str(e, 'date');
    const date = text === undefined ? null : parseDate(text);
    const places = strings(e, 'places');
    if (date === null || places.length === 0) continue;
    // An event covers the whole unit of its date: "2021-04" all of April 2021.
    const span = unitOfDate(date);
    const me: Candidate = { entry: e, span, titles: titlesOf(e, tables), passages: passagesOf(e) };
    let found: { other: Candidate; place: string; why: string } | undefined;
    for (const place of new Set(places)) {
      for (const other of byPlace.get(place) ?? []) {
        if (!overlaps(me.span, other.span)) continue;
        if (str(e, 'responds') === other.entry.id || str(other.entry, 'responds') === e.id) continue;
        const why = alike(other, me);
        if (why) {
          found = { other, place, why };
          break;
        }
      }
      if (found) break;
    }
    if (found) {
      const { other, place, why } = found;
      report.warn(
        e.doc,
        recordPath(e, 'id'),
        e.id,
        `looks like a duplicate of "${other.entry.id}" (${where(other.entry, 'id')}): both at ${place}, dated ${String(other.entry.record.date)} and ${String(e.record.date)}, and ${why} — if they tell the same event, keep one and move any new sources into it; if they are two events, make each title say what sets it apart`,
        'duplicate',
      );
    }
    for (const place of new Set(places)) {
      const list = byPlace.get(place);
      if (list) list.push(me);
      else byPlace.set(place, [me]);
    }
  }
}

/** Warns on a presence of the same force at the same place as an earlier one, at overlapping times. */
export function checkDuplicatePresences(report: Report, presences: Entry[]): void {
  const seen = new Map<string, { entry: Entry; span: Interval }[]>();
  for (const e of presences) {
    const [actor, place, start] = [str(e, 'actor'), str(e, 'place'), str(e, 'start')];
    const end = e.record.end === null ? null : str(e, 'end');
    if (e.id === undefined || actor === undefined || place === undefined || start === undefined || end === undefined) continue;
    const [s, en] = [parseDate(start), end === null ? null : parseDate(end)];
    if (s === null || (end !== null && en === null)) continue;
    const span = intervalOf(s, en);
    const key = `${actor}\u0000${place}`;
    const list = seen.get(key) ?? [];
    const other = list.find((o) => overlaps(o.span, span));
    if (other) {
      report.warn(
        e.doc,
        recordPath(e, 'id'),
        e.id,
        `looks like a duplicate of "${other.entry.id}" (${where(other.entry, 'id')}): the same force (${actor}) at the same place (${place}) at overlapping times — if it is the same presence, keep one record (extend its dates, add the sources); if it is not, end one where the other begins`,
        'duplicate',
      );
    }
    list.push({ entry: e, span });
    seen.set(key, list);
  }
}
