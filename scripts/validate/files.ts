/**
 * Reading the atlas's files: what a file may be besides text (a link, a folder, too large), parsing
 * JSON with clear words for what JSON.parse reports badly (a byte-order mark, nesting too deep),
 * and the line of any value, from a JSON source map (json-source-map) built once per file and only
 * for files that have a problem to point at.
 */
import { parse as parseWithPointers, type Pointers } from 'json-source-map';
import type { Report } from './report.ts';

/** What the disk reader (disk.ts) passes instead of a text it did not or could not read. */
export type Special =
  /** A symbolic link; never followed, never read. */
  | { kind: 'symlink'; target?: string }
  /** A folder where a file is expected (its name ends in .json or .geojson). */
  | { kind: 'directory' }
  /** Larger than MAX_FILE_BYTES; not read. */
  | { kind: 'too-large'; bytes: number }
  /** A device, pipe or socket. */
  | { kind: 'not-a-file' }
  /** Bytes that are not UTF-8. */
  | { kind: 'not-utf8' }
  /** A file whose text the validator does not need (data/README.md, an unknown file). */
  | { kind: 'unread'; bytes: number };

/** A file's text, or what stands in for it. Keys are repo-relative paths: "data/events.json". */
export type FileInput = string | Special;
export type FileSet = Record<string, FileInput>;

/** Files larger than this are not read (the largest data file today is about 0.1 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Deepest nesting of lists and objects accepted (the atlas's files need 6). */
export const MAX_DEPTH = 64;

export type Path = (string | number)[];

/** A parsed JSON file. */
export interface Doc {
  file: string;
  /** The text as parsed (without a byte-order mark). */
  text: string;
  data: unknown;
  /** Positions of every value, built on first use; null when the text could not be mapped. */
  pointers?: Pointers | null;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The problem with a file that could not be read as text, in an editor's words. */
export function specialMessage(s: Special): string {
  switch (s.kind) {
    case 'symlink':
      return `is a symbolic link${s.target === undefined ? '' : ` (to ${JSON.stringify(s.target)})`}; links are never followed, read or shipped — replace it with the file itself, or delete it`;
    case 'directory':
      return 'is a folder, but its name ends like a data file — the atlas expects a file here; rename or remove the folder';
    case 'too-large':
      return `is ${megabytes(s.bytes)}; the validator reads files of up to ${megabytes(MAX_FILE_BYTES)}, so it was not checked — the atlas's files are far smaller: look for a mistaken export, or split the file`;
    case 'not-a-file':
      return 'is not a regular file (a device, pipe or socket) — remove it';
    case 'not-utf8':
      return 'is not UTF-8 text — save it with the encoding "UTF-8"';
    case 'unread':
      return 'is not a file the atlas reads';
  }
}

const lineAtOffset = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * Where lists and objects first nest deeper than `max`, or -1. A plain scan, so that text nested
 * 20,000 deep never reaches a recursive parser (which would overflow the stack).
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Where JSON.parse gave up: its own position when it names one, else the source-map parser's. */
function syntaxErrorOffset(text: string, error: unknown): number {
  const stated = /position (\d+)/.exec(String(error));
  if (stated) return Number(stated[1]);
  try {
    parseWithPointers(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e));
    if (pos) return Number(pos[1]);
  }
  return text.length;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

/**
 * Parses one JSON file; reports why it cannot be read and returns null, or returns the document.
 * A byte-order mark is reported and skipped, so the rest of the file is still checked.
 */
export function parseDoc(file: string, input: string, report: Report): Doc | null {
  let text = input;
  const bytes = text.length > MAX_FILE_BYTES / 4 ? Buffer.byteLength(text) : 0;
  if (bytes > MAX_FILE_BYTES) {
    report.file(file, specialMessage({ kind: 'too-large', bytes }), 'file-size');
    return null;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    report.file(file, 'starts with a byte-order mark (an invisible U+FEFF character before the first "[" or "{") — remove the byte-order mark: save the file as "UTF-8", not "UTF-8 with BOM"', 'byte-order-mark', 1);
    text = text.slice(1);
  }
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep !== -1) {
    report.file(
      file,
      `nests lists or objects more than ${MAX_DEPTH} levels deep (from this line on), so it was not checked further — the atlas's files need no more than 6 levels; look for a run of "[" or "{" that does not belong`,
      'too-deep',
      lineAtOffset(text, deep),
    );
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    report.file(
      file,
      `is not valid JSON (${reason.length > 160 ? `${reason.slice(0, 157)}…` : reason}); look for a missing or extra comma, quote or bracket on this line or the one before`,
      'json-syntax',
      lineAtOffset(text, syntaxErrorOffset(text, error)),
    );
    return null;
  }
  return { file, text, data };
}

const pointerOf = (path: Path): string => path.map((seg) => `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function pointersOf(doc: Doc): Pointers | null {
  if (doc.pointers === undefined) {
    try {
      doc.pointers = parseWithPointers(doc.text).pointers;
    } catch {
      doc.pointers = null; // the file parsed; only its line numbers are lost
    }
  }
  return doc.pointers;
}

/**
 * The line of the value at `path` (of its key, for an object's member); when it is not written (a
 * missing field), the line of the enclosing record's "id", else of the nearest enclosing value.
 */
export function lineOf(doc: Doc, path: Path): number | undefined {
  const pointers = pointersOf(doc);
  if (!pointers) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const m = (n < path.length ? pointers[pointerOf([...prefix, 'id'])] : undefined) ?? pointers[pointerOf(prefix)];
    if (m) return (m.key ?? m.value).line + 1;
  }
  return undefined;
}
