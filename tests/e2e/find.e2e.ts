/**
 * Finding things in time, as a reader who knows no dates: search the record (in three languages)
 * and show a record on the map; the timeline's marks and step buttons; a place panel that opens at
 * the selected month; two months compared with a sourced list of what changed; all of it from the
 * keyboard.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { useBrowser, mapReady, watch, type PageWatch } from './browser.ts';
import events from '../../data/events.json';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

/** `clock`: the page's timers run on Playwright's clock, which the test moves (page.clock). */
async function open(query = '', viewport = { width: 1280, height: 860 }, clock = false): Promise<{ page: Page; w: PageWatch }> {
  const context = await browser().newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Closed with its page; when the browser goes first (the file's end), there is nothing left to close.
  page.on('close', () => void context.close().catch(() => undefined));
  const w = watch(page, [origin]);
  // Source links open other sites in new tabs; the tests stay offline.
  await context.route((url) => !url.href.startsWith(origin), (route) => route.abort());
  if (clock) await page.clock.install();
  await page.goto(`${baseUrl}${query}`);
  await mapReady(page);
  return { page, w };
}

const slider = (page: Page) => page.getByRole('slider', { name: 'Time' });
const valueText = (page: Page) => slider(page).getAttribute('aria-valuetext');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search the record' });
/** Opens the search box from its icon, as a reader does (a link with q= opens it already). */
async function openSearch(page: Page) {
  if (!(await search(page).isVisible())) await page.getByRole('button', { name: 'Search', exact: true }).click();
  await search(page).waitFor();
  return search(page);
}
const records = (page: Page) => page.getByRole('region', { name: 'The record' });
const axe = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));

describe('searching the record', () => {
  for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
    it(`"Wagner", then the first presence on the map: October 2018, Wagner at Benghazi (${viewport.width} px)`, async () => {
      const { page, w } = await open('', viewport);
      const started = Date.now();
      await (await openSearch(page)).fill('Wagner');
      const forces = records(page).getByRole('heading', { name: /^Foreign forces/ });
      await expect.poll(() => forces.isVisible()).toBe(true);
      const first = records(page).locator('li[data-kind="presence"]').first();
      expect(await first.getAttribute('data-record')).toBe('wagner-benghazi-2019');
      expect(await first.textContent()).toMatch(/October 2018/);
      await first.getByRole('button', { name: /Show on the map/ }).click();
      expect(await valueText(page)).toBe('October 2018');
      await expect.poll(() => page.url()).toContain('date=2018-10');
      expect(page.url()).toContain('place=benghazi');
      // The map shows Wagner at Benghazi, and Benghazi's panel opens (where "Why is this here?: Wagner at Benghazi" is another button).
      const marker = page.getByTestId('map-stage').getByRole('button', { name: /Wagner at Benghazi/ });
      await expect.poll(() => marker.isVisible()).toBe(true);
      await expect.poll(() => page.getByRole('region', { name: 'Benghazi' }).isVisible()).toBe(true);
      // A reader who knows no dates has the answer well within 30 seconds (here: the machine's time).
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(w.errors).toEqual([]);
      await page.close();
    });
  }

  for (const q of ['Путин', 'بوتين', 'Putin']) {
    it(`"${q}" finds Putin’s April 2008 visit, whatever the reader’s language`, async () => {
      const { page, w } = await open('?date=1990-01');
      await (await openSearch(page)).fill(q);
      const visit = records(page).locator('li[data-record="putin-visit-2008-04"]');
      await expect.poll(() => visit.isVisible()).toBe(true);
      expect(await visit.textContent()).toMatch(/April 16, 2008/);
      await visit.getByRole('button', { name: /Show on the map/ }).click();
      expect(await valueText(page)).toBe('April 2008');
      expect(page.url()).toContain('place=tripoli');
      expect(w.errors).toEqual([]);
      await page.close();
    });
  }

  it('query and filters live in the URL; a hostile query is shown as text only', async () => {
    const { page, w } = await open('?date=2019-06&q=Wagner&kind=presence&status=confirmed');
    await expect.poll(() => records(page).isVisible()).toBe(true);
    expect(await search(page).inputValue()).toBe('Wagner');
    const kinds = await records(page).locator('li[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['presence']));
    expect(await records(page).locator('.badge').allTextContents()).toEqual(kinds.map(() => 'confirmed'));
    await records(page).getByRole('checkbox', { name: 'Libya and Moscow only' }).check();
    await expect.poll(() => page.url()).toContain('russia=1');

    await page.goto(`${baseUrl}?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&actor=%3Cscript%3E&cat=%22%3E`);
    await mapReady(page);
    expect(await search(page).inputValue()).toBe('<img src=x onerror=window.__pwned=1>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(w.errors).toEqual([]);
    expect(w.foreign).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violation with results shown', async () => {
    const { page } = await open('?date=2019-06&q=Wagner');
    await expect.poll(() => records(page).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('the timeline on the slider', () => {
  it('has one mark per event; a mark names its event and choosing it moves to its month', async () => {
    const { page, w } = await open('?date=1990-01');
    const marks = page.locator('[data-mark]');
    // The marks come once the first view has painted.
    await expect.poll(() => marks.count()).toBe(events.length);
    const putin = page.locator('[data-mark="putin-visit-2008-04"]');
    expect(await putin.getAttribute('aria-label')).toMatch(/^April 16, 2008, Diplomatic: Putin/);
    await putin.focus();
    await expect.poll(() => page.locator('.slider .tip').textContent()).toMatch(/Putin/);
    await page.keyboard.press('Enter');
    expect(await valueText(page)).toBe('April 2008');
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('"Next event" plays to the next event’s month and names it', async () => {
    const { page } = await open('?date=2008-01');
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => valueText(page)).toBe('April 2008');
    expect(await page.locator('.landed').textContent()).toMatch(/Putin/);
    await page.close();
  });

  it('plays at a chosen speed', async () => {
    const { page } = await open('?date=1950-01', undefined, true);
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption({ label: '4 years a second' });
    // One second of the page's time, exactly: the clock stands still but for it.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.clock.runFor(1000);
    await page.getByRole('button', { name: 'Pause' }).click();
    const year = Number((await valueText(page))!.split(' ').at(-1));
    // Four years a second: 1954 (a tick of the player more or less gives 1953 or 1955).
    expect(year).toBeGreaterThanOrEqual(1953);
    expect(year).toBeLessThanOrEqual(1955);
    await page.close();
  });

  it('at 390 px the step buttons are touch-sized and move one month (and a year)', async () => {
    const { page } = await open('?date=2011-07', { width: 390, height: 844 });
    const later = page.getByRole('button', { name: 'A month later' });
    const box = (await later.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await later.click();
    expect(await valueText(page)).toBe('August 2011');
    await page.getByRole('button', { name: 'A month earlier' }).click();
    await page.getByRole('button', { name: 'A month earlier' }).click();
    expect(await valueText(page)).toBe('June 2011');
    await page.getByRole('button', { name: 'A year later' }).click();
    expect(await valueText(page)).toBe('June 2012');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});

describe('a place panel opens at the selected month', () => {
  it('Tripoli at June 2020: a 2020 event within the first five entries; earlier and later events collapsed by decade, with counts', async () => {
    const { page } = await open('?date=2020-06&place=tripoli');
    const panel = page.getByRole('region', { name: 'Tripoli' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const firstFive = await panel.locator('li.event time').evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('datetime') ?? ''));
    expect(firstFive.some((d) => d.startsWith('2020'))).toBe(true);
    expect(await panel.getByRole('heading', { name: /^Around June 2020/ }).isVisible()).toBe(true);
    const decade = panel.getByRole('button', { name: /^2000s \(\d+\)$/ });
    expect(await decade.getAttribute('aria-expanded')).toBe('false');
    const shown = await panel.locator('li.event').count();
    await decade.click();
    expect(await decade.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => panel.locator('li.event').count()).toBeGreaterThan(shown);
    expect(await panel.locator('li.event', { hasText: 'Putin' }).first().isVisible()).toBe(true);
    // Filters: Russia-related only.
    await panel.getByRole('checkbox', { name: 'Libya and Moscow only' }).check();
    expect(await panel.getByRole('heading', { name: /^Events \(\d+\)$/ }).textContent()).not.toMatch(/\(94\)/);
    await page.close();
  });

  it('stays within about two screens on a phone before the reader expands anything', async () => {
    const { page } = await open('?date=2020-06&place=tripoli', { width: 390, height: 844 });
    const panel = page.getByRole('region', { name: 'Tripoli' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    const height = (await panel.boundingBox())!.height;
    expect(height).toBeLessThan(2.4 * 844);
    await page.close();
  });

  it('lists a denial dated to the month after the claim of a day in that month', async () => {
    const { page } = await open('?date=2020-05&place=jufra');
    const panel = page.getByRole('region', { name: /Jufra/ });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: /Show all/ }).click().catch(() => undefined);
    const ids = await panel.locator('li.event').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
    expect(ids.indexOf('russia-denies-jets-2020-05')).toBeGreaterThan(ids.indexOf('africom-russian-jets-jufra-2020-05-26'));
    expect(ids.indexOf('africom-russian-jets-jufra-2020-05-26')).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('comparing two months', () => {
  it('compare=2011-02,2011-10 lists Tripoli’s change to the NTC with a working source link', async () => {
    const { page, w } = await open('?date=2011-10&compare=2011-02,2011-10');
    const view = page.getByRole('region', { name: /^Compare February 2011 and October 2011/ });
    await expect.poll(() => view.isVisible()).toBe(true);
    expect(await view.getByRole('img', { name: /February 2011/ }).isVisible()).toBe(true);
    expect(await view.getByRole('img', { name: /October 2011/ }).isVisible()).toBe(true);
    const tripoli = view.locator('li[data-area="tripoli"]').filter({ hasText: /→ NTC/ });
    await expect.poll(() => tripoli.count()).toBe(1);
    expect(await tripoli.textContent()).toMatch(/August 2011/);
    // Its sources are one click away.
    await tripoli.getByText(/^Sources \(\d+\)$/).click();
    const source = tripoli.getByRole('list', { name: 'Sources' }).getByRole('link').first();
    await expect.poll(() => source.count()).toBe(1);
    const href = (await source.getAttribute('href'))!;
    expect(href).toMatch(/^https?:\/\//);
    expect(() => new URL(href)).not.toThrow();
    // The status text says how the two months differ.
    expect(await page.locator('#atlas-status').textContent()).toMatch(/Between February 2011 and October 2011: .*Tripoli.*NTC/);
    // The place link opens Tripoli at that month.
    await tripoli.getByRole('link', { name: 'Tripoli' }).click();
    expect(await valueText(page)).toBe('August 2011');
    await expect.poll(() => page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('works in an embed and in Arabic, without WCAG violations', async () => {
    const { page } = await open('?embed=1&lang=ar&compare=2011-02,2011-10');
    const view = page.locator('[data-testid="compare-view"]');
    await expect.poll(() => view.isVisible()).toBe(true);
    expect(await view.locator('h2').textContent()).toMatch(/فبراير 2011/);
    expect(await view.locator('li[data-area="tripoli"]').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('search, show a result on the map, step through the timeline’s marks, compare two dates', async () => {
    const { page, w } = await open('?date=1990-01');
    const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', label: document.activeElement?.getAttribute('aria-label') ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
    const tabTo = async (done: (a: Awaited<ReturnType<typeof active>>) => boolean, max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        if (done(await active())) return;
      }
      throw new Error(`not reached; focus on ${JSON.stringify(await active())}`);
    };

    // Search: its icon opens the box (and puts the focus there), type, Enter takes the reader to the results, Tab to the first "Show on the map".
    await tabTo((a) => a.label === 'Search');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).id).toBe('atlas-q');
    await page.keyboard.type('Путин');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).id).toBe('atlas-records-heading');
    await tabTo((a) => /^Show on the map/.test(a.text));
    await page.keyboard.press('Enter');
    await expect.poll(() => valueText(page)).not.toBe('January 1990');

    // The marks: one tab stop; arrows move between events and name them; Enter goes there.
    await slider(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+Tab');
    const first = await active();
    expect(first.label).toMatch(/1943|1944|1945/);
    await page.keyboard.press('ArrowRight');
    const second = await active();
    expect(second.label).not.toBe(first.label);
    expect(await page.locator('.slider .tip').textContent()).toBe(second.label);
    await page.keyboard.press('End');
    expect((await active()).label).toMatch(/20(2\d)/);
    await page.keyboard.press('Enter');
    expect(await valueText(page)).toMatch(/20(2\d)/);

    // Compare two dates: open, the heading takes focus, change the first month, the list follows.
    await tabTo((a) => a.text === 'Compare two dates', 80);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await active()).id).toBe('atlas-compare-heading');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('month');
    await page.locator('[data-testid="compare-view"] input[type="month"]').first().fill('2011-02');
    await page.locator('[data-testid="compare-view"] input[type="month"]').nth(1).fill('2011-10');
    await page.locator('[data-testid="compare-view"] input[type="month"]').nth(1).dispatchEvent('change');
    await expect.poll(() => page.url()).toContain('compare=2011-02,2011-10');
    await expect.poll(() => page.locator('[data-testid="compare-view"] li[data-area="tripoli"]').count()).toBeGreaterThan(0);
    // Escape closes the comparison and returns to the button that opened it.
    await page.locator('[data-testid="compare-view"] input[type="month"]').nth(1).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="compare-view"]').count()).toBe(0);
    expect((await active()).text).toBe('Compare two dates');
    await expect.poll(() => page.url()).not.toContain('compare=');
    expect(w.errors).toEqual([]);
    await page.close();
  });
});
