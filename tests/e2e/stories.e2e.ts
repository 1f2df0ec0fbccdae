/**
 * Stories without code, as a journalist ships them: an article with marked-up paragraphs and only
 * the embed snippet moves the atlas as the reader scrolls; for a CMS that strips scripts, story=<id>
 * in the iframe tells the story step by step; each story has a page of its own that previews.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { mapReady } from './browser.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

const dist = resolve(import.meta.dirname, '../../dist');
let browser: Browser;
let atlas: Served;
let article: Served;
const routes: Record<string, [string, string]> = {};

beforeAll(async () => {
  atlas = await serve({ root: dist, gzip: true });
  article = await serve({ root: dist, prefix: '/nothing-here/', routes });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([atlas?.close(), article?.close()]);
});

const filler = (n: number) => `<div style="height:${n}px"></div>`;

/** The atlas frame of a page once it is a story's graphic (embed.js sets layout=story) and has drawn its map. */
async function storyGraphic(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(atlas.url) && f.url().includes('layout=story'));
  await expect.poll(() => !!find(), { timeout: 20_000 }).toBe(true);
  const frame = find()!;
  await frame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
  return frame;
}

describe('a scrolling story from marked-up paragraphs', () => {
  it('an article that wrapped the frame in a sticky box of its own (before embed.js laid out stories) still moves the embed to each step, without moving the article or its focus', async () => {
    routes['/story.html'] = [
      'text/html; charset=utf-8',
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head>
<body style="margin:0;font:16px sans-serif">
<div style="position:sticky;top:0;background:#fff">
<iframe data-atlas src="${atlas.url}?embed=1&amp;date=1960-01" title="Libya–Russia Atlas" width="100%" height="600" style="border:0;width:100%"></iframe>
</div>
${filler(800)}<p data-atlas-step data-date="1969-09">The coup.</p>
${filler(900)}<p data-atlas-step data-date="2008-04" data-place="tripoli">Putin in Tripoli.</p>
${filler(900)}<p data-atlas-step data-date="2019-09" data-place="tripoli">Wagner at the front.</p>
${filler(1200)}
<script src="${atlas.url}embed.js" async></script>
</body></html>`,
    ];
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${article.origin}/story.html`);
    const frame = await storyGraphic(page);
    const month = () => frame.getByTestId('story-date').textContent();
    for (const [text, want] of [['The coup.', 'September 1969'], ['Putin in Tripoli.', 'April 2008'], ['Wagner at the front.', 'September 2019']] as const) {
      const y = await page.evaluate((t) => [...document.querySelectorAll('p')].find((p) => p.textContent === t)!.getBoundingClientRect().top + scrollY, text);
      await page.evaluate((top) => window.scrollTo(0, top - innerHeight / 2), y);
      await expect.poll(month, { timeout: 10_000 }).toBe(want);
      // The atlas followed the article; it did not move it or take the focus.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    }
    expect(await frame.getByTestId('story-words').textContent()).toMatch(/^Tripoli: /);
    await page.close();
  });
});

describe('a journalist builds a five-step story in the Share dialog, with no code', () => {
  it('pastes the article: the map follows the reader through the five steps; without JavaScript the reader gets the first step\'s picture and the paragraphs', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${atlas.url}?date=1969-09`);
    await mapReady(page);
    const slider = page.getByRole('slider', { name: 'Time' });
    const share = page.getByRole('button', { name: 'Share / embed' });
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await share.click();
    await dialog.getByText('Build a story', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Story title' }).fill('Moscow and Libya');
    // Five views: the month moved with the slider's keys (a year a PageUp), Tripoli opened for one.
    const steps: { years: number; place?: string; caption: string; month: string }[] = [
      { years: 0, caption: 'The coup brings Gaddafi to power.', month: 'September 1969' },
      { years: 7, caption: 'Soviet arms arrive.', month: 'September 1976' },
      { years: 32, place: 'Tripoli', caption: 'Putin visits Tripoli.', month: 'September 2008' },
      { years: 3, caption: 'The uprising.', month: 'September 2011' },
      { years: 8, caption: 'Wagner at the front.', month: 'September 2019' },
    ];
    for (const [i, step] of steps.entries()) {
      if (i > 0) {
        await page.keyboard.press('Escape');
        // The dialog gives the focus back to Share when it has closed: wait for that before taking it.
        await expect.poll(() => dialog.isVisible()).toBe(false);
        await expect.poll(() => share.evaluate((b) => b === document.activeElement)).toBe(true);
        await slider.focus();
        for (let k = 0; k < step.years; k++) await page.keyboard.press('PageUp');
        await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe(step.month);
        if (step.place) await page.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: step.place, exact: true }).click();
        await share.click();
      }
      await dialog.getByRole('button', { name: `Add this view (${step.month}) as a step` }).click();
      await dialog.getByRole('textbox', { name: `Caption of step ${i + 1}` }).fill(step.caption);
    }
    // Reorder: the last step up and back down again leaves the order as written.
    await dialog.getByRole('button', { name: 'Move step 5 up' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Caption of step 4' }).inputValue()).toBe('Wagner at the front.');
    await dialog.getByRole('button', { name: 'Move step 4 down' }).click();
    const articleField = dialog.getByRole('textbox', { name: 'Article with marked-up paragraphs (the map follows the reader)' });
    // The article carries the first step's picture once it is drawn.
    await expect.poll(() => articleField.inputValue(), { timeout: 30_000 }).toContain('<noscript>');
    const pasted = await articleField.inputValue();
    await page.close();
    const paragraphs = [...pasted.matchAll(/<p data-atlas-step data-date="([^"]+)" data-place="([^"]*)">([^<]*)<\/p>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(paragraphs).toEqual([
      ['1969-09', '', 'The coup brings Gaddafi to power.'],
      ['1976-09', '', 'Soviet arms arrive.'],
      ['2008-09', 'tripoli', 'Putin visits Tripoli.'],
      ['2011-09', 'tripoli', 'The uprising.'],
      ['2019-09', 'tripoli', 'Wagner at the front.'],
    ]);

    // The graphics desk's article: the pasted code, as it is, with the article's own text between the paragraphs.
    expect(pasted).toMatch(/<iframe data-atlas src="[^"]*&amp;layout=story"/);
    const body = pasted.replace(/<\/p>\n\n/g, `</p>\n${filler(900)}\n`);
    routes['/built.html'] = ['text/html; charset=utf-8', `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body style="margin:0;font:16px sans-serif">${filler(300)}${body}${filler(1200)}</body></html>`];
    const reader = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await reader.goto(`${article.origin}/built.html`);
    const frame = await storyGraphic(reader);
    const month = () => frame.getByTestId('story-date').textContent();
    for (const step of steps) {
      const y = await reader.evaluate((t) => [...document.querySelectorAll('p')].find((p) => p.textContent === t)!.getBoundingClientRect().top + scrollY, step.caption);
      await reader.evaluate((top) => window.scrollTo(0, top - innerHeight / 2), y);
      await expect.poll(month, { timeout: 10_000 }).toBe(step.month);
    }
    expect(await reader.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    await reader.close();

    // A reader without JavaScript: the picture of the first step in the frame's place, then the five paragraphs.
    const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const plain = await nojs.newPage();
    await plain.goto(`${article.origin}/built.html`);
    const picture = plain.locator('noscript img');
    await picture.waitFor();
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(720);
    expect(await picture.getAttribute('alt')).toContain('September 1969');
    expect(await plain.locator('iframe[data-atlas]').isVisible()).toBe(false);
    for (const step of steps) expect(await plain.getByText(step.caption, { exact: true }).isVisible()).toBe(true);
    await nojs.close();
  });
});

describe('story=<id> in the iframe: a stepper for a CMS that strips scripts', () => {
  it('steps forward and back by button and by key, announces the caption, keeps the step in the URL and shows its sources', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${atlas.url}?story=russia-in-libya`);
    await mapReady(page);
    const story = page.getByTestId('story');
    const caption = page.getByTestId('story-caption');
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).toMatch(/^September 1945/);
    expect(await caption.getAttribute('role')).toBe('status');
    expect(await page.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext')).toBe('September 1945');

    await story.getByRole('button', { name: /Next/ }).click();
    await expect.poll(() => caption.textContent()).toMatch(/^1955/);
    await expect.poll(() => page.url()).toContain('step=2');
    expect(await page.getByRole('slider', { name: 'Time' }).getAttribute('aria-valuetext')).toBe('December 1955');

    await story.getByRole('button', { name: /Next/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.textContent()).toMatch(/^September 1969/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => caption.textContent()).toMatch(/^1955/);
    await story.getByRole('button', { name: /Previous/ }).click();
    await expect.poll(() => caption.textContent()).toMatch(/^September 1945/);
    expect(await story.getByRole('button', { name: /Previous/ }).isDisabled()).toBe(true);

    await story.getByText('Sources for this step').click();
    const link = story.getByRole('link').first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);

    // A link to a step opens at that step.
    await page.goto(`${atlas.url}?story=russia-in-libya&step=7`);
    await expect.poll(() => caption.textContent(), { timeout: 15_000 }).toMatch(/^April 2008: Putin visits Tripoli/);
    // The step's place opens with it (the caption may be drawn a frame before the panel).
    await expect.poll(() => page.getByRole('region', { name: 'Tripoli' }).isVisible()).toBe(true);
    await page.close();
  });

  for (const width of [390, 720, 1280]) {
    it(`in an article at ${width} px, the stepper embed keeps its height at every step (within 4 px, at most 900 px) and has no "Next event" beside its Next (issue 21)`, async () => {
      routes[`/stepper-${width}.html`] = [
        'text/html; charset=utf-8',
        `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Article</title></head><body style="margin:0">
<iframe data-atlas src="${atlas.url}?story=russia-in-libya&amp;embed=1" title="Libya–Russia Atlas" width="100%" height="900" style="border:0;width:100%"></iframe>
<script src="${atlas.url}embed.js" async></script></body></html>`,
      ];
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${article.origin}/stepper-${width}.html`);
      const find = () => page.frames().find((f) => f.url().startsWith(atlas.url));
      await expect.poll(() => !!find()).toBe(true);
      const frame = find()!;
      await frame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
      const story = frame.getByTestId('story');
      const caption = frame.getByTestId('story-caption');
      const box = page.locator('iframe[data-atlas]');
      /** The frame's height once embed.js has given it the atlas's height. */
      const height = async () => {
        await expect.poll(async () => Math.abs((await box.evaluate((f) => f.getBoundingClientRect().height)) - (await frame.evaluate(() => document.body.getBoundingClientRect().height))), { timeout: 10_000 }).toBeLessThanOrEqual(1);
        return box.evaluate((f) => f.getBoundingClientRect().height);
      };
      await expect.poll(() => story.textContent(), { timeout: 15_000 }).toContain('Step 1 of 12');
      expect(await frame.getByRole('button', { name: /Next event/ }).count()).toBe(0);
      const heights = [await height()];
      for (let n = 2; n <= 12; n++) {
        const before = await caption.textContent();
        await story.getByRole('button', { name: 'Next', exact: true }).click();
        await expect.poll(() => story.textContent()).toContain(`Step ${n} of 12`);
        await expect.poll(() => caption.textContent()).not.toBe(before);
        heights.push(await height());
      }
      expect(Math.max(...heights) - Math.min(...heights), heights.join(', ')).toBeLessThanOrEqual(4);
      // Within the embed's height budget, as every embed is.
      expect(Math.max(...heights), heights.join(', ')).toBeLessThanOrEqual(900);
      await page.close();
    });
  }

  it('an unknown story says so; a hostile step is ignored', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${atlas.url}?story=no-such-story&step=%3Cscript%3E`);
    await mapReady(page);
    await expect.poll(() => page.getByTestId('story').textContent(), { timeout: 15_000 }).toMatch(/not in this version/);
    expect(await page.evaluate(() => document.body.innerHTML.includes('<script>'))).toBe(false);
    await page.close();
  });
});

describe('story pages and previews', () => {
  it('the build writes a page per story with its own preview, tags that point at files that exist, and oEmbed', () => {
    const page = readFileSync(resolve(dist, 'stories/russia-in-libya.html'), 'utf8');
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
    expect(image).toBeTruthy();
    expect(existsSync(resolve(dist, 'stories', image!))).toBe(true);
    expect(page).toMatch(/<meta property="og:title" content="Russia in Libya, 1945–2025"/);
    expect(page).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]*russia-in-libya\.oembed\.json"/);
    expect(page).toMatch(/href="\.\.\/\?story=russia-in-libya"/);
    const oembed = JSON.parse(readFileSync(resolve(dist, 'stories/russia-in-libya.oembed.json'), 'utf8'));
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: 'Russia in Libya, 1945–2025', width: 720 });
    expect(oembed.html).toMatch(/^<iframe data-atlas src="[^"]*\?story=russia-in-libya&amp;embed=1"/);
    expect(existsSync(resolve(dist, 'stories', oembed.thumbnail_url))).toBe(true);
    const home = readFileSync(resolve(dist, 'index.html'), 'utf8');
    const homeImage = /<meta property="og:image" content="([^"]+)"/.exec(home)?.[1];
    expect(existsSync(resolve(dist, homeImage!))).toBe(true);
    for (let n = 1; n <= 12; n++) expect(existsSync(resolve(dist, `previews/russia-in-libya-${n}.png`)), `step ${n}`).toBe(true);
  });
});
