/**
 * The embed as an article shows it: its height at each width and language, with and without a place
 * open, whether the article scrolled or lost the focus, and the snippet's height against the real one.
 * The snippet is copied from the Share dialog, as a journalist would; the article is on a second origin.
 *
 *   npx vite build && npx tsx bench/embed-heights.ts [--query '?date=2020-06&place=jufra']
 *     [--widths 300,390,720,1200 | --sweep] [--langs en,ar,ru] [--title 'A title' --caption 'A caption']
 *   --sweep: every 30 px from 300 to 1,200 (and 759/760, where the layout changes).
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../scripts/lib/chromium.ts';
import { serve } from '../scripts/lib/static-server.ts';

const argv = process.argv.slice(2);
const at = argv.indexOf('--query');
const query = at >= 0 && argv[at + 1] ? argv[at + 1]! : '?date=2020-06&place=jufra';
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const WIDTHS = argv.includes('--sweep')
  ? [...Array.from({ length: 31 }, (_, i) => 300 + 30 * i), 759, 760].sort((a, b) => a - b)
  : (arg('widths') ?? '300,390,720,1200').split(',').map(Number);
const LANGS = (arg('langs') ?? 'en,ar,ru').split(',');
const TITLE = arg('title');
const CAPTION = arg('caption');

const dist = resolve(import.meta.dirname, '../dist');
const atlas = await serve({ root: dist, prefix: '/atlas/', gzip: true });
const routes: Record<string, [string, string]> = {};
const article = await serve({ root: dist, prefix: '/nothing-here/', routes });
const browser: Browser = await launch();

async function snippetFor(q: string, lang: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${atlas.url}${q}`);
  await page.getByRole('button', { name: 'Share / embed' }).click();
  const dialog = page.getByRole('dialog');
  if (lang !== 'en') await dialog.getByRole('combobox', { name: 'Language of the embed' }).selectOption(lang);
  if (TITLE) await dialog.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
  if (CAPTION) await dialog.getByRole('textbox', { name: /^Caption/ }).fill(CAPTION);
  const field = dialog.getByRole('textbox', { name: 'Embed code for an article' });
  await page.waitForFunction(() => document.querySelector('textarea[data-height-state]')?.getAttribute('data-height-state') !== 'measuring', null, { timeout: 60_000 });
  const snippet = await field.inputValue();
  await page.close();
  return snippet;
}

async function openArticle(snippet: string, width: number, height: number): Promise<{ page: Page; frameHeight: () => Promise<number> }> {
  const path = `/a-${Math.random().toString(36).slice(2)}.html`;
  routes[path] = ['text/html; charset=utf-8', `<!doctype html><meta charset=utf-8><body style="margin:0"><h1>Article</h1><p>Before.</p>${snippet}<div style="height:3000px">After.</div>`];
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${article.origin}${path}`);
  await page.waitForFunction(() => !!document.querySelector('iframe[data-atlas]'));
  const frame = () => page.frames().find((f) => f.url().startsWith(atlas.url))!;
  for (let i = 0; i < 100 && !frame(); i++) await page.waitForTimeout(100);
  await frame().waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 60_000 });
  await page.waitForTimeout(1200);
  return { page, frameHeight: () => page.locator('iframe[data-atlas]').evaluate((el) => Math.round(el.getBoundingClientRect().height)) };
}

const host = (page: Page) => page.evaluate(() => `${window.scrollY}/${document.activeElement?.tagName}`);

console.log(`view ${query}${TITLE ? `, title "${TITLE}"` : ''}${CAPTION ? `, caption "${CAPTION}"` : ''}; heights in CSS px; host = scrollY/activeElement of the article`);
console.log('lang  width  at load  host       after atlas:set place=tripoli  host');
let worst = 0;
for (const lang of LANGS) {
  const snippet = await snippetFor(query, lang);
  for (const width of WIDTHS) {
    const vh = width < 500 ? 844 : 900;
    const a = await openArticle(snippet, width, vh);
    const load = await a.frameHeight();
    const hostLoad = await host(a.page);
    await a.page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[data-atlas]')!.contentWindow!.postMessage({ type: 'atlas:set', version: 1, place: 'tripoli' }, '*'));
    await a.page.waitForTimeout(1500);
    const set = await a.frameHeight();
    worst = Math.max(worst, load, set);
    console.log(`${lang.padEnd(5)} ${String(width).padStart(5)}  ${String(load).padStart(7)}  ${(await host(a.page)) === hostLoad ? hostLoad.padEnd(9) : `${hostLoad}→?`}  ${String(set).padStart(29)}  ${await host(a.page)}`);
    await a.page.close();
  }
  // The snippet's height against the real one in a 720 px column, without embed.js.
  const said = Number(/height="(\d+)"/.exec(snippet)?.[1]);
  const bare = await openArticle(snippet.replace(/<script[^>]*><\/script>/, ''), 720, 900);
  const real = await bare.page.frames().find((f) => f.url().startsWith(atlas.url))!.evaluate(() => Math.round(document.body.getBoundingClientRect().height));
  console.log(`${lang}: snippet height ${said}, real height at 720 px ${real}, difference ${(((said - real) / real) * 100).toFixed(1)} %`);
  await bare.page.close();
}
console.log(`tallest: ${worst} px`);
await browser.close();
await Promise.all([atlas.close(), article.close()]);
