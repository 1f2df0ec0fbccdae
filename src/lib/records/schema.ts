/**
 * The shape of every record in data/, as zod schemas. The build-time checker in scripts/ checks
 * the files against these; the app imports only the inferred types, so zod never ships to readers.
 */
import { z } from 'zod';

/**
 * The one pattern of every id the atlas reads (records, actors, sources, places, stories; in data/,
 * geo/ and release snapshots): lower-case words joined by hyphens, e.g. `putin-visit-2008-04`. It
 * is also what makes an id safe to put in a URL, an attribute or an SVG `url(#…)` reference.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_RULE = 'ids are lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04"';

/** Stable ids written in the data. */
export const Id = z.string().regex(ID_PATTERN, ID_RULE);

/**
 * A date as an editor writes it; its form is its precision:
 * "1975" (year), "1975-12" (month) or "1975-12-01" (day). Calendar validity is checked in time/dates.ts.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'dates are written "YYYY", "YYYY-MM" or "YYYY-MM-DD"');

const NoHtml = z
  .string()
  .min(1)
  .refine((s) => !/<[a-zA-Z!/?]/.test(s), 'text must not contain HTML tags; write plain text');

/** Text in the three languages of the atlas; English is required, Arabic and Russian may follow. */
export const Localized = z.object({ en: NoHtml, ar: NoHtml.optional(), ru: NoHtml.optional() }).strict();

export const HttpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'source URLs must start with http:// or https://');

export const Status = z.enum(['confirmed', 'reported', 'alleged', 'denied']);

/** A record's pointer to a source document and the passage in it that supports the record. */
export const Citation = z
  .object({
    source: Id,
    /** Word for word from the source, unless `paraphrase` is true. */
    passage: NoHtml,
    /** True when `passage` summarises the source rather than quoting it. */
    paraphrase: z.boolean().optional(),
  })
  .strict();

const Sources = z.array(Citation).min(1, 'every record cites at least one source');

export const SourceDoc = z
  .object({
    id: Id,
    publisher: NoHtml,
    title: NoHtml,
    author: NoHtml.optional(),
    date: PartialDate,
    url: HttpUrl.optional(),
    /** ISO 639-1 code of the document's language, e.g. "en". */
    language: z.string().regex(/^[a-z]{2}$/),
    /**
     * What sort of document it is. `wiki` is Wikipedia and its copies and forks (Infogalactic, WikiMili);
     * `aggregator` a page that stitches together others' texts. Neither can alone support a control
     * period or a "confirmed" record.
     */
    kind: z.enum(['news', 'wire', 'encyclopedia', 'wiki', 'aggregator', 'analysis', 'official', 'study', 'book']),
    /**
     * The party the source speaks for or is aligned with (an actor id): state media, a belligerent's
     * ministry or spokesman. A record resting only on sources aligned with a party is that party's
     * claim: "alleged" (or "denied"), shown as "according to …".
     */
    aligned: Id.optional(),
    note: NoHtml.optional(),
    /** For the project's seed documents: the file name in data/seeds/, so a test can check passages word for word. */
    seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/).optional(),
  })
  .strict();

export const Actor = z
  .object({
    id: Id,
    name: Localized,
    /** Short form for the legend and status text, e.g. "LNA". */
    short: Localized.optional(),
    kind: z.enum(['libyan-authority', 'foreign-administration', 'foreign-state', 'foreign-force', 'international', 'person', 'other', 'unknown']),
    /** Map colour for authorities that control territory (#rrggbb). */
    color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
    /** When it came into being (for a person: birth); absent when it predates the atlas or is unknown. */
    founded: PartialDate.optional(),
    /** When it ceased to exist (exclusive, like a period's end; for a person: death); absent while it exists. */
    ended: PartialDate.optional(),
  })
  .strict();

const intervalFields = {
  start: PartialDate,
  /** Exclusive: the first day, month or year in which it was no longer true. null = still true. */
  end: PartialDate.nullable(),
  /** The dates are approximate ("about 2019"). */
  circa: z.boolean().optional(),
  note: Localized.optional(),
  sources: Sources,
};

export const ControlPeriod = z
  .object({
    id: Id,
    /**
     * A region, zone or place id from geo/. A zone (geo/zones.geojson) is part of a region on one side
     * of a front line: while any zone of a region has a period, the region is divided and is drawn
     * zone by zone; the region itself then has no period of its own.
     */
    place: Id,
    /** The controlling authority (an actor id); "unknown" for a documented gap. */
    actor: Id,
    contested: z.boolean().optional(),
    /** Who contested control, when `contested` is true. */
    contestedBy: z.array(Id).optional(),
    /**
     * Rival authorities that claim to govern the place without fighting for it (ISW's "claimed", as
     * against "contested", which is armed contest): the holder keeps its fill; each claim is drawn
     * and said as a claim ("GNU holds Tripoli; the GNS claims authority") and cites its own sources.
     */
    claims: z.array(z.object({ actor: Id, sources: z.array(Citation).min(1, 'every claim cites at least one source') }).strict()).optional(),
    ...intervalFields,
  })
  .strict();

export const Presence = z
  .object({
    id: Id,
    /** The foreign force (an actor id). */
    actor: Id,
    place: Id,
    /** Strength as reported, in words, e.g. "about 3,500 advisers (1987)". */
    strength: Localized.optional(),
    status: Status,
    /** Who made the claim, for status "alleged" (an actor id or a source id). */
    claimedBy: Id.optional(),
    /** For an alleged presence: true when no response or denial was found after a search. */
    noResponse: z.boolean().optional(),
    ...intervalFields,
  })
  .strict();

export const EventCategory = z.enum(['diplomatic', 'military', 'economic', 'control']);

export const HistEvent = z
  .object({
    id: Id,
    date: PartialDate,
    circa: z.boolean().optional(),
    /** Libyan places (geo/ ids) where it happened or which it concerned. */
    places: z.array(Id).min(1),
    category: EventCategory,
    title: Localized,
    summary: Localized,
    actors: z.array(Id),
    /** For diplomatic events: the foreign city (geo/counterparts.geojson id), e.g. "moscow". */
    counterpart: Id.optional(),
    /** true when the event concerns Libya and the USSR/Russia. */
    russia: z.boolean(),
    status: Status,
    /** Who made the claim, for status "alleged" or "reported" (an actor id or a source id). */
    claimedBy: Id.optional(),
    /** For a denial or response: the id of the event or presence it answers. */
    responds: Id.optional(),
    /** For an allegation: true when no response or denial was found after a search. */
    noResponse: z.boolean().optional(),
    /** Why the date is known only to the year or approximately, or anything else a reader should know. */
    note: Localized.optional(),
    sources: Sources,
  })
  .strict();

/** A day, "2026-12-02": releases and corrections are dated to the day. */
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the day as "YYYY-MM-DD"');

/** A release of the record (data/releases.json), written by `npm run release`. */
export const ReleaseId = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{6}$/, 'release ids are the release\'s date and 6 hex digits, e.g. "2026-12-02-a1b2c3", as `npm run release` writes them');

/** A full SHA-256, 64 lower-case hex digits. */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 hex digits, as `npm run release` writes it');

export const Release = z
  .object({
    id: ReleaseId,
    date: Day,
    /** One line saying what the release brought. */
    summary: NoHtml.max(200),
    /** The SHA-256 of the snapshot's canonical content (issue 24): the id keeps only its first 6 hex digits. */
    sha256: Sha256,
    /** The SHA-256 of the release line above (null for the first): the releases are one chain. */
    previous: Sha256.nullable(),
    /** The SHA-256 of the corrections log as it stood when the release was made. */
    corrections: Sha256,
  })
  .strict();

/** One field of one record, before and after; a field absent before (or after) has no `before` (or `after`). */
export const FieldChange = z
  .object({
    record: Id,
    /** A field of the record, e.g. "start"; a translation of one, its name and language: "title.ar" (issue 24). */
    field: z.string().regex(/^[a-zA-Z]+(?:\.(?:ar|ru))?$/, 'write the name of one field of the record, e.g. "start", or of its translation, e.g. "title.ar"'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .strict();

export const RemovalChange = z.object({ record: Id, removed: z.literal(true) }).strict();

/** One entry of data/corrections.json: a change to a published record, why, and the source that prompted it. */
export const Correction = z
  .object({
    date: Day,
    records: z.array(Id).min(1),
    changes: z.array(z.union([RemovalChange, FieldChange])).min(1),
    reason: Localized,
    source: Id,
    /** Stamped by `npm run release` when the correction is published. */
    release: ReleaseId.optional(),
    /** The reader's report it came from, where there was one: the or message's web address (the corrections view links to it). */
    report: z
      .string()
      .url()
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'write the web address (http:// or https://) of the issue or message the report came from')
      .optional(),
  })
  .strict();

/** A month as a story step names it: "2019-04". */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a story step\'s months are written "YYYY-MM"');

/**
 * One step of a story: the view it shows (a month, or a span of months whose last month is shown,
 * a place, layers), what a reader is told (caption, alt text) and the records it rests on.
 */
export const StoryStep = z
  .object({
    /** The month shown; with `until`, the first month of the span the step tells. */
    date: MonthKey,
    /** The last month of a span: the map shows it, and the step tells what happened from `date` to it. */
    until: MonthKey.optional(),
    place: Id.optional(),
    layers: z.array(z.enum(['control', 'presence', 'diplomacy'])).optional(),
    caption: Localized,
    /** A description of the step's map for readers who cannot see it; made from the view when absent. */
    alt: Localized.optional(),
    /** The records (control periods, presences, events) the caption rests on: their sources are the step's. */
    records: z.array(Id).min(1, 'a step rests on at least one record: list the ids of the records its caption states'),
  })
  .strict();

/** A guided story through the atlas (stories/<id>.json): a title, a one-line description and its steps. */
export const Story = z
  .object({
    id: Id,
    title: Localized,
    description: Localized,
    steps: z.array(StoryStep).min(2, 'a story has at least two steps').max(20, 'a story has at most 20 steps'),
  })
  .strict();

export const SourcesFile = z.array(SourceDoc);
export const ActorsFile = z.array(Actor);
export const ControlFile = z.array(ControlPeriod);
export const PresenceFile = z.array(Presence);
export const EventsFile = z.array(HistEvent);

export type Localized = z.infer<typeof Localized>;
export type Status = z.infer<typeof Status>;
export type Citation = z.infer<typeof Citation>;
export type SourceDoc = z.infer<typeof SourceDoc>;
export type Actor = z.infer<typeof Actor>;
export type ControlPeriod = z.infer<typeof ControlPeriod>;
export type Presence = z.infer<typeof Presence>;
export type EventCategory = z.infer<typeof EventCategory>;
export type HistEvent = z.infer<typeof HistEvent>;
export type Story = z.infer<typeof Story>;
export type StoryStep = z.infer<typeof StoryStep>;
