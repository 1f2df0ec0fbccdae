/**
 * Every reader: axe-core finds no WCAG 2.1 A/AA violation in the main views; a keyboard-only
 * journey; Arabic right-to-left with Arabic names and dates; Russian; reflow at 320 px.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser, mapReady, watch, type PageWatch } from './browser.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

async function open(query = '', viewport = { width: 1280, height: 860 }): Promise<{ page: Page; w: PageWatch }> {
  // axe-core/playwright wants a page from an explicit context.
  const context = await browser().newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Closed with its page; when the browser goes first (the file's end), there is nothing left to close.
  page.on('close', () => void context.close().catch(() => undefined));
  const w = watch(page, [origin]);
  await page.goto(`${baseUrl}${query}`);
  await mapReady(page);
  return { page, w };
}

/** axe-core's WCAG 2.0/2.1 A and AA rules; violations as "rule: target" lines for a readable failure. */
async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

const slider = (page: Page, name: string | RegExp = 'Time') => page.getByRole('slider', { name });
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '', inPanel: !!el?.closest('[data-testid="place-panel"]') };
  });

/** Presses Tab until `done` holds for the focused element (at most `max` times); returns the presses. */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return i;
  }
  throw new Error(`not reached with ${max} Tabs; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('axe-core: no WCAG 2.1 AA violations', () => {
  it('the default view', async () => {
    const { page, w } = await open();
    expect(await axe(page)).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('with a place panel open and its source passages shown', async () => {
    const { page } = await open('?date=2011-08&place=benghazi');
    const panel = page.getByRole('region', { name: 'Benghazi' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    for (const d of await panel.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('with the share dialog open', async () => {
    const { page } = await open('?date=2011-08');
    await page.getByRole('button', { name: /Share/ }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('embedded (?embed=1)', async () => {
    const { page } = await open('?embed=1&date=2019-06');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('embedded on a phone, with a place open as a sheet, a title, a caption and the full description shown', async () => {
    const { page } = await open('?embed=1&date=2020-06&title=Wagner%20in%20Libya&caption=Since%202019', { width: 390, height: 844 });
    await page.getByRole('button', { name: 'Full description' }).click();
    expect(await page.getByRole('button', { name: 'Full description' }).getAttribute('aria-expanded')).toBe('true');
    await page.locator('[data-place="jufra"]').first().click();
    await expect.poll(() => page.getByRole('region', { name: 'al-Jufra air base' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('in Arabic, with a place open', async () => {
    const { page } = await open('?lang=ar&date=2019-06&place=tripoli');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('in Russian', async () => {
    const { page } = await open('?lang=ru&date=1975-06');
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('dark theme (theme=dark), with a place open and its passages shown, then the record and the share dialog', async () => {
    const { page, w } = await open('?theme=dark&date=2011-08&place=benghazi');
    // Dark from the first paint: the theme is set before the app's script runs.
    expect(await page.evaluate(() => [document.documentElement.dataset['theme'], getComputedStyle(document.documentElement).colorScheme, getComputedStyle(document.documentElement).backgroundColor])).toEqual(['dark', 'dark', 'rgb(20, 20, 20)']);
    const panel = page.getByRole('region', { name: 'Benghazi' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    for (const d of await panel.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'The whole record' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'The record' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: /Share/ }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('dark theme embedded on a phone, and theme=auto following a dark setting', async () => {
    const { page } = await open('?embed=1&theme=dark&date=2020-06&place=jufra', { width: 390, height: 844 });
    await expect.poll(() => page.getByRole('region', { name: 'al-Jufra air base' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
    const context = await browser().newContext({ viewport: { width: 1280, height: 860 }, colorScheme: 'dark' });
    const auto = await context.newPage();
    await auto.goto(`${baseUrl}?theme=auto&date=2019-06`);
    await mapReady(auto);
    expect(await auto.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(20, 20, 20)');
    expect(await axe(auto)).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  it('Tab to the slider, step to August 2011, open Benghazi from the places list, follow a source link, Escape back', async () => {
    const { page, w } = await open();
    // Links to sources open in a new tab; the test stays offline.
    await page.context().route((url) => !url.href.startsWith(origin), (route) => route.abort());

    await tabUntil(page, (f) => f.id === 'atlas-time', 20);
    // From the month it opens at (the record's "data as of") to August 2011: a year at a time, then months.
    const months = Number(await slider(page).inputValue()) - (2011 * 12 + 7);
    for (let i = 0; i < Math.floor(months / 12); i++) await page.keyboard.press('PageDown');
    for (let i = 0; i < months % 12; i++) await page.keyboard.press('ArrowLeft');
    expect(await slider(page).getAttribute('aria-valuetext')).toBe('August 2011');
    // The status text catches up and says what the month shows.
    await expect.poll(() => page.locator('#atlas-status').textContent()).toMatch(/Tripolitania: /);

    await tabUntil(page, (f) => f.tag === 'BUTTON' && f.text === 'Benghazi');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Benghazi' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect((await focused(page)).inPanel).toBe(true);

    await tabUntil(page, (f) => f.tag === 'A' && f.inPanel);
    const link = page.locator(':focus');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    // The focus ring is visible.
    expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const opened = await popup;
    expect(opened.url()).toMatch(/^(https?:|chrome-error:)/);
    await opened.close();

    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Benghazi' });
    expect(page.url()).not.toContain('place=');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('Escape closes the share dialog and gives the focus back to its button', async () => {
    const { page } = await open('?date=2011-08&place=tripoli');
    // The place's panel comes with its sources, fetched once the first view has settled.
    await expect.poll(() => page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    const share = page.getByRole('button', { name: /Share/ });
    await share.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(false);
    expect(await share.evaluate((el) => el === document.activeElement)).toBe(true);
    // The panel behind the dialog stays open.
    expect(await page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    await page.close();
  });

  it('a step announces what changed, once after the reader stops', async () => {
    const { page } = await open('?date=1969-08');
    await slider(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#atlas-status').textContent()).toMatch(/^September 1969: .*now held by RCC \(Gaddafi\) \(before: Kingdom\)/);
  });
});

describe('Arabic, right to left', () => {
  it('turns the page right-to-left, names places in Arabic and formats dates in Arabic', async () => {
    const { page, w } = await open('?lang=ar&date=2011-08');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    const time = slider(page, 'الزمن');
    expect(await time.getAttribute('aria-valuetext')).toBe('أغسطس 2011');
    expect(await page.getByRole('navigation', { name: 'الأماكن' }).getByRole('button', { name: 'بنغازي', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('#atlas-status').textContent()).toMatch(/طرابلس|برقة|فزان/);
    expect(await page.locator('body').textContent()).not.toMatch(/Benghazi|Tripolitania|Play\b/);
    // The slider runs right to left: its start is at the right.
    const dir = await time.evaluate((el) => getComputedStyle(el).direction);
    expect(dir).toBe('rtl');
    // ← moves visually left, which in a right-to-left slider is later in time.
    await time.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await time.getAttribute('aria-valuetext')).toBe('سبتمبر 2011');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await time.getAttribute('aria-valuetext')).toBe('يوليو 2011');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('the language switch changes the language in place and in the URL, and English readers download neither catalog', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 860 } });
    const scripts: string[] = [];
    page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
    await page.goto(`${baseUrl}?date=2011-08`);
    await mapReady(page);
    expect(scripts.filter((u) => /\/(ar|ru)-[\w-]+\.js$/.test(u))).toEqual([]);

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(page.url()).toContain('lang=ar');
    expect(await slider(page, 'الزمن').getAttribute('aria-valuetext')).toBe('أغسطس 2011');
    expect(await page.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Русский' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await slider(page, 'Время').getAttribute('aria-valuetext')).toMatch(/^август 2011/);
    expect(await page.getByRole('navigation', { name: 'Места' }).getByRole('button', { name: 'Бенгази', exact: true }).isVisible()).toBe(true);
    await page.close();
  });

  it('quoted source passages stay in their language and say which', async () => {
    const { page } = await open('?lang=ar&date=2008-04&place=tripoli');
    const quote = page.locator('[data-testid="place-panel"] blockquote[lang]').first();
    const lang = await quote.getAttribute('lang');
    expect(lang).toBeTruthy();
    const note = await quote.evaluate((el) => el.previousElementSibling?.textContent ?? '');
    expect(note).toMatch(/^مقتبس باللغة /);
    await page.close();
  });
});

describe('small screens and zoom', () => {
  for (const [label, viewport] of [['320 px wide', { width: 320, height: 640 }], ['200 % zoom of a 1280 px window', { width: 640, height: 430 }]] as const) {
    it(`${label}: no sideways scrolling, controls at least 24×24 px`, async () => {
      const { page } = await open('?date=2011-08&place=benghazi', viewport);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary')]
          // Map markers are exempt (WCAG 2.5.8 "equivalent"): the places list offers each one as a full-size button,
          // and enlarging a marker's hit area would cover its neighbour (Wheelus sits beside Tripoli).
          // The timeline's event marks are exempt too: a pointer picks the mark nearest to it anywhere on the
          // 30 px strip (reaching 8–14 px either side), and the same events are reached from the record list
          // and "Next event" with full-size controls.
          .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden, dialog:not([open]), .maplibregl-ctrl, .maplibregl-marker') && !el.hasAttribute('data-mark'))
          // A checkbox's target is its label.
          .map((el) => ({ el: `${el.tagName} ${el.textContent?.trim().slice(0, 30) ?? ''}`, ...(el.closest('label') ?? el).getBoundingClientRect().toJSON() }))
          .filter((r) => r.width < 24 || r.height < 24)
          .map((r) => `${r.el}: ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      expect(small).toEqual([]);
      await page.close();
    });
  }
  it('320 px wide in Arabic and Russian (longer words): no sideways scrolling', async () => {
    for (const lang of ['ar', 'ru']) {
      const { page } = await open(`?date=2011-08&place=benghazi&lang=${lang}`, { width: 320, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(320);
      await page.close();
    }
  });
});
