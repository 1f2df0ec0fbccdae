/**
 * The shape of every record in data/, as zod schemas. The validator (scripts/validate.ts) checks
 * the files against these; the app imports only the inferred types, so zod never ships to readers.
 */
import { z } from 'zod';

/** Stable ids written in the data: lower-case words joined by hyphens, e.g. `putin-visit-2008-04`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case letters, digits and single hyphens, e.g. "putin-visit-2008-04"');

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
    kind: z.enum(['news', 'wire', 'encyclopedia', 'analysis', 'official', 'study', 'book']),
    note: NoHtml.optional(),
    /** For the project's seed documents: the file name in ../shared/seeds, so a test can check passages word for word. */
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
    /** A region or place id from geo/. */
    place: Id,
    /** The controlling authority (an actor id); "unknown" for a documented gap. */
    actor: Id,
    contested: z.boolean().optional(),
    /** Who contested control, when `contested` is true. */
    contestedBy: z.array(Id).optional(),
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
    /** For a denial or response: the id of the event it answers. */
    responds: Id.optional(),
    sources: Sources,
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
