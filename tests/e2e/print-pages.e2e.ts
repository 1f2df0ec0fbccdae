/**
 * Print, social and story pages (issue 21), in a real Chromium:
 * - the exported images' smallest text, measured as the browser lays their SVG out (the font size
 *   each text is drawn at, through every transform, in the image's pixels): every text of the print
 *   image at least 7 pt at 300 dpi (29.2 px of 2,400 × 1,800), the social card's place names at
 *   least 14 px, names on the map not overlapping; in English, Arabic and Russian, June 2020 and the
 *   default month;
 * - the shareable story page (stories/<id>.html) at 320, 390 and 1,280 px, light and dark, without
 *   JavaScript: no sideways scroll, its pictures within the viewport, only requests to its own host,
 *   styled with the atlas's fonts and colours, axe-clean; its links open the atlas at the story.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mapReady, useBrowser, watch } from './browser.ts';
import { serve } from '../../scripts/lib/static-server.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();
const ROOT = resolve(import.meta.dirname, '../..');

/** 7 pt at 300 dots per inch, in pixels of the print image. */
const PRINT_MIN_PX = (7 / 72) * 300;
const SOCIAL_PLACE_MIN_PX = 14;

/** The Image menu and its buttons in each language (the i18n catalogs' words). */
const MENU = {
  en: { menu: 'Image', social: /^Social .*, SVG$/, print: /^Print .*, SVG$/ },
  ar: { menu: 'صورة', social: /^للشبكات .*, SVG$/, print: /^للطباعة .*, SVG$/ },
  ru: { menu: 'Изображение', social: /^Для соцсетей .*, SVG$/, print: /^Для печати .*, SVG$/ },
} as const;
type Lang = keyof typeof MENU;

async function saveSvg(page: Page, lang: Lang, size: 'social' | 'print'): Promise<string> {
  await page.getByText(MENU[lang].menu, { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: MENU[lang][size] }).click()]);
  const svg = (await readFile(await download.path())).toString('utf8');
  await page.keyboard.press('Escape');
  return svg;
}

interface Measured {
  /** Each visible text: its words, the size its glyphs are drawn at (image px), whether it is a name on the map and which kind. */
  texts: { text: string; px: number; map: boolean; place: boolean }[];
  /** Names on the map whose boxes overlap. */
  overlaps: string[];
}

/**
 * The SVG laid out by the browser at its own size: each text's computed font size times the scale
 * of every transform above it (getScreenCTM), in the image's pixels. Texts of the map entirely
 * outside the map's frame (painted over) are not seen, and not counted.
 */
async function measure(page: Page, svg: string): Promise<Measured> {
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">${svg}</body></html>`);
  return page.evaluate(() => {
    const root = document.querySelector('svg')!;
    const rootBox = root.getBoundingClientRect();
    const rootScale = root.getScreenCTM()!.a;
    const frameEl = root.querySelector('rect[fill="none"][stroke="#c9c9c9"]');
    const frame = frameEl!.getBoundingClientRect();
    const inside = (r: DOMRect, f: { left: number; right: number; top: number; bottom: number }) => r.right > f.left && r.left < f.right && r.bottom > f.top && r.top < f.bottom;
    const texts: Measured['texts'] = [];
    const mapBoxes: { text: string; r: DOMRect }[] = [];
    for (const el of root.querySelectorAll('text')) {
      const text = el.textContent?.trim() ?? '';
      if (!text) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || !inside(r, rootBox)) continue;
      // The map's group (image.ts marks it; the map's own font family marked it before).
      const inMap = !!el.closest('[data-image-map], g[font-family]');
      if (inMap && !inside(r, frame)) continue;
      const ctm = el.getScreenCTM()!;
      const px = (parseFloat(getComputedStyle(el).fontSize) * Math.hypot(ctm.a, ctm.b)) / rootScale;
      texts.push({ text, px, map: inMap, place: el.hasAttribute('data-place') });
      if (inMap) mapBoxes.push({ text, r });
    }
    const overlaps: string[] = [];
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (let i = 0; i < mapBoxes.length; i++) for (let j = i + 1; j < mapBoxes.length; j++) if (hit(mapBoxes[i]!.r, mapBoxes[j]!.r)) overlaps.push(`"${mapBoxes[i]!.text}" × "${mapBoxes[j]!.text}"`);
    return { texts, overlaps };
  });
}

const smallest = (texts: Measured['texts']) => texts.reduce((a, b) => (b.px < a.px ? b : a));
const pt = (px: number) => (px / 300) * 72;

describe('the exported images: text a print editor and a social feed can read', () => {
  for (const lang of ['en', 'ar', 'ru'] as const) {
    it(`${lang}: print text ≥ 7 pt at 300 dpi, social place names ≥ 14 px, map names apart (June 2020 and the default month)`, { timeout: 180_000 }, async () => {
      const problems: string[] = [];
      for (const date of ['2020-06', '']) {
        const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, reducedMotion: 'reduce' });
        await page.goto(`${baseUrl}?lang=${lang}${date ? `&date=${date}` : ''}`);
        await mapReady(page);
        const svgs = { social: await saveSvg(page, lang, 'social'), print: await saveSvg(page, lang, 'print') };
        const when = date || 'default';
        for (const size of ['social', 'print'] as const) {
          const m = await measure(page, svgs[size]);
          expect(m.texts.filter((t) => t.place).length, `${size} ${when}: place names were read`).toBeGreaterThan(3);
          const all = smallest(m.texts);
          const places = smallest(m.texts.filter((t) => t.place));
          console.log(`${lang} ${when} ${size}: smallest text ${all.px.toFixed(1)} px (${pt(all.px).toFixed(1)} pt) "${all.text}"; place names ${places.px.toFixed(1)} px (${pt(places.px).toFixed(1)} pt); ${m.texts.length} texts`);
          if (size === 'print') for (const t of m.texts.filter((t) => t.px < PRINT_MIN_PX)) problems.push(`print ${when}: "${t.text}" ${t.px.toFixed(1)} px = ${pt(t.px).toFixed(1)} pt`);
          if (size === 'social') for (const t of m.texts.filter((t) => t.place && t.px < SOCIAL_PLACE_MIN_PX)) problems.push(`social ${when}: place "${t.text}" ${t.px.toFixed(1)} px`);
          problems.push(...m.overlaps.map((o) => `${size} ${when}: names overlap: ${o}`));
        }
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('the build\'s link previews (drawn by resvg)', () => {
  it('are 1,200 × 675 PNGs: the default view and each step of each story', () => {
    const dir = join(ROOT, 'dist/previews');
    const files = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(files).toContain('atlas.png');
    expect(files.filter((f) => f.startsWith('russia-in-libya-')).length).toBe(12);
    for (const f of files) {
      const png = readFileSync(join(dir, f));
      // The PNG signature, then the IHDR chunk: width and height, big-endian.
      expect(png.subarray(1, 4).toString('latin1'), f).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], f).toEqual([1200, 675]);
    }
  });
});

describe('the story page (stories/<id>.html): the atlas’s look, on any screen, without JavaScript', () => {
  const story = JSON.parse(readFileSync(join(ROOT, 'stories/russia-in-libya.json'), 'utf8')) as { id: string; steps: { caption: { en: string; ar: string } }[] };
  const url = `${baseUrl}stories/${story.id}.html`;
  /** The atlas's ink and background (src/app.css's tokens), light and dark. */
  const LOOK = { light: { ink: 'rgb(26, 26, 26)', bg: 'rgb(255, 255, 255)' }, dark: { ink: 'rgb(236, 236, 236)', bg: 'rgb(20, 20, 20)' } };

  for (const width of [320, 390, 1280]) {
    it(`at ${width} px, light and dark: no sideways scroll, every picture within the viewport, the atlas's type and colours, nothing from another host, axe finds nothing`, async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser().newContext({ viewport: { width, height: 800 }, colorScheme: scheme, javaScriptEnabled: false });
        const page = await context.newPage();
        const w = watch(page, [origin]);
        const response = await page.goto(url);
        expect(response?.status()).toBe(200);
        // Without scripting, browsers load lazy pictures at once (no scroll tracking): goto waited for them.
        await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
        const layout = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          images: [...document.images].map((img) => {
            const r = img.getBoundingClientRect();
            return { src: img.getAttribute('src'), left: r.left, right: r.right, natural: img.naturalWidth };
          }),
          font: getComputedStyle(document.body).fontFamily,
          ink: getComputedStyle(document.body).color,
          bg: getComputedStyle(document.documentElement).backgroundColor,
          scripts: document.scripts.length,
          link: document.querySelector('a.primary') && getComputedStyle(document.querySelector('a.primary')!).backgroundColor,
        }));
        const where = `${scheme} ${width}`;
        expect(layout.scroll, `${where}: page width`).toBeLessThanOrEqual(layout.viewport);
        expect(layout.images.length, `${where}: a picture per step`).toBe(story.steps.length);
        for (const img of layout.images) {
          expect(img.natural, `${where}: ${img.src} loaded`).toBe(1200);
          expect(img.left, `${where}: ${img.src} left edge`).toBeGreaterThanOrEqual(0);
          expect(img.right, `${where}: ${img.src} right edge`).toBeLessThanOrEqual(layout.viewport);
        }
        expect(layout.font, `${where}: the atlas's type`).toMatch(/^system-ui, .*'?Noto Sans'?/);
        expect([layout.ink, layout.bg], `${where}: the atlas's ink and paper`).toEqual([LOOK[scheme].ink, LOOK[scheme].bg]);
        expect(layout.scripts, `${where}: no script`).toBe(0);
        expect(w.foreign, `${where}: requests to other hosts`).toEqual([]);
        expect(w.errors, `${where}: errors`).toEqual([]);
        await context.close();
        // axe runs as a script: the same page (it has none of its own) in a context that allows one.
        const axeContext = await browser().newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
        const axePage = await axeContext.newPage();
        await axePage.goto(url);
        expect(await axe(axePage), `${where}: axe`).toEqual([]);
        await axeContext.close();
      }
    });
  }

  it('under the strict Content-Security-Policy of docs/hosting.md it keeps its look and breaks no rule', async () => {
    const csp = /```\n(default-src[^`]*?)\n```/.exec(readFileSync(join(ROOT, 'docs/hosting.md'), 'utf8'))![1]!.replace(/\n/g, ' ');
    const strict = await serve({ root: join(ROOT, 'dist'), headers: { 'content-security-policy': csp } });
    try {
      const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
      const w = watch(page, [strict.origin]);
      const violations: string[] = [];
      page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && violations.push(m.text()));
      await page.goto(`${strict.url}stories/${story.id}.html`);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
      // Every picture, the lazy ones too (loaded now as a reader's scrolling would).
      await page.evaluate(() => [...document.images].forEach((img) => (img.loading = 'eager')));
      await expect.poll(() => page.evaluate(() => [...document.images].every((i) => i.complete))).toBe(true);
      expect(await page.evaluate(() => [...document.images].filter((i) => i.naturalWidth === 0).length)).toBe(0);
      expect(violations).toEqual([]);
      expect(w.errors).toEqual([]);
      await page.close();
    } finally {
      await strict.close();
    }
  });

  it('its links open the atlas at the story: the first step, each step, and in Arabic', { timeout: 120_000 }, async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const caption = page.getByTestId('story-caption');
    await page.goto(url);
    const open = page.getByRole('link', { name: 'Open the story on the interactive map' }).first();
    await open.click();
    await mapReady(page);
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).toBe(story.steps[0]!.caption.en);
    expect(new URL(page.url()).searchParams.get('story')).toBe(story.id);

    for (const n of [2, 10, story.steps.length]) {
      await page.goto(url);
      await page.getByRole('link', { name: `Open step ${n} on the interactive map`, exact: true }).click();
      await mapReady(page);
      await expect.poll(() => caption.textContent(), { timeout: 15_000, message: `step ${n}` }).toBe(story.steps[n - 1]!.caption.en);
    }

    await page.goto(url);
    await page.getByRole('link', { name: 'العربية' }).click();
    await mapReady(page);
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).toBe(story.steps[0]!.caption.ar);
    await page.close();
  });
});

/** axe-core's WCAG 2.0/2.1 A and AA rules; violations as "rule: target" lines. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}
