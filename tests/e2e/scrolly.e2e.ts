/**
 * A scrolling story as pasted (issue 22): the Share dialog's snippet in an article on a second
 * origin, followed by paragraphs marked data-atlas-step, and nothing else from the journalist.
 * embed.js lays it out: the graphic stays in view while the paragraphs pass, each paragraph moves it
 * as it crosses the middle of the screen, and the article continues after the last one. Every check
 * is of what the reader sees: the frame's box in the viewport, the month and the place the graphic
 * shows, the paragraph on top at its own centre, the layout shifts the article's page records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { launch } from '../../scripts/lib/chromium.ts';
import { serve, type Served } from '../../scripts/lib/static-server.ts';
import AxeBuilder from '@axe-core/playwright';
import { settled, watch } from './browser.ts';

let browser: Browser;
let atlas: Served;
let article: Served;
/** The same articles under a strict policy: no inline script or style at all, the atlas's origin for frames and scripts. */
let strict: Served;
const routes: Record<string, [string, string]> = {};

beforeAll(async () => {
  const dist = resolve(import.meta.dirname, '../../dist');
  atlas = await serve({ root: dist, gzip: true });
  article = await serve({ root: dist, prefix: '/nothing-here/', routes });
  strict = await serve({
    root: dist,
    prefix: '/nothing-here/',
    routes,
    headers: { 'content-security-policy': `default-src 'none'; script-src ${atlas.origin}; frame-src ${atlas.origin}; style-src 'none'; img-src data:` },
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([atlas?.close(), article?.close(), strict?.close()]);
});

const TEXT =
  'Officials in Tripoli and Moscow described the talks in very different terms, and the record of what was agreed is thin: what follows rests on the sources the atlas cites for each step.';

interface Step {
  date: string;
  place?: string;
  text: string;
  /** What the graphic shows: the month, and how its words begin. */
  month: string;
  words: RegExp;
}

const STORY: Step[] = [
  { date: '1969-09', place: '', text: 'In September 1969 the Free Officers seize power, and Moscow recognises them within days.', month: 'September 1969', words: /^RCC \(Gaddafi\) holds Tripolitania/ },
  { date: '2008-04', place: 'tripoli', text: "In April 2008 Putin comes to Tripoli and writes off Libya's Soviet-era debt.", month: 'April 2008', words: /^Tripoli: / },
  { date: '2019-04', place: 'tripoli', text: "In April 2019 Haftar's forces move on Tripoli.", month: 'April 2019', words: /^Tripoli: contested/ },
  { date: '2020-06', place: 'jufra', text: 'By June 2020 the Russian contractors have fallen back to al-Jufra.', month: 'June 2020', words: /^al-Jufra air base: .*Wagner/ },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The Share dialog's snippet as a journalist pastes it: the iframe, the picture for readers without JavaScript, embed.js. */
function snippet(src: string, alt: string, mark = 'data-atlas'): string {
  const picture = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="405"><rect width="720" height="405" fill="#dce9f2"/></svg>')}`;
  return `<iframe ${mark} src="${esc(src)}" title="Libya–Russia Atlas" width="100%" height="719" style="border:0;width:100%;max-width:1200px" loading="lazy"
  sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"></iframe>
<noscript><style>iframe[data-atlas][src="${src.replace(/"/g, '\\"')}"]{display:none}</style><figure style="margin:0;max-width:720px"><img src="${picture}" width="720" height="405" alt="${esc(alt)}" style="display:block;width:100%;height:auto"><figcaption>${esc(alt)}</figcaption></figure></noscript>
<script src="${atlas.url}embed.js" async></script>`;
}

const paragraphs = (steps: Step[]) =>
  steps.map((s) => `<p data-atlas-step data-date="${s.date}"${s.place === undefined ? '' : ` data-place="${s.place}"`}>${esc(s.text)}</p>`).join('\n');

/** A news article on another origin: headline, standfirst, an intro, `story`, and the article going on after it. */
function publish(story: string, after = `<p id="after">After the story the article goes on, and this paragraph can be read. ${TEXT}</p>`): string {
  const path = `/article-${Math.random().toString(36).slice(2)}.html`;
  routes[path] = [
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Article</title>
<script>
  // Layout shifts of the article's page, as CLS counts them (none within half a second of input).
  window.shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node && (s.node.id || s.node.nodeName)) }); }).observe({ type: 'layout-shift', buffered: true });
</script></head>
<body style="margin:0;font:18px/1.55 Georgia,serif;color:#222"><main style="max-width:1240px;margin:0 auto;padding:0 16px">
<h1 style="font-size:2rem;line-height:1.2">Russia's long road to Libya</h1>
<p>Seventy years of treaties, arms and contractors, traced on the map.</p>
<p>${TEXT}</p>
${story}
${after}
<p>${TEXT}</p>
</main></body></html>`,
  ];
  return `${article.origin}${path}`;
}

interface Opened {
  page: Page;
  errors: string[];
}
async function open(url: string, viewport: { width: number; height: number }, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const w = watch(page, [atlas.origin, article.origin]);
  await page.goto(url);
  return { page, errors: w.errors };
}

/** The atlas frame laid out as a story's graphic (its src has layout=story), once its map is drawn. */
async function graphic(page: Page, n = 0): Promise<Frame> {
  const frames = () => page.frames().filter((f) => f.url().startsWith(atlas.url) && f.url().includes('layout=story'));
  await expect.poll(() => frames().length, { timeout: 20_000 }).toBeGreaterThan(n);
  const frame = frames()[n]!;
  await frame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
  return frame;
}

/** Scrolls so that the paragraph starting with `text` has its centre at the middle of the screen; returns the scroll position. */
async function toMiddle(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(t))!;
    const r = p.getBoundingClientRect();
    window.scrollTo(0, Math.round(scrollY + r.top + r.height / 2 - innerHeight / 2));
    return scrollY;
  }, text);
}

const shown = (frame: Frame) => Promise.all([frame.getByTestId('story-date').textContent(), frame.getByTestId('story-words').textContent()]);

/** The frame's box, and whether the paragraph is what the reader sees at its own centre (not under the map). */
function seen(page: Page, text: string) {
  return page.evaluate((t) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(t))!;
    const r = p.getBoundingClientRect();
    const f = document.querySelector('iframe[data-atlas], iframe.atlas-embed')!.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
    return {
      frame: { top: f.top, bottom: f.bottom, left: f.left, right: f.right, width: f.width, height: f.height },
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
      paragraphOnTop: !!top && p.contains(top),
      paragraph: { top: r.top, bottom: r.bottom },
      focus: document.activeElement?.tagName,
      scrollY,
    };
  }, text);
}

const VIEWPORTS = [
  { width: 390, height: 844, name: 'a phone' },
  { width: 768, height: 1024, name: 'a tablet' },
  { width: 1280, height: 800, name: 'a laptop' },
];

describe('the snippet followed by marked paragraphs, as pasted, becomes a scrolling story', () => {
  for (const vp of VIEWPORTS) {
    it(`on ${vp.name} (${vp.width} × ${vp.height}): each paragraph at the middle of the screen shows its month and place in a graphic wholly in view; released after the last; no layout shift`, async () => {
      const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969')}\n${paragraphs(STORY)}`);
      const { page, errors } = await open(url, vp);
      const frame = await graphic(page);
      // The graphic has no slider, buttons of the time or search: the article's paragraphs move it.
      expect(await frame.getByRole('slider').count()).toBe(0);
      expect(await frame.getByRole('button', { name: /Next event|Play/ }).count()).toBe(0);

      for (const step of STORY) {
        const y = await toMiddle(page, step.text);
        await expect.poll(() => shown(frame).then(([date]) => date), { timeout: 10_000 }).toBe(step.month);
        const [, words] = await shown(frame);
        expect(words).toMatch(step.words);
        const s = await seen(page, step.text);
        // The whole frame is on the screen, and the paragraph is read over or beside it, not under it.
        expect(s.frame.top, step.month).toBeGreaterThanOrEqual(0);
        expect(s.frame.bottom, step.month).toBeLessThanOrEqual(s.viewport.height);
        expect(s.frame.left).toBeGreaterThanOrEqual(0);
        expect(s.frame.right).toBeLessThanOrEqual(s.viewport.width);
        expect(s.paragraphOnTop, `${step.month}: the paragraph is on top at its centre`).toBe(true);
        // The atlas followed the article; it did not scroll it or take the focus.
        expect(s.scrollY).toBe(y);
        expect(s.focus).toBe('BODY');
        if (vp.width < 700) expect(s.frame.height, 'a phone: at most 70 % of the screen').toBeLessThanOrEqual(0.7 * vp.height + 0.5);
        // The whole of Libya's frame lies inside the map, and the map inside the graphic.
        const map = await frame.evaluate(() => {
          const stage = document.querySelector('[data-testid="map-stage"]')!.getBoundingClientRect();
          const libya = document.querySelector('[data-frame]')!.getBoundingClientRect();
          return { inside: libya.left >= stage.left - 1 && libya.right <= stage.right + 1 && libya.top >= stage.top - 1 && libya.bottom <= stage.bottom + 1, stageBottom: stage.bottom, height: innerHeight };
        });
        expect(map.inside, `${step.month}: Libya whole on the map`).toBe(true);
        expect(map.stageBottom).toBeLessThanOrEqual(map.height);
      }

      // After the last step the graphic goes with the story, and the article's next paragraph is read on its own.
      await toMiddle(page, 'After the story');
      await expect
        .poll(async () => {
          const s = await seen(page, 'After the story');
          return s.paragraphOnTop && s.frame.bottom <= s.paragraph.top;
        })
        .toBe(true);
      expect((await shown(frame))[0]).toBe('June 2020');
      // The reading order is the article's: the frame, then its paragraphs in their order, then the rest.
      expect(
        await page.evaluate(() => {
          const order = [document.querySelector('iframe[data-atlas]')!, ...document.querySelectorAll('[data-atlas-step]'), document.getElementById('after')!];
          return order.every((n, i) => i === 0 || !!(order[i - 1]!.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING));
        }),
      ).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('reading a story back and forth', () => {
  it('scrolling back restores the earlier step; a fast scroll lands on the right step, a gap between steps included; above the first, the snippet\'s own view', async () => {
    const url = publish(`${snippet(`${atlas.url}?date=1960-01&embed=1`, 'Map of Libya in January 1960')}\n${paragraphs(STORY)}`);
    const { page } = await open(url, { width: 390, height: 844 });
    const frame = await graphic(page);
    // Straight from the top to the third step, past the first two.
    await toMiddle(page, STORY[2]!.text);
    await expect.poll(() => shown(frame)).toEqual([STORY[2]!.month, expect.stringMatching(STORY[2]!.words)]);
    // Back up to the first: its month, and Tripoli no longer named.
    await toMiddle(page, STORY[0]!.text);
    await expect.poll(() => shown(frame)).toEqual([STORY[0]!.month, expect.stringMatching(STORY[0]!.words)]);
    // Down into the gap after the second step (no paragraph at the middle of the screen): the second.
    await page.evaluate((t) => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(t))!;
      window.scrollTo(0, scrollY + p.getBoundingClientRect().bottom + 120 - innerHeight / 2);
    }, STORY[1]!.text);
    expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName)).toBe('IFRAME');
    await expect.poll(() => shown(frame)).toEqual([STORY[1]!.month, expect.stringMatching(STORY[1]!.words)]);
    // Above the first paragraph: the month the snippet opens with.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => shown(frame).then(([d]) => d)).toBe('January 1960');
    await page.context().close();
  });

  it('each step is said once to a screen reader, from the one live region of the graphic', async () => {
    const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969')}\n${paragraphs(STORY)}`);
    const { page } = await open(url, { width: 1280, height: 800 });
    const frame = await graphic(page);
    expect(await frame.locator('[aria-live], [role="status"], [role="alert"], [role="log"]').count()).toBe(1);
    await frame.evaluate(() => {
      const region = document.querySelector('[role="status"]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent!)).observe(region, { subtree: true, childList: true, characterData: true });
    });
    const post = (m: unknown) => page.evaluate((d) => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage(d, '*'), m);
    for (const step of STORY.slice(1)) {
      await toMiddle(page, step.text);
      await expect.poll(() => shown(frame).then(([d]) => d)).toBe(step.month);
      // A little further within the same paragraph: the same step, nothing said again.
      await page.evaluate(() => window.scrollBy(0, 6));
      await settled(page, frame, post);
    }
    const said = await frame.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toHaveLength(3);
    expect(said.every((text, i) => text.startsWith(STORY[i + 1]!.month))).toBe(true);
    expect(said[1]).toMatch(/^April 2019\s*Tripoli: contested/);
    await page.context().close();
  });

  it('beside the map, the paragraph being read is in full colour; with reduced motion nothing fades in or out', async () => {
    const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969')}\n${paragraphs(STORY)}`);
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { page } = await open(url, { width: 1280, height: 800 }, { reducedMotion });
      const frame = await graphic(page);
      await toMiddle(page, STORY[1]!.text);
      await expect.poll(() => shown(frame).then(([d]) => d)).toBe(STORY[1]!.month);
      const looks = () =>
        page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-atlas-step]')].map((p) => ({ opacity: getComputedStyle(p).opacity, transition: getComputedStyle(p).transitionDuration })));
      // Once the fade (if any) has run.
      await expect.poll(() => looks().then((l) => l.map((x) => x.opacity))).toEqual(['0.55', '1', '0.55', '0.55']);
      expect(new Set((await looks()).map((l) => l.transition))).toEqual(new Set([reducedMotion === 'reduce' ? '0s' : '0.25s']));
      // Inside the graphic nothing moves either way: the map changes in one step.
      expect(await frame.evaluate(() => document.getAnimations().length)).toBe(0);
      await page.context().close();
    }
  });
});

describe('the graphic itself (layout=story)', () => {
  for (const [lang, theme] of [['en', 'light'], ['ar', 'dark']] as const) {
    it(`passes axe (WCAG 2.1 AA) in ${lang}, ${theme}, and holds the whole map at a phone's and a laptop's size`, async () => {
      for (const size of [{ width: 358, height: 538 }, { width: 788, height: 768 }]) {
        const { page } = await open(`${atlas.url}?date=2019-04&place=tripoli&embed=1&layout=story&lang=${lang}&theme=${theme}`, size);
        await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
        await expect.poll(() => page.getByTestId('story-words').textContent()).toMatch(lang === 'en' ? /^Tripoli: contested/ : /[\u0600-\u06ff]/);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        // Nothing scrolls inside the graphic: the page is exactly the frame's height.
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);
        await page.context().close();
      }
    });
  }
});

describe('two stories on one page', () => {
  it('each drives its own atlas: reading one leaves the other where it was', async () => {
    const second: Step[] = [
      { date: '2011-08', place: 'tripoli', text: 'In August 2011 the rebels take Tripoli.', month: 'August 2011', words: /^Tripoli: / },
      { date: '2016-11', place: 'tobruk', text: 'In November 2016 Haftar visits Moscow.', month: 'November 2016', words: /^Tobruk: / },
    ];
    const filler = `<p>${TEXT}</p>`.repeat(4);
    const url = publish(
      `${snippet(`${atlas.url}?date=1960-01&embed=1`, 'Map of Libya in January 1960')}\n${paragraphs(STORY.slice(0, 2))}\n${filler}\n` +
        `${snippet(`${atlas.url}?date=2011-02&embed=1`, 'Map of Libya in February 2011')}\n${paragraphs(second)}`,
    );
    const { page } = await open(url, { width: 390, height: 844 });
    const first = await graphic(page, 0);
    expect(await page.locator('[data-atlas-story]').count()).toBe(2);
    await toMiddle(page, STORY[1]!.text);
    await expect.poll(() => shown(first).then(([d]) => d)).toBe('April 2008');
    for (const step of second) {
      await toMiddle(page, step.text);
      const other = await graphic(page, 1);
      await expect.poll(() => shown(other)).toEqual([step.month, expect.stringMatching(step.words)]);
      // The second story's graphic is the one in view; the first stays at its last step.
      const boxes = await page.locator('iframe[data-atlas]').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      expect(boxes[1]!.top).toBeGreaterThanOrEqual(0);
      expect(boxes[1]!.bottom).toBeLessThanOrEqual(844);
      expect(boxes[0]!.bottom).toBeLessThanOrEqual(0);
      expect((await shown(first))[0]).toBe('April 2008');
    }
    // Back up to the first story's first step: the first atlas moves; the second, now below the
    // reader and above whose first step they are, is back at its own opening month, not the first's.
    await toMiddle(page, STORY[0]!.text);
    await expect.poll(() => shown(first).then(([d]) => d)).toBe('September 1969');
    await expect.poll(async () => (await shown(await graphic(page, 1)))[0]).toBe('February 2011');
    await page.context().close();
  });
});

describe('a CMS that strips data- attributes', () => {
  it('class names do the same: class="atlas-embed" on the iframe, class="atlas-step atlas-date-… atlas-place-…" on the paragraphs', async () => {
    const steps = STORY.slice(1, 3)
      .map((s) => `<p class="atlas-step atlas-date-${s.date} atlas-place-${s.place}">${esc(s.text)}</p>`)
      .join('\n');
    const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969', 'class="atlas-embed"')}\n${steps}`);
    const { page } = await open(url, { width: 390, height: 844 });
    const frame = await graphic(page);
    for (const step of STORY.slice(1, 3)) {
      await toMiddle(page, step.text);
      await expect.poll(() => shown(frame)).toEqual([step.month, expect.stringMatching(step.words)]);
      const s = await seen(page, step.text);
      expect(s.frame.top).toBeGreaterThanOrEqual(0);
      expect(s.frame.bottom).toBeLessThanOrEqual(844);
      expect(s.paragraphOnTop).toBe(true);
    }
    await page.context().close();
  });
});

describe('a host with a strict Content-Security-Policy', () => {
  it("style-src 'none' and no inline script: the story is laid out all the same (embed.js styles through the CSSOM)", async () => {
    const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969')}\n${paragraphs(STORY)}`).replace(article.origin, strict.origin);
    const { page } = await open(url, { width: 390, height: 844 });
    const refused: string[] = [];
    page.on('console', (m) => void (/Content Security Policy/.test(m.text()) && refused.push(m.text())));
    const frame = await graphic(page);
    await toMiddle(page, STORY[1]!.text);
    await expect.poll(() => shown(frame)).toEqual([STORY[1]!.month, expect.stringMatching(STORY[1]!.words)]);
    const s = await seen(page, STORY[1]!.text);
    expect(s.frame.top).toBeGreaterThanOrEqual(0);
    expect(s.frame.bottom).toBeLessThanOrEqual(844);
    expect(s.frame.height).toBeLessThanOrEqual(0.7 * 844 + 0.5);
    expect(s.paragraphOnTop).toBe(true);
    // The article's own inline script and styles are refused (so the policy is on); nothing of embed.js's is.
    expect(await page.evaluate(() => 'shifts' in window)).toBe(false);
    expect(refused.filter((m) => /embed\.js/.test(m))).toEqual([]);
    await page.context().close();
  });
});

describe('what is not a story is left as it was', () => {
  it('without JavaScript: the paragraphs are the article\'s text and the snippet\'s picture takes the frame\'s place', async () => {
    const url = publish(`${snippet(`${atlas.url}?date=1969-09&embed=1`, 'Map of Libya in September 1969')}\n${paragraphs(STORY)}`);
    const { page } = await open(url, { width: 390, height: 844 }, { javaScriptEnabled: false });
    const picture = page.getByRole('img', { name: 'Map of Libya in September 1969' });
    expect(await picture.isVisible()).toBe(true);
    expect(await page.locator('iframe[data-atlas]').isVisible()).toBe(false);
    for (const step of STORY) expect(await page.getByText(step.text, { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[data-atlas-story]').count()).toBe(0);
    await page.context().close();
  });

  it('an article with the snippet and no marked paragraph: the frame stays where it was, with its src, sized to its content', async () => {
    const src = `${atlas.url}?date=2020-06&place=jufra&embed=1`;
    const url = publish(snippet(src, 'Map of Libya in June 2020'));
    const { page, errors } = await open(url, { width: 390, height: 844 });
    const el = page.locator('iframe[data-atlas]');
    const frame = page.frames().find((f) => f.url().startsWith(atlas.url))!;
    await frame.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 45_000 });
    await expect.poll(async () => Math.abs((await el.evaluate((f) => f.getBoundingClientRect().height)) - (await frame.evaluate(() => document.body.getBoundingClientRect().height))), { timeout: 10_000 }).toBeLessThanOrEqual(2);
    expect(await el.getAttribute('src')).toBe(src);
    expect(await el.evaluate((f) => f.parentElement!.tagName)).toBe('MAIN');
    expect(await page.locator('[data-atlas-story]').count()).toBe(0);
    expect(await frame.getByRole('slider', { name: 'Time' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shifts: unknown[] }).shifts)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
