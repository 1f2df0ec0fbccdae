/**
 * "Report an error" in a real headless Chromium (issue 26). The atlas is built again here, into a
 * temporary folder, with ATLAS_REPORT_URL set to a GitHub repository's new-issue page, and served
 * under the strict Content-Security-Policy of the README. Every request to another host is caught
 * (never let out) and logged: nothing may leave before Send, and Send opens exactly one page, the
 * new issue with the report filled in. The normal build (dist/, no ATLAS_REPORT_URL) has no control.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser, mapReady, watch, type PageWatch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import { readTree } from '../../scripts/validate/disk.ts';
import { releaseBuild } from '../../scripts/lib/releases.ts';
import { REPO_ROOT } from '../../scripts/lib/load-data.ts';
import { SANDBOX } from '../../src/lib/embed/links.ts';
import { ar } from '../../src/lib/i18n/ar.ts';

const DESTINATION = 'https://github.com/example-newsroom/atlas-reports/issues/new';
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
/** What a hostile reader might type: quotes, markup, ampersands, line breaks, a bidirectional override. */
const TEXT = 'The LNA took Sirte on 6 January 2020, not in June. "Quote" & <script>alert(1)</script>\nSecond line \u202Eevil';
const SENT_TEXT = 'The LNA took Sirte on 6 January 2020, not in June. "Quote" & <script>alert(1)</script>\nSecond line evil';

const browser = useBrowser();
const baseUrl = inject('baseUrl');
const origin = inject('origin');

let dir: string;
let atlas: Served;
/** The same build without a Content-Security-Policy: there a request the page should not make is not blocked first, but caught and logged. */
let bare: Served;
let article: Served;
const articleRoutes: Record<string, [string, string]> = {};
/** The release the build's first view is (null while data/ has unreleased changes). */
let current: string | null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-report-'));
  const root = resolve(import.meta.dirname, '../..');
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, ATLAS_REPORT_URL: DESTINATION },
    maxBuffer: 16 * 1024 * 1024,
  });
  current = releaseBuild(readTree(REPO_ROOT)).stamp.current;
  atlas = await serve({ root: dir, gzip: true, headers: { 'content-security-policy': CSP } });
  bare = await serve({ root: dir, gzip: true });
  article = await serve({ root: dir, prefix: '/nothing-here/', routes: articleRoutes });
}, 240_000);

afterAll(async () => {
  await Promise.all([atlas?.close(), bare?.close(), article?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  w: PageWatch;
  /** Requests for other hosts, caught: address and Referer. */
  outside: { url: string; referer: string | undefined }[];
}

/** A page in a context of its own, where a request for any other host is answered locally and logged, never sent. */
async function openAt(url: string, allowed: string[], viewport = { width: 1280, height: 860 }): Promise<Opened> {
  const context = await browser().newContext({ viewport, reducedMotion: 'reduce' });
  const outside: Opened['outside'] = [];
  await context.route('**/*', (route) => {
    const req = route.request();
    if (allowed.some((o) => req.url().startsWith(o))) return route.continue();
    outside.push({ url: req.url(), referer: req.headers()['referer'] });
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>caught</title>' });
  });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const w = watch(page, allowed);
  await page.goto(url);
  return { context, page, w, outside };
}

/** axe-core's WCAG 2.0/2.1 A and AA rules, as the a11y tests run them. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** The report a caught address carries. */
function issue(url: string) {
  const u = new URL(url);
  return { where: `${u.origin}${u.pathname}`, title: u.searchParams.get('title') ?? '', body: u.searchParams.get('body') ?? '', keys: [...u.searchParams.keys()] };
}

/** Fills the form and presses Send; returns the address the new tab was opened at. */
async function fillAndSend(o: Opened, dialog: Locator, text: string, source: string): Promise<string> {
  await dialog.getByRole('textbox', { name: /What is wrong|ما الخطأ/ }).fill(text);
  await dialog.getByRole('textbox', { name: /A source that shows it|مصدر يثبت ذلك/ }).fill(source);
  const send = dialog.getByTestId('report-send');
  const href = await send.getAttribute('href');
  expect(o.outside, 'nothing leaves before Send').toEqual([]);
  // Under the CSP, a request for another host would be refused (and logged as an error) rather than caught.
  expect(o.w.errors, 'nothing tried to leave before Send').toEqual([]);
  const popup = o.context.waitForEvent('page');
  await send.click();
  await popup;
  await expect.poll(() => o.outside.length).toBe(1);
  expect(o.outside[0]!.url).toBe(href);
  return o.outside[0]!.url;
}

describe('with ATLAS_REPORT_URL set (a GitHub new-issue page)', () => {
  it('the place panel at 2020-06: Report on a control period opens the form; nothing leaves before Send; Send opens the issue with record, release, month, view and text', async () => {
    const o = await openAt(`${atlas.url}?date=2020-06&place=sirte`, [atlas.origin]);
    const { page, w } = o;
    await mapReady(page);
    const panel = page.getByTestId('place-panel');
    // Every record in the panel has its control: the control period, the foreign force, the events.
    for (const id of ['sirte-lna-2020', 'wagner-sirte-2020']) await expect.poll(() => panel.locator(`button[data-report="${id}"]`).count()).toBe(1);
    const events = await panel.locator('li[data-event-id]').count();
    expect(events).toBeGreaterThan(0);
    expect(await panel.locator('li[data-event-id] button[data-report]').count()).toBe(events);

    const button = panel.locator('button[data-report="sirte-lna-2020"]');
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog');
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Report an error in this record' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('sirte-lna-2020');
    expect(await dialog.innerText()).toContain('github.com/example-newsroom/atlas-reports');

    // Send with nothing written: the problem is said, the focus goes to the field, nothing opens.
    await dialog.getByTestId('report-send').click();
    await expect.poll(() => dialog.getByText('Write what is wrong before sending.').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await dialog.getByRole('textbox', { name: /What is wrong/ }).getAttribute('aria-invalid')).toBe('true');
    // A source that is not a web address: said too.
    await dialog.getByRole('textbox', { name: /What is wrong/ }).fill('x');
    await dialog.getByRole('textbox', { name: /A source that shows it/ }).fill('javascript:alert(1)');
    await dialog.getByTestId('report-send').click();
    await expect.poll(() => dialog.getByText(/The source must be a web address/).isVisible()).toBe(true);
    expect(o.context.pages().length).toBe(1);

    // What will be sent is shown as text, markup and all, before anything is sent.
    await dialog.getByRole('textbox', { name: /What is wrong/ }).fill(TEXT);
    await dialog.getByRole('textbox', { name: /A source that shows it/ }).fill('https://example.org/news/sirte?a=1&b=2');
    const preview = await dialog.getByTestId('report-preview').innerText();
    expect(preview).toContain('<script>alert(1)</script>');
    expect(preview).toContain('Record: sirte-lna-2020 (control period)');
    expect(await dialog.locator('script').count()).toBe(0);
    expect(o.outside).toEqual([]);

    const url = await fillAndSend(o, dialog, TEXT, 'https://example.org/news/sirte?a=1&b=2');
    const sent = issue(url);
    expect(sent.where).toBe(DESTINATION);
    expect(sent.keys).toEqual(['title', 'body']);
    expect(sent.title).toBe('Error report: control period sirte-lna-2020 (2020-06)');
    expect(sent.body).toContain('Record: sirte-lna-2020 (control period)\n');
    expect(sent.body).toContain(`Release: ${current ? `latest (${current})` : 'latest'}\n`);
    expect(sent.body).toContain('Month: 2020-06\n');
    expect(sent.body).toContain(`View: ${atlas.url}?date=2020-06&place=sirte&lang=en\n`);
    expect(sent.body).toContain(`~~~text\n${SENT_TEXT}\n~~~`);
    expect(sent.body).toContain('Source given by the reader: https://example.org/news/sirte?a=1&b=2');
    // Opened without telling GitHub where the reader came from; the atlas's own page stays where it was.
    expect(o.outside[0]!.referer).toBeUndefined();
    expect(page.url()).toBe(`${atlas.url}?date=2020-06&place=sirte`);
    await expect.poll(() => dialog.getByRole('status').innerText()).toContain('The message has been opened for you to send.');
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('Escape closes the form alone (the panel stays) and the focus returns to its Report button', async () => {
    const { page, w } = await openAt(`${atlas.url}?date=2020-06&place=sirte`, [atlas.origin]);
    await mapReady(page);
    const button = page.getByTestId('place-panel').locator('button[data-report="wagner-sirte-2020"]');
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Report an error in this record' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: /What is wrong/ }).fill('Not Wagner but the Russian army.');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-report'))).toBe('wagner-sirte-2020');
    expect(await page.getByTestId('place-panel').isVisible()).toBe(true);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('in Arabic the control and the form read right to left, in Arabic, and the report says the language', async () => {
    const o = await openAt(`${atlas.url}?date=2020-06&place=sirte&lang=ar`, [atlas.origin]);
    const { page } = o;
    await mapReady(page);
    const button = page.getByTestId('place-panel').locator('button[data-report="sirte-lna-2020"]');
    await expect.poll(() => button.innerText()).toContain(ar['report.button']);
    await button.click();
    const dialog = page.getByRole('dialog', { name: ar['report.heading'] });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.evaluate((d) => getComputedStyle(d).direction)).toBe('rtl');
    expect(await dialog.getByText(ar['report.text'], { exact: true }).evaluate((l) => getComputedStyle(l).direction)).toBe('rtl');
    // The heading sits at the right edge of the form.
    const [box, heading] = [await dialog.boundingBox(), await dialog.locator('h2').boundingBox()];
    expect(box!.x + box!.width - (heading!.x + heading!.width)).toBeLessThan(40);
    expect(await axe(page)).toEqual([]);
    const url = await fillAndSend(o, dialog, 'سيطر الجيش الوطني على سرت في يناير 2020', '');
    const sent = issue(url);
    expect(sent.body).toContain(`View: ${atlas.url}?date=2020-06&place=sirte&lang=ar\n`);
    expect(sent.body).toContain("Reader's language: ar\n");
    expect(sent.body).toContain('سيطر الجيش الوطني على سرت في يناير 2020');
    await page.close();
  });

  it('axe finds no WCAG 2.1 AA violation in the panel with its Report controls, nor in the open form', async () => {
    const { page } = await openAt(`${atlas.url}?date=2020-06&place=sirte`, [atlas.origin]);
    await mapReady(page);
    await page.getByTestId('place-panel').locator('button[data-report="sirte-lna-2020"]').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('place-panel').locator('button[data-report="sirte-lna-2020"]').click();
    const dialog = page.getByRole('dialog', { name: 'Report an error in this record' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByTestId('report-send').click();
    await dialog.getByText('Write what is wrong before sending.').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('the whole-record list has the control on every record, and it carries that record (served without a CSP, so nothing is blocked before it is caught)', async () => {
    const o = await openAt(`${bare.url}?date=2020-06&records=1&q=Wagner`, [bare.origin]);
    const { page } = o;
    await mapReady(page);
    const list = page.getByTestId('record-view');
    const items = list.locator('li[data-record]');
    await expect.poll(() => items.count()).toBeGreaterThan(3);
    expect(await list.locator('li[data-record] button[data-report]').count()).toBe(await items.count());
    const item = list.locator('li[data-record][data-kind="presence"]').first();
    const id = (await item.getAttribute('data-record'))!;
    const kind = (await item.getAttribute('data-kind'))!;
    await item.locator('button[data-report]').click();
    const dialog = page.getByRole('dialog', { name: 'Report an error in this record' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const sent = issue(await fillAndSend(o, dialog, 'Wrong date.', ''));
    expect(sent.body).toContain(`Record: ${id} (${{ control: 'control period', presence: 'foreign presence', event: 'event' }[kind]})\n`);
    expect(sent.body).toContain('Month: 2020-06\n');
    await page.close();
  });

  it('in an article\'s sandboxed embed, the panel\'s sheet has the control, and Send opens the issue from the frame', async () => {
    articleRoutes['/article.html'] = [
      'text/html; charset=utf-8',
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body>
<p>Story text.</p><iframe data-atlas src="${atlas.url}?date=2020-06&amp;place=sirte&amp;embed=1" title="Libya–Russia Atlas" width="720" height="800" sandbox="${SANDBOX}"></iframe></body></html>`,
    ];
    const o = await openAt(`${article.origin}/article.html`, [atlas.origin, article.origin], { width: 800, height: 900 });
    const frame = o.page.frameLocator('iframe[data-atlas]');
    const sheet = frame.getByTestId('panel-area');
    const button = sheet.locator('button[data-report="sirte-lna-2020"]');
    await button.waitFor({ timeout: 45_000 });
    await button.click();
    const dialog = frame.getByRole('dialog', { name: 'Report an error in this record' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const sent = issue(await fillAndSend(o, dialog, 'From the embed.', ''));
    expect(sent.title).toBe('Error report: control period sirte-lna-2020 (2020-06)');
    // The view is the full atlas's address (the embed's own parameters are not part of the view).
    expect(sent.body).toContain(`View: ${atlas.url}?date=2020-06&place=sirte&lang=en\n`);
    expect(sent.body).toContain('~~~text\nFrom the embed.\n~~~');
    expect(o.w.errors).toEqual([]);
    await o.page.close();
  });
});

describe('with ATLAS_REPORT_URL unset (the normal build)', () => {
  for (const [where, query, ready] of [
    ['the place panel', '?date=2020-06&place=sirte', '[data-testid="place-panel"] li[data-event-id]'],
    ['the whole-record list', '?date=2020-06&records=1', '[data-testid="record-view"] li[data-record]'],
    ['the embed\'s sheet', '?date=2020-06&place=sirte&embed=1', '[data-testid="panel-area"] li[data-event-id]'],
  ] as const) {
    it(`no Report control exists in ${where}`, async () => {
      const { page, w } = await openAt(`${baseUrl}${query}`, [origin]);
      await mapReady(page);
      // The records are there (with their sources' buttons), but no control to report them.
      await page.locator(ready).first().waitFor();
      expect(await page.locator('[data-report]').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Report an error/ }).count()).toBe(0);
      expect(await page.getByText(/Report an error/).count()).toBe(0);
      expect(w.errors).toEqual([]);
      await page.close();
    });
  }
});
