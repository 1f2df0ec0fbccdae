/**
 * Releases and corrections in a real headless Chromium (issue 15). A copy of the build gets an
 * older release made in the test from the real record: in it, the NTC took Tripoli only in
 * September 2011, and a correction published since moves that to 21 August. The delta is made by
 * the build's own code (scripts/lib/releases.ts), so the page reads what a real build would ship.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { useBrowser, mapReady, watch } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import { readTree } from '../../scripts/validate/disk.ts';
import { contentOf, correctionsText, historyOf, releaseBuild, releaseId, releaseLine, releasesText, snapshotPath, snapshotText } from '../../scripts/lib/releases.ts';
import { REPO_ROOT } from '../../scripts/lib/load-data.ts';
import type { Correction } from '../../src/lib/records/release.ts';

const browser = useBrowser();
const baseUrl = inject('baseUrl');

let served: Served;
let dir: string;
let oldId: string;
let newestId: string;
/** The release the build's first view is (null while data/ has unreleased changes). */
let shown: string | null = null;
let source: { id: string; publisher: string; title: string };
const REASON = 'Rebel forces entered Tripoli on 21 August 2011: the NTC held the city from then, not from September.';

beforeAll(async () => {
  const files = readTree(REPO_ROOT);
  const current = contentOf(files);
  const history = historyOf(files);
  newestId = history.releases[history.releases.length - 1]!.id;
  shown = releaseBuild(files).stamp.current;
  // The older release: Tripoli passes to the NTC in September 2011.
  const old = structuredClone(current);
  old.control.find((r) => r.id === 'tripoli-jamahiriya-1977')!.end = '2011-09';
  old.control.find((r) => r.id === 'tripoli-ntc-2011')!.start = '2011-09';
  oldId = releaseId('2026-11-20', old);
  const jerusalem = current.sources.find((s) => s.id === current.control.find((r) => r.id === 'tripoli-ntc-2011')!.sources[0]!.source)!;
  source = { id: jerusalem.id, publisher: jerusalem.publisher, title: jerusalem.title };
  const log: Correction[] = [
    {
      date: '2026-11-25',
      records: ['tripoli-jamahiriya-1977', 'tripoli-ntc-2011'],
      changes: [
        { record: 'tripoli-jamahiriya-1977', field: 'end', before: '2011-09', after: '2011-08-21' },
        { record: 'tripoli-ntc-2011', field: 'start', before: '2011-09', after: '2011-08-21' },
      ],
      reason: { en: REASON },
      source: source.id,
      release: newestId,
    },
  ];
  const build = releaseBuild({
    ...files,
    'data/releases.json': releasesText([releaseLine({ id: oldId, date: '2026-11-20', summary: 'An older release, made by the test' }, old, [], []), ...history.releases]),
    [snapshotPath(oldId)]: snapshotText(oldId, '2026-11-20', old),
    'data/corrections.json': correctionsText(log),
  });

  dir = mkdtempSync(join(tmpdir(), 'atlas-releases-'));
  const dist = resolve(import.meta.dirname, '../../dist');
  cpSync(dist, dir, { recursive: true });
  // The build this copy comes from must be of the same record, or its deltas would not fit.
  const js = readdirSync(join(dir, 'assets')).filter((f) => f.startsWith('index-') && f.endsWith('.js')).map((f) => readFileSync(join(dir, 'assets', f), 'utf8')).join('');
  if (!js.includes(build.stamp.base)) throw new Error('dist/ was built from another state of data/: run `npx vite build` first (npm run test:e2e does)');
  for (const [path, text] of build.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  served = await serve({ root: dir, gzip: true });
});

afterAll(async () => {
  await served?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${served.url}${query}`);
  await mapReady(page);
}

const panelControl = (page: Page) => page.getByTestId('place-panel').locator('ul.control').innerText();

describe('an embed pinned to an older release', () => {
  it('shows that release\'s holder of Tripoli in August 2011, "1 correction since", and the correction with its source', async () => {
    const page = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    const w = watch(page, [served.origin]);
    const releaseFiles: string[] = [];
    page.on('request', (r) => r.url().includes('/releases/') && releaseFiles.push(r.url()));
    await open(page, `?date=2011-08&place=tripoli&embed=1&release=${oldId}`);
    await page.getByTestId('place-panel').waitFor({ timeout: 20_000 });
    // The release's holder: the Jamahiriya until September 2011 (the newest says the NTC from 21 August).
    expect(await panelControl(page)).toMatch(/Jamahiriya \(Gaddafi\)/);
    expect(await panelControl(page)).not.toMatch(/\bNTC\b/);
    expect(releaseFiles).toHaveLength(1);
    expect(releaseFiles[0]).toMatch(new RegExp(`/releases/[0-9a-f]{12}/${oldId}\\.json$`));

    const line = page.getByTestId('corrections-since');
    expect(await line.textContent()).toBe('1 correction since');
    expect(await page.getByTestId('release-note').count()).toBe(0);
    await line.click();
    const dialog = page.getByRole('dialog', { name: 'Corrections since this view’s release' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain(`release ${oldId}`);
    expect(text).toContain(REASON);
    expect(text).toMatch(/start:\s*before\s*September 2011\s*→\s*after\s*August 21, 2011/i);
    const link = dialog.getByRole('link', { name: source.title });
    expect(await link.textContent()).toContain(source.publisher);
    const newest = dialog.getByRole('link', { name: /newest data/ });
    const href = new URL((await newest.getAttribute('href'))!);
    expect(href.searchParams.get('release')).toBeNull();
    expect(href.searchParams.get('date')).toBe('2011-08');
    expect(href.searchParams.get('place')).toBe('tripoli');
    await page.keyboard.press('Escape');
    // The embed keeps its release through the URL's rewrites, and "open the full atlas" keeps it too.
    expect(new URL(page.url()).searchParams.get('release')).toBe(oldId);
    expect(new URL((await page.getByRole('link', { name: /open the full atlas/i }).getAttribute('href'))!).searchParams.get('release')).toBe(oldId);
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });

  it('its download is the pinned release, with its id and the corrections since', async () => {
    const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await open(page, `?date=2011-08&release=${oldId}`);
    await page.getByText('Data', { exact: true }).click();
    const [download]: [Download, void] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'JSON, whole record', exact: true }).click(),
    ]);
    const pkg = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      metadata: { release: string; corrections: unknown[]; correctionsSince: { records: string[] }[] };
      control: { id: string; start: string }[];
    };
    expect(pkg.metadata.release).toBe(oldId);
    expect(pkg.metadata.corrections).toEqual([]);
    expect(pkg.metadata.correctionsSince.map((c) => c.records)).toEqual([['tripoli-jamahiriya-1977', 'tripoli-ntc-2011']]);
    expect(pkg.control.find((c) => c.id === 'tripoli-ntc-2011')!.start).toBe('2011-09');
    await context.close();
  });
});

describe('a pinned release file that never answers (issue 24)', () => {
  it('says so within 15 s (showing the newest meanwhile), and Try again shows the pinned release once the file arrives', async () => {
    const page = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    const w = watch(page, [served.origin]);
    let hang = true;
    // While `hang`, the release file's request is never answered (neither fulfilled nor failed).
    await page.route(/\/releases\/[0-9a-f]{12}\/[^/]+\.json$/, (route) => (hang ? undefined : route.continue()));
    const started = Date.now();
    await page.goto(`${served.url}?date=2011-08&place=tripoli&embed=1&release=${oldId}`);
    const note = page.getByTestId('release-note');
    await note.waitFor({ timeout: 15_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await note.textContent()).toMatch(/did not arrive.*it shows the newest data/);
    await mapReady(page);
    hang = false;
    await note.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('corrections-since').waitFor({ timeout: 20_000 });
    await page.getByTestId('place-panel').waitFor({ timeout: 20_000 });
    expect(await panelControl(page)).toMatch(/Jamahiriya \(Gaddafi\)/);
    expect(await page.getByTestId('release-note').count()).toBe(0);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('the releases published before issue 24', () => {
  it('keep their ids in URLs: release=<id> still shows that release, with its corrections line', async () => {
    const ids = historyOf(readTree(REPO_ROOT)).releases.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual(['2026-12-02-586c19', '2026-12-02-7b55ec', '2026-12-02-39bece']);
    const page = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    const w = watch(page, [served.origin]);
    for (const id of ids.slice(0, 2)) {
      await open(page, `?date=2011-08&embed=1&release=${id}`);
      await page.getByTestId('corrections-since').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('release-note').count()).toBe(0);
      expect(new URL(page.url()).searchParams.get('release')).toBe(id);
    }
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

describe('the newest release', () => {
  it('release=latest follows the newest: the NTC holds Tripoli in August 2011, no note, no error', async () => {
    const page = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    const w = watch(page, [served.origin]);
    await open(page, '?date=2011-08&place=tripoli&embed=1&release=latest');
    await page.getByTestId('place-panel').waitFor({ timeout: 20_000 });
    expect(await panelControl(page)).toMatch(/\bNTC\b/);
    expect(await page.getByTestId('release-note').count()).toBe(0);
    expect(await page.getByTestId('corrections-since').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('release')).toBe('latest');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('a hostile release= shows the newest with a note, runs nothing, echoes nothing and leaves the URL', async () => {
    const page = await browser().newPage({ viewport: { width: 1000, height: 900 } });
    const w = watch(page, [served.origin]);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const hostile = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
    await open(page, `?date=2011-08&place=tripoli&embed=1&release=${encodeURIComponent(hostile)}`);
    await page.getByTestId('place-panel').waitFor({ timeout: 20_000 });
    expect(await panelControl(page)).toMatch(/\bNTC\b/);
    expect(await page.getByTestId('release-note').textContent()).toMatch(/does not have: it shows the newest data/);
    expect(await page.content()).not.toContain('onerror=alert');
    await expect.poll(() => new URL(page.url()).searchParams.get('release')).toBeNull();
    expect(dialogs).toBe(0);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('the full atlas lists the corrections log, and its Share snippet pins the release it shows', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}?date=2011-08`);
    await mapReady(page);
    await page.getByRole('button', { name: 'corrections', exact: true }).click();
    const log = page.getByRole('dialog', { name: 'Corrections' });
    await log.waitFor();
    await expect.poll(() => log.innerText()).toMatch(/No published record has been corrected yet|Corrections shown: \d+/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Share / embed' }).click();
    const snippet = await page.getByRole('textbox', { name: 'Embed code for an article' }).inputValue();
    if (shown === null) {
      // data/ has changed since the newest release: there is no release to pin.
      expect(snippet).not.toContain('release=');
    } else {
      expect(snippet).toContain(`&amp;release=${shown}"`);
      await page.getByRole('checkbox', { name: /Keep showing this release/ }).uncheck();
      expect(await page.getByRole('textbox', { name: 'Embed code for an article' }).inputValue()).toContain('&amp;release=latest"');
    }
    await page.close();
  });
});
