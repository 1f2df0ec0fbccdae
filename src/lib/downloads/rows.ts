/**
 * The records a "Data" download holds, as rows (no DOM): the records in view at a month, or the
 * whole record, with every field and every source. The file formats are in formats.ts.
 *
 * What "in view" means is the view of the month (records/view.ts), as for the map and the status text:
 * - control periods of every region, zone and place that overlap month t (layer "control");
 * - foreign presences that overlap month t (layer "presence");
 * - events dated in month t; a year-only date counts for each month of its year, as on the map.
 *   Diplomatic events follow the "diplomacy" layer; events of the other categories are always
 *   included, since the status text and the panel show them whatever the layers.
 * Texts and names come in the reader's language (the atlas passes its translator); ids, dates,
 * statuses and column names stay as in the data.
 */
import { parsePartialDate } from '../time/dates.ts';
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import type { Citation, ControlRecord, EventRecord, Localized, PresenceRecord, SourceDoc } from '../records/types.ts';
import { ALL_LAYERS, type LayerGroup } from '../state/layers.ts';
import type { Translator } from '../i18n/i18n.ts';

/**
 * How record texts and place names are written: the reader's translator (record translations
 * included), or English by default. Ids, dates and column names stay as in the data.
 */
export type Speaker = Pick<Translator, 'text' | 'name'>;

const ENGLISH: Speaker = { text: (l) => (l ? l.en : ''), name: (p) => p.name_en };

/** A record's citation with its source document resolved. */
export interface ExportSource {
  source: string;
  publisher: string;
  title: string;
  date: string;
  url: string;
  kind: string;
  /** The party the source speaks for, if any (an actor id). */
  aligned: string;
  passage: string;
  /** The passage summarises the source rather than quoting it. */
  paraphrase: boolean;
}

/** One record, flattened; lists (an event's places and actors, challengers) are joined with "; ". */
export interface ExportRow {
  kind: 'control' | 'presence' | 'event';
  id: string;
  place: string;
  place_name: string;
  actor: string;
  actor_name: string;
  /** Control and presence: the interval [start, end), `end` exclusive, "" when still true. */
  start: string;
  end: string;
  /** Events: the date. */
  date: string;
  /** Precision of `start` (events: of `date`): "year", "month" or "day". */
  start_precision: string;
  /** Precision of `end`; "" while still true (and for events). */
  end_precision: string;
  circa: boolean;
  /** Control periods only; null for the other kinds. */
  contested: boolean | null;
  /** Control periods: who contested it (actor ids). */
  contested_by: string;
  /** Presence and events: confirmed, reported, alleged or denied; "" for control. */
  status: string;
  /** Who made the claim (an actor or source id), for allegations and reports. */
  claimed_by: string;
  /** For a response or denial: the id of the record it answers. */
  responds_to: string;
  /** An allegation for which no response was found. */
  no_response: boolean;
  /** Events: diplomatic, military, economic or control. */
  category: string;
  /** Diplomatic events: the foreign city (id). */
  counterpart: string;
  /** Events: concerns Libya and the USSR/Russia. */
  russia: boolean | null;
  /** Events only. */
  title: string;
  /** Events: the summary; control and presence: the note, if any. */
  summary: string;
  /** Events: a note (e.g. why the date is known only to the year). */
  note: string;
  /** Presence only: strength as reported. */
  strength: string;
  /** When the record was last corrected (YYYY-MM-DD; data/corrections.json), "" if never. */
  corrected: string;
  sources: ExportSource[];
  /** The place ids, for the GeoJSON geometry. */
  places: string[];
}

/** Where a record's citations and their source documents come from (the atlas's Citations once loaded). */
export interface CitationSource {
  of(recordId: string): Citation[];
  sources: ReadonlyMap<string, SourceDoc>;
  /** When a record was last corrected, if ever. */
  correctedOn?(recordId: string): string | undefined;
}

function placeName(index: AtlasIndex, id: string, speak: Speaker): string {
  const f = index.features.get(id);
  return f ? speak.name(f.properties) : id;
}

function actorName(index: AtlasIndex, id: string, speak: Speaker): string {
  const a = index.actors.get(id);
  return a ? speak.text(a.name) : id;
}

function sourcesOf(cites: CitationSource, recordId: string): ExportSource[] {
  return cites.of(recordId).map((c) => {
    const doc = cites.sources.get(c.source);
    return {
      source: c.source,
      publisher: doc?.publisher ?? '',
      title: doc?.title ?? c.source,
      date: doc?.date ?? '',
      url: doc?.url ?? '',
      kind: doc?.kind ?? '',
      aligned: doc?.aligned ?? '',
      passage: c.passage,
      paraphrase: c.paraphrase === true,
    };
  });
}

const precisionOf = (date: string | null) => (date === null ? '' : (parsePartialDate(date)?.precision ?? ''));

export interface RecordSet {
  control: ControlRecord[];
  presence: PresenceRecord[];
  events: EventRecord[];
}

/** Records as rows, every field kept: control periods, then presences, then events, in the order given. */
export function rowsOf(index: AtlasIndex, records: RecordSet, cites: CitationSource, speak: Speaker = ENGLISH): ExportRow[] {
  const text = (l: Localized | undefined) => (l ? speak.text(l) : '');
  const blank = { date: '', contested: null, contested_by: '', status: '', claimed_by: '', responds_to: '', no_response: false, category: '', counterpart: '', russia: null, title: '', note: '', strength: '', corrected: '' };
  const rows: ExportRow[] = [];
  for (const c of records.control) {
    rows.push({
      ...blank,
      kind: 'control',
      id: c.id,
      place: c.place,
      place_name: placeName(index, c.place, speak),
      actor: c.actor,
      actor_name: actorName(index, c.actor, speak),
      start: c.start,
      end: c.end ?? '',
      start_precision: precisionOf(c.start),
      end_precision: precisionOf(c.end),
      circa: c.circa === true,
      contested: c.contested === true,
      contested_by: (c.contestedBy ?? []).join('; '),
      summary: text(c.note),
      sources: sourcesOf(cites, c.id),
      places: [c.place],
    });
  }
  for (const p of records.presence) {
    rows.push({
      ...blank,
      kind: 'presence',
      id: p.id,
      place: p.place,
      place_name: placeName(index, p.place, speak),
      actor: p.actor,
      actor_name: actorName(index, p.actor, speak),
      start: p.start,
      end: p.end ?? '',
      start_precision: precisionOf(p.start),
      end_precision: precisionOf(p.end),
      circa: p.circa === true,
      status: p.status,
      claimed_by: p.claimedBy ?? '',
      no_response: p.noResponse === true,
      summary: text(p.note),
      strength: text(p.strength),
      sources: sourcesOf(cites, p.id),
      places: [p.place],
    });
  }
  for (const e of records.events) {
    rows.push({
      ...blank,
      kind: 'event',
      id: e.id,
      place: e.places.join('; '),
      place_name: e.places.map((p) => placeName(index, p, speak)).join('; '),
      actor: e.actors.join('; '),
      actor_name: e.actors.map((a) => actorName(index, a, speak)).join('; '),
      start: '',
      end: '',
      date: e.date,
      start_precision: precisionOf(e.date),
      end_precision: '',
      circa: e.circa === true,
      status: e.status,
      claimed_by: e.claimedBy ?? '',
      responds_to: e.responds ?? '',
      no_response: e.noResponse === true,
      category: e.category,
      counterpart: e.counterpart ?? '',
      russia: e.russia,
      title: text(e.title),
      summary: text(e.summary),
      note: text(e.note),
      sources: sourcesOf(cites, e.id),
      places: e.places,
    });
  }
  for (const r of rows) r.corrected = cites.correctedOn?.(r.id) ?? '';
  return rows;
}

/**
 * The records of a view, with their sources. `layers` defaults to all layers on.
 * @example recordsInView(index, viewAt(index, monthIndex(2019, 6)), citations).filter((r) => r.actor === 'wagner')
 */
export function recordsInView(
  index: AtlasIndex,
  view: AtlasView,
  cites: CitationSource,
  layers: Record<LayerGroup, boolean> = ALL_LAYERS,
  speak: Speaker = ENGLISH,
): ExportRow[] {
  const order = [...index.regionIds, ...[...index.zonesOf.values()].flat(), ...index.placeIds];
  const rank = (place: string) => (order.includes(place) ? order.indexOf(place) : order.length);
  return rowsOf(
    index,
    {
      control: layers.control ? [...view.control].sort((a, b) => rank(a.place) - rank(b.place) || a.span.start - b.span.start) : [],
      presence: layers.presence ? view.forces.map((f) => f.presence) : [],
      events: view.events.filter((e) => e.category !== 'diplomatic' || layers.diplomacy),
    },
    cites,
    speak,
  );
}

/** Every record of the atlas, whatever the month and the layers. */
export function wholeRecord(index: AtlasIndex, cites: CitationSource, speak: Speaker = ENGLISH): ExportRow[] {
  return rowsOf(index, { control: index.data.control, presence: index.data.presence, events: index.data.events }, cites, speak);
}
