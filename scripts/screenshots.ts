/**
 * Screenshots of the built atlas (dist/) for people to look at: each date × width × language, in
 * headless Chromium, written to shots/ (not committed), and one contact sheet of them all,
 * shots/contact-sheet.png, to open and look at (each shot's first screen, labelled).
 *   npm run shots                       the key dates at 320, 390, 720 (the embed) and 1280 px in en, ar and ru
 *   npm run shots -- --dates 2019-06 --widths 390 --langs ar --query "place=tripoli"
 *   npm run shots -- --webgl            after zooming in and back, so MapLibre draws the map
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './lib/static-server.ts';

const KEY_DATES = ['1943-06', '1951-12', '1970-06', '1986-04', '2011-03', '2014-09', '2019-06', '2020-06', '2025-06', 'today'];
const { values } = parseArgs({
  options: {
    dates: { type: 'string', default: KEY_DATES.join(',') },
    widths: { type: 'string', default: '320,390,720,1280' },
    langs: { type: 'string', default: 'en,ar,ru' },
    query: { type: 'string', default: '' },
    webgl: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    out: { type: 'string', default: 'shots' },
    dist: { type: 'string', default: 'dist' },
  },
});

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, values.out);
mkdirSync(out, { recursive: true });
const served = await serve({ root: resolve(root, values.dist), gzip: true });
const browser = await chromium.launch({
  executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const shots: { file: string; label: string; width: number }[] = [];
try {
  for (const width of values.widths.split(',').map(Number)) {
    const height = width < 700 ? Math.round(width * 2) : 860;
    const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    for (const lang of values.langs.split(',')) {
      for (const date of values.dates.split(',')) {
        const q = new URLSearchParams(values.query);
        if (date !== 'today') q.set('date', date);
        // 720 px is the embed in an article's column.
        if (width === 720) q.set('embed', '1');
        q.set('lang', lang);
        await page.goto(`${served.url}?${q.toString()}`);
        await page.waitForFunction(() => document.documentElement.dataset['mapReady'] === 'true', null, { timeout: 30_000 });
        if (values.webgl) {
          await page.getByRole('button', { name: /zoom in|تكبير|приблизить/i }).click();
          await page.waitForFunction(() => document.documentElement.dataset['webgl'] === 'ready', null, { timeout: 45_000 });
          await page.getByRole('button', { name: /all of libya|ليبيا كاملة|всю ливию/i }).click();
          await page.waitForTimeout(800);
        }
        await page.waitForTimeout(300);
        const file = join(out, `${date}-${width}-${lang}${values.webgl ? '-webgl' : ''}.png`);
        await page.screenshot({ path: file, fullPage: values.full });
        shots.push({ file, label: `${date} · ${width} px${width === 720 ? ' (embed)' : ''} · ${lang}`, width });
        console.log(file);
      }
    }
    await page.close();
  }
  // The contact sheet: every shot's first screen, a row per date, laid out and photographed by the browser.
  const sheet = await browser.newPage({ viewport: { width: 1800, height: 1000 } });
  const cells = shots
    .map((s) => `<figure><img src="data:image/png;base64,${readFileSync(s.file).toString('base64')}" style="width:${Math.round(s.width / 3.2)}px"><figcaption>${s.label}</figcaption></figure>`)
    .join('');
  await sheet.setContent(`<!doctype html><body style="margin:8px;font:12px system-ui;background:#eee"><div style="display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start">${cells}</div>`);
  await sheet.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
  await sheet.screenshot({ path: join(out, 'contact-sheet.png'), fullPage: true });
  console.log(join(out, 'contact-sheet.png'));
} finally {
  await browser.close();
  await served.close();
}
