/** The e2e tests' browser (scripts/lib/chromium.ts launches it) and helpers for their pages. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';

/** One browser for a test file: launched before its tests, closed after. Call the result to get it. */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet: use it inside a test');
    return browser;
  };
}

export interface PageWatch {
  errors: string[];
  /** Requests to any origin other than the allowed ones. */
  foreign: string[];
}

/** Records page errors, console errors and requests leaving the allowed origins. */
export function watch(page: Page, allowedOrigins: string[]): PageWatch {
  const w: PageWatch = { errors: [], foreign: [] };
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (!allowedOrigins.some((o) => url.startsWith(o))) w.foreign.push(url);
  });
  return w;
}

/** Waits until the atlas says its map has drawn. */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
}

/**
 * Brings in the WebGL map as a reader does, by zooming (the SVG map is the map until then), and
 * goes back to the whole of Libya: the same frame, now drawn by MapLibre.
 */
export async function useWebgl(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Show all of Libya' }).click();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Decodes an image (PNG bytes, or a data: URL of any format the browser reads) in a page, since
 * Node has no decoder, and reads the colours at the given points.
 */
export async function pixelsOf(page: Page, image: Buffer | string, points: [number, number][]): Promise<{ width: number; height: number; colours: number[][] }> {
  const src = typeof image === 'string' ? image : `data:image/png;base64,${image.toString('base64')}`;
  return page.evaluate(
    async ([src, pts]) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return { width: img.width, height: img.height, colours: pts.map(([x, y]) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]) };
    },
    [src, points] as const,
  );
}
