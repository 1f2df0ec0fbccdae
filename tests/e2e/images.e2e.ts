/**
 * "Image" as a journalist uses it: save the view as a PNG for social media, and check it is the
 * stated size and shows the same colours as the map on screen, place for place; the SVG names the
 * month and the credit.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { useBrowser, mapReady, pixelsOf as pixels } from './browser.ts';
import { frameProjection } from '../../src/lib/map/frame.ts';
import { imageMapBox } from '../../src/lib/map/image.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Opens the Image menu (`menu`: its name in the page's language) and saves the image of the button `name`. */
async function save(page: Page, name: string | RegExp, menu = 'Image'): Promise<{ file: string; bytes: Buffer }> {
  await page.getByText(menu, { exact: true }).click();
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name, exact: true }).click()]);
  const bytes = await readFile(await download.path());
  return { file: download.suggestedFilename(), bytes };
}

/** A point of the image's map (image.ts's layout for the social size, left to right; the map drawn at its box ÷ its scale). */
function imagePoint(lng: number, lat: number): [number, number] {
  const box = imageMapBox('social');
  const [x, y] = frameProjection(box.width / box.scale, box.height / box.scale)([lng, lat])!;
  return [box.x + x * box.scale, box.y + y * box.scale];
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('Image', () => {
  it('saves a 1,200 × 675 PNG whose map shows the colours of the map on screen (August 2011)', async () => {
    const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?date=2011-08&layers=control`);
    await mapReady(page);
    const { file, bytes } = await save(page, 'Social (1,200 × 675), PNG');
    expect(file).toBe('libya-russia-atlas-2011-08-social.png');

    // The same geographic points on screen: the SVG map's own pixels under the overlay.
    const stage = (await page.locator('[data-testid="svg-map"]').boundingBox())!;
    const screen = frameProjection(stage.width, stage.height);
    const places: [number, number][] = [
      [21.5, 26.5], // Cyrenaica's desert: the NTC
      [13.0, 25.0], // Fezzan: the Jamahiriya
    ];
    const shot = await page.screenshot();
    const onScreen = await pixels(page, shot, places.map(([lng, lat]) => {
      const [x, y] = screen([lng, lat])!;
      return [stage.x + x, stage.y + y];
    }));
    const inImage = await pixels(page, bytes, places.map(([lng, lat]) => imagePoint(lng, lat)));
    expect([inImage.width, inImage.height]).toEqual([1200, 675]);
    inImage.colours.forEach((c, i) => expect(distance(c, onScreen.colours[i]!), `point ${i}: image ${c}, screen ${onScreen.colours[i]}`).toBeLessThan(12));
    expect(distance(inImage.colours[0]!, inImage.colours[1]!)).toBeGreaterThan(40);
    await context.close();
  });

  it('in Arabic, the PNG\'s title and date stand inside the image, right-aligned', async () => {
    const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?date=2019-06&lang=ar`);
    await mapReady(page);
    const { bytes: png } = await save(page, /للشبكات.*PNG/, 'صورة');
    // Dark text pixels in the header band, right of the map's middle (the title runs leftwards from the right margin).
    const band: [number, number][] = [];
    for (let x = 880; x < 1180; x += 3) for (let y = 30; y < 90; y += 3) band.push([x, y]);
    const { width, colours } = await pixels(page, png, band);
    expect(width).toBe(1200);
    const dark = colours.filter((c) => c[0]! < 120 && c[1]! < 120 && c[2]! < 120).length;
    expect(dark, 'dark pixels of the title and the date in the header band').toBeGreaterThan(60);
    // Nothing of the header runs past the right margin.
    const edge: [number, number][] = [];
    for (let y = 10; y < 90; y += 2) for (let x = 1185; x < 1200; x += 2) edge.push([x, y]);
    expect((await pixels(page, png, edge)).colours.filter((c) => c[0]! < 200).length).toBe(0);
    await context.close();
  });

  it('saves an SVG in Arabic with the month, the credit and right-to-left text', async () => {
    const context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}?date=2019-06&lang=ar`);
    await mapReady(page);
    const svg = (await save(page, /للطباعة.*SVG/, 'صورة')).bytes.toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="2400" height="1800"/);
    expect(svg).toContain('يونيو 2019');
    expect(svg).toContain('أطلس ليبيا وروسيا');
    expect(svg).toContain('direction="rtl"');
    expect(svg).not.toMatch(/<script|\sstyle=/);
    await context.close();
  });
});
