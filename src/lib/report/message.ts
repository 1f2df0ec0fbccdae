/**
 * A reader's error report as the address that opens it at its destination (destination.ts): a
 * mailto: link with subject and body, GitHub's new-issue page with title and body, or a form with
 * one query parameter per field. The page only opens that address on the reader's click: nothing is
 * posted, fetched or sent by the atlas itself.
 *
 * The reader's text and link are untrusted: they are cleaned of invisible controls, percent-encoded
 * (never put into the page as HTML), and the text is cut so that the whole address stays under
 * `MAX_REPORT_URL` characters, which mail programs, browsers and GitHub all accept.
 */
import { REPORT_PARAMS, type ReportDestination, type ReportParam } from './destination.ts';
import { viewUrl } from '../embed/links.ts';
import { monthKey } from '../time/months.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { LayerGroup } from '../state/layers.ts';

/** The longest address a report opens (GitHub refuses addresses over about 8 KB). */
export const MAX_REPORT_URL = 8000;
/** The longest source link a reader may give, so that their text keeps room in the address. */
export const MAX_SOURCE_LINK = 1000;
/** The most a reader may type (the form's textarea stops there). */
export const MAX_REPORT_TEXT = 20_000;

export type ReportKind = 'control' | 'presence' | 'event';

/** What a report says: the record and the view the reader saw, and what the reader wrote. */
export interface ReportFields {
  /** The record's id, e.g. `sirte-lna-2020`. */
  record: string;
  kind: ReportKind;
  /** The release shown: its id when the view is pinned to one, else "latest" (see `releaseLabel`). */
  release: string;
  /** The month shown, "YYYY-MM". */
  month: string;
  /** The address of the view (date, place, layers, language, release). */
  view: string;
  /** The reader's language (en, ar, ru). */
  lang: string;
  /** What the reader says is wrong. */
  text: string;
  /** A source the reader gives: an http(s) address, or ''. */
  source: string;
}

/** A report ready to open: its address, each part as it is sent, and whether the reader's text was cut to fit. */
export interface PreparedReport {
  url: string;
  /** The parts of the message, name and value, exactly as the address carries them. */
  parts: [string, string][];
  /** Where it goes, in words: the e-mail address, `owner/repo` on GitHub, or the form's host. */
  to: string;
  cut: boolean;
  /** Characters (code points) of the reader's text sent, and typed. */
  kept: number;
  total: number;
}

/** The view a reader reports from: what the atlas showed them when they pressed "Report an error". */
export interface ReportView {
  /** The month shown (a month index). */
  t: number;
  place: string | null;
  layers: Record<LayerGroup, boolean>;
  lang: Lang;
  /** The release the view is pinned to (`release=` of an older release), or null for the newest. */
  pinned: string | null;
  /** The release the newest records are (null when the build has unreleased changes). */
  current: string | null;
}

/** A view's address always says its language (a shared link leaves English out), so the editor sees what the reader saw. */
function withLang(href: string, lang: Lang): string {
  const u = new URL(href);
  if (!u.searchParams.has('lang')) u.search += `&lang=${lang}`;
  return u.href;
}

/**
 * The fields of a report from a view: the record, the release, the month and the view's address
 * (made from `href`, the page's own address, keeping only the view's parameters).
 * @example reportFields({ t, place: 'sirte', … }, 'sirte-lna-2020', 'control', 'The LNA took Sirte in January', '', location.href).month // '2020-06'
 */
export function reportFields(view: ReportView, record: string, kind: ReportKind, text: string, source: string, href: string): ReportFields {
  return {
    record,
    kind,
    release: releaseLabel(view.pinned, view.current),
    month: monthKey(view.t),
    view: withLang(viewUrl({ t: view.t, place: view.place, layers: view.layers, lang: view.lang, release: view.pinned }, false, href), view.lang),
    lang: view.lang,
    text,
    source,
  };
}

const KIND_WORDS: Record<ReportKind, string> = { control: 'control period', presence: 'foreign presence', event: 'event' };

/**
 * The release line of a report: the pinned release's id, or "latest" (with the release the newest
 * records are, when the build knows it).
 * @example releaseLabel(null, '2026-12-02-39bece') // 'latest (2026-12-02-39bece)'
 * @example releaseLabel('2026-12-02-586c19', '2026-12-02-39bece') // '2026-12-02-586c19'
 */
export function releaseLabel(pinned: string | null, current: string | null): string {
  if (pinned) return pinned;
  return current ? `latest (${current})` : 'latest';
}

/**
 * The reader's text as it may travel: line breaks as \n, no bidirectional controls (which can make a
 * line read in a misleading order), no other invisible control characters but tabs, no lone
 * surrogates (which cannot be encoded), no trailing white space.
 * @example cleanText('a\r\nb\u202Ec') // 'a\nbc'
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trimEnd();
}

export type SourceCheck = { ok: true; href: string } | { ok: false; reason: 'scheme' | 'long' };

/**
 * A source link as typed: '' (none), or an http(s) address, normalised (spaces and other unsafe
 * characters percent-encoded by the URL parser).
 * @example checkSource(' https://example.org/a b ') // { ok: true, href: 'https://example.org/a%20b' }
 * @example checkSource('javascript:alert(1)') // { ok: false, reason: 'scheme' }
 */
export function checkSource(typed: string): SourceCheck {
  const raw = cleanText(typed).trim();
  if (raw === '') return { ok: true, href: '' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'scheme' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return { ok: false, reason: 'scheme' };
  if (url.href.length > MAX_SOURCE_LINK) return { ok: false, reason: 'long' };
  return { ok: true, href: url.href };
}

/** A fence for text inside Markdown (GitHub): longer than any run of tildes in the text. */
function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/~+/g)].map((m) => m[0].length));
  const fence = '~'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** The subject of the e-mail or the title of the issue. */
export function reportTitle(f: ReportFields): string {
  return `Error report: ${KIND_WORDS[f.kind]} ${f.record} (${f.month})`;
}

/** The body of the e-mail or the issue. In an issue the reader's text is fenced, so no Markdown in it acts (no @mentions, links or images). */
export function reportBody(f: ReportFields, markdown: boolean): string {
  const text = f.text === '' ? '(nothing written)' : f.text;
  return [
    `Record: ${f.record} (${KIND_WORDS[f.kind]})`,
    `Release: ${f.release}`,
    `Month: ${f.month}`,
    `View: ${f.view}`,
    `Reader's language: ${f.lang}`,
    '',
    'What is wrong, in the reader\'s words:',
    markdown ? fenced(text) : text,
    '',
    `Source given by the reader: ${f.source || 'none'}`,
  ].join('\n');
}

/** The parts of the message for a destination, name and value. */
export function reportParts(dest: ReportDestination, f: ReportFields): [string, string][] {
  if (dest.kind === 'mailto') return [['subject', reportTitle(f)], ['body', reportBody(f, false)]];
  if (dest.kind === 'github') return [['title', reportTitle(f)], ['body', reportBody(f, true)]];
  return REPORT_PARAMS.map((k: ReportParam) => [k, f[k]]);
}

/** RFC 6068: every character of a header's value percent-encoded but unreserved ones (RFC 3986's, so ' ( ) ! * too); line breaks as CRLF. */
const mailEncode = (s: string) => encodeURIComponent(s.replace(/\n/g, '\r\n')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The address carrying these parts. */
export function reportUrl(dest: ReportDestination, parts: readonly [string, string][]): string {
  if (dest.kind === 'mailto') return `mailto:${dest.address}?${parts.map(([k, v]) => `${k}=${mailEncode(v)}`).join('&')}`;
  const u = new URL(dest.url);
  for (const [k, v] of parts) u.searchParams.set(k, v);
  return u.href;
}

/** Where a report goes, in words. */
export function destinationName(dest: ReportDestination): string {
  if (dest.kind === 'mailto') return dest.address;
  if (dest.kind === 'github') return `github.com/${dest.owner}/${dest.repo}`;
  return new URL(dest.url).host;
}

/**
 * The report as it will be opened: the reader's text cleaned and, when the address would pass
 * `max` characters, cut (at a character, never inside one) with a line saying so.
 * @example prepareReport(dest, fields).url // 'https://github.com/acme/atlas/issues/new?title=Error+report…'
 */
export function prepareReport(dest: ReportDestination, fields: ReportFields, max = MAX_REPORT_URL): PreparedReport {
  const chars = Array.from(cleanText(fields.text));
  const total = chars.length;
  const build = (kept: number) => {
    const text = kept < total ? `${chars.slice(0, kept).join('')}…\n[cut to fit the link: the first ${kept} of ${total} characters]` : chars.join('');
    const parts = reportParts(dest, { ...fields, text });
    return { url: reportUrl(dest, parts), parts };
  };
  const whole = build(total);
  if (whole.url.length <= max) return { ...whole, to: destinationName(dest), cut: false, kept: total, total };
  // The most characters that fit: the address grows with each one kept.
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(mid).url.length <= max) lo = mid;
    else hi = mid - 1;
  }
  return { ...build(lo), to: destinationName(dest), cut: true, kept: lo, total };
}
