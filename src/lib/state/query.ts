/**
 * Reads a query string the way the atlas must: only the parameters it knows, the first occurrence of
 * each, each at most a stated length. However long the query or however often a name repeats, a
 * known parameter keeps its first value: nothing later in the URL can push it out or override it.
 * Which parameters, how long, and what their values mean: the table in params.ts.
 */
import { PARAMS, PARAM_NAMES, type ParamContext, type ParamName, type ParamValues } from './params.ts';

/** Parameter names the atlas reads, with the longest value each may have (decoded): see params.ts. */
export const QUERY_LIMITS = Object.fromEntries(PARAM_NAMES.map((n) => [n, PARAMS[n].max])) as Record<ParamName, number>;

export type QueryName = ParamName;

/** Raw values of the known parameters; a parameter that is too long or undecodable reads as `invalid`. */
export type Query = Partial<Record<QueryName, string | typeof INVALID>>;

/** A value that was present but unusable (too long, bad percent-encoding): never a default, never "anything goes". */
export const INVALID: unique symbol = Symbol('invalid');

const isName = (k: string): k is QueryName => Object.hasOwn(QUERY_LIMITS, k);

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * @example readQuery('?date=2011-08&date=1960-01&x=…') // { date: '2011-08' }
 * @example readQuery(`?origin=${'a'.repeat(300)}`).origin === INVALID
 */
export function readQuery(search: string): Query {
  const out: Query = {};
  const s = search.startsWith('?') ? search.slice(1) : search;
  let from = 0;
  while (from <= s.length) {
    let to = s.indexOf('&', from);
    if (to === -1) to = s.length;
    const pair = s.slice(from, to);
    from = to + 1;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    // Names are short: anything longer is not one of ours, and is never decoded.
    if (rawKey.length > 24) continue;
    const key = decode(rawKey);
    if (key === null || !isName(key) || key in out) continue;
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const limit = QUERY_LIMITS[key];
    // One character of the decoded value is at most 9 characters encoded (%XX%XX%XX): a longer raw value is too long.
    const value = rawValue.length > limit * 9 ? null : decode(rawValue);
    out[key] = value === null || value.length > limit ? INVALID : value;
  }
  return out;
}

/** The value of a known parameter, or null when it is absent or invalid. */
export function queryValue(q: Query, name: QueryName): string | null {
  const v = q[name];
  return typeof v === 'string' ? v : null;
}

/** Without a context, no place id is known and no month is too late. */
const NO_CONTEXT: ParamContext = { placeIds: new Set(), lastMonth: Number.MAX_SAFE_INTEGER };

/**
 * The values of the named parameters (all by default), each read as the table says: absent or
 * unusable ones are left out, except where the table gives an unusable value its own meaning.
 * @example readParams('?date=2011-08&place=x&title=A', ctx) // { date: 2011*12+7, title: 'A' } (no place x)
 */
export function readParams(search: string, ctx: ParamContext = NO_CONTEXT, names: readonly ParamName[] = PARAM_NAMES): ParamValues {
  const q = readQuery(search);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const raw = q[name];
    if (raw === undefined) continue;
    const spec = PARAMS[name] as { read(raw: string, ctx: ParamContext): unknown; unusable?: unknown };
    const value = raw === INVALID ? spec.unusable : spec.read(raw, ctx);
    if (value !== undefined) out[name] = value;
  }
  return out as ParamValues;
}

/** The values given, written in the table's order; a default (or a value the table never writes) is left out. */
export function writeParams(values: ParamValues, names: readonly ParamName[] = PARAM_NAMES): URLSearchParams {
  const p = new URLSearchParams();
  for (const name of names) {
    const value = values[name];
    if (value === undefined) continue;
    const text = (PARAMS[name] as { write(v: unknown): string | null }).write(value);
    if (text !== null) p.set(name, text);
  }
  return p;
}
