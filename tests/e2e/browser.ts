/** The e2e tests' browser (scripts/lib/chromium.ts launches it) and helpers for their pages. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
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
  // The map's buttons in any language: zoom in first, "show all of Libya" last.
  const controls = page.locator('[data-testid="map-stage"] .controls button');
  await controls.first().click();
  await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 45_000 });
  await controls.last().click();
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

/** Two animation frames of a page or frame: what the last change set in motion has been laid out and drawn. */
export async function nextFrames(target: Page | Frame): Promise<void> {
  await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Reads `read()` each two animation frames until two reads in a row are equal, and returns that
 * value: the map has stopped moving (an easing zoom, MapLibre's repaint). Fails after `tries` reads.
 */
export async function whenStable<T>(target: Page | Frame, read: () => Promise<T>, tries = 120): Promise<T> {
  let last = await read();
  for (let i = 0; i < tries; i++) {
    await nextFrames(target);
    const next = await read();
    if (Buffer.isBuffer(last) && Buffer.isBuffer(next) ? last.equals(next) : JSON.stringify(last) === JSON.stringify(next)) return next;
    last = next;
  }
  throw new Error(`still changing after ${tries} reads, two frames apart`);
}

let probes = 0;

/**
 * Resolves once the atlas in frame `atlas` has handled every message that `post` sent before (a
 * probe sent the same way arrives after them), has applied any it accepted (its coalescer runs at
 * the next animation frame or after 50 ms: coalesce.ts), and once the page `host` has received every
 * message the atlas posted until then (a marker the frame posts after them). So a test can show
 * that something did NOT happen without sleeping. The probe and the marker are `test:` messages,
 * which the atlas ignores; tests' logs of what the atlas said leave them out.
 */
export async function settled(
  host: Page,
  atlas: Frame,
  post: (message: unknown) => Promise<unknown> = (m) => host.evaluate((d) => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage(d, '*'), m),
): Promise<void> {
  const id = ++probes;
  await atlas.evaluate(() => {
    const w = window as unknown as { probes?: Set<number> };
    if (w.probes) return;
    const seen = (w.probes = new Set<number>());
    addEventListener('message', (e) => {
      const d = e.data as { type?: unknown; id?: unknown } | null;
      if (d?.type === 'test:probe' && typeof d.id === 'number') seen.add(d.id);
    });
  });
  await host.evaluate(() => {
    const w = window as unknown as { markers?: Set<number> };
    if (w.markers) return;
    const seen = (w.markers = new Set<number>());
    addEventListener('message', (e) => {
      const d = e.data as { type?: unknown; id?: unknown } | null;
      if (d?.type === 'test:marker' && typeof d.id === 'number') seen.add(d.id);
    });
  });
  await post({ type: 'test:probe', id });
  await atlas.waitForFunction((n) => (window as unknown as { probes: Set<number> }).probes.has(n), id);
  await atlas.evaluate(
    (n) =>
      new Promise<void>((done) => {
        // The coalescer's window: the first of an animation frame and 50 ms (both, to be sure), then one more frame to draw.
        let left = 2;
        const one = () => --left === 0 && requestAnimationFrame(() => (parent.postMessage({ type: 'test:marker', id: n }, '*'), done()));
        requestAnimationFrame(() => requestAnimationFrame(one));
        setTimeout(one, 60);
      }),
    id,
  );
  await host.waitForFunction((n) => (window as unknown as { markers: Set<number> }).markers.has(n), id);
}
