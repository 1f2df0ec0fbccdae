/**
 * The "Data" link in a real headless Chromium: download the June 2019 view as CSV and GeoJSON,
 * open the files and check that the Wagner presence is there with its source.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import Papa from 'papaparse';
import { useBrowser, mapReady, watch } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

async function fetchFile(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('the Data link', () => {
  it('downloads the June 2019 view as CSV and GeoJSON, with the Wagner presence and its source', async () => {
    const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const w = watch(page, [origin]);
    await page.goto(`${baseUrl}?date=2019-06`);
    await mapReady(page);

    const data = page.getByText('Data', { exact: true });
    await data.click();
    await expect.poll(() => page.getByRole('button', { name: 'CSV', exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(/records shown for June 2019/).isVisible()).toBe(true);

    const csv = await fetchFile(page, 'CSV');
    expect(csv.name).toBe('libya-russia-atlas-2019-06.csv');
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = parsed.data;
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r['source_id'], r['id']).not.toBe('');
    const wagner = rows.filter((r) => r['kind'] === 'presence' && r['actor'] === 'wagner');
    expect(wagner.length).toBeGreaterThan(0);
    for (const r of wagner) {
      expect(r['actor_name']).toMatch(/Wagner/);
      expect(r['source_title']!.length).toBeGreaterThan(5);
      expect(r['passage']!.length).toBeGreaterThan(20);
    }
    // The source as cited in the data: publisher and title of the first citation.
    const presence = JSON.parse(await readFile(new URL('../../data/presence.json', import.meta.url), 'utf8')) as {
      id: string;
      sources: { source: string; passage: string }[];
    }[];
    const record = presence.find((p) => p.id === wagner[0]!['id'])!;
    const doc = JSON.parse(await readFile(new URL(`../../data/sources/${record.sources[0]!.source}.json`, import.meta.url), 'utf8')) as {
      publisher: string;
      title: string;
    };
    expect(wagner[0]!['source_publisher']!.split('\n')[0]).toBe(doc.publisher);
    expect(wagner[0]!['source_title']!.split('\n')[0]).toBe(doc.title);
    expect(wagner[0]!['passage']!.split('\n')[0]).toBe(record.sources[0]!.passage);

    const geo = await fetchFile(page, 'GeoJSON');
    expect(geo.name).toBe('libya-russia-atlas-2019-06.geojson');
    const fc = JSON.parse(geo.text) as {
      type: string;
      features: { geometry: { type: string } | null; properties: { kind: string; actor: string; sources: { publisher: string; title: string; passage: string }[] } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(rows.length);
    for (const f of fc.features) {
      expect(f.geometry?.type).toMatch(/^(Multi)?(Point|Polygon)$/);
      expect(f.properties.sources.length).toBeGreaterThan(0);
    }
    const wagnerFeature = fc.features.find((f) => f.properties.kind === 'presence' && f.properties.actor === 'wagner')!;
    expect(wagnerFeature.properties.sources.some((s) => s.publisher === doc.publisher && s.title === doc.title)).toBe(true);

    // The whole record, as the complete data set: every event, with its citations.
    const whole = await fetchFile(page, 'JSON, whole record');
    expect(whole.name).toMatch(/^libya-russia-atlas-record-\d{4}(-\d{2}){0,2}\.json$/);
    const pkg = JSON.parse(whole.text) as { metadata: { dataAsOf: string }; events: { id: string; sources: unknown[] }[] };
    const onDisk = JSON.parse(await readFile(new URL('../../data/events.json', import.meta.url), 'utf8')) as unknown[];
    expect(pkg.events.length).toBe(onDisk.length);
    expect(pkg.events.every((e) => e.sources.length > 0)).toBe(true);
    expect(pkg.metadata.dataAsOf).toMatch(/^\d{4}/);

    // Escape closes the menu and returns focus to it.
    await page.getByRole('button', { name: 'CSV', exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'CSV', exact: true }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Data');

    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await context.close();
  });
});
