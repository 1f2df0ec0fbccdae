/**
 * "Report an error" (issue 26): ATLAS_REPORT_URL is read and checked at build time (a bad value
 * stops `vite build` with a readable message), and a report becomes the address of a mailto: link,
 * a GitHub new-issue page or a form, with the reader's untrusted text cleaned, encoded and cut to
 * fit; a correction may name the report it came from, and the corrections view links to it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { parseReportDestination, ReportUrlError, REPORT_PARAMS, type ReportDestination } from '../../src/lib/report/destination.ts';
import { MAX_REPORT_URL, checkSource, cleanText, prepareReport, releaseLabel, reportFields, type ReportFields, type ReportView } from '../../src/lib/report/message.ts';
import { reportDestination } from '../../scripts/lib/vite-report.ts';
import { Correction } from '../../src/lib/records/schema.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import { translator } from '../../src/lib/i18n/i18n.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import type { ShippedCorrection } from '../../src/lib/records/release.ts';
import CorrectionEntry from '../../src/lib/ui/CorrectionEntry.svelte';

const ROOT = resolve(import.meta.dirname, '../..');

const MAIL = parseReportDestination('mailto:editors@example.org')!;
const GITHUB = parseReportDestination('https://github.com/example-newsroom/atlas-reports/issues/new?labels=reader-report')!;
const FORM = parseReportDestination('https://forms.example.org/atlas/report?source_site=atlas')!;

const fields = (text: string, source = ''): ReportFields => ({
  record: 'sirte-lna-2020',
  kind: 'control',
  release: 'latest (2026-12-02-39bece)',
  month: '2020-06',
  view: 'https://example.org/atlas/?date=2020-06&place=sirte&lang=en',
  lang: 'en',
  text,
  source,
});

/** A mailto: address's header fields, decoded. */
function mailFields(url: string): Record<string, string> {
  const [head, query = ''] = url.split('?');
  expect(head).toBe('mailto:editors@example.org');
  return Object.fromEntries(query.split('&').map((kv) => kv.split('=')).map(([k, v]) => [k!, decodeURIComponent(v!)]));
}

/** The parts a report's address carries, decoded, whatever the destination. */
function decoded(dest: ReportDestination, url: string): Record<string, string> {
  return dest.kind === 'mailto' ? mailFields(url) : Object.fromEntries(new URL(url).searchParams);
}
/** The reader's text as the message carries it. */
function textIn(dest: ReportDestination, url: string): string {
  const d = decoded(dest, url);
  if (dest.kind === 'form') return d['text']!;
  const body = d['body']!.replace(/\r\n/g, '\n');
  const m = /What is wrong, in the reader's words:\n(?:(~{3,})text\n)?([\s\S]*?)\n(?:\1\n)?\nSource given by the reader:/.exec(body);
  expect(m, body.slice(0, 300)).not.toBeNull();
  return m![2]!;
}

describe('ATLAS_REPORT_URL', () => {
  it('reads a mailto: address, a GitHub repository\'s new-issue page and an https form; unset or empty is none', () => {
    expect(MAIL).toEqual({ kind: 'mailto', address: 'editors@example.org' });
    expect(GITHUB).toEqual({ kind: 'github', owner: 'example-newsroom', repo: 'atlas-reports', url: 'https://github.com/example-newsroom/atlas-reports/issues/new?labels=reader-report' });
    expect(FORM).toEqual({ kind: 'form', url: 'https://forms.example.org/atlas/report?source_site=atlas' });
    expect(parseReportDestination(undefined)).toBeNull();
    expect(parseReportDestination('')).toBeNull();
    expect(parseReportDestination('  ')).toBeNull();
    expect(reportDestination({})).toBeNull();
    expect(reportDestination({ ATLAS_REPORT_URL: 'mailto:a@b.org' })).toEqual({ kind: 'mailto', address: 'a@b.org' });
  });

  const bad: [string, RegExp][] = [
    ['editors@example.org', /without "mailto:" — write mailto:editors@example\.org/],
    ['mailto:', /not one e-mail address/],
    ['mailto:a@b.org,c@d.org', /not one e-mail address/],
    ['mailto:editors@example.org?subject=Hi', /"\?" or "#" after the address/],
    ['http://forms.example.org/report', /must be https:\/\//],
    ['ftp://example.org/report', /"ftp:"/],
    ['javascript:alert(1)', /"javascript:"/],
    ['https://user:secret@forms.example.org/report', /user name or password/],
    ['https://forms.example.org/report#top', /"#" part/],
    ['https://forms.example.org/report?text=x', /already has "text="/],
    ['https://github.com/example-newsroom', /not a repository's new-issue page/],
    ['https://github.com/example-newsroom/atlas-reports/issues', /not a repository's new-issue page/],
    ['https://github.com/-bad-/atlas/issues/new', /not a valid account name/],
    ['https://github.com/acme/atlas/issues/new?title=Report', /already has "title="/],
    ['forms.example.org/report', /not a web address or a mailto: address/],
    ['https://forms.example.org/re port', /space, a line break/],
    ['https://forms.example.org/re\nport', /space, a line break/],
    ['https://forms.example.org/\u202Ereport', /invisible control character/],
  ];
  for (const [value, why] of bad) {
    it(`refuses ${JSON.stringify(value)}, saying why and what to write`, () => {
      let error: unknown;
      try {
        parseReportDestination(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ReportUrlError);
      const message = (error as Error).message;
      expect(message).toMatch(/^ATLAS_REPORT_URL "/);
      expect(message).toMatch(why);
      expect(message).toContain('mailto:editors@example.org');
      expect(message).toContain('https://github.com/<owner>/<repo>/issues/new');
    });
  }

  it('a bad value stops `vite build` before anything is built, with the message (a good one builds: tests/e2e/report.e2e.ts)', () => {
    const out = mkdtempSync(join(tmpdir(), 'atlas-report-build-'));
    try {
      const run = (value: string) =>
        spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
          cwd: ROOT,
          env: { ...process.env, ATLAS_REPORT_URL: value },
          encoding: 'utf8',
          timeout: 120_000,
        });
      const bad = run('http://forms.example.org/report');
      expect(bad.status).not.toBe(0);
      expect(`${bad.stdout}${bad.stderr}`).toContain('ATLAS_REPORT_URL "http://forms.example.org/report" is an http:// address');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the address a report opens', () => {
  const text = 'The LNA took Sirte in January 2020, not June.\nSee the source.';

  it('mailto: the subject and body percent-encoded (spaces as %20, line breaks as CRLF)', () => {
    const r = prepareReport(MAIL, fields(text, 'https://example.org/news/sirte'));
    expect(r.url).toMatch(/^mailto:editors@example\.org\?subject=[^&]+&body=[^&]+$/);
    expect(r.url).not.toMatch(/[ +\n]/);
    expect(r.url).toContain('%0D%0A');
    const f = mailFields(r.url);
    expect(f['subject']).toBe('Error report: control period sirte-lna-2020 (2020-06)');
    const body = f['body']!.replace(/\r\n/g, '\n');
    expect(body).toBe(
      [
        'Record: sirte-lna-2020 (control period)',
        'Release: latest (2026-12-02-39bece)',
        'Month: 2020-06',
        'View: https://example.org/atlas/?date=2020-06&place=sirte&lang=en',
        "Reader's language: en",
        '',
        "What is wrong, in the reader's words:",
        text,
        '',
        'Source given by the reader: https://example.org/news/sirte',
      ].join('\n'),
    );
    expect(r.parts).toEqual([['subject', f['subject']], ['body', body]]);
    expect(r.to).toBe('editors@example.org');
    expect(r.cut).toBe(false);
  });

  it('GitHub: its new-issue page with title and body (the reader\'s text fenced), keeping the page\'s own parameters', () => {
    const r = prepareReport(GITHUB, fields('Ping @someone ![x](https://tracker.example/p.png) ~~~ not a fence'));
    const u = new URL(r.url);
    expect(u.origin + u.pathname).toBe('https://github.com/example-newsroom/atlas-reports/issues/new');
    expect(u.searchParams.get('labels')).toBe('reader-report');
    expect(u.searchParams.get('title')).toBe('Error report: control period sirte-lna-2020 (2020-06)');
    const body = u.searchParams.get('body')!;
    expect(body).toContain('Record: sirte-lna-2020 (control period)\nRelease: latest (2026-12-02-39bece)\nMonth: 2020-06\n');
    // A fence longer than any run of tildes in the text: nothing in it is Markdown.
    expect(body).toContain("What is wrong, in the reader's words:\n~~~~text\nPing @someone ![x](https://tracker.example/p.png) ~~~ not a fence\n~~~~\n");
    expect(body).toContain('Source given by the reader: none');
    expect(r.to).toBe('github.com/example-newsroom/atlas-reports');
  });

  it('a form: one query parameter per field, in the documented order, after the form\'s own', () => {
    const r = prepareReport(FORM, fields(text, 'https://example.org/news/sirte'));
    const u = new URL(r.url);
    expect([...u.searchParams.keys()]).toEqual(['source_site', ...REPORT_PARAMS]);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      source_site: 'atlas',
      record: 'sirte-lna-2020',
      kind: 'control',
      release: 'latest (2026-12-02-39bece)',
      month: '2020-06',
      view: 'https://example.org/atlas/?date=2020-06&place=sirte&lang=en',
      lang: 'en',
      text,
      source: 'https://example.org/news/sirte',
    });
    expect(r.to).toBe('forms.example.org');
  });

  const HOSTILE = `He said "no" & 'yes' <script>alert(1)</script> a=b&c=d#x?y\nsecond line\r\nthird\u202Egnirts desrever\u2066 %41 + plus\u0000\u0007 end`;
  for (const dest of [MAIL, GITHUB, FORM]) {
    it(`${dest.kind}: hostile text is encoded, not interpreted: one parameter each, no raw quotes, brackets, spaces or line breaks in the address`, () => {
      const r = prepareReport(dest, fields(HOSTILE, 'https://example.org/a?b=1&c="2"'));
      expect(r.url).toMatch(/^[\x21-\x7e]+$/);
      expect(r.url).not.toMatch(/[<>"'\s]/);
      const d = decoded(dest, r.url);
      expect(Object.keys(d)).toEqual(dest.kind === 'mailto' ? ['subject', 'body'] : dest.kind === 'github' ? ['labels', 'title', 'body'] : ['source_site', ...REPORT_PARAMS]);
      // The text arrives as typed, but for line breaks made \n and invisible controls removed.
      expect(textIn(dest, r.url)).toBe(`He said "no" & 'yes' <script>alert(1)</script> a=b&c=d#x?y\nsecond line\nthirdgnirts desrever %41 + plus end`);
      expect(JSON.stringify(d)).not.toMatch(/\\u202e|\\u2066|\\u0000|\\u0007/i);
      expect(r.cut).toBe(false);
    });

    it(`${dest.kind}: 20,000 characters are cut to fit ${MAX_REPORT_URL} characters, at a character, saying so`, () => {
      for (const unit of ['a&b "c" <d>\n', 'ليبيا ', '😀']) {
        const long = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
        const r = prepareReport(dest, fields(long));
        expect(r.url.length).toBeLessThanOrEqual(MAX_REPORT_URL);
        expect(r.cut).toBe(true);
        expect(r.total).toBe(Array.from(cleanText(long)).length);
        expect(r.kept).toBeGreaterThan(100);
        // The most that fits: one more character would not.
        expect(r.url.length).toBeGreaterThan(MAX_REPORT_URL - 200);
        const sent = textIn(dest, r.url);
        const kept = Array.from(cleanText(long)).slice(0, r.kept).join('');
        expect(sent).toBe(`${kept}…\n[cut to fit the link: the first ${r.kept} of ${r.total} characters]`);
        expect(sent).not.toContain('\ufffd');
      }
    });
  }
});

describe('what the reader types', () => {
  it('cleanText: line breaks as \\n, no bidirectional or other controls, no lone surrogates', () => {
    expect(cleanText('a\r\nb\rc\u202Ed\u2067e\u200Ff\u0000g\th  ')).toBe('a\nb\nc' + 'def' + 'g\th');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('😀')).toBe('😀');
  });

  it('checkSource: http(s) only, normalised, at most 1,000 characters', () => {
    expect(checkSource('')).toEqual({ ok: true, href: '' });
    expect(checkSource(' https://example.org/a b?c=<d> ')).toEqual({ ok: true, href: 'https://example.org/a%20b?c=%3Cd%3E' });
    expect(checkSource('http://example.org')).toEqual({ ok: true, href: 'http://example.org/' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'ftp://example.org/x', 'mailto:a@b.org', 'example.org', 'https://']) {
      expect(checkSource(bad), bad).toEqual({ ok: false, reason: 'scheme' });
    }
    expect(checkSource(`https://example.org/${'a'.repeat(1000)}`)).toEqual({ ok: false, reason: 'long' });
  });
});

describe('the fields of a report from a view', () => {
  const view: ReportView = { t: monthIndex(2020, 6), place: 'sirte', layers: { control: true, presence: true, diplomacy: false }, lang: 'ar', pinned: null, current: '2026-12-02-39bece' };

  it('the record, its kind, the release ("latest" unless pinned), the month and the view\'s address with its language', () => {
    const f = reportFields(view, 'sirte-lna-2020', 'control', 'text', '', 'https://example.org/atlas/?embed=1&date=2020-06&place=sirte&title=Whatever#x');
    expect(f).toEqual({
      record: 'sirte-lna-2020',
      kind: 'control',
      release: 'latest (2026-12-02-39bece)',
      month: '2020-06',
      view: 'https://example.org/atlas/?date=2020-06&place=sirte&layers=control,presence&lang=ar',
      lang: 'ar',
      text: 'text',
      source: '',
    });
    const pinned = reportFields({ ...view, lang: 'en', pinned: '2026-12-02-586c19' }, 'wagner-jufra', 'presence', 'x', '', 'https://example.org/atlas/');
    expect(pinned.release).toBe('2026-12-02-586c19');
    expect(pinned.view).toBe('https://example.org/atlas/?date=2020-06&place=sirte&layers=control,presence&release=2026-12-02-586c19&lang=en');
    expect(releaseLabel(null, null)).toBe('latest');
  });
});

describe('a correction that came from a report', () => {
  const entry = { date: '2026-12-03', records: ['sirte-lna-2020'], changes: [{ record: 'sirte-lna-2020', field: 'start', before: '2020-06', after: '2020-01' }], reason: { en: 'A reader pointed to the date.' }, source: 'x' };

  it('the schema takes an optional http(s) `report`, nothing else', () => {
    expect(Correction.safeParse(entry).success).toBe(true);
    expect(Correction.safeParse({ ...entry, report: 'https://github.com/example-newsroom/atlas-reports/issues/7' }).success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'mailto:editors@example.org', 'issue 7', '']) expect(Correction.safeParse({ ...entry, report: bad }).success, bad).toBe(false);
  });

  it('the corrections view links to the report where there was one (only a web address becomes a link)', () => {
    const loaded = loadData(ROOT);
    const index = indexData(loaded.data, loaded.dataAsOf);
    const shipped = (report?: string): ShippedCorrection => ({ ...entry, ...(report === undefined ? {} : { report }), places: ['sirte'], refs: {}, docs: {} });
    const html = (c: ShippedCorrection) => render(CorrectionEntry, { props: { correction: c, index, tr: translator('en') } }).body;
    const linked = html(shipped('https://github.com/example-newsroom/atlas-reports/issues/7'));
    expect(linked).toMatch(/<a href="https:\/\/github\.com\/example-newsroom\/atlas-reports\/issues\/7" target="_blank" rel="noopener noreferrer" data-report-link[^>]*>The reader’s report<\/a>/);
    expect(html(shipped())).not.toContain('data-report-link');
    expect(html(shipped('javascript:alert(1)'))).not.toContain('data-report-link');
  });
});
