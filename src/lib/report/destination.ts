/**
 * Where "Report an error" sends a reader's report: set when the atlas is built, by
 * `ATLAS_REPORT_URL` (scripts/lib/vite-report.ts), and read here by the build and the app alike.
 *
 * - `mailto:editors@example.org`: the reader's mail program opens with the subject and body filled;
 * - `https://github.com/<owner>/<repo>/issues/new`: GitHub's new-issue page with `title` and `body` filled;
 * - any other `https://` address: a form, opened with the report's fields appended as query
 *   parameters (`REPORT_PARAMS`).
 * Unset or empty: no destination, and no control is shown.
 */

/** The query parameters a form destination receives, in this order (README, "Reports from readers"). */
export const REPORT_PARAMS = ['record', 'kind', 'release', 'month', 'view', 'lang', 'text', 'source'] as const;
export type ReportParam = (typeof REPORT_PARAMS)[number];

export type ReportDestination =
  | { kind: 'mailto'; address: string }
  | { kind: 'github'; owner: string; repo: string; url: string }
  | { kind: 'form'; url: string };

/** A value of ATLAS_REPORT_URL that cannot be used, with what to write instead. */
export class ReportUrlError extends Error {
  override name = 'ReportUrlError';
}

const HELP =
  'set ATLAS_REPORT_URL to mailto:editors@example.org, to a GitHub repository\'s new-issue page (https://github.com/<owner>/<repo>/issues/new) or to an https:// form address, or leave it unset for no "Report an error" control';

/** The value as the message quotes it: JSON-quoted (control characters visible), at most 120 characters. */
const quoted = (raw: string) => JSON.stringify(raw.length > 120 ? `${raw.slice(0, 120)}…` : raw);

const fail = (raw: string, why: string): never => {
  throw new ReportUrlError(`ATLAS_REPORT_URL ${quoted(raw)} ${why} — ${HELP}.`);
};

/** An address as mail programs take it: one @, no spaces, commas, quotes or URL delimiters (#, %, &, ?). */
const ADDRESS = /^[A-Za-z0-9.!$'*+=^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
/** GitHub's rules for account and repository names. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Reads ATLAS_REPORT_URL. Throws a ReportUrlError saying what is wrong and what to write.
 * @example parseReportDestination('mailto:editors@example.org') // { kind: 'mailto', address: 'editors@example.org' }
 * @example parseReportDestination('https://github.com/acme/atlas/issues/new') // { kind: 'github', owner: 'acme', repo: 'atlas', url: '…' }
 * @example parseReportDestination(undefined) // null
 */
export function parseReportDestination(value: string | undefined | null): ReportDestination | null {
  const raw = (value ?? '').trim();
  if (raw === '') return null;
  if (/[\u0000-\u0020\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(raw)) fail(raw, 'contains a space, a line break or an invisible control character');
  if (raw.length > 1000) fail(raw, 'is longer than 1,000 characters');

  if (/^mailto:/i.test(raw)) {
    const address = raw.slice('mailto:'.length);
    if (/[?#]/.test(address)) fail(raw, 'has a "?" or "#" after the address: the atlas fills in the subject and body itself, so give the address alone');
    if (!ADDRESS.test(address)) fail(raw, 'is not one e-mail address after "mailto:"');
    return { kind: 'mailto', address };
  }
  if (ADDRESS.test(raw)) fail(raw, 'is an e-mail address without "mailto:" — write mailto:' + raw);

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(raw, 'is not a web address or a mailto: address');
  }
  if (url.protocol === 'http:') fail(raw, 'is an http:// address: a report travels in the address, so it must be https://');
  if (url.protocol !== 'https:') fail(raw, `uses "${url.protocol}", which the atlas does not send reports to`);
  if (url.username || url.password) fail(raw, 'contains a user name or password ("user:password@"), which would be published with the atlas');
  if (url.hash) fail(raw, 'has a "#" part: the report\'s fields go in the query, so leave the "#…" out');

  if (url.hostname === 'github.com' || url.hostname === 'www.github.com') {
    const m = /^\/([^/]+)\/([^/]+)\/issues\/new\/?$/.exec(url.pathname);
    if (!m) fail(raw, 'is a GitHub address but not a repository\'s new-issue page, which looks like https://github.com/<owner>/<repo>/issues/new');
    const [, owner, repo] = m!;
    if (!OWNER.test(owner!)) fail(raw, `names the GitHub account "${owner}", which is not a valid account name`);
    if (!REPO.test(repo!) || repo === '.' || repo === '..') fail(raw, `names the repository "${repo}", which is not a valid repository name`);
    for (const k of ['title', 'body']) if (url.searchParams.has(k)) fail(raw, `already has "${k}=": the atlas fills in the issue's title and body itself`);
    return { kind: 'github', owner: owner!, repo: repo!, url: url.href };
  }

  for (const k of REPORT_PARAMS) if (url.searchParams.has(k)) fail(raw, `already has "${k}=", a field the atlas appends to the form's address itself`);
  return { kind: 'form', url: url.href };
}
