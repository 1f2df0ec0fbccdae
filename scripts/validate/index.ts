/**
 * The validator behind `npm run validate`: checks every file in geo/ and data/ and returns every
 * problem at once, each with the file, line and record id an editor needs to find and fix it.
 * Pure: it takes the files (repo-relative path → text, or what stands in for a file it must not
 * read, see files.ts) and never throws, so tests can feed it broken fixtures and the CLI
 * (scripts/validate.ts) only reads the disk (disk.ts) and prints.
 *
 * One file per concern: files.ts (reading, JSON, lines), report.ts (problems and their lines),
 * schema-messages.ts, records.ts, references.ts (ids), time.ts (dates, lifespans, control
 * histories and zones), sourcing.ts (the sourcing standard and seed passages), hygiene.ts (text),
 * i18n.ts (translations), releases.ts (releases, their snapshots and the corrections log), geo.ts, counts.ts.
 */
import { Actor, ControlPeriod, HistEvent, Presence } from '../../src/lib/records/schema.ts';
import { todayOf } from './dates.ts';
import { duplicateKeyMessage, parseDoc, specialMessage, type Doc, type FileSet, type Path } from './files.ts';
import { checkGeo, featureId, features } from './geo.ts';
import { checkClaims } from './claims.ts';
import { checkDuplicateEvents, checkDuplicatePresences, type Tables } from './duplicates.ts';
import { checkHygiene } from './hygiene.ts';
import { checkMissingTranslations, checkTranslations, type TranslatableKind } from './i18n.ts';
import {
  FILES,
  I18N_DIR,
  SEEDS_DIR,
  SOURCES_DIR,
  isI18nFile,
  isSeedFile,
  isSourceFile,
  readList,
  readSources,
  recordPath,
  str,
  strings,
  type Entry,
} from './records.ts';
import { checkCitations, checkClaimedBy, checkContestedBy, checkDuplicates, checkRef, checkResponds, type Known } from './references.ts';
import { Report, type Problem } from './report.ts';
import { isObject } from './schema-messages.ts';
import { checkAligned, checkPlaceholderTitle, checkSeedPassages as checkSeeds, checkSourceStandard, checkStatus, responsesTo } from './sourcing.ts';
import { checkReleases } from './releases.ts';
import type { TranslationEntry } from '../../src/lib/records/release.ts';
import { CORRECTIONS_FILE, RELEASES_FILE, isSnapshotFile, readSnapshot, snapshotPath } from '../lib/releases.ts';
import { checkStories, isStoryFile, STORIES_DIR } from './stories.ts';
import { checkCoverage, checkDate, checkLifespanEvent, checkLifespanSpan, checkOverlaps, checkSpan, checkYearOnly, lifespans, type Lifespan, type Period } from './time.ts';

export { FILES } from './records.ts';
export { CORE_PLACES } from './time.ts';
export { formatProblem, formatProblems, MAX_LISTED_PER_FILE, plural, type Problem } from './report.ts';
export { countRecords, formatCounts, type Counts } from './counts.ts';
export { collapseWhitespace } from './sourcing.ts';
export { MAX_DEPTH, MAX_FILE_BYTES, type FileInput, type FileSet, type Special } from './files.ts';
export { TEXT_LIMITS, DEFAULT_TEXT_LIMIT } from './hygiene.ts';

export interface ValidateOptions {
  /** "Today": no date may be later, and every place's control history must reach it. */
  now?: Date;
}

const PLACES_WHERE = 'geo/places.geojson, geo/regions.geojson and geo/zones.geojson';

/** Files the atlas reads, or that belong in data/ (the seeds and the READMEs). */
function isExpected(file: string): boolean {
  return (
    (Object.values(FILES) as string[]).includes(file) ||
    isSourceFile(file) ||
    isI18nFile(file) ||
    isSeedFile(file) ||
    file === RELEASES_FILE ||
    file === CORRECTIONS_FILE ||
    isSnapshotFile(file) ||
    file === 'data/README.md' ||
    isStoryFile(file) ||
    file === `${SEEDS_DIR}README.md` ||
    /^geo\/[^/]+\.geojson$/.test(file)
  );
}

const isJson = (file: string): boolean => file.endsWith('.json') || file.endsWith('.geojson');

/** Reads what can be read; reports links, folders, oversized and unknown files. */
function readAll(files: FileSet, report: Report): { docs: Map<string, Doc>; seeds: Map<string, string> } {
  const docs = new Map<string, Doc>();
  const seeds = new Map<string, string>();
  for (const [file, input] of Object.entries(files)) {
    const expected = isExpected(file);
    if (typeof input !== 'string') {
      if (input.kind !== 'unread') report.file(file, specialMessage(input), 'file-kind');
      else if (!expected) report.file(file, unknownFileMessage, 'unknown-file');
      continue;
    }
    if (!expected) {
      report.file(file, unknownFileMessage, 'unknown-file');
      continue;
    }
    if (isSeedFile(file)) seeds.set(file.slice(SEEDS_DIR.length), input);
    else if (isJson(file)) {
      const doc = parseDoc(file, input, report);
      if (doc) docs.set(file, doc);
    }
  }
  return { docs, seeds };
}

const unknownFileMessage = `is not a file the atlas reads — expected ${[FILES.actors, FILES.control, FILES.presence, FILES.events].join(', ')}, ${SOURCES_DIR}<source-id>.json, ${I18N_DIR}<language>.json, ${SEEDS_DIR}<seed>.txt, ${RELEASES_FILE}, data/releases/<release-id>.json, ${CORRECTIONS_FILE}, geo/<layer>.geojson or stories/<story-id>.json; move or rename it`;

/** For messages about a value: the record id and the path inside the record. */
function locator(doc: Doc): (path: Path) => { id?: string; inner: Path } {
  const data = doc.data;
  if (doc.file.startsWith('geo/')) {
    const list = features(doc);
    return (path) => (path[0] === 'features' && typeof path[1] === 'number' ? { id: featureId(list[path[1]]), inner: path.slice(2) } : { inner: path });
  }
  if (Array.isArray(data)) {
    return (path) => {
      const record = typeof path[0] === 'number' ? data[path[0]] : undefined;
      return { id: isObject(record) && typeof record.id === 'string' ? record.id : undefined, inner: path.slice(1) };
    };
  }
  if (isI18nFile(doc.file)) return (path) => ({ id: path[0] === undefined ? undefined : String(path[0]), inner: path.slice(1) });
  const id = isObject(data) && typeof data.id === 'string' ? data.id : undefined;
  return (path) => ({ id, inner: path });
}

/**
 * Every problem in the atlas's files, sorted by file and line; an empty list means the data may ship.
 * @param files repo-relative path → file text, e.g. { "data/events.json": "[…]" }
 */
export function validateAll(files: FileSet, options: ValidateOptions = {}): Problem[] {
  return check(files, options).sorted();
}

/**
 * The problems (which stop the build) and the warnings (printed, but the data may ship: a likely
 * duplicate, an older record's missing translation), each sorted by file and line.
 */
export function validateWithWarnings(files: FileSet, options: ValidateOptions = {}): { problems: Problem[]; warnings: Problem[] } {
  const report = check(files, options);
  return { problems: report.sorted(), warnings: report.sortedWarnings() };
}

function check(files: FileSet, options: ValidateOptions): Report {
  const report = new Report();
  const today = todayOf(options.now ?? new Date());
  /** Runs one step; a bug in it is reported with the files it was checking, and the other steps go on. */
  const step = (where: string, run: () => void): void => {
    try {
      run();
    } catch (error) {
      report.file(where, `could not be checked fully: internal error in the validator (${error instanceof Error ? error.message : String(error)}) — the other checks went on; please report this line`, 'internal');
    }
  };

  // A file that exists but cannot be read (a link, a folder, too large) is reported as such, not as missing.
  const present = new Set(Object.keys(files));
  let docs = new Map<string, Doc>();
  let seeds = new Map<string, string>();
  step('data/ and geo/', () => ({ docs, seeds } = readAll(files, report)));
  // A release's snapshot was checked when it was made; it is history, not text to correct.
  for (const doc of docs.values()) if (!isSnapshotFile(doc.file)) step(doc.file, () => checkHygiene(report, doc, locator(doc)));
  // A key written twice: JSON keeps the last silently (a snapshot too: its hash covers only what JSON kept).
  for (const doc of docs.values()) {
    for (const d of doc.duplicates ?? []) step(doc.file, () => report.file(doc.file, duplicateKeyMessage(d), 'duplicate-key', d.line, locator(doc)(d.path).id));
  }

  let geo = { regions: null, places: null, zones: new Map(), counterparts: null } as ReturnType<typeof checkGeo>;
  step('geo/', () => (geo = checkGeo(report, docs, present)));

  let actors: Entry[] = [];
  let sources: Entry[] = [];
  let control: Entry[] = [];
  let presence: Entry[] = [];
  let events: Entry[] = [];
  step(FILES.actors, () => (actors = readList(report, docs, present, FILES.actors, Actor, 'actors')));
  step(SOURCES_DIR, () => (sources = readSources(report, docs)));
  step(FILES.control, () => (control = readList(report, docs, present, FILES.control, ControlPeriod, 'control periods')));
  step(FILES.presence, () => (presence = readList(report, docs, present, FILES.presence, Presence, 'presences')));
  step(FILES.events, () => (events = readList(report, docs, present, FILES.events, HistEvent, 'events')));

  const actorIds = checkDuplicates(report, actors, 'within data/actors.json');
  const sourceIds = checkDuplicates(report, sources, `within ${SOURCES_DIR}`);
  // A source file that cannot be read is already reported; its citations are not "unknown".
  for (const file of Object.keys(files)) if (isSourceFile(file) && !docs.has(file)) sourceIds.add(file.slice(SOURCES_DIR.length, -'.json'.length));
  checkDuplicates(report, [...control, ...presence, ...events], 'across control.json, presence.json and events.json');
  const actorsReadable = present.has(FILES.actors) && docs.has(FILES.actors);
  const eventIds = new Set(events.flatMap((e) => e.id ?? []));
  const presenceIds = new Set(presence.flatMap((e) => e.id ?? []));
  const known: Known = {
    places: geo.places && geo.regions ? new Set([...geo.regions, ...geo.places, ...geo.zones.keys()]) : null,
    zones: geo.zones,
    counterparts: geo.counterparts,
    actors: actorsReadable ? actorIds : null,
    sources: sourceIds,
    claimants: actorsReadable ? new Set([...actorIds, ...sourceIds]) : null,
    events: eventIds,
    answerable: new Set([...eventIds, ...presenceIds]),
  };
  const sourcesById = new Map(sources.flatMap((s) => (s.id === undefined ? [] : [[s.id, s] as const])));
  const actorKinds = new Map(actors.flatMap((a) => (a.id !== undefined && str(a, 'kind') !== undefined ? [[a.id, str(a, 'kind')!] as const] : [])));
  const responses = responsesTo(events);

  let lives = new Map<string, Lifespan>();
  step(FILES.actors, () => (lives = lifespans(report, actors, today)));

  step(SOURCES_DIR, () => {
    for (const s of sources) {
      checkDate(report, s, 'date', today);
      checkAligned(report, s, known);
      checkPlaceholderTitle(report, s, true);
    }
  });

  const periods: Period[] = [];
  step(FILES.control, () => {
    for (const e of control) {
      const place = str(e, 'place');
      const actor = str(e, 'actor');
      if (place !== undefined) checkRef(report, e, ['place'], place, 'place', known.places, PLACES_WHERE);
      if (actor !== undefined) checkRef(report, e, ['actor'], actor, 'actor', known.actors, FILES.actors);
      checkContestedBy(report, e, known);
      checkClaims(report, e, known, actorKinds, sourcesById);
      checkCitations(report, e, known);
      checkSourceStandard(report, e, sourcesById, true);
      const dated = checkSpan(report, e, today);
      if (dated) checkLifespanSpan(report, e, dated.start, dated.end, lives, known, 'period');
      // A misspelt place is reported above; its periods would only add a second, confusing history.
      if (place !== undefined && dated && (known.places === null || known.places.has(place))) periods.push({ entry: e, place, span: dated.span });
    }
    checkOverlaps(report, periods, known.zones);
    checkCoverage(report, periods, docs.has(FILES.control) ? FILES.control : undefined, today, known.zones);
  });

  step(FILES.presence, () => {
    for (const e of presence) {
      const place = str(e, 'place');
      const actor = str(e, 'actor');
      if (place !== undefined) checkRef(report, e, ['place'], place, 'place', known.places, PLACES_WHERE);
      if (actor !== undefined) checkRef(report, e, ['actor'], actor, 'actor', known.actors, FILES.actors);
      checkClaimedBy(report, e, known);
      checkCitations(report, e, known);
      checkSourceStandard(report, e, sourcesById, false);
      checkStatus(report, e, responses, false);
      const dated = checkSpan(report, e, today);
      if (dated) checkLifespanSpan(report, e, dated.start, dated.end, lives, known, 'presence');
    }
  });

  step(FILES.events, () => {
    for (const e of events) {
      strings(e, 'places').forEach((p, n) => checkRef(report, e, ['places', n], p, 'place', known.places, PLACES_WHERE));
      strings(e, 'actors').forEach((a, n) => checkRef(report, e, ['actors', n], a, 'actor', known.actors, FILES.actors));
      const counterpart = str(e, 'counterpart');
      if (counterpart !== undefined) checkRef(report, e, ['counterpart'], counterpart, 'counterpart city', known.counterparts, FILES.counterparts);
      checkClaimedBy(report, e, known);
      checkResponds(report, e, known);
      checkCitations(report, e, known);
      checkSourceStandard(report, e, sourcesById, false);
      checkStatus(report, e, responses, true);
      checkPlaceholderTitle(report, e, false);
      const date = checkDate(report, e, 'date', today);
      checkYearOnly(report, e, date);
      if (date) checkLifespanEvent(report, e, date, lives, known);
      if (str(e, 'category') === 'diplomatic' && counterpart === undefined && !e.failed.has('counterpart')) {
        const list = known.counterparts ? ` — add "counterpart": one of ${[...known.counterparts].join(', ')}` : '';
        report.at(e.doc, recordPath(e, 'category'), e.id, `diplomatic event needs a counterpart city${list}`, 'references');
      }
    }
  });

  const tables: Tables = {};
  /** Languages whose table exists but cannot be read: reported once as such, and not as missing texts. */
  const unreadable = new Set<'ar' | 'ru'>();
  for (const lang of ['ar', 'ru'] as const) {
    const file = `${I18N_DIR}${lang}.json`;
    const data = docs.get(file)?.data;
    if (isObject(data)) tables[lang] = data;
    else if (present.has(file)) unreadable.add(lang);
  }
  step(FILES.events, () => checkDuplicateEvents(report, events, tables));
  step(FILES.presence, () => checkDuplicatePresences(report, presence));

  step(I18N_DIR, () => checkMissingTranslations(report, { control, presence, events }, tables, newestRelease(docs), unreadable));

  step(I18N_DIR, () => {
    // Keys are checked against the records only when every record file could be read as a list.
    const readable = [FILES.actors, FILES.control, FILES.presence, FILES.events].every((f) => Array.isArray(docs.get(f)?.data));
    const ids = readable ? translatableIds(known, actors, control, presence, events) : null;
    for (const doc of docs.values()) if (isI18nFile(doc.file)) checkTranslations(report, doc, ids);
  });

  step(SEEDS_DIR, () => checkSeeds(report, docs, sources, seeds));

  step(CORRECTIONS_FILE, () =>
    checkReleases(report, {
      docs,
      present,
      lists: { control, presence, events },
      readable: [FILES.control, FILES.presence, FILES.events].every((f) => Array.isArray(docs.get(f)?.data)),
      sourceIds,
      i18n: { ar: tableOf(present, docs, `${I18N_DIR}ar.json`), ru: tableOf(present, docs, `${I18N_DIR}ru.json`) },
      today,
    }),
  );
  step(STORIES_DIR, () => {
    // A record file that could not be read is reported once, as such; its ids are not "unknown" to a story.
    const readable = [FILES.control, FILES.presence, FILES.events].every((f) => Array.isArray(docs.get(f)?.data));
    const records = readable ? new Set([...control, ...presence, ...events].flatMap((e) => e.id ?? [])) : null;
    checkStories(report, docs, { places: known.places, records }, today);
  });
  return report;
}

/**
 * The newest release's id and the ids of its records (control periods, presences, events); null
 * when there is none, or its snapshot cannot be read (the release checks say why).
 */
function newestRelease(docs: Map<string, Doc>): { id: string; records: Set<string> } | null {
  const list = docs.get(RELEASES_FILE)?.data;
  const newest = Array.isArray(list) ? list[list.length - 1] : undefined;
  if (!isObject(newest) || typeof newest.id !== 'string') return null;
  const doc = docs.get(snapshotPath(newest.id));
  if (!doc) return null;
  try {
    const { content } = readSnapshot(doc.text);
    const ids = [...content.control, ...content.presence, ...content.events].map((r) => r.id);
    return { id: newest.id, records: new Set(ids) };
  } catch {
    return null;
  }
}

/** A translation table as read (null when it could not be read as an object; absent: empty). */
function tableOf(present: Set<string>, docs: Map<string, Doc>, file: string): Record<string, TranslationEntry> | null {
  if (!present.has(file)) return {};
  const data = docs.get(file)?.data;
  return isObject(data) ? (data as Record<string, TranslationEntry>) : null;
}

/** Every id a translation may name, with its kind; null when a file they come from is unreadable. */
function translatableIds(known: Known, actors: Entry[], control: Entry[], presence: Entry[], events: Entry[]): Map<string, TranslatableKind> | null {
  if (known.actors === null || known.places === null) return null;
  const ids = new Map<string, TranslatableKind>();
  for (const p of known.places) ids.set(p, 'place');
  for (const [list, kind] of [[actors, 'actor'], [control, 'control period'], [presence, 'presence'], [events, 'event']] as const) {
    for (const e of list) if (e.id !== undefined) ids.set(e.id, kind);
  }
  return ids;
}

/**
 * Only the seed-passage check: citations of seed documents whose passage is not word for word in
 * the seed text. Paraphrases (`"paraphrase": true`) are summaries by definition and are not compared.
 * @param seeds seed file name → text; by default the files in data/seeds/ among `files`
 */
export function checkSeedPassages(files: FileSet, seeds?: Record<string, string>): Problem[] {
  const scratch = new Report();
  const { docs, seeds: inFiles } = readAll(files, scratch);
  const sources = readSources(scratch, docs);
  const report = new Report();
  checkSeeds(report, docs, sources, seeds ? new Map(Object.entries(seeds)) : inFiles);
  return report.sorted();
}
