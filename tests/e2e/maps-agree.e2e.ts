/**
 * The SVG map and the MapLibre map show the same thing in the same frame: the hand-over from one
 * to the other, when the reader zooms and comes back to the whole of Libya, changes few pixels.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser, mapReady, useWebgl, whenStable } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const shots = resolve(import.meta.dirname, '../../test-results');

/** Share of pixels whose colour differs by more than `tolerance` in any channel, decoded in the page. */
async function differingShare(page: Page, a: Buffer, b: Buffer, tolerance = 40): Promise<number> {
  return page.evaluate(
    async ([a64, b64, tol]) => {
      const decode = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [x, y] = await Promise.all([decode(a64 as string), decode(b64 as string)]);
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) > (tol as number) || Math.abs(x[i + 1]! - y[i + 1]!) > (tol as number) || Math.abs(x[i + 2]! - y[i + 2]!) > (tol as number)) differ++;
      }
      return differ / (x.length / 4);
    },
    [a.toString('base64'), b.toString('base64'), tolerance] as const,
  );
}

describe('the two maps agree', () => {
  for (const date of ['1960-06', '2014-09', '2019-06']) {
    it(`the hand-over from the SVG map to MapLibre changes under 2 % of the map's pixels (${date})`, async () => {
      const page = await browser().newPage({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
      await page.goto(`${baseUrl}?date=${date}`);
      await mapReady(page);
      const area = page.locator('.map-wrap');
      const before = await area.screenshot();
      await useWebgl(page);
      // MapLibre has finished drawing: two screenshots two frames apart are the same.
      const after = await whenStable(page, () => area.screenshot());
      mkdirSync(shots, { recursive: true });
      writeFileSync(resolve(shots, `handover-${date}-svg.png`), before);
      writeFileSync(resolve(shots, `handover-${date}-webgl.png`), after);
      const share = await differingShare(page, before, after);
      console.log(`hand-over ${date}: ${(share * 100).toFixed(2)} % of pixels differ`);
      expect(share).toBeLessThan(0.02);
      await page.close();
    });
  }
});
