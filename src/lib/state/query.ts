/**
 * Reads a query string the way the atlas must: only the parameters it knows, the first occurrence of
 * each, each at most a stated length. However long the query or however often a name repeats, a
 * known parameter keeps its first value: nothing later in the URL can push it out or override it.
 */

/** Parameter names the atlas reads, with the longest value each may have (decoded). */
export const QUERY_LIMITS = {
  date: 16,
  year: 8,
  place: 64,
  layers: 64,
  lang: 8,
  embed: 4,
  origin: 256,
  title: 400,
  caption: 800,
  chrome: 16,
  static: 4,
  theme: 8,
  bg: 16,
  host: 8,
  release: 32,
  records: 4,
  q: 64,
  kind: 64,
  cat: 64,
  actor: 64,
  status: 64,
  russia: 4,
  compare: 16,
  story: 64,
  step: 4,
} as const;

export type QueryName = keyof typeof QUERY_LIMITS;

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
