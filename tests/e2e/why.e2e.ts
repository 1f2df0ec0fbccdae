/**
 * "Why is this here?" (issue 26, part 1) in a real Chromium, checked against the view of the month
 * computed here in Node from the same data (records/view.ts): at 2019-06, 2020-06 and 2023-06 every
 * region's and zone's fill (clicked on the SVG map), every force symbol (through the panel it opens,
 * or its list) and every diplomatic arc (through its counterpart's name, and clicked on the line)
 * opens a "why" that names exactly the records the view uses, each with its sources as links to the
 * addresses the data gives and its passage on demand. Keyboard only; Arabic right to left; the same
 * on MapLibre (fills and arcs clicked on the WebGL map); axe-core finds nothing on the open view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mapReady, useBrowser, useWebgl, watch, type PageWatch } from './browser.ts';
import { loadData, REPO_ROOT } from '../../scripts/lib/load-data.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { areaIn, viewAt, type AtlasView } from '../../src/lib/records/view.ts';
import { parseMonthKey } from '../../src/lib/time/months.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import type { Citation } from '../../src/lib/records/types.ts';

const baseUrl = inject('baseUrl');
const origin = inject('origin');
const browser = useBrowser();

const DATES = ['2019-06', '2020-06', '2023-06'];
const loaded = loadData();
const index = indexData(loaded.data, loaded.dataAsOf);
const viewOf = (key: string) => viewAt(index, parseMonthKey(key)!);
/** A rival claim's own citations (data/control.json keeps them with the claim). */
const claimCitations = new Map<string, Citation[]>(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'data/control.json'), 'utf8')) as { id: string; claims?: { actor: string; sources: Citation[] }[] }[]).flatMap((c) =>
    (c.claims ?? []).map((k) => [`${c.id}#claim-${k.actor}`, k.sources] as const),
  ),
);
const citationsOf = (cite: string): Citation[] => claimCitations.get(cite) ?? loaded.citations.of(cite);
/** Responses (denials…) to a record, from the whole record. */
const responsesTo = (id: string) => index.events.filter((e) => e.responds === id).map((e) => e.id);

/** The areas the map fills in a view: each region, or each zone of a divided one. */
const filled = (v: AtlasView) => v.regions.flatMap((r) => (r.zones.length > 0 ? r.zones : [r])).filter((a) => a.shown);

/** The records a "why" must name, read from the view: the period shown, its contest's periods, its claims; the presence or event. */
function expectedCites(v: AtlasView, kind: 'area' | 'force' | 'arc', id: string): string[] {
  if (kind === 'area') {
    const a = areaIn(v, id)!;
    return (a.zones.length > 0 ? a.zones : [a]).flatMap((s) =>
      s.shown ? [s.shown.id, ...(s.contested ? s.periods.filter((p) => p.contested).map((p) => p.id) : []), ...s.claims.map((c) => `${s.shown!.id}#claim-${c}`)] : [],
    );
  }
  if (kind === 'force') return [id, ...responsesTo(id)];
  const e = v.arcs.find((a) => a.event.id === id)!.event;
  return [id, ...(e.responds ? [e.responds] : []), ...responsesTo(id)];
}
const sorted = (list: string[]) => [...new Set(list)].sort();

async function open(query: string, viewport = { width: 1280, height: 860 }): Promise<{ page: Page; w: PageWatch }> {
  const context = await browser().newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  const w = watch(page, [origin]);
  await page.goto(`${baseUrl}?${query}`);
  await mapReady(page);
  await page.locator('.overlay button').first().waitFor({ state: 'attached' });
  return { page, w };
}

const dialog = (page: Page) => page.getByTestId('why-view');

/** The open "why": what it says and the records it names (their citation keys). */
async function readWhy(page: Page): Promise<{ subject: string; text: string; cites: string[] }> {
  const d = dialog(page);
  await d.waitFor({ state: 'visible' });
  return {
    subject: (await d.getByTestId('why-subject').textContent()) ?? '',
    text: await d.locator('.reasons').first().innerText(),
    cites: sorted(await d.locator('[data-cite]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cite')!))),
  };
}

/**
 * Each record of the open "why": its sources, one tap away, are links to the addresses the data
 * gives (no other), opening in a new tab; the first source's passage shows on demand, word for word.
 */
async function checkSources(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const d = dialog(page);
  // The sources arrive in their own chunk.
  await expect.poll(() => d.locator('summary').first().textContent(), { timeout: 15_000 }).toMatch(/\(\d+\)/);
  const records = await d.locator('[data-cite]').all();
  for (const [i, rec] of records.entries()) {
    const cite = (await rec.getAttribute('data-cite'))!;
    const summary = rec.locator('summary');
    await summary.click();
    const want = sorted(
      [...new Set(citationsOf(cite).map((c) => c.source))].flatMap((s) => {
        const url = loaded.citations.sources.get(s)?.url;
        return url && /^https?:\/\//.test(url) ? [url] : [];
      }),
    );
    const links = await rec.locator('a[href]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
    if (JSON.stringify(sorted(links.map((l) => l.href))) !== JSON.stringify(want)) problems.push(`${cite}: links ${links.map((l) => l.href).join(', ')} against ${want.join(', ')}`);
    if (links.some((l) => l.target !== '_blank' || !/noopener/.test(l.rel ?? ''))) problems.push(`${cite}: a link does not open apart`);
    if (want.length === 0) problems.push(`${cite}: no source with an address`);
    const n = new Set(citationsOf(cite).map((c) => c.source)).size;
    if (!(await summary.textContent())?.includes(`(${n})`)) problems.push(`${cite}: summary "${await summary.textContent()}" does not count ${n} sources`);
    if (i === 0) {
      // The passage on demand: hidden, then shown, word for word.
      const first = rec.locator('li').first();
      const passages = first.locator('.passages');
      if (await passages.isVisible()) problems.push(`${cite}: passage shown before it is asked for`);
      await first.getByRole('button', { name: /passage/i }).click();
      const shown = await passages.innerText();
      const texts = citationsOf(cite).map((c) => c.passage.replace(/\s+/g, ' ').trim());
      if (!texts.some((t) => shown.replace(/\s+/g, ' ').includes(t))) problems.push(`${cite}: passage "${shown.slice(0, 80)}" is none of the record's`);
    }
  }
  return problems;
}

async function closeWhy(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
}

/** A point (page px) where the SVG map's fill of `area` is the top fill and nothing over the map takes the click, a few px around too. */
async function pointIn(page: Page, area: string): Promise<[number, number] | null> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="svg-map"] path[data-area="${id}"]`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const ok = (x: number, y: number) => !!document.elementFromPoint(x, y)?.closest('.svg-layer') && !document.elementsFromPoint(x, y).some((e) => e.hasAttribute('data-arc-hit')) && document.elementsFromPoint(x, y).find((e) => e.hasAttribute('data-area')) === el;
    for (let gy = 1; gy < 12; gy++) {
      for (let gx = 1; gx < 12; gx++) {
        const x = Math.round(r.left + (r.width * gx) / 12);
        const y = Math.round(r.top + (r.height * gy) / 12);
        if ([[0, 0], [12, 0], [-12, 0], [0, 12], [0, -12]].every(([dx, dy]) => ok(x + dx!, y + dy!))) return [x, y] as [number, number];
      }
    }
    return null;
  }, area);
}

/** A point (page px) on an arc's line where the SVG map takes the click (no name or button over it). */
async function pointOnArc(page: Page, arc: string): Promise<[number, number] | null> {
  return page.evaluate((id) => {
    const el = document.querySelector<SVGPathElement>(`[data-testid="svg-map"] path[data-arc-hit="${id}"]`);
    if (!el) return null;
    const len = el.getTotalLength();
    const m = el.getScreenCTM()!;
    for (let i = 1; i < 60; i++) {
      const p = el.getPointAtLength((len * i) / 60);
      const x = Math.round(m.a * p.x + m.c * p.y + m.e);
      const y = Math.round(m.b * p.x + m.d * p.y + m.f);
      const top = document.elementFromPoint(x, y);
      if (top?.closest('.svg-layer') && document.elementsFromPoint(x, y).includes(el)) return [x, y] as [number, number];
    }
    return null;
  }, arc);
}

/** Clicks at a point of the map; the offer of "why" there lists `mark`: it is pressed. */
async function whyAt(page: Page, at: [number, number], mark: string): Promise<void> {
  // A previous offer closes with a click elsewhere; Escape first, so it never sits over the point.
  if (await page.getByTestId('why-chip').count()) {
    await page.getByTestId('why-chip').locator('button').first().focus();
    await page.keyboard.press('Escape');
  }
  await page.mouse.click(at[0], at[1]);
  const button = page.getByTestId('why-chip').locator(`button[data-why-mark="${mark}"]`);
  await button.click();
}

describe('every mark on the map opens its "why", with the records the view uses and working sources', () => {
  for (const date of DATES) {
    it(`${date}, the SVG map: each region's and zone's fill, each force symbol and each arc`, { timeout: 300_000 }, async () => {
      const view = viewOf(date);
      const { page, w } = await open(`date=${date}`);
      const problems: string[] = [];
      const seen = { areas: 0, forces: 0, arcs: 0, arcClicks: 0 };

      // Fills: a click opens the region's panel as before, and offers "why" for the fill under it.
      for (const a of filled(view)) {
        const at = await pointIn(page, a.id);
        if (!at) {
          problems.push(`${a.id}: no point of its fill to click`);
          continue;
        }
        await whyAt(page, at, `area:${a.id}`);
        const why = await readWhy(page);
        if (JSON.stringify(why.cites) !== JSON.stringify(sorted(expectedCites(view, 'area', a.id)))) problems.push(`${a.id}: ${why.cites.join(', ')} against the view's ${sorted(expectedCites(view, 'area', a.id)).join(', ')}`);
        problems.push(...(await checkSources(page)).map((p) => `${a.id}: ${p}`));
        await closeWhy(page);
        const region = index.features.get(a.id)!;
        const regionId = 'region' in region.properties ? region.properties.region : a.id;
        expect(new URL(page.url()).searchParams.get('place'), `a click on ${a.id} opens its region`).toBe(regionId);
        seen.areas++;
      }

      // Forces: a symbol opens its place at that presence (as before); the panel's "Why is this here?" for it, or the list's.
      for (const f of view.forces) {
        const id = f.presence.id;
        const single = page.locator(`.overlay button.force[data-force="${id}"]`);
        if (await single.count()) {
          await single.click();
          await page.locator(`[data-testid="place-panel"] [data-presence="${id}"][aria-current="true"]`).waitFor();
          await page.locator(`[data-testid="place-panel"] [data-why="force:${id}"]`).click();
        } else {
          await page.locator(`.overlay button.force[data-forces~="${id}"]`).click();
          await page.locator(`.overlay [role="group"] button[data-why="${id}"]`).click();
        }
        const why = await readWhy(page);
        if (JSON.stringify(why.cites) !== JSON.stringify(sorted(expectedCites(view, 'force', id)))) problems.push(`${id}: ${why.cites.join(', ')}`);
        // The symbol's look is said: hollow for a claim, faded when last reported.
        const look = f.presence.status === 'alleged' || f.presence.status === 'denied' ? 'Hollow symbol' : f.lastReported ? 'Faded symbol' : 'Solid symbol';
        if (!why.text.includes(look)) problems.push(`${id}: drawn "${look}", said: ${why.text}`);
        problems.push(...(await checkSources(page)).map((p) => `${id}: ${p}`));
        await closeWhy(page);
        seen.forces++;
      }

      // Arcs: the button of each counterpart's name (keyboard: focus it and press Enter), then the arc in its list.
      for (const { event } of view.arcs) {
        const key = page.locator(`.overlay button.arc-key[data-arcs~="${event.id}"]`);
        if ((await key.count()) !== 1) {
          problems.push(`${event.id}: ${await key.count()} buttons name it`);
          continue;
        }
        await key.focus();
        await page.keyboard.press('Enter');
        if (((await key.getAttribute('data-arcs')) ?? '').split(' ').length > 1) await page.locator(`.overlay [role="group"] button[data-arc="${event.id}"]`).click();
        const why = await readWhy(page);
        if (JSON.stringify(why.cites) !== JSON.stringify(sorted(expectedCites(view, 'arc', event.id)))) problems.push(`${event.id}: ${why.cites.join(', ')}`);
        const current = view.arcs.find((a) => a.event.id === event.id)!.current;
        if (!why.text.includes(current ? 'Strong line' : 'Faint line')) problems.push(`${event.id}: ${current ? 'strong' : 'faint'} on the map, said: ${why.text}`);
        problems.push(...(await checkSources(page)).map((p) => `${event.id}: ${p}`));
        await closeWhy(page);
        seen.arcs++;
        // And a click on the line itself offers its "why", where the line is not under a name.
        const at = await pointOnArc(page, event.id);
        if (at) {
          await whyAt(page, at, `arc:${event.id}`);
          if (!(await readWhy(page)).cites.includes(event.id)) problems.push(`${event.id}: a click on its line`);
          await closeWhy(page);
          seen.arcClicks++;
        }
      }

      expect(problems).toEqual([]);
      expect(seen.areas).toBe(filled(view).length);
      expect(seen.forces).toBe(view.forces.length);
      expect(seen.arcs).toBe(view.arcs.length);
      expect(seen.arcClicks, 'arcs clicked on their line').toBeGreaterThan(0);
      expect(w.errors).toEqual([]);
      expect(w.foreign).toEqual([]);
      await page.close();
    });
  }

  it('2023-06 on MapLibre: a click on each fill and on an arc of the WebGL map offers its "why", with the records the view uses', { timeout: 180_000 }, async () => {
    const date = '2023-06';
    const view = viewOf(date);
    const { page, w } = await open(`date=${date}`);
    // The same frame on both maps (maps-agree.e2e.ts): points found on the SVG map are the same places on MapLibre.
    // They are kept relative to the map, since bringing in MapLibre may scroll the page.
    const stage = async () => (await page.getByTestId('map-stage').boundingBox())!;
    const points = new Map<string, [number, number]>();
    let s = await stage();
    for (const a of filled(view)) {
      const at = await pointIn(page, a.id);
      if (at) points.set(`area:${a.id}`, [at[0] - s.x, at[1] - s.y]);
    }
    for (const { event } of view.arcs) {
      const at = await pointOnArc(page, event.id);
      if (at) points.set(`arc:${event.id}`, [at[0] - s.x, at[1] - s.y]);
    }
    await useWebgl(page);
    s = await stage();
    expect(await page.getByTestId('svg-map').count(), 'MapLibre draws the map').toBe(0);
    const problems: string[] = [];
    let arcs = 0;
    for (const [mark, at] of points) {
      const [kind, id] = mark.split(':') as ['area' | 'arc', string];
      await whyAt(page, [s.x + at[0], s.y + at[1]], mark);
      const why = await readWhy(page);
      const want = sorted(expectedCites(view, kind, id));
      if (kind === 'area' ? JSON.stringify(why.cites) !== JSON.stringify(want) : !why.cites.includes(id)) problems.push(`${mark}: ${why.cites.join(', ')} against ${want.join(', ')}`);
      if (kind === 'arc') arcs++;
      await closeWhy(page);
    }
    expect(problems).toEqual([]);
    expect([...points.keys()].filter((k) => k.startsWith('area:')).length).toBe(filled(view).length);
    expect(arcs).toBeGreaterThan(0);
    expect(w.errors).toEqual([]);
    await page.close();
  });
});

/** The focused element, in short. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { why: el?.getAttribute('data-why') ?? '', region: el?.getAttribute('data-region') ?? '', force: el?.getAttribute('data-force') ?? '', arcs: el?.getAttribute('data-arcs') ?? '', inDialog: !!el?.closest('[data-testid="why-view"]') };
  });
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (done(await focused(page))) return;
  }
  throw new Error(`not reached with ${max} Tabs; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only, Arabic, axe', () => {
  it('2020-06 by keyboard alone: a region (divided: each zone), a force and an arc, and the focus comes back each time', { timeout: 120_000 }, async () => {
    const date = '2020-06';
    const view = viewOf(date);
    const { page } = await open(`date=${date}`);

    // A region's name on the map, Enter: its panel; the panel's "Why is this here?": the region, divided, with each zone's records.
    await tabUntil(page, (f) => f.region === 'tripolitania');
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.why === 'area:tripolitania');
    await page.keyboard.press('Enter');
    let why = await readWhy(page);
    expect(why.cites).toEqual(sorted(expectedCites(view, 'area', 'tripolitania')));
    expect(areaIn(view, 'tripolitania')!.zones.length).toBeGreaterThan(1);
    expect(await dialog(page).locator('section.part').count()).toBe(areaIn(view, 'tripolitania')!.zones.length);
    expect((await focused(page)).inDialog, 'the focus is in the dialog').toBe(true);
    // The sources, by keyboard: the first record's summary opens with Enter.
    await tabUntil(page, (f) => f.inDialog, 5);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).locator('details[open] a[href]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    expect((await focused(page)).why, 'the focus is back on the button that asked').toBe('area:tripolitania');

    // A force symbol, Enter: its place at that presence; its "Why is this here?".
    const singles = await page.locator('.overlay button.force[data-force]').evaluateAll((els) => els.map((e) => e.getAttribute('data-force')!));
    const force = view.forces.find((f) => singles.includes(f.presence.id))!;
    await tabUntil(page, (f) => f.force === force.presence.id, 400);
    await page.keyboard.press('Enter');
    await tabUntil(page, (f) => f.why === `force:${force.presence.id}`);
    await page.keyboard.press('Enter');
    why = await readWhy(page);
    expect(why.cites).toEqual(sorted(expectedCites(view, 'force', force.presence.id)));
    await closeWhy(page);
    expect((await focused(page)).why).toBe(`force:${force.presence.id}`);

    // An arc: the button of its counterpart's name shows when it has the focus (a 24 px target then), Enter lists the arcs, Enter opens the first.
    await page.goto(`${baseUrl}?date=${date}`);
    await mapReady(page);
    await tabUntil(page, (f) => f.arcs !== '');
    const key = page.locator('.overlay button.arc-key:focus');
    const box = (await key.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.width).toBeGreaterThanOrEqual(24);
    const ids = (await key.getAttribute('data-arcs'))!.split(' ');
    await page.keyboard.press('Enter');
    // Several arcs: the list takes the focus on its first item.
    if (ids.length > 1) await page.keyboard.press('Enter');
    why = await readWhy(page);
    expect(why.cites).toEqual(sorted(expectedCites(view, 'arc', ids[0]!)));
    // No place was opened on this page: the sources load when the "why" opens, and then show.
    expect(await checkSources(page)).toEqual([]);
    await closeWhy(page);
    await page.close();
  });

  it('2020-06 in Arabic: the "why" is in Arabic, right to left; axe finds no violation on the open view (Arabic and English)', { timeout: 120_000 }, async () => {
    const { page } = await open('date=2020-06&lang=ar');
    await page.locator('.overlay button[data-region="cyrenaica"]').click();
    await page.locator('[data-testid="place-panel"] [data-why="area:cyrenaica"]').click();
    const why = await readWhy(page);
    expect(why.cites).toEqual(sorted(expectedCites(viewOf('2020-06'), 'area', 'cyrenaica')));
    const d = dialog(page);
    expect(await d.getByRole('heading').first().textContent()).toBe(ar['why.heading']);
    expect(await d.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // Every line of the "why" is Arabic, and the part of the mark it explains comes first, on the right.
    const lines = await d.locator('.reason').allInnerTexts();
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/\p{Script=Arabic}/u);
    expect(await d.locator('.reason .mark').first().textContent()).toBe(ar['why.mark.fill']);
    const [markBox, textBox] = [await d.locator('.reason .mark').first().boundingBox(), await d.locator('.reason .text').first().boundingBox()];
    expect(markBox!.x).toBeGreaterThan(textBox!.x);
    await expect.poll(() => d.locator('summary').first().textContent(), { timeout: 15_000 }).toMatch(/\(\d+\)/);
    await d.locator('summary').first().click();
    const axe = async () => (await new AxeBuilder({ page }).include('[data-testid="why-view"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(await axe()).toEqual([]);
    await closeWhy(page);

    // English, an arc's "why" with its list of sources open, and the whole page while it is open.
    await page.goto(`${baseUrl}?date=2020-06`);
    await mapReady(page);
    const key = page.locator('.overlay button.arc-key').first();
    await key.focus();
    await page.keyboard.press('Enter');
    if ((((await key.getAttribute('data-arcs')) ?? '').split(' ').length ?? 0) > 1) await page.keyboard.press('Enter');
    await readWhy(page);
    await expect.poll(() => dialog(page).locator('summary').first().textContent(), { timeout: 15_000 }).toMatch(/\(\d+\)/);
    await dialog(page).locator('summary').first().click();
    expect(await axe()).toEqual([]);
    const whole = (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(whole).toEqual([]);
    await page.close();
  });
});
