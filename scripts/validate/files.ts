/**
 * Reading the atlas's files: what a file may be besides text (a link, a folder, too large), parsing
 * JSON with clear words for what JSON.parse reports badly (a byte-order mark, nesting too deep, a
 * syntax error without a position), and the line of any value, from a source map of the file
 * (JSON pointer → line) built once, and only for files that have a problem to point at.
 *
 * The map comes from jsonc-parser's scanner (VS Code's), which reports each value's line as it
 * goes: 0.4 s for a 4 MB file of 8,000 records, where json-source-map took 2.8 s (four position
 * objects per value) and @mischnic/json-sourcemap did not finish in a minute (it counts lines from
 * the file's start for every value).
 */
import { parse, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
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

/** Where values are: the line of each (of its key, for an object's member), and the text of numbers too large to store. */
export interface Positions {
  lines: Map<string, number>;
  /** JSON pointer → the literal as written, for numbers JSON reads as Infinity ("1e309"). */
  hugeNumbers: Map<string, string>;
}

/** A parsed JSON file. */
export interface Doc {
  file: string;
  /** The text as parsed (without a byte-order mark). */
  text: string;
  data: unknown;
  /** Built on first use. */
  positions?: Positions;
  /** Keys written twice in one object: each at its second line (index.ts reports them with the record's id). */
  duplicates?: { key: string; line: number; firstLine: number; path: Path }[];
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

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

/** Line and column (both from 1; the column in UTF-16 units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): [number, number] {
  return [lineAtOffset(text, offset), offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1];
}

/**
 * Why a text is not JSON, in an editor's words: where the fault is, and what to do. jsonc-parser
 * (VS Code's) says what it expected and where; JSON.parse often gives only a position, and Node 20
 * sometimes not even that. The first fault only: what follows usually comes from it.
 */
function syntaxFault(text: string, fallback: string): { offset: number; what: string } {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const e = errors[0];
  if (!e) return { offset: text.length, what: `${fallback} — look for a missing or extra comma, quote or bracket` };
  const at = e.offset;
  const code = printParseErrorCode(e.error);
  const next = text.charAt(at);
  // A comma before a closing bracket: the parser expected another item where the list or object ended.
  if ((next === '}' || next === ']') && (code === 'PropertyNameExpected' || code === 'ValueExpected')) {
    let i = at - 1;
    while (i >= 0 && /\s/.test(text.charAt(i))) i--;
    if (text.charAt(i) === ',') return { offset: i, what: `a comma follows the last item of ${next === '}' ? 'an object' : 'a list'} — remove that comma (JSON allows none after the last item)` };
  }
  const found = JSON.stringify(oneLine(text.slice(at, at + Math.max(1, Math.min(e.length, 20)))));
  switch (code) {
    case 'CommaExpected':
      return { offset: at, what: 'a comma is missing before this item — add a comma at the end of the item before it' };
    case 'UnexpectedEndOfString':
      return { offset: at, what: 'a text in quotes is not closed on its line — add the closing double quote (a text is written on one line)' };
    case 'InvalidCharacter':
      return { offset: at, what: 'a text in quotes holds a tab or a line break — write the text on one line, with spaces' };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset: at, what: 'there is a comment — JSON has no comments: delete it' };
    case 'ColonExpected':
      return { offset: at, what: 'a ":" is missing after the field name — write "name": value' };
    case 'CloseBraceExpected':
      return { offset: at, what: 'an object is not closed — add the "}" that ends it' };
    case 'CloseBracketExpected':
      return { offset: at, what: 'a list is not closed — add the "]" that ends it' };
    case 'EndOfFileExpected':
      return { offset: at, what: `there is more (${found}) after the end of the file's list or object — delete it, or move it inside` };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return { offset: at, what: 'a backslash in a text starts an escape JSON does not know — write \\\\ for a backslash, \\" for a double quote, \\u and four hex digits for a character' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset: at, what: 'a number is not written as JSON writes numbers (12, -3.5, 1e3: no leading zero, no "+") — correct it, or write text in quotes' };
    case 'InvalidSymbol':
    case 'PropertyNameExpected':
    case 'ValueExpected': {
      if (/^\s*$/.test(text)) return { offset: 0, what: 'the file is empty — write [] for an empty list' };
      if (next === "'") {
        return /[{,]\s*$/.test(text.slice(0, at))
          ? { offset: at, what: 'a field name is not in double quotes — write it in double quotes: "name"' }
          : { offset: at, what: 'a text is in single quotes — write it in double quotes: "text"' };
      }
      if (code === 'PropertyNameExpected') return { offset: at, what: `a field name in double quotes is expected here, not ${found} — write "name": value` };
      return { offset: at, what: `${found} is not a JSON value — write "text" in double quotes, a number, true, false, null, [ … ] or { … }` };
    }
    default:
      return { offset: at, what: `${fallback} — look for a missing or extra comma, quote or bracket` };
  }
}

/**
 * Keys written twice in one object, each at its second place: JSON.parse keeps the last silently,
 * so a field corrected in one place can stay wrong in the other. One pass of jsonc-parser's scanner
 * (about 0.2 s for all of data/ and geo/).
 */
function duplicateKeys(text: string): NonNullable<Doc['duplicates']> {
  const out: NonNullable<Doc['duplicates']> = [];
  const objects: (Map<string, number> | null)[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Map()),
      onArrayBegin: () => void objects.push(null),
      onObjectEnd: () => void objects.pop(),
      onArrayEnd: () => void objects.pop(),
      onObjectProperty: (key, _offset, _length, line, _column, pathSupplier) => {
        const keys = objects[objects.length - 1]!;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, line + 1);
        else out.push({ key, line: line + 1, firstLine: first, path: [...pathSupplier(), key] });
      },
    },
    { disallowComments: true },
  );
  return out;
}

/** The message for a key written twice (at `d.line`). */
export const duplicateKeyMessage = (d: NonNullable<Doc['duplicates']>[number]): string =>
  `"${d.key}" is written twice in this object (first at line ${d.firstLine}) — JSON keeps only the last one, silently: delete the one that is wrong`;

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
    // One message for the file and nothing else about it (issue 23): what follows a syntax error is noise.
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    const fault = syntaxFault(text, `JSON.parse says: ${reason.length > 160 ? `${reason.slice(0, 157)}…` : reason}`);
    const [line, column] = lineColumn(text, fault.offset);
    report.file(file, `is not valid JSON: at line ${line}, column ${column}, ${fault.what}; nothing else in this file was checked`, 'json-syntax', line);
    return null;
  }
  const duplicates = duplicateKeys(text);
  return duplicates.length > 0 ? { file, text, data, duplicates } : { file, text, data };
}

/** "/3/sources/0/passage" for [3, "sources", 0, "passage"] (RFC 6901). */
export const pointerOf = (path: Path): string => {
  let out = '';
  for (const seg of path) out += `/${typeof seg === 'number' ? seg : seg.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
};

/** Every value's line in one pass of the scanner (lines are 0-based here). */
function scanPositions(text: string): Positions {
  const lines = new Map<string, number>();
  const hugeNumbers = new Map<string, string>();
  // One frame per open object or array: its pointer, and the current member (key or index).
  const frames: { pointer: string; array: boolean; index: number; member: string }[] = [];
  /** Records the value beginning here; returns its pointer. */
  const begin = (line: number): string => {
    const top = frames[frames.length - 1];
    if (!top) {
      lines.set('', line);
      return '';
    }
    if (!top.array) return top.member; // its line is its key's, set below
    const pointer = `${top.pointer}/${++top.index}`;
    lines.set(pointer, line);
    return pointer;
  };
  const open = (array: boolean) => (_offset: number, _length: number, startLine: number) => {
    frames.push({ pointer: begin(startLine), array, index: -1, member: '' });
  };
  visit(
    text,
    {
      onObjectBegin: open(false),
      onArrayBegin: open(true),
      onObjectEnd: () => void frames.pop(),
      onArrayEnd: () => void frames.pop(),
      onObjectProperty: (property, _offset, _length, startLine) => {
        const top = frames[frames.length - 1]!;
        top.member = `${top.pointer}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        lines.set(top.member, startLine);
      },
      onLiteralValue: (value, offset, length, startLine) => {
        const pointer = begin(startLine);
        if (typeof value === 'number' && !Number.isFinite(value)) hugeNumbers.set(pointer, text.slice(offset, offset + length));
      },
    },
    { disallowComments: true },
  );
  return { lines, hugeNumbers };
}

const positionsOf = (doc: Doc): Positions => (doc.positions ??= scanPositions(doc.text));

/** The number at `path` as written, when JSON reads it as Infinity. */
export const hugeNumberAt = (doc: Doc, path: Path): string | undefined => positionsOf(doc).hugeNumbers.get(pointerOf(path));

/**
 * The line of the value at `path` (of its key, for an object's member); when it is not written (a
 * missing field), the line of the enclosing record's "id", else of the nearest enclosing value.
 */
export function lineOf(doc: Doc, path: Path): number | undefined {
  const { lines } = positionsOf(doc);
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const at = (n < path.length ? lines.get(pointerOf([...prefix, 'id'])) : undefined) ?? lines.get(pointerOf(prefix));
    if (at !== undefined) return at + 1;
  }
  return undefined;
}
