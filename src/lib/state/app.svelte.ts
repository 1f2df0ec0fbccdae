/**
 * The reader's selection: the month, the open place, the visible layers, the language, embed mode.
 * Read from the URL on load, written back as the reader moves (replaceState while scrubbing,
 * pushState for opening a place, so Back walks the reader's steps).
 */
import { currentMonth, FIRST_MONTH, clampMonth } from '../time/months.ts';
import { keptParams, parseUrlState, toSearch, type UrlContext } from './url.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { LayerGroup } from './layers.ts';
import { NO_FILTER, type RecordFilter } from '../records/filter.ts';

export class AtlasState {
  readonly firstMonth = FIRST_MONTH;
  readonly lastMonth: number;
  /** Where a first-time reader lands and scrubs back from: the record's "data as of" month (records/view.ts openingMonth). */
  readonly openingMonth: number;
  t = $state(FIRST_MONTH);
  place = $state<string | null>(null);
  layers = $state<Record<LayerGroup, boolean>>({ control: true, presence: true, diplomacy: true });
  lang = $state<Lang>('en');
  embed = $state(false);
  /** The record view (search across the record) is open, with this query and these filters. */
  records = $state(false);
  query = $state('');
  filter = $state<RecordFilter>(NO_FILTER);
  /** Two months shown side by side, earlier first; null when not comparing. */
  compare = $state<[number, number] | null>(null);
  /** A guided story and its step (from 1); the story's steps set the month, the place and the layers. */
  story = $state<string | null>(null);
  step = $state(1);
  readonly defaultLang: Lang;
  #ctx: UrlContext;
  /** `origin=` and the embed's options, carried through every URL the atlas writes (see keptParams). */
  #kept = '';

  constructor(placeIds: Iterable<string>, defaultLang: Lang, now = new Date(), opening?: number) {
    this.lastMonth = currentMonth(now);
    this.openingMonth = clampMonth(opening ?? this.lastMonth, this.lastMonth);
    this.t = this.openingMonth;
    this.defaultLang = defaultLang;
    this.lang = defaultLang;
    this.#ctx = { placeIds: new Set(placeIds), lastMonth: this.lastMonth };
  }

  setTime(t: number) {
    this.t = clampMonth(t, this.lastMonth);
  }

  /** Applies a query string; anything malformed or unknown is ignored. */
  readUrl(search: string) {
    const s = parseUrlState(search, this.#ctx);
    // Absent values mean defaults: Back to a URL without `layers` shows every layer again.
    this.t = s.t ?? this.openingMonth;
    this.place = s.place ?? null;
    this.layers = s.layers ?? { control: true, presence: true, diplomacy: true };
    this.lang = s.lang ?? this.defaultLang;
    this.embed = s.embed;
    this.records = s.records ?? false;
    this.query = s.q ?? '';
    this.filter = s.filter ?? NO_FILTER;
    this.compare = s.compare ?? null;
    this.story = s.story ?? null;
    this.step = s.step ?? 1;
    this.#kept = keptParams(search);
  }

  /** What URL values (and host messages) may say. */
  get urlContext(): UrlContext {
    return this.#ctx;
  }

  search(): string {
    return (
      toSearch({
        t: this.t,
        place: this.place,
        layers: this.layers,
        lang: this.lang,
        embed: this.embed,
        records: this.records,
        q: this.query,
        filter: this.filter,
        compare: this.compare,
        story: this.story,
        step: this.step,
      }) + this.#kept
    );
  }
}
