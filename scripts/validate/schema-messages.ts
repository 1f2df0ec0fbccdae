/**
 * zod's verdicts on a record (src/lib/records/schema.ts), in an editor's words: which field, what
 * was found, and what to write instead.
 */
import type { z } from 'zod';
import type { Doc, Path } from './files.ts';
import { pathText, quote, type Report } from './report.ts';

export type Obj = Record<string, unknown>;
type Issue = z.core.$ZodIssue;

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

type Shaped = { shape?: Record<string, unknown>; element?: unknown; unwrap?: () => unknown };

/** The schema at `path` inside `schema`, through optional, nullable and array wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): Shaped | undefined {
  let s = schema as unknown as Shaped | undefined;
  const unwrap = () => {
    while (s && typeof s.unwrap === 'function' && !s.shape) s = s.unwrap() as Shaped;
  };
  for (const seg of path) {
    unwrap();
    s = (typeof seg === 'number' ? s?.element : s?.shape?.[String(seg)]) as Shaped | undefined;
  }
  unwrap();
  return s;
}

/** The field names an object schema allows at `path`. */
export function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[] = []): string[] {
  const shape = schemaAt(schema, path)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** The fields of `schema` whose value is `part` (possibly optional), e.g. the Localized fields of an event. */
export function fieldsOfType(schema: z.ZodType, part: z.ZodType): string[] {
  const target = schemaAt(part, []);
  return allowedKeys(schema).filter((key) => schemaAt(schema, [key]) === target);
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
      if (value === undefined) return `missing field "${where}" — add it (${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list, written [ … ]' : `a ${issue.expected}`})`;
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

/**
 * Checks one record against its zod schema and reports each issue at its line; returns the
 * top-level fields that failed, which later checks leave alone. Issues about a value that the text
 * checks report in their own words (a number too large to store, a URL with a line break or a
 * password) are left to them: `skip` says which.
 */
export function checkSchema(report: Report, doc: Doc, path: Path, record: unknown, schema: z.ZodType, skip?: (issuePath: Path, value: unknown) => boolean): Set<string> {
  const failed = new Set<string>();
  const result = schema.safeParse(record);
  if (result.success) return failed;
  const id = isObject(record) && typeof record.id === 'string' ? record.id : undefined;
  for (const issue of result.error.issues) {
    failed.add(String(issue.path[0] ?? ''));
    const issuePath = issue.path as Path;
    const value = valueAt(record, issuePath);
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    if (skip?.(issuePath, value)) continue;
    report.at(doc, [...path, ...issuePath], id, describeIssue(issue, record, schema), 'schema');
  }
  return failed;
}
