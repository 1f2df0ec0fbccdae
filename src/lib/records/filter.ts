/**
 * The record view's filters as values (kept apart from recordList.ts so the URL and the app state
 * can name them without loading the record list into the first view).
 */
import type { EventCategory, Status } from './types.ts';

export const RECORD_KINDS = ['presence', 'control', 'event'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const CATEGORIES = ['diplomatic', 'military', 'economic', 'control'] as const satisfies readonly EventCategory[];
export const STATUSES = ['confirmed', 'reported', 'alleged', 'denied'] as const satisfies readonly Status[];

export interface RecordFilter {
  /** Empty: every kind (likewise for categories and statuses). */
  kinds: RecordKind[];
  categories: EventCategory[];
  /** An actor id, or null for everyone. */
  actor: string | null;
  statuses: Status[];
  russia: boolean;
}

export const NO_FILTER: RecordFilter = { kinds: [], categories: [], actor: null, statuses: [], russia: false };

/** Is anything filtered? */
export const isFiltered = (f: RecordFilter): boolean =>
  f.kinds.length > 0 || f.categories.length > 0 || f.actor !== null || f.statuses.length > 0 || f.russia;
