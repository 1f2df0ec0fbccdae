/**
 * Corrections in a reader's words (issue 15): what a corrected record is, a field's name and its
 * value before or after, how many corrections since a release, and which corrections concern what
 * a view shows or a place. Pure functions of the index, the translator and the shipped log.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import { panelAt, type AtlasView } from '../records/view.ts';
import type { DocRef, RecordRef, ShippedCorrection } from '../records/release.ts';
import type { Localized } from '../records/types.ts';
import { LOCALES, type Translator } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/en.ts';
import { actorShort, placeName } from './names.ts';

/**
 * "2 corrections since", in the reader's language's plural form.
 * @example sinceText(translator('ru'), 5) // '5 исправлений с тех пор'
 */
export function sinceText(tr: Translator, count: number): string {
  const form = new Intl.PluralRules(LOCALES[tr.lang]).select(count);
  return tr.t(`release.since.${form}` as MessageKey, { count: count.toLocaleString(LOCALES[tr.lang]) });
}

/**
 * The ids of the records a view of a month shows: control periods, foreign forces, events and arcs,
 * and, with a place open, everything its panel lists.
 * @example recordsShown(index, viewAt(index, monthIndex(2011, 8)), 'tripoli').has('tripoli-ntc-2011') // true
 */
export function recordsShown(index: AtlasIndex, v: AtlasView, place: string | null): Set<string> {
  const ids = new Set<string>();
  for (const c of v.control) ids.add(c.id);
  for (const f of v.forces) ids.add(f.presence.id);
  for (const e of v.events) ids.add(e.id);
  for (const a of v.arcs) ids.add(a.event.id);
  if (place) {
    const p = panelAt(index, place, v.t);
    for (const c of p.control) ids.add(c.id);
    for (const f of p.forces) ids.add(f.presence.id);
    for (const e of p.events) ids.add(e.event.id);
  }
  return ids;
}

/** A region with its zones and places, a zone with its places, or a place alone. */
export function placesWithin(index: AtlasIndex, place: string): Set<string> {
  const out = new Set([place, ...(index.zonesOf.get(place) ?? []), ...(index.placesIn.get(place) ?? [])]);
  for (const id of index.placeIds) {
    const f = index.features.get(id);
    if (f && 'zone' in f.properties && f.properties.zone === place) out.add(id);
  }
  return out;
}

/** The corrections that concern `place` (a region: also its zones and places). */
export function correctionsAt<T extends ShippedCorrection>(index: AtlasIndex, list: readonly T[], place: string | null): T[] {
  if (!place) return [...list];
  const within = placesWithin(index, place);
  return list.filter((c) => c.places.some((p) => within.has(p)));
}

const dates = (tr: Translator, start: string, end: string | null, circa?: boolean) =>
  end ? tr.t('panel.fromTo', { start: tr.date(start, circa), end: tr.date(end, circa) }) : tr.t('panel.from', { start: tr.date(start, circa) });

/** "Tripoli: NTC, 21 August 2011 – 8 August 2012", "Wagner at al-Jufra, from 2019", "Putin in Tripoli (April 2008)". */
export function recordLabel(index: AtlasIndex, tr: Translator, id: string, ref: RecordRef | undefined): string {
  if (!ref) return id;
  if (ref.kind === 'event') return tr.t('corrections.eventRef', { title: tr.text(ref.title), date: tr.date(ref.date, ref.circa) });
  const vars = { place: placeName(index, tr, ref.place), actor: actorShort(index, tr, ref.actor), dates: dates(tr, ref.start, ref.end, ref.circa) };
  return tr.t(ref.kind === 'control' ? 'corrections.controlRef' : 'corrections.presenceRef', vars);
}

const FIELDS = new Set([
  'start', 'end', 'date', 'circa', 'actor', 'place', 'places', 'contested', 'contestedBy', 'status', 'claimedBy', 'responds', 'noResponse',
  'title', 'summary', 'note', 'strength', 'category', 'counterpart', 'russia', 'actors', 'sources',
]);

/**
 * A record field's name for a reader ("start", "held by"), or of its Arabic or Russian text
 * ("title (Arabic)" for "title.ar"); an unknown field as written.
 */
export function fieldLabel(tr: Translator, field: string): string {
  const m = /^([a-zA-Z]+)\.(ar|ru)$/.exec(field);
  if (m) return tr.t(m[2] === 'ar' ? 'field.inArabic' : 'field.inRussian', { field: fieldLabel(tr, m[1]!) });
  return FIELDS.has(field) ? tr.t(`field.${field}` as MessageKey) : field;
}

const isLocalized = (v: unknown): v is Localized => typeof v === 'object' && v !== null && typeof (v as { en?: unknown }).en === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A cited source as "Publisher, “Title”, date", or its id. */
export function docText(tr: Translator, id: string, docs: Readonly<Record<string, DocRef>>): string {
  const d = docs[id];
  return d ? `${d.publisher}, “${d.title}”, ${tr.date(d.date)}` : id;
}

/**
 * A field's value before or after a correction, in words; `present` false: the field was not there.
 * @example valueText(index, tr, 'start', '2011-08-21', true, {}) // '21 August 2011'
 */
export function valueText(index: AtlasIndex, tr: Translator, field: string, value: unknown, present: boolean, docs: Readonly<Record<string, DocRef>>): string {
  if (!present) return tr.t('corrections.empty');
  if (value === null) return field === 'end' ? tr.t('corrections.openEnd') : tr.t('corrections.empty');
  if (typeof value === 'boolean') return tr.t(value ? 'corrections.yes' : 'corrections.no');
  if (isLocalized(value)) return tr.text(value);
  switch (field) {
    case 'start':
    case 'end':
    case 'date':
      return typeof value === 'string' ? tr.date(value) : JSON.stringify(value);
    case 'actor':
    case 'claimedBy':
      return typeof value === 'string' ? actorShort(index, tr, value) : JSON.stringify(value);
    case 'contestedBy':
    case 'actors':
      return tr.list(strings(value).map((a) => actorShort(index, tr, a)));
    case 'place':
    case 'counterpart':
      return typeof value === 'string' ? placeName(index, tr, value) : JSON.stringify(value);
    case 'places':
      return tr.list(strings(value).map((p) => placeName(index, tr, p)));
    case 'status':
      return typeof value === 'string' && ['confirmed', 'reported', 'alleged', 'denied'].includes(value) ? tr.t(`status.${value}` as MessageKey) : String(value);
    case 'category':
      return typeof value === 'string' && ['diplomatic', 'military', 'economic', 'control'].includes(value) ? tr.t(`category.${value}` as MessageKey) : String(value);
    case 'responds': {
      const e = typeof value === 'string' ? index.eventsById.get(value) : undefined;
      return e ? tr.text(e.title) : String(value);
    }
    case 'sources':
      // Each citation: its source and the passage (a correction may change either).
      if (Array.isArray(value)) {
        return value
          .map((c) => {
            const { source, passage } = (typeof c === 'object' && c !== null ? c : {}) as { source?: unknown; passage?: unknown };
            const doc = typeof source === 'string' ? docText(tr, source, docs) : '';
            return typeof passage === 'string' ? `${doc}: “${passage}”` : doc;
          })
          .join('; ');
      }
      return JSON.stringify(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
