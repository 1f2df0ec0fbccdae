/**
 * A story's own page (stories/<id>.html), written at build time: for link previews, for readers
 * without JavaScript and for anyone sent a link. The atlas's look (its type, colours and dark
 * theme, story-page.css beside this file), each step's picture and caption with the step's sources,
 * and links that open the atlas at the story and at each step. Plain HTML and one stylesheet of the
 * site: no script, no style attribute (it reads under the strict CSP of docs/hosting.md), nothing
 * from another host.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translator, type Translator } from '../../src/lib/i18n/i18n.ts';
import { stepView } from '../../src/lib/stories/step.ts';
import { parseMonthKey } from '../../src/lib/time/months.ts';
import { scaleProperties, themeProperties } from '../../src/lib/tokens/tokens.ts';
import type { SourceDoc, Story, StoryStep } from '../../src/lib/records/types.ts';

/** The design tokens for a page without theme.js: light, and dark when the reader's setting is. */
function storyTokensCss(): string {
  return `:root { ${scaleProperties()} ${themeProperties('light')} }\n@media (prefers-color-scheme: dark) { :root { ${themeProperties('dark')} } }`;
}

/** The page's stylesheet, emitted as stories/story.css: the tokens, then the page's own rules. */
export const STORY_CSS = `${storyTokensCss()}\n${readFileSync(join(import.meta.dirname, 'story-page.css'), 'utf8')}`;
/** A query that changes with the stylesheet, so a browser never keeps an old one. */
const cssVersion = createHash('sha256').update(STORY_CSS).digest('hex').slice(0, 10);

export interface StoryPageInput {
  story: Story;
  /** The tags a link preview reads (vite-previews.ts previewTags). */
  tags: string;
  /** Each step's picture (from the page's folder) and its description in words (its alt text). */
  images: { src: string; alt: string; width: number; height: number }[];
  /** The source documents each record cites. */
  sourcesOf: (recordId: string) => SourceDoc[];
  /** The record's "data as of" date. */
  dataAsOf: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string) => esc(s).replace(/"/g, '&quot;');

/** The atlas's address at the story (its first step), or at one step (counted from 1), from the page's folder. */
export function storyLink(id: string, step?: number, lang?: string): string {
  const q = new URLSearchParams({ story: id });
  if (step !== undefined) q.set('step', String(step));
  if (lang) q.set('lang', lang);
  return `../?${q.toString()}`;
}

/** "September 1945", or "September–December 1955" for a step over a span of months. */
function when(tr: Translator, step: StoryStep): string {
  const from = parseMonthKey(step.date)!;
  const to = stepView(step).t;
  return from === to ? tr.month(from) : `${tr.month(from)} – ${tr.month(to)}`;
}

/** A step's sources, each document once, oldest first. */
function sourcesHtml(docs: SourceDoc[], tr: Translator): string {
  const seen = new Map(docs.map((d) => [d.id, d]));
  const list = [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.publisher.localeCompare(b.publisher));
  if (list.length === 0) return '';
  const item = (d: SourceDoc) => {
    const title = `<cite lang="${attr(d.language)}" dir="auto">${esc(d.title)}</cite>`;
    const linked = d.url ? `<a href="${attr(d.url)}" rel="noopener noreferrer">${title}</a>` : title;
    return `<li>${esc(d.publisher)}, ${linked}, ${esc(tr.date(d.date))}</li>`;
  };
  return `<details class="sources"><summary>${esc(tr.t('story.sources'))} (${list.length})</summary><ul>${list.map(item).join('')}</ul></details>`;
}

/**
 * The page, in English (the previews are drawn in English: see image.ts on resvg and right-to-left
 * text); links open the atlas's story in Arabic and Russian too.
 */
export function storyPage(input: StoryPageInput): string {
  const { story } = input;
  const tr = translator('en');
  const count = story.steps.length;
  const steps = story.steps
    .map((s, i) => {
      const n = i + 1;
      const img = input.images[i]!;
      const docs = s.records.flatMap((r) => input.sourcesOf(r));
      return `<li id="step-${n}">
        <h2><span class="n">${esc(tr.t('story.stepOf', { n, count }))}</span> <span class="when">${esc(when(tr, s))}</span></h2>
        <img src="${attr(img.src)}" width="${img.width}" height="${img.height}" alt="${attr(img.alt)}"${n > 1 ? ' loading="lazy"' : ''} />
        <p class="caption">${esc(s.caption.en)}</p>
        ${sourcesHtml(docs, tr)}
        <p class="step-link"><a href="${attr(storyLink(story.id, n))}">Open step ${n} on the interactive map</a></p>
      </li>`;
    })
    .join('\n      ');
  const open = storyLink(story.id);
  return `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="data:," />
    <title>${esc(story.title.en)} — ${esc(tr.t('app.title'))}</title>
    <meta name="description" content="${attr(story.description.en)}" />
    ${input.tags}
    <link rel="stylesheet" href="story.css?v=${cssVersion}" />
  </head>
  <body>
    <header class="masthead"><a href="../">${esc(tr.t('app.title'))}</a></header>
    <main>
      <p class="kicker">A story in ${count} steps</p>
      <h1>${esc(story.title.en)}</h1>
      <p class="lede">${esc(story.description.en)}</p>
      <p class="open"><a class="primary" href="${attr(open)}">Open the story on the interactive map</a></p>
      <ol class="steps">
      ${steps}
      </ol>
      <p class="open"><a class="primary" href="${attr(open)}">Open the story on the interactive map</a></p>
    </main>
    <footer>
      <p>${esc(tr.t('image.credit', { date: input.dataAsOf ? tr.date(input.dataAsOf) : '' }))}.</p>
      <p>The story on the map in <a href="${attr(storyLink(story.id, undefined, 'ar'))}" hreflang="ar" lang="ar" dir="rtl">العربية</a> · <a href="${attr(storyLink(story.id, undefined, 'ru'))}" hreflang="ru" lang="ru">Русский</a></p>
    </footer>
  </body>
</html>
`;
}
