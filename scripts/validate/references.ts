/**
 * Ids and the references between files: unique ids, references that resolve, and "did you mean"
 * only when a known id of the same kind is a near spelling of the wrong one.
 */
import { lineOf, type Path } from './files.ts';
import { FILES, SOURCES_DIR, recordPath, str, strings, has, type Entry } from './records.ts';
import { pathText, type Report } from './report.ts';
import { isObject } from './schema-messages.ts';

/** What the records may refer to; a null set means that file could not be read, so references to it go unchecked. */
export interface Known {
  /** Libyan places, regions and zones. */
  places: Set<string> | null;
  /** zone id → its region id */
  zones: Map<string, string>;
  counterparts: Set<string> | null;
  actors: Set<string> | null;
  sources: Set<string>;
  /** Actors and sources: who can make a claim. */
  claimants: Set<string> | null;
  events: Set<string>;
  /** Events and presences: what a response can answer. */
  answerable: Set<string>;
}

/** Edits allowed for a suggestion: a quarter of the id's length, at least one. */
const nearEnough = (length: number): number => Math.max(1, Math.floor(length / 4));

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
 * characters as one edit (optimal string alignment), or `limit + 1` as soon as it must exceed `limit`.
 * @example editDistance('sabah', 'sabha') // 1
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      next[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [before, row] = [row, next];
  }
  return row[b.length]!;
}

/**
 * The known id `wrong` most likely meant: the nearest spelling that begins with the same character,
 * within a quarter of its length (at least one edit); none when nothing is that close, and none when
 * two are equally close. A different first letter makes a different name, not a slip: "kufra" is
 * another town than "jufra", and a new place is added rather than guessed.
 * @example nearest('tripolli', ['tripoli', 'tobruk']) // 'tripoli'
 * @example nearest('kufra', ['jufra']) // undefined
 */
export function nearest(wrong: string, known: Iterable<string>): string | undefined {
  const limit = nearEnough(wrong.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const k of known) {
    if (k[0] !== wrong[0]) continue;
    const d = editDistance(wrong, k, Math.min(limit, bestDistance));
    if (d < bestDistance) [best, bestDistance, tie] = [k, d, false];
    else if (d === bestDistance && best !== undefined) tie = true;
  }
  return tie ? undefined : best;
}

/** How to add a place the map does not have yet. */
export const NEW_PLACE_HINT = 'If it is a place the map does not have yet, add it to PLACES in scripts/build-geo.ts (names in English, Arabic and Russian, region, coordinates) and run npm run geo — see data/README.md, "Adding a place"';

/** "… — did you mean "tripoli"? Known place ids: …" */
export function unknownIdMessage(field: string, value: string, kind: string, known: Set<string>, where: string): string {
  const guess = nearest(value, known);
  const hint = guess ? ` — did you mean "${guess}"?` : '.';
  const list = known.size <= 30 ? ` Known ${kind} ids: ${[...known].join(', ')}.` : ` See ${where} for the known ids.`;
  return `${field}: "${value}" is not a known ${kind} id${hint}${list}${kind === 'place' ? ` ${NEW_PLACE_HINT}.` : ''}`;
}

export function checkRef(report: Report, e: Entry, path: Path, value: string, kind: string, known: Set<string> | null, where: string): void {
  if (known && !known.has(value)) report.at(e.doc, recordPath(e, ...path), e.id, unknownIdMessage(pathText(path), value, kind, known, where), 'references');
}

export function checkDuplicates(report: Report, entries: Entry[], scope: string): Set<string> {
  const first = new Map<string, Entry>();
  for (const e of entries) {
    if (e.id === undefined) continue;
    const prior = first.get(e.id);
    if (!prior) {
      first.set(e.id, e);
      continue;
    }
    const line = lineOf(prior.doc, recordPath(prior, 'id'));
    report.at(e.doc, recordPath(e, 'id'), e.id, `duplicate id "${e.id}" — also used at ${prior.doc.file}${line ? `:${line}` : ''}; ids must be unique ${scope}, so give one of them a new id`, 'ids');
  }
  return new Set(first.keys());
}

export function checkCitations(report: Report, e: Entry, known: Known): void {
  if (!has(e, 'sources') || !Array.isArray(e.record.sources)) return;
  checkCitationList(report, e, ['sources'], e.record.sources, known);
}

/** Each citation of a list (a record's `sources`, or a claim's at `claims[n].sources`) names a known source. */
export function checkCitationList(report: Report, e: Entry, at: Path, list: unknown[], known: Known): void {
  list.forEach((c: unknown, n: number) => {
    if (isObject(c) && typeof c.source === 'string' && !known.sources.has(c.source)) {
      const guess = nearest(c.source, known.sources);
      report.at(
        e.doc,
        recordPath(e, ...at, n, 'source'),
        e.id,
        `${pathText([...at, n, 'source'])}: "${c.source}" is not a known source — there is no ${SOURCES_DIR}${c.source}.json${guess ? `; did you mean "${guess}"?` : '; add that file (see data/README.md)'}`,
        'references',
      );
    }
  });
}

export function checkContestedBy(report: Report, e: Entry, known: Known): void {
  strings(e, 'contestedBy').forEach((a, n) => checkRef(report, e, ['contestedBy', n], a, 'actor', known.actors, FILES.actors));
  if (has(e, 'contestedBy') && e.record.contested !== true) {
    report.at(e.doc, recordPath(e, 'contestedBy'), e.id, '"contestedBy" is set but "contested" is not true — add "contested": true or remove "contestedBy"', 'references');
  }
}

/** claimedBy names an actor or a source. */
export function checkClaimedBy(report: Report, e: Entry, known: Known): void {
  const claimedBy = str(e, 'claimedBy');
  if (claimedBy !== undefined) checkRef(report, e, ['claimedBy'], claimedBy, 'actor or source', known.claimants, `${FILES.actors} and ${SOURCES_DIR}`);
}

/** responds names the event or presence it answers. */
export function checkResponds(report: Report, e: Entry, known: Known): void {
  const responds = str(e, 'responds');
  if (responds === undefined) return;
  if (responds === e.id) {
    report.at(e.doc, recordPath(e, 'responds'), e.id, 'responds: an event cannot respond to itself — give the id of the event or presence it answers', 'references');
    return;
  }
  if (known.answerable.has(responds)) return;
  const guess = nearest(responds, known.answerable);
  report.at(
    e.doc,
    recordPath(e, 'responds'),
    e.id,
    `responds: "${responds}" is not a known event or presence id${guess ? ` — did you mean "${guess}"?` : '.'} It must be the id of an event in ${FILES.events} or of a presence in ${FILES.presence}.`,
    'references',
  );
}
