/**
 * The validator behind `npm run validate`: checks every file in geo/ and data/ and returns every
 * problem at once, each with the file, line and record id an editor needs to find and fix it.
 * Pure: it takes the files' texts (repo-relative path → text) and never throws, so tests can feed
 * it broken fixtures and scripts/validate.ts only has to read the disk and print.
 */
import type { z } from 'zod';
import { Actor, ControlPeriod, HistEvent, Presence, SourceDoc } from './schema.ts';
import { floorOf, parsePartialDate } from '../time/dates.ts';
import { overlaps, spanOf, type Interval } from '../time/interval.ts';
import { FIRST_MONTH } from '../time/months.ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { checkGeoFile, checkPlacesInRegions, checkRegionsTile } from '../../../scripts/lib/geo-checks.ts';

export interface Problem {
  /** Repo-relative path, e.g. "data/events.json". */
  file: string;
  line?: number;
  /** The record's id, when the problem belongs to one record. */
  id?: string;
  /** What is wrong and how to fix it, in words for a data editor. */
  message: string;
}

export interface ValidateOptions {
  /** "Today", up to which every place's control history must be covered. */
  now?: Date;
}

export const FILES = {
  regions: 'geo/regions.geojson',
  places: 'geo/places.geojson',
  /** Parts of a region on either side of a front line, for the months it is divided. */
  zones: 'geo/zones.geojson',
  counterparts: 'geo/counterparts.geojson',
  /** Optional here; its country flagged `libya: true` is the outline the regions must tile. */
  basemap: 'geo/basemap.geojson',
  actors: 'data/actors.json',
  control: 'data/control.json',
  presence: 'data/presence.json',
  events: 'data/events.json',
} as const;

const SOURCES_DIR = 'data/sources/';

/** Places whose control history must reach back to the atlas's first month, January 1943. */
export const CORE_PLACES = ['tripolitania', 'cyrenaica', 'fezzan', 'tripoli', 'benghazi', 'tobruk'];

// ---------------------------------------------------------------------------------------------
// Files and lines

type Path = (string | number)[];

/** A parsed file, with the offset of every value (up to a few levels deep) to point at lines. */
interface Doc {
  file: string;
  text: string;
  data: unknown;
  offsets: Map<string, number>;
}

const pathKey = (path: Path): string => path.join('\u0000');

/** Depth of the paths worth remembering: records' fields and their citations, features' properties. */
const MAX_LOCATED_DEPTH = 5;

class ScanError extends Error {
  constructor(readonly pos: number) {
    super(`JSON scan stopped at ${pos}`);
  }
}

/**
 * Walks JSON text and records where each value (or object member's key) begins. JSON.parse gives
 * no positions for values, and on Node 20 not always for its errors; this gives both.
 */
function scanOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (): never => {
    throw new ScanError(i);
  };
  const mark = (path: Path, at: number) => {
    if (path.length <= MAX_LOCATED_DEPTH && !offsets.has(pathKey(path))) offsets.set(pathKey(path), at);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail();
    }
  };
  const readValue = (path: Path): void => {
    skipSpace();
    mark(path, i);
    const c = text[i];
    if (c === '{') return readMembers(path);
    if (c === '[') return readElements(path);
    if (c === '"') return void readString();
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!literal) fail();
    i += literal![0].length;
  };
  const readMembers = (path: Path): void => {
    i++;
    skipSpace();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipSpace();
      const at = i;
      const name = readString();
      mark([...path, name], at);
      skipSpace();
      if (text[i] !== ':') fail();
      i++;
      readValue([...path, name]);
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === '}') return void i++;
      else fail();
    }
  };
  const readElements = (path: Path): void => {
    i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (let n = 0; ; n++) {
      readValue([...path, n]);
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === ']') return void i++;
      else fail();
    }
  };
  readValue([]);
  skipSpace();
  if (i < text.length) fail();
  return offsets;
}

function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * The line of the value at `path`; when it is not written (a missing field), the line of the
 * enclosing record's "id", else of the nearest enclosing value.
 */
function lineOf(doc: Doc, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const at = (n < path.length ? doc.offsets.get(pathKey([...prefix, 'id'])) : undefined) ?? doc.offsets.get(pathKey(prefix));
    if (at !== undefined) return lineAtOffset(doc.text, at);
  }
  return undefined;
}

/** Where JSON.parse gave up: its own position when it names one, else where the scanner stopped. */
function syntaxErrorOffset(text: string, error: unknown): number {
  const stated = /position (\d+)/.exec(String(error));
  if (stated) return Number(stated[1]);
  try {
    scanOffsets(text);
  } catch (e) {
    if (e instanceof ScanError) return e.pos;
  }
  return text.length;
}

function parseDoc(file: string, text: string, problems: Problem[]): Doc | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const line = lineAtOffset(text, syntaxErrorOffset(text, error));
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({
      file,
      line,
      message: `is not valid JSON (${reason}); look for a missing or extra comma, quote or bracket on this line or the one before`,
    });
    return null;
  }
  let offsets = new Map<string, number>();
  try {
    offsets = scanOffsets(text);
  } catch {
    // The file parsed; only the line numbers are lost.
  }
  return { file, text, data, offsets };
}

// ---------------------------------------------------------------------------------------------
// Reporting

class Report {
  readonly problems: Problem[] = [];

  at(doc: Doc, path: Path, id: string | undefined, message: string): void {
    this.problems.push({ file: doc.file, line: lineOf(doc, path), id, message });
  }

  file(file: string, message: string): void {
    this.problems.push({ file, message });
  }

  /** Sorted by file and line; identical lines (zod can say one thing twice) only once. */
  sorted(): Problem[] {
    const seen = new Set<string>();
    return this.problems
      .filter((p) => {
        const key = formatProblem(p);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.id === undefined ? '' : `[${p.id}] `}${p.message}`;
}

const quote = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
};

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${String(seg)}` : String(seg)), '');
}

/** The known id `wrong` most likely meant: a near spelling, else one that contains it or is contained in it. */
function nearest(wrong: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wrong.length / 3)) + 1;
  let containing: string | undefined;
  for (const k of known) {
    const d = editDistance(wrong, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
    if (containing === undefined && wrong.length >= 3 && (k.includes(wrong) || wrong.includes(k))) containing = k;
  }
  return best ?? containing;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** "… — did you mean "tripoli"? Known place ids: …" */
function unknownIdMessage(field: string, value: string, kind: string, known: Set<string>, where: string): string {
  const guess = nearest(value, known);
  const hint = guess ? ` — did you mean "${guess}"?` : '.';
  const list = known.size <= 30 ? ` Known ${kind} ids: ${[...known].join(', ')}.` : ` See ${where} for the known ids.`;
  return `${field}: "${value}" is not a known ${kind} id${hint}${list}`;
}

// ---------------------------------------------------------------------------------------------
// Schema (zod) problems, in an editor's words

type Obj = Record<string, unknown>;
type Issue = z.core.$ZodIssue;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The field names an object schema allows at `path` (zod objects inside optional/array wrappers). */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  const unwrap = () => {
    while (s && typeof (s as { unwrap?: unknown }).unwrap === 'function' && !(s as { shape?: unknown }).shape) {
      s = (s as { unwrap: () => unknown }).unwrap();
    }
  };
  for (const seg of path) {
    unwrap();
    s = typeof seg === 'number' ? (s as { element?: unknown }).element : (s as { shape?: Record<string, unknown> }).shape?.[String(seg)];
  }
  unwrap();
  const shape = (s as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const FORM_HINTS: Record<string, string> = {
  language: 'write the two-letter ISO 639-1 code of the document\'s language, e.g. "en", "ar", "ru"',
  color: 'write a colour as "#rrggbb", e.g. "#2e8b57"',
  seed: 'write the seed document\'s file name, e.g. "003_fa730cb833beec71.txt"',
};

const URL_RULE = 'source URLs must be complete web addresses starting with http:// or https:// (no javascript:, ftp:, mailto: or bare domains)';

function describeIssue(issue: Issue, record: unknown, schema: z.ZodType): string {
  const where = pathText(issue.path);
  const value = valueAt(record, issue.path);
  const last = issue.path[issue.path.length - 1];
  const field = where || 'record';
  if (last === 'url' && (issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'url'))) {
    return `${field} ${quote(value)} is not allowed: ${URL_RULE}`;
  }
  if (value === undefined && issue.code === 'invalid_value') return `missing field "${where}" — add it (one of ${issue.values.map(String).join(', ')})`;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `missing field "${where}" — add it (${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`})`;
      return `${field} should be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}, not ${quote(value)}`;
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path);
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${where ? `${where}: ` : ''}unknown field ${keys} — remove it or correct its spelling${allowed.length ? ` (allowed fields: ${allowed.join(', ')})` : ''}`;
    }
    case 'invalid_value':
      return `${field} is ${quote(value)}; use one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.message.startsWith('Too small') && issue.origin === 'array') return `${field} must list at least ${String(issue.minimum)}`;
      if (issue.message.startsWith('Too small') && issue.origin === 'string') return `${field} is empty — write the text or remove the field`;
      return `${field}: ${issue.message}`;
    case 'invalid_format':
      if (issue.message.startsWith('Invalid string') && typeof last === 'string' && FORM_HINTS[last]) {
        return `${field} ${quote(value)} has the wrong form: ${FORM_HINTS[last]}`;
      }
      return `${field} ${quote(value)}: ${issue.message}`;
    case 'custom': {
      const tag = typeof value === 'string' ? /<[a-zA-Z!/?][^<>]{0,30}>?/.exec(value)?.[0] : undefined;
      return `${field}: ${issue.message}${tag ? ` (found ${quote(tag)})` : ''}`;
    }
    default:
      return `${field}${value === undefined ? '' : ` ${quote(value)}`}: ${issue.message}`;
  }
}

/** Checks one record against its zod schema; returns the top-level fields that failed. */
function checkSchema(report: Report, doc: Doc, path: Path, record: unknown, schema: z.ZodType): Set<string> {
  const failed = new Set<string>();
  const result = schema.safeParse(record);
  if (result.success) return failed;
  const id = isObject(record) && typeof record.id === 'string' ? record.id : undefined;
  for (const issue of result.error.issues) {
    failed.add(String(issue.path[0] ?? ''));
    report.at(doc, [...path, ...(issue.path as Path)], id, describeIssue(issue, record, schema));
  }
  return failed;
}

// ---------------------------------------------------------------------------------------------
// Geo files

interface GeoIds {
  regions: Set<string> | null;
  places: Set<string> | null;
  /** zone id → its region id */
  zones: Map<string, string>;
  counterparts: Set<string> | null;
}

function featureId(feature: unknown): string | undefined {
  if (!isObject(feature)) return undefined;
  const props = feature.properties;
  return isObject(props) && typeof props.id === 'string' ? props.id : undefined;
}

function features(doc: Doc | undefined): unknown[] {
  return doc && isObject(doc.data) && Array.isArray(doc.data.features) ? doc.data.features : [];
}

function geoIds(doc: Doc | undefined): Set<string> | null {
  return doc ? new Set(features(doc).flatMap((f) => featureId(f) ?? [])) : null;
}

/** The Libya outline the regions must tile: the basemap country flagged `libya: true`. */
function libyaOutline(docs: Map<string, Doc>): Feature<Polygon | MultiPolygon> | undefined {
  const libya = features(docs.get(FILES.basemap)).find((f) => isObject(f) && isObject(f.properties) && f.properties.libya === true);
  return libya as Feature<Polygon | MultiPolygon> | undefined;
}

/**
 * Reports geo-checks' messages (plain strings) at the line of the feature they name. A check that
 * throws on geometry it cannot handle is reported, never passed on.
 */
function reportGeo(report: Report, doc: Doc, run: () => string[]): void {
  let messages: string[];
  try {
    messages = run();
  } catch (error) {
    messages = [`could not check geometry (${error instanceof Error ? error.message : String(error)}) — regenerate with \`npm run geo\``];
  }
  const index = new Map(features(doc).map((f, n) => [featureId(f), n] as const));
  for (const raw of messages) {
    const message = raw.startsWith(`${doc.file}: `) ? raw.slice(doc.file.length + 2) : raw;
    const id = /"([^"]+)"/.exec(message)?.[1];
    const n = id === undefined ? undefined : index.get(id);
    report.at(doc, n === undefined ? [] : ['features', n, 'properties', 'id'], n === undefined ? undefined : id, message);
  }
}

function checkGeo(report: Report, docs: Map<string, Doc>, present: Set<string>): GeoIds {
  for (const name of [FILES.regions, FILES.places, FILES.counterparts]) {
    if (!present.has(name)) report.file(name, 'file is missing — build it with `npm run geo`');
  }
  const sound = new Set<string>();
  for (const doc of docs.values()) {
    if (!doc.file.startsWith('geo/')) continue;
    const before = report.problems.length;
    reportGeo(report, doc, () => checkGeoFile(doc.file, doc.data));
    if (report.problems.length === before) sound.add(doc.file);
  }
  // Tiling and containment need sound geometry; on broken files they would only add noise.
  const regions = docs.get(FILES.regions);
  const places = docs.get(FILES.places);
  if (regions && sound.has(FILES.regions)) {
    const outline = sound.has(FILES.basemap) ? libyaOutline(docs) : undefined;
    reportGeo(report, regions, () => checkRegionsTile(regions.data as FeatureCollection<Polygon | MultiPolygon>, outline));
    if (places && sound.has(FILES.places)) {
      reportGeo(report, places, () => checkPlacesInRegions(places.data as FeatureCollection<Point>, regions.data as FeatureCollection<Polygon | MultiPolygon>));
    }
  }
  const zones = new Map<string, string>();
  for (const f of features(docs.get(FILES.zones))) {
    const id = featureId(f);
    const region = isObject(f) && isObject(f.properties) ? f.properties.region : undefined;
    if (id !== undefined && typeof region === 'string') zones.set(id, region);
  }
  return { regions: geoIds(regions), places: geoIds(places), zones, counterparts: geoIds(docs.get(FILES.counterparts)) };
}

// ---------------------------------------------------------------------------------------------
// Data files

interface Known {
  /** Libyan places, regions and zones; null when geo/ could not be read, so references go unchecked. */
  places: Set<string> | null;
  /** zone id → its region id */
  zones: Map<string, string>;
  counterparts: Set<string> | null;
  actors: Set<string> | null;
  sources: Set<string>;
  events: Set<string>;
}

/** One record that passed (some of) its schema, with where it came from. */
interface Entry {
  doc: Doc;
  index: number;
  id: string | undefined;
  record: Obj;
  /** Top-level fields the schema rejected; further checks leave them alone. */
  failed: Set<string>;
}

const has = (e: Entry, field: string): boolean => !e.failed.has(field) && e.record[field] !== undefined;
const str = (e: Entry, field: string): string | undefined => (has(e, field) && typeof e.record[field] === 'string' ? (e.record[field] as string) : undefined);
const strings = (e: Entry, field: string): string[] =>
  has(e, field) && Array.isArray(e.record[field]) ? (e.record[field] as unknown[]).filter((x): x is string => typeof x === 'string') : [];

function readList(report: Report, docs: Map<string, Doc>, present: Set<string>, file: string, schema: z.ZodType, what: string): Entry[] {
  if (!present.has(file)) {
    report.file(file, `file is missing — create it with a list of ${what}: [ … ]`);
    return [];
  }
  const doc = docs.get(file);
  if (!doc) return [];
  if (!Array.isArray(doc.data)) {
    report.at(doc, [], undefined, `should be a list of ${what}, written [ { … }, { … } ]`);
    return [];
  }
  return doc.data.map((record, index) => entry(report, doc, index, record, schema));
}

function entry(report: Report, doc: Doc, index: number, record: unknown, schema: z.ZodType): Entry {
  const path: Path = index < 0 ? [] : [index];
  const failed = checkSchema(report, doc, path, record, schema);
  const rec = isObject(record) ? record : {};
  if (!isObject(record)) failed.add('');
  const id = typeof rec.id === 'string' && !failed.has('id') ? rec.id : undefined;
  return { doc, index, id, record: rec, failed };
}

const recordPath = (e: Entry, ...rest: Path): Path => (e.index < 0 ? rest : [e.index, ...rest]);

function readSources(report: Report, docs: Map<string, Doc>): Entry[] {
  const entries: Entry[] = [];
  for (const doc of docs.values()) {
    if (!doc.file.startsWith(SOURCES_DIR)) continue;
    const e = entry(report, doc, -1, doc.data, SourceDoc);
    const expected = doc.file.slice(SOURCES_DIR.length).replace(/\.json$/, '');
    if (e.id !== undefined && e.id !== expected) {
      report.at(doc, ['id'], e.id, `the file name must equal the id: rename the file to ${SOURCES_DIR}${e.id}.json or change "id" to "${expected}"`);
    }
    entries.push(e);
  }
  return entries;
}

function checkDuplicates(report: Report, entries: Entry[], scope: string): Set<string> {
  const first = new Map<string, Entry>();
  for (const e of entries) {
    if (e.id === undefined) continue;
    const prior = first.get(e.id);
    if (!prior) {
      first.set(e.id, e);
      continue;
    }
    const line = lineOf(prior.doc, recordPath(prior, 'id'));
    report.at(e.doc, recordPath(e, 'id'), e.id, `duplicate id "${e.id}" — also used at ${prior.doc.file}${line ? `:${line}` : ''}; ids must be unique ${scope}, so give one of them a new id`);
  }
  return new Set(first.keys());
}

/** Dates that have the right form but are not on the calendar, e.g. "2019-02-30". */
function checkCalendar(report: Report, e: Entry, fields: string[]): void {
  for (const field of fields) {
    const text = str(e, field);
    if (text !== undefined && parsePartialDate(text) === null) {
      report.at(e.doc, recordPath(e, field), e.id, `${field}: "${text}" is not a real date — check the month (01–12) and the day (it must exist in that month)`);
    }
  }
}

/** The record's [start, end) when both dates parse and end comes after start; problems otherwise. */
function checkSpan(report: Report, e: Entry): Interval | null {
  const start = str(e, 'start');
  const end = e.record.end;
  if (start === undefined || !parsePartialDate(start) || e.failed.has('end') || !(end === null || (typeof end === 'string' && parsePartialDate(end)))) return null;
  const span = spanOf({ start, end });
  if (span.end <= span.start) {
    report.at(e.doc, recordPath(e, 'end'), e.id, `end "${String(end)}" must come after start "${start}" — end is exclusive: the first day, month or year in which it was no longer true (for something true only during ${start}, write the next ${span.startPrecision} as end)`);
    return null;
  }
  return span;
}

function checkRef(report: Report, e: Entry, path: Path, value: string, kind: string, known: Set<string> | null, where: string): void {
  if (known && !known.has(value)) report.at(e.doc, recordPath(e, ...path), e.id, unknownIdMessage(pathText(path), value, kind, known, where));
}

function checkCitations(report: Report, e: Entry, known: Known): void {
  if (!has(e, 'sources') || !Array.isArray(e.record.sources)) return;
  e.record.sources.forEach((c: unknown, n: number) => {
    if (isObject(c) && typeof c.source === 'string' && !known.sources.has(c.source)) {
      const guess = nearest(c.source, known.sources);
      report.at(
        e.doc,
        recordPath(e, 'sources', n, 'source'),
        e.id,
        `sources[${n}].source: "${c.source}" is not a known source — there is no ${SOURCES_DIR}${c.source}.json${guess ? `; did you mean "${guess}"?` : '; add that file (see data/README.md)'}`,
      );
    }
  });
}

function checkContestedBy(report: Report, e: Entry, known: Known): void {
  strings(e, 'contestedBy').forEach((a, n) => checkRef(report, e, ['contestedBy', n], a, 'actor', known.actors, FILES.actors));
  if (has(e, 'contestedBy') && e.record.contested !== true) {
    report.at(e.doc, recordPath(e, 'contestedBy'), e.id, '"contestedBy" is set but "contested" is not true — add "contested": true or remove "contestedBy"');
  }
}

interface Period {
  entry: Entry;
  place: string;
  span: Interval;
}

function checkControl(report: Report, entries: Entry[], known: Known): Period[] {
  const periods: Period[] = [];
  for (const e of entries) {
    const place = str(e, 'place');
    const actor = str(e, 'actor');
    if (place !== undefined) checkRef(report, e, ['place'], place, 'place', known.places, 'geo/places.geojson, geo/regions.geojson and geo/zones.geojson');
    if (actor !== undefined) checkRef(report, e, ['actor'], actor, 'actor', known.actors, FILES.actors);
    checkContestedBy(report, e, known);
    checkCitations(report, e, known);
    checkCalendar(report, e, ['start', 'end']);
    const span = checkSpan(report, e);
    // A misspelt place is reported above; its periods would only add a second, confusing history.
    if (place !== undefined && span && (known.places === null || known.places.has(place))) periods.push({ entry: e, place, span });
  }
  return periods;
}

const dates = (p: Period): string => `${String(p.entry.record.start)} – ${p.entry.record.end === null ? 'today' : String(p.entry.record.end)}`;
const describePeriod = (p: Period): string => `"${p.entry.id ?? `#${p.entry.index}`}" (${String(p.entry.record.actor)}, ${dates(p)})`;

function checkOverlaps(report: Report, periods: Period[], zones: Map<string, string>): void {
  for (let i = 0; i < periods.length; i++) {
    for (let j = i + 1; j < periods.length; j++) {
      const [a, b] = [periods[i]!, periods[j]!];
      if (!overlaps(a.span, b.span)) continue;
      const [zone, region] = zones.get(a.place) === b.place ? [a, b] : zones.get(b.place) === a.place ? [b, a] : [];
      if (zone && region) {
        report.at(
          zone.entry.doc,
          recordPath(zone.entry, 'start'),
          zone.entry.id,
          `${zone.place} is a zone of ${region.place}: while a region is divided into zones it has no period of its own, but ${describePeriod(region)} overlaps ${describePeriod(zone)} — end the region's period where the zones' periods start`,
        );
        continue;
      }
      if (a.place !== b.place) continue;
      const contestedA = a.entry.record.contested === true;
      const contestedB = b.entry.record.contested === true;
      if (contestedA && contestedB) continue;
      const partly = contestedA || contestedB ? ` (only "${(contestedA ? a : b).entry.id}" is marked contested)` : '';
      report.at(
        b.entry.doc,
        recordPath(b.entry, 'start'),
        b.entry.id,
        `control periods ${describePeriod(a)} and ${describePeriod(b)} overlap at ${a.place}${partly} — make one end where the other starts (end is exclusive), or mark both "contested": true`,
      );
    }
  }
}

/**
 * Every place with control records is covered from its first record to today, and the core places
 * from January 1943; a period nobody documents must be written as a record with actor "unknown".
 */
function checkCoverage(report: Report, periods: Period[], controlDoc: Doc | undefined, now: number, zones: Map<string, string>): void {
  const byPlace = new Map<string, Period[]>();
  const add = (place: string, p: Period) => byPlace.set(place, [...(byPlace.get(place) ?? []), p]);
  for (const p of periods) {
    add(p.place, p);
    // A divided region is covered by its zones' periods (each zone's own history is checked too).
    const region = zones.get(p.place);
    if (region !== undefined) add(region, p);
  }
  for (const core of CORE_PLACES) {
    if (!byPlace.has(core) && controlDoc) report.file(controlDoc.file, `${core} has no control periods — its control history must run from 1943-01 (or earlier) to today`);
  }
  for (const [place, list] of byPlace) {
    list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const first = list[0]!;
    if (CORE_PLACES.includes(place) && first.span.start > FIRST_MONTH) {
      report.at(first.entry.doc, recordPath(first.entry, 'start'), first.entry.id, `${place}'s control history starts at ${String(first.entry.record.start)}; it must start by 1 January 1943 ("1943-01" or earlier) — add the earlier period (actor "unknown" if nobody is documented)`);
    }
    let covered = first.span.end;
    let last = first;
    for (const p of list.slice(1)) {
      if (p.span.start > covered) {
        report.at(p.entry.doc, recordPath(p.entry, 'start'), p.entry.id, `gap in ${place}'s control history: nothing covers ${String(last.entry.record.end)} to ${String(p.entry.record.start)} (between ${describePeriod(last)} and ${describePeriod(p)}) — close the gap, or add a period with actor "unknown" for it`);
      }
      if (p.span.end > covered) [covered, last] = [p.span.end, p];
    }
    if (covered < now) {
      report.at(last.entry.doc, recordPath(last.entry, 'end'), last.entry.id, `gap in ${place}'s control history: nothing covers ${String(last.entry.record.end)} to today (after ${describePeriod(last)}) — write "end": null if it still holds, or add the period that follows (actor "unknown" if nobody is documented)`);
    }
  }
}

function checkPresence(report: Report, entries: Entry[], known: Known): void {
  for (const e of entries) {
    const place = str(e, 'place');
    const actor = str(e, 'actor');
    if (place !== undefined) checkRef(report, e, ['place'], place, 'place', known.places, 'geo/places.geojson and geo/regions.geojson');
    if (actor !== undefined) checkRef(report, e, ['actor'], actor, 'actor', known.actors, FILES.actors);
    checkCitations(report, e, known);
    checkCalendar(report, e, ['start', 'end']);
    checkSpan(report, e);
  }
}

function checkEvents(report: Report, entries: Entry[], known: Known): void {
  const claimants = known.actors ? new Set([...known.actors, ...known.sources]) : null;
  for (const e of entries) {
    strings(e, 'places').forEach((p, n) => checkRef(report, e, ['places', n], p, 'place', known.places, 'geo/places.geojson and geo/regions.geojson'));
    strings(e, 'actors').forEach((a, n) => checkRef(report, e, ['actors', n], a, 'actor', known.actors, FILES.actors));
    const counterpart = str(e, 'counterpart');
    if (counterpart !== undefined) checkRef(report, e, ['counterpart'], counterpart, 'counterpart city', known.counterparts, FILES.counterparts);
    const claimedBy = str(e, 'claimedBy');
    if (claimedBy !== undefined) checkRef(report, e, ['claimedBy'], claimedBy, 'actor or source', claimants, `${FILES.actors} and ${SOURCES_DIR}`);
    checkResponds(report, e, known);
    checkCitations(report, e, known);
    checkCalendar(report, e, ['date']);
    if (str(e, 'status') === 'alleged' && claimedBy === undefined && !e.failed.has('claimedBy')) {
      report.at(e.doc, recordPath(e, 'status'), e.id, 'status "alleged" needs "claimedBy": the actor id (or source id) of whoever made the claim');
    }
    if (str(e, 'category') === 'diplomatic' && counterpart === undefined && !e.failed.has('counterpart')) {
      const list = known.counterparts ? ` — add "counterpart": one of ${[...known.counterparts].join(', ')}` : '';
      report.at(e.doc, recordPath(e, 'category'), e.id, `diplomatic event needs a counterpart city${list}`);
    }
  }
}

function checkResponds(report: Report, e: Entry, known: Known): void {
  const responds = str(e, 'responds');
  if (responds === undefined) return;
  if (responds === e.id) report.at(e.doc, recordPath(e, 'responds'), e.id, 'responds: an event cannot respond to itself — give the id of the event it answers');
  else if (!known.events.has(responds)) report.at(e.doc, recordPath(e, 'responds'), e.id, unknownIdMessage('responds', responds, 'event', known.events, FILES.events).replace(/ Known event ids: .*$/, ' It must be the id of an event in data/events.json.'));
}

function checkUnexpectedFiles(report: Report, present: Set<string>): void {
  const expected = new Set<string>(Object.values(FILES));
  for (const file of present) {
    if (expected.has(file)) continue;
    if (file.startsWith(SOURCES_DIR) && /^[^/]+\.json$/.test(file.slice(SOURCES_DIR.length))) continue;
    if (file.startsWith('geo/') && file.endsWith('.geojson')) continue;
    report.file(file, `is not a file the atlas reads — expected ${Object.values(FILES).join(', ')} or ${SOURCES_DIR}<source-id>.json; move or rename it`);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

function parseAll(files: Record<string, string>, report: Report): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const [file, text] of Object.entries(files)) {
    const doc = parseDoc(file, text, report.problems);
    if (doc) docs.set(file, doc);
  }
  return docs;
}

function todayOnAxis(now: Date): number {
  return floorOf({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate(), precision: 'day' });
}

/**
 * Every problem in the atlas's files, sorted by file and line; an empty list means the data may ship.
 * @param files repo-relative path → file text, e.g. { "data/events.json": "[…]" }
 */
export function validateAll(files: Record<string, string>, options: ValidateOptions = {}): Problem[] {
  const report = new Report();
  try {
    const present = new Set(Object.keys(files));
    const docs = parseAll(files, report);
    checkUnexpectedFiles(report, present);
    const geo = checkGeo(report, docs, present);

    const actors = readList(report, docs, present, FILES.actors, Actor, 'actors');
    const sources = readSources(report, docs);
    const control = readList(report, docs, present, FILES.control, ControlPeriod, 'control periods');
    const presence = readList(report, docs, present, FILES.presence, Presence, 'presences');
    const events = readList(report, docs, present, FILES.events, HistEvent, 'events');

    const actorIds = checkDuplicates(report, actors, 'within data/actors.json');
    const sourceIds = checkDuplicates(report, sources, `within ${SOURCES_DIR}`);
    // A source file that is not valid JSON is already reported; its citations are not "unknown".
    for (const file of present) if (file.startsWith(SOURCES_DIR) && !docs.has(file)) sourceIds.add(file.slice(SOURCES_DIR.length, -'.json'.length));
    checkDuplicates(report, [...control, ...presence, ...events], 'across control.json, presence.json and events.json');
    const known: Known = {
      places: geo.places && geo.regions ? new Set([...geo.regions, ...geo.places, ...geo.zones.keys()]) : null,
      zones: geo.zones,
      counterparts: geo.counterparts,
      actors: present.has(FILES.actors) && docs.has(FILES.actors) ? actorIds : null,
      sources: sourceIds,
      events: new Set(events.flatMap((e) => (e.id === undefined ? [] : [e.id]))),
    };

    for (const s of sources) checkCalendar(report, s, ['date']);
    const periods = checkControl(report, control, known);
    checkOverlaps(report, periods, known.zones);
    checkCoverage(report, periods, docs.get(FILES.control), todayOnAxis(options.now ?? new Date()), known.zones);
    checkPresence(report, presence, known);
    checkEvents(report, events, known);
  } catch (error) {
    // A bug here must not hide the problems found so far, nor crash the build with a stack trace.
    report.file('(validator)', `internal error while checking: ${error instanceof Error ? error.message : String(error)}`);
  }
  return report.sorted();
}

// ---------------------------------------------------------------------------------------------
// Counts and seed passages

export interface Counts {
  regions: number;
  places: number;
  counterparts: number;
  actors: number;
  sources: number;
  control: number;
  presence: number;
  events: number;
  russiaEvents: number;
}

function lenientParse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function countRecords(files: Record<string, string>): Counts {
  const list = (file: string): unknown[] => {
    const data = lenientParse(files[file]);
    return Array.isArray(data) ? data : [];
  };
  const featureCount = (file: string): number => {
    const data = lenientParse(files[file]);
    return isObject(data) && Array.isArray(data.features) ? data.features.length : 0;
  };
  const events = list(FILES.events);
  return {
    regions: featureCount(FILES.regions),
    places: featureCount(FILES.places),
    counterparts: featureCount(FILES.counterparts),
    actors: list(FILES.actors).length,
    sources: Object.keys(files).filter((f) => f.startsWith(SOURCES_DIR)).length,
    control: list(FILES.control).length,
    presence: list(FILES.presence).length,
    events: events.length,
    russiaEvents: events.filter((e) => isObject(e) && e.russia === true).length,
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 regions, 16 places, …, 96 events (71 Libya–USSR/Russia)" */
export function formatCounts(c: Counts): string {
  return [
    plural(c.regions, 'region'),
    plural(c.places, 'place'),
    plural(c.counterparts, 'counterpart'),
    plural(c.actors, 'actor'),
    plural(c.sources, 'source'),
    plural(c.control, 'control period'),
    plural(c.presence, 'presence', 'presences'),
    `${plural(c.events, 'event')} (${c.russiaEvents} Libya–USSR/Russia)`,
  ].join(', ');
}

/** The comparison rule for seed passages: runs of whitespace (line breaks included) count as one space. */
export const collapseWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Citations of seed documents whose passage is not word for word in the seed text. Paraphrases
 * (`"paraphrase": true`) are summaries by definition and are not compared.
 * @param seeds seed file name → text, e.g. { "003_fa730cb833beec71.txt": "…" }
 */
export function checkSeedPassages(files: Record<string, string>, seeds: Record<string, string>): Problem[] {
  const report = new Report();
  const docs = parseAll(files, report);
  const seedOf = new Map<string, string>();
  for (const doc of docs.values()) {
    if (doc.file.startsWith(SOURCES_DIR) && isObject(doc.data) && typeof doc.data.id === 'string' && typeof doc.data.seed === 'string') {
      seedOf.set(doc.data.id, doc.data.seed);
    }
  }
  const collapsed = new Map(Object.entries(seeds).map(([name, text]) => [name, collapseWhitespace(text)]));
  for (const file of [FILES.control, FILES.presence, FILES.events]) {
    const doc = docs.get(file);
    if (!doc || !Array.isArray(doc.data)) continue;
    doc.data.forEach((record: unknown, index: number) => {
      if (!isObject(record) || !Array.isArray(record.sources)) return;
      const id = typeof record.id === 'string' ? record.id : undefined;
      record.sources.forEach((c: unknown, n: number) => {
        if (!isObject(c) || c.paraphrase === true || typeof c.source !== 'string' || typeof c.passage !== 'string') return;
        const seed = seedOf.get(c.source);
        if (seed === undefined) return;
        const text = collapsed.get(seed);
        const path = [index, 'sources', n, 'passage'];
        if (text === undefined) report.at(doc, path, id, `sources[${n}]: source "${c.source}" names seed "${seed}", which is not in the seeds folder`);
        else if (!text.includes(collapseWhitespace(c.passage))) {
          report.at(doc, path, id, `sources[${n}].passage is not word for word in seed ${seed} (${c.source}): ${quote(c.passage)} — copy it character for character from the seed text, or set "paraphrase": true if it is a summary`);
        }
      });
    });
  }
  return report.sorted();
}
