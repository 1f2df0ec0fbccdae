/**
 * The one table of URL parameters (in the manner of Forensic Architecture's timemap,
 * `urlState/schema.js`). Each parameter the atlas reads is defined here once: its name, the longest
 * value read, how its value is read and written, whether an embed keeps it through every rewrite of
 * its URL, whether the host page's `atlas:set` message may set it, whether it is an embed option of
 * the Share dialog, and its documentation.
 *
 * Made from it: the reader (query.ts), the app's URL (url.ts: parseUrlState, toSearch, keptParams),
 * the embed's options (embed/options.ts), the host message's fields (embed/messages.ts), and the
 * tables of docs/url-parameters.md and docs/embedding.md (`npm run docs`). A test checks that
 * public/theme.js, which runs before the app, reads `lang` and `theme` with the same values.
 *
 * To add a parameter: add an entry below (its place in the table is its place in the URLs the atlas
 * writes), use its value where the state is made (url.ts or embed/options.ts), run `npm run docs`.
 */
import { clampMonth, monthKey, parseMonthKey } from '../time/months.ts';
import { monthIndex } from '../time/dates.ts';
import { isLang, LANGUAGES, type Lang } from '../i18n/i18n.ts';
import { LAYER_GROUPS, type Layers } from './layers.ts';
import { CATEGORIES, RECORD_KINDS, STATUSES, type RecordKind } from '../records/filter.ts';
import type { EventCategory, Status } from '../records/types.ts';
import { parseReleaseParam, type ReleaseParam } from '../records/release.ts';
import { normalizeText } from './text.ts';

/** What a value is checked against: the ids a `place` may take, and the last month a reader can select. */
export interface ParamContext {
  placeIds: ReadonlySet<string>;
  lastMonth: number;
}

export interface ParamSpec<T> {
  /** The longest value read (decoded, in characters); a longer one is unusable (see `unusable`). */
  max: number;
  /** The value of a raw (decoded) string, or undefined when it says nothing usable: the default then applies. Never throws. */
  read(raw: string, ctx: ParamContext): T | undefined;
  /** The value as written into a URL; null leaves the parameter out (its default, or never written). */
  write(value: T): string | null;
  /** The value of a parameter present but too long or badly encoded; by default none (as if absent). */
  unusable?: T;
  /** Kept through every URL the atlas writes (an embed's lock, options and release), so a reload shows the same embed. */
  kept?: true;
  /** A field of the host page's `atlas:set` message (embed/messages.ts). */
  message?: true;
  /** An embed option, set in the Share dialog (embed/options.ts). */
  option?: true;
  doc: {
    /** Where docs/url-parameters.md lists it. */
    group: 'view' | 'records' | 'story' | 'embed';
    example: string;
    /** What it takes and does (Markdown). `<place ids>` is replaced by the ids of geo/ when the docs are written. */
    text: string;
    default: string;
  };
}

const param = <T>(spec: ParamSpec<T>): ParamSpec<T> => spec;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A flag: `name=1`, anything else is off. */
const flag = (on = '1') => ({ read: (v: string) => (v === on ? true : undefined), write: (b: boolean) => (b ? on : null) });

/** Known values of a comma list, in their canonical order; unknown ones are dropped. */
function listOf<T extends string>(known: readonly T[]) {
  return {
    read(v: string): T[] {
      const named = new Set(v.split(',').map((s) => s.trim()));
      return known.filter((k) => named.has(k));
    },
    write: (list: readonly T[]) => (list.length > 0 ? list.join(',') : null),
  };
}

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

/** The longest embed title and caption kept (the URL may carry up to four times as much, which is cut with "…"). */
export const TITLE_MAX = 100;
export const CAPTION_MAX = 200;

export const PARAMS = {
  date: param<number>({
    max: 16,
    read: (v, ctx) => {
      const t = parseMonthKey(v);
      return t === null ? undefined : clampMonth(t, ctx.lastMonth);
    },
    write: monthKey,
    message: true,
    doc: { group: 'view', example: 'date=2011-08', text: 'the selected month (`YYYY-MM`, 1943-01 to the current month; a month outside is moved to the nearest end)', default: 'the record’s "data as of" month (its newest source)' },
  }),
  year: param<number>({
    max: 8,
    read: (v, ctx) => (/^\d{4}$/.test(v) ? clampMonth(monthIndex(Number(v), 1), ctx.lastMonth) : undefined),
    // The atlas always writes `date=`.
    write: () => null,
    doc: { group: 'view', example: 'year=1969', text: 'January of that year (`YYYY`); `date` wins when both are given', default: 'none' },
  }),
  place: param<string>({
    max: 64,
    read: (v, ctx) => (ctx.placeIds.has(v) ? v : undefined),
    write: (id) => id || null,
    message: true,
    doc: { group: 'view', example: 'place=tripoli', text: "opens that region's or place's panel: <place ids>", default: 'no place open' },
  }),
  layers: param<Layers>({
    max: 64,
    read: (v) => {
      const named = new Set(v.split(',').map((s) => s.trim()));
      if (!LAYER_GROUPS.some((g) => named.has(g))) return undefined;
      return { control: named.has('control'), presence: named.has('presence'), diplomacy: named.has('diplomacy') };
    },
    write: (l) => (LAYER_GROUPS.every((g) => l[g]) ? null : LAYER_GROUPS.filter((g) => l[g]).join(',')),
    message: true,
    doc: { group: 'view', example: 'layers=control,diplomacy', text: 'which of `control`, `presence`, `diplomacy` are shown (a comma list)', default: 'all three' },
  }),
  lang: param<Lang>({
    max: 8,
    read: (v) => (isLang(v) ? v : undefined),
    // English is left out; any other language is kept, so a shared Arabic view opens in Arabic for everyone.
    write: (l) => (l === 'en' ? null : l),
    message: true,
    doc: { group: 'view', example: 'lang=ar', text: `${LANGUAGES.map((l) => `\`${l}\``).join(', ')}: English, Arabic (right-to-left) or Russian ("Language of the embed" in the Share dialog)`, default: "the browser's language, else `en`" },
  }),
  embed: param<boolean>({
    max: 4,
    ...flag(),
    doc: {
      group: 'view',
      example: 'embed=1',
      text: '`1`: the compact embed for an iframe in an article: title, date and slider, the map with its legend, the map in one or two sentences (the full text one click away), the places list one click away, and the credit line "Libya–Russia Atlas · data as of … · sources for every record · open the full atlas" (its own options: [Embedding](embedding.md))',
      default: 'off',
    },
  }),
  records: param<boolean>({
    max: 4,
    ...flag(),
    doc: { group: 'records', example: 'records=1', text: 'opens the list of the whole record (implied by `q` or a filter)', default: 'off' },
  }),
  q: param<string>({
    max: 64,
    // Plain text, shown only as an input's value: control characters go.
    read: (v) => v.replace(/[\u0000-\u001f\u007f]/g, '').trim() || undefined,
    write: (q) => q.trim().slice(0, 64) || null,
    doc: { group: 'records', example: 'q=Wagner', text: 'search text for the record (plain text, up to 64 characters)', default: 'none' },
  }),
  kind: param<RecordKind[]>({
    max: 64,
    ...listOf(RECORD_KINDS),
    doc: { group: 'records', example: 'kind=presence,event', text: 'record kinds shown: `presence`, `control`, `event`', default: 'all' },
  }),
  cat: param<EventCategory[]>({
    max: 64,
    ...listOf(CATEGORIES),
    doc: { group: 'records', example: 'cat=military', text: 'categories: `diplomatic`, `military`, `economic`, `control` (a presence counts as military)', default: 'all' },
  }),
  actor: param<string>({
    max: 64,
    // An id's form only: an id no actor has matches nothing, and is never shown.
    read: (v) => (ID.test(v) ? v : undefined),
    write: (id) => id || null,
    doc: { group: 'records', example: 'actor=wagner', text: 'records naming this actor (an id from `data/actors.json`)', default: 'everyone' },
  }),
  status: param<Status[]>({
    max: 64,
    ...listOf(STATUSES),
    doc: { group: 'records', example: 'status=confirmed,reported', text: '`confirmed`, `reported`, `alleged`, `denied` (periods of control have none)', default: 'all' },
  }),
  russia: param<boolean>({
    max: 4,
    ...flag(),
    doc: { group: 'records', example: 'russia=1', text: 'only records concerning Libya and the USSR/Russia', default: 'off' },
  }),
  compare: param<[number, number]>({
    max: 16,
    read: (v, ctx) => {
      const keys = v.split(',');
      if (keys.length !== 2) return undefined;
      const [a, b] = keys.map((k) => parseMonthKey(k.trim()));
      if (a === null || a === undefined || b === null || b === undefined) return undefined;
      const [x, y] = [clampMonth(a, ctx.lastMonth), clampMonth(b, ctx.lastMonth)];
      return [Math.min(x, y), Math.max(x, y)];
    },
    write: ([a, b]) => `${monthKey(a)},${monthKey(b)}`,
    doc: { group: 'records', example: 'compare=2011-02,2011-10', text: 'two months side by side (either order), above the atlas, with a sourced list of what changed between them', default: 'off' },
  }),
  story: param<string>({
    max: 64,
    // A story's id has the form of an id; whether it exists is known only once the stories load.
    read: (v) => (ID.test(v) ? v : undefined),
    write: (id) => id || null,
    doc: { group: 'story', example: 'story=russia-in-libya', text: 'a story (`stories/<id>.json`): the atlas, or an embed, becomes a stepper ([Stories](stories.md))', default: 'off' },
  }),
  step: param<number>({
    max: 4,
    read: (v) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 ? Number(v) : undefined),
    write: String,
    doc: { group: 'story', example: 'step=3', text: "the story's step, counted from 1 (with `story`)", default: '1' },
  }),
  origin: param<string>({
    max: 256,
    // '' is an origin no sender has: a typo, or a value too long to be one, must not open the door.
    read: (v) => {
      if (v === '') return undefined;
      try {
        const u = new URL(v);
        return /^https?:$/.test(u.protocol) ? u.origin : '';
      } catch {
        return '';
      }
    },
    unusable: '',
    // Written back as an unusable value, so the atlas stays locked to nobody after a reload rather than open to everyone.
    write: (o) => o || 'invalid',
    kept: true,
    doc: {
      group: 'embed',
      example: 'origin=https://news.example.com',
      text: 'the origin of the page that embeds the atlas: the atlas then accepts messages only from that origin and sends its messages only to it. A malformed or too long value lets no page in',
      default: 'any origin',
    },
  }),
  title: param<string>({
    max: 4 * TITLE_MAX,
    read: (v) => normalizeText(v, TITLE_MAX) || undefined,
    write: (t) => normalizeText(t, TITLE_MAX) || null,
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'title=Wagner%20in%20Libya', text: `your heading for the embed, plain text, up to ${TITLE_MAX} characters (longer is cut with "…")`, default: '"Libya–Russia Atlas"' },
  }),
  caption: param<string>({
    max: 4 * CAPTION_MAX,
    read: (v) => normalizeText(v, CAPTION_MAX) || undefined,
    write: (c) => normalizeText(c, CAPTION_MAX) || null,
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'caption=Since%202019', text: `one line under the title, plain text, up to ${CAPTION_MAX} characters`, default: 'none' },
  }),
  chrome: param<boolean>({
    max: 16,
    ...flag('minimal'),
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'chrome=minimal', text: '`minimal`: no language, Data or Share buttons', default: 'all shown' },
  }),
  static: param<boolean>({
    max: 4,
    ...flag(),
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'static=1', text: '`1`: the date is fixed, no slider or Play (a static illustration; a message from the article can still move it)', default: 'the slider' },
  }),
  theme: param<Theme>({
    max: 8,
    read: (v) => (isTheme(v) ? v : undefined),
    write: (t) => (t === 'light' ? null : t),
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'theme=dark', text: "`dark`, or `auto` (follows the reader's light or dark setting); works in the full atlas too", default: '`light`' },
  }),
  bg: param<boolean>({
    max: 16,
    ...flag('transparent'),
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'bg=transparent', text: "`transparent`: the embed has no background of its own, the article's shows around the map", default: "the atlas's background" },
  }),
  host: param<boolean>({
    max: 8,
    ...flag('amp'),
    kept: true,
    option: true,
    doc: { group: 'embed', example: 'host=amp', text: "`amp`: inside an AMP page's `amp-iframe` (the Share dialog's AMP code sets it): the atlas also asks AMP for its height", default: 'off' },
  }),
  layout: param<boolean>({
    max: 8,
    ...flag('story'),
    kept: true,
    option: true,
    doc: {
      group: 'embed',
      example: 'layout=story',
      text: "`story`: the graphic of a scrolling story ([Stories](stories.md)): the map, the date and the step's place in words, filling the frame's height, without the slider or the buttons. embed.js sets it on a frame followed by marked paragraphs",
      default: 'the embed',
    },
  }),
  release: param<ReleaseParam>({
    max: 32,
    read: parseReleaseParam,
    unusable: { kind: 'malformed' },
    // A malformed value is dropped (the newest release is shown, with a note saying so).
    write: (r) => (r.kind === 'id' ? r.id : r.kind === 'latest' ? 'latest' : null),
    kept: true,
    doc: {
      group: 'embed',
      example: 'release=2026-12-02-586c19',
      text: 'the release of the record to show ([Releases](embedding.md#releases-what-an-embed-keeps-showing)): a release id (the snippet carries the release you see when you copy it), or `latest` to follow the newest (untick "Keep showing this release" in the Share dialog). An id this atlas does not have, or a malformed value, shows the newest with a note under the map',
      default: 'the newest',
    },
  }),
} as const;

export type ParamName = keyof typeof PARAMS;
export type ParamValue<K extends ParamName> = (typeof PARAMS)[K] extends ParamSpec<infer T> ? T : never;
export type ParamValues = { [K in ParamName]?: ParamValue<K> };

/** The names of the table, in its order (the order of the URLs the atlas writes). */
export const PARAM_NAMES = Object.keys(PARAMS) as ParamName[];
/** Carried through every rewrite of an embed's URL. */
export const KEPT = PARAM_NAMES.filter((n) => 'kept' in PARAMS[n]);
/** The host page's `atlas:set` may set these. */
export const MESSAGE_FIELDS = PARAM_NAMES.filter((n) => 'message' in PARAMS[n]);
/** The Share dialog's embed options. */
export const OPTIONS = PARAM_NAMES.filter((n) => 'option' in PARAMS[n]);
