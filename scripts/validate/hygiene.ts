/**
 * Text hygiene (issue 16): every string in every JSON file is one line of plain, visible text of
 * a stated length; no number is too large to store; source addresses carry no line break, space
 * or password. These are the characters and sizes that break a page or mislead a reader although
 * the JSON is valid.
 */
import { hugeNumberAt, type Doc, type Path } from './files.ts';
import { codePoint, pathText, quote, type Report } from './report.ts';
import { isObject } from './schema-messages.ts';

/** The longest text each field may hold, in characters. Stated in data/README.md. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  title: 200,
  name: 200,
  short: 60,
  strength: 200,
  publisher: 200,
  author: 200,
  summary: 2000,
  note: 2000,
  passage: 2000,
  url: 2000,
  /** data/corrections.json: why a record was corrected, and a field's value before and after. */
  reason: 2000,
  before: 2000,
  after: 2000,
};
/** For any other text (ids, dates, names in geo/…). */
export const DEFAULT_TEXT_LIMIT = 200;

const LANGUAGES = new Set(['en', 'ar', 'ru']);

/** The field a text belongs to: "title" for ["3", "title", "en"], "passage" for [3, "sources", 0, "passage"]. */
function fieldOf(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && !LANGUAGES.has(seg)) return seg.replace(/_(en|ar|ru)$/, '');
  }
  return '';
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/;
/** Not characters at all: XML forbids them, so one in a name makes the map's SVG, PNG and no-JavaScript picture unreadable. */
const NOT_A_CHARACTER = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** As the records' schema says it (schema.ts NoHtml), for the names in geo/, which have no schema of their own. */
const HTML_TAG = /<[a-zA-Z!/?]/;
const CONTROL_NAMES: Record<string, string> = {
  '\u0000': 'NUL',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u2028': 'a line separator',
  '\u2029': 'a paragraph separator',
};

const hasSpace = (url: string): boolean => /[\s\u0000-\u001f\u007f-\u009f]/.test(url);
/** "https://user:pass@host/…": anything before an "@" in the part that names the host. */
const hasCredentials = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);

/** zod's own verdict on a URL is left out when the URL checks below say it better. */
export function hygieneSkipsSchemaIssue(path: Path, value: unknown): boolean {
  return path[path.length - 1] === 'url' && typeof value === 'string' && (hasSpace(value) || hasCredentials(value));
}

function characterCount(s: string, atLeast: number): number {
  if (s.length <= atLeast) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * The problems of one text, as messages to follow `where` ("sources[0].passage"); `field` is the
 * field it belongs to ("passage"), which sets its length limit.
 */
export function textProblems(text: string, where: string, field: string): string[] {
  const out: string[] = [];
  const bidi = BIDI.exec(text);
  if (bidi) out.push(`${where} contains an invisible bidirectional control character (${codePoint(bidi[0])}) that can make text display in a misleading order — delete it`);
  const control = CONTROL.exec(text);
  // In an address, the URL check below says it in its own words.
  if (control && !(field === 'url' && hasSpace(text))) {
    const c = control[0];
    const name = CONTROL_NAMES[c];
    const breaks = c === '\n' || c === '\r' || c === '\t' || c === '\u2028' || c === '\u2029';
    out.push(`${where} contains a control character (${name ? `${name}, ` : ''}${codePoint(c)}) — text is one line of plain text: ${breaks ? 'replace it with a space' : 'delete it'}`);
  }
  const bad = NOT_A_CHARACTER.exec(text);
  if (bad) out.push(`${where} contains ${codePoint(bad[0])}, which is not a character (XML forbids it: the map's images would not open) — delete it`);
  if (text.length > 0 && BLANK.test(text)) out.push(`${where} is only white space — write the text or remove the field`);
  const limit = TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
  const length = characterCount(text, limit);
  if (length > limit) {
    out.push(`${where} is ${length.toLocaleString('en-GB')} characters long; the limit for ${TEXT_LIMITS[field] ? `a ${field}` : 'this field'} is ${limit.toLocaleString('en-GB')} — shorten it${field === 'passage' ? ' (quote only the sentences that support the record)' : ''}`);
  }
  if (field === 'url') {
    if (hasSpace(text)) out.push(`${where} ${quote(text)} contains a line break or a space — write the address on one line without spaces (a space inside an address is written %20)`);
    // The credentials themselves are not repeated: this line ends up in build logs.
    if (hasCredentials(text)) out.push(`${where} ${quote(text.replace(/\/\/[^/?#]*@/, '//…@'))} contains a user name or password ("user:password@") — remove it; an address with credentials must never be published`);
  }
  return out;
}

/**
 * Walks every value of a parsed file and reports text and number problems at their lines.
 * @param locate maps a value's path to the record id and the path within the record (for the message)
 */
export function checkHygiene(report: Report, doc: Doc, locate: (path: Path) => { id?: string; inner: Path }): void {
  // geo/ has no schema of its own: its names (the map, the images and the panel show them) are checked for markup here.
  const geo = doc.file.startsWith('geo/');
  const path: Path = []; // one stack for the walk; copied only when a problem is reported
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const problems = textProblems(value, '', fieldOf(path));
      if (geo && HTML_TAG.test(value)) problems.push(`: text must not contain HTML tags; write plain text (found ${quote(/<[a-zA-Z!/?][^<>]{0,30}>?/.exec(value)![0])})`);
      if (problems.length === 0) return;
      const at = [...path];
      const { id, inner } = locate(at);
      const where = pathText(inner) || 'text';
      for (const message of problems) report.at(doc, at, id, `${where}${message}`, 'text-hygiene');
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) return;
      const at = [...path];
      const { id, inner } = locate(at);
      const where = pathText(inner);
      report.at(doc, at, id, `${where ? `${where}: ` : ''}the number ${hugeNumberAt(doc, at) ?? 'here'} is too large to store (it would be read as Infinity) — write a smaller number, or text in quotes`, 'text-hygiene');
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit(value[key]);
        path.pop();
      }
    }
  };
  visit(doc.data);
}
