/**
 * The page's first paint, before its script has run: the atlas's title, subtitle and "Loading the
 * map…" in index.html, in each language, written from the message catalogs at build time so they
 * never drift from the app's. theme.js (run in the head) sets the page's language; the stylesheet
 * shows that language's shell, and none in an embed or without JavaScript. main.ts removes it
 * when the app mounts; if the app's script fails first, theme.js marks the page and the shell says so.
 */
import type { Plugin } from 'vite';
import { en } from '../../src/lib/i18n/en.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function shellHtml(): string {
  const parts = ([['en', en], ['ar', ar], ['ru', ru]] as const).map(
    ([lang, c]) => `<div lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><h1>${esc(c['app.title'])}</h1><p>${esc(c['app.subtitle'])}</p><p class="waiting">${esc(c['app.loading'])}</p><p class="failed" role="alert">${esc(c['app.loadFailed'])}</p></div>`,
  );
  return `<div class="shell">${parts.join('')}</div>`;
}

export function shellPlugin(): Plugin {
  return {
    name: 'atlas-shell',
    transformIndexHtml: (html) => html.replace('<div id="app"></div>', `<div id="app">${shellHtml()}</div>`),
  };
}
