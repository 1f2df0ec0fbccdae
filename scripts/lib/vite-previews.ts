/**
 * Link previews, built without a browser: the same image renderer as the page's "Image" button
 * (src/lib/map/image.ts, the SVG map) draws the default view at build time, resvg turns it into a
 * PNG, and index.html gets its title, description, Open Graph and Twitter card tags and an oEmbed
 * discovery link, with `oembed.json` beside it; each story gets a preview per step and a page of its
 * own (story-page.ts).
 *
 * Link previews need absolute addresses: set ATLAS_PUBLIC_URL (e.g. https://news.example.org/atlas/)
 * when building for the site the atlas will live on; without it the addresses are relative.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin } from 'vite';
import type { FeatureCollection } from 'geojson';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { IMAGE_SIZES, imageAlt, publishersInView, renderImage } from '../../src/lib/map/image.ts';
import { translator, type Translator } from '../../src/lib/i18n/i18n.ts';
import { currentMonth } from '../../src/lib/time/months.ts';
import { ALL_LAYERS, type Layers } from '../../src/lib/state/layers.ts';
import { embedSnippet } from '../../src/lib/embed/links.ts';
import { loadData, type LoadedData } from './load-data.ts';
import { stepView } from '../../src/lib/stories/step.ts';
import type { Story, StoryStep } from '../../src/lib/records/types.ts';
import { svgPaths } from './svg-paths.ts';
import { STORY_CSS, storyPage } from './story-page.ts';

export interface PreviewContext {
  loaded: LoadedData;
  index: AtlasIndex;
  paths: ReturnType<typeof svgPaths>;
  labels: FeatureCollection;
}

export function previewContext(root: string): PreviewContext {
  const loaded = loadData(root);
  return {
    loaded,
    index: indexData(loaded.data, loaded.dataAsOf),
    paths: svgPaths(root),
    labels: JSON.parse(readFileSync(join(root, 'geo/labels.geojson'), 'utf8')) as FeatureCollection,
  };
}

/** The description of a view in words (also the image's alt text). */
export function describeView(ctx: PreviewContext, tr: Translator, t: number): string {
  return imageAlt(ctx.index, tr, viewAt(ctx.index, t));
}

/** A social-size PNG of a view, and its alt text. */
export function previewPng(ctx: PreviewContext, opts: { t: number; tr?: Translator; layers?: Layers; title?: string; caption?: string }): { png: Buffer; alt: string } {
  const tr = opts.tr ?? translator('en');
  const alt = describeView(ctx, tr, opts.t);
  const svg = renderImage({
    index: ctx.index,
    view: viewAt(ctx.index, opts.t),
    paths: ctx.paths,
    labels: ctx.labels,
    tr,
    layers: opts.layers ?? ALL_LAYERS,
    size: 'social',
    title: opts.title,
    caption: opts.caption,
    sources: publishersInView(viewAt(ctx.index, opts.t), ctx.loaded.citations),
    dataAsOf: ctx.loaded.dataAsOf,
    alt,
  });
  const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans' } }).render().asPng();
  return { png, alt };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Where the built site will live: an absolute folder URL, or '' for relative addresses. The og: and
 * oEmbed addresses are made by adding paths to it, so anything after its path (a query, a fragment)
 * or a password would break or leak them: the build stops with the reason.
 * @example publicBase('https://example.org/atlas') // 'https://example.org/atlas/'
 */
export function publicBase(raw = process.env['ATLAS_PUBLIC_URL'] ?? ''): string {
  if (!raw) return '';
  const fix = 'write the address of the folder the atlas is served from, with nothing after its path, e.g. https://example.org/atlas/';
  const name = `ATLAS_PUBLIC_URL ${JSON.stringify(raw)}`;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`${name} is not a web address — ${fix}`);
  }
  if (!/^https?:$/.test(u.protocol)) throw new Error(`${name} must be an http(s) address — ${fix}`);
  if (u.username || u.password) throw new Error(`${name} has a user name or password, which would be published in every page — ${fix}`);
  // URL drops an empty "?" or "#": the raw text says whether one was written.
  const query = raw.indexOf('?');
  const hash = raw.indexOf('#');
  if (query !== -1 && (hash === -1 || query < hash)) throw new Error(`${name} has a query (${JSON.stringify(raw.slice(query, hash === -1 ? undefined : hash))}): the link previews and oEmbed addresses are made by adding to it — ${fix}`);
  if (hash !== -1) throw new Error(`${name} has a fragment (${JSON.stringify(raw.slice(hash))}): the link previews and oEmbed addresses are made by adding to it — ${fix}`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/**
 * The tags a link preview reads, for a page whose preview image is `image` (a path from the site's
 * folder). `up` leads from the page to that folder ('../' for stories/<id>.html) when the addresses
 * are relative.
 */
export function previewTags(opts: { title: string; description: string; image: string; alt: string; page: string; oembed: string; up?: string }): string {
  const base = publicBase();
  const abs = (p: string) => `${base || (opts.up ?? '')}${p}`;
  const { width, height } = IMAGE_SIZES.social;
  return [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${attr(opts.title)}" />`,
    `<meta property="og:description" content="${attr(opts.description)}" />`,
    `<meta property="og:image" content="${attr(abs(opts.image))}" />`,
    `<meta property="og:image:width" content="${width}" />`,
    `<meta property="og:image:height" content="${height}" />`,
    `<meta property="og:image:alt" content="${attr(opts.alt)}" />`,
    ...(base ? [`<meta property="og:url" content="${attr(abs(opts.page))}" />`] : []),
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${attr(opts.title)}" />`,
    `<meta name="twitter:description" content="${attr(opts.description)}" />`,
    `<meta name="twitter:image" content="${attr(abs(opts.image))}" />`,
    `<meta name="twitter:image:alt" content="${attr(opts.alt)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${attr(abs(opts.oembed))}" title="${attr(opts.title)}" />`,
  ].join('\n    ');
}

/** A static oEmbed response (type "rich"): the embed snippet, its size and the preview image. */
export function oembed(opts: { title: string; src: string; image: string; height: number; up?: string }): string {
  const base = publicBase();
  const abs = (p: string) => `${base || (opts.up ?? '')}${p}`;
  const { width, height } = IMAGE_SIZES.social;
  return `${JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      provider_name: 'Libya–Russia Atlas',
      title: opts.title,
      html: embedSnippet(abs(opts.src), abs('embed.js'), opts.title, opts.height),
      width: 720,
      height: opts.height,
      thumbnail_url: abs(opts.image),
      thumbnail_width: width,
      thumbnail_height: height,
    },
    null,
    1,
  )}\n`;
}

/** The embed's height in a 720 px column when nothing else is known (the Share dialog measures it). */
export const DEFAULT_EMBED_HEIGHT = 720;

/** The stories the build ships (stories/*.json, checked by `npm run validate`). */
export function readStories(root: string): Story[] {
  const dir = join(root, 'stories');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Story);
}

/**
 * A story's own page (stories/<id>.html, story-page.ts): its title, description and preview for link
 * previews, each step's picture, caption and sources for readers without JavaScript, and the way
 * into the atlas at the story and at each step.
 */
export function storyHtml(ctx: PreviewContext, story: Story): string {
  const first = story.steps[0]!;
  const alt = `${story.title.en}. ${first.caption.en}`;
  const tags = previewTags({ title: story.title.en, description: story.description.en, image: `previews/${story.id}-1.png`, alt, page: `stories/${story.id}.html`, oembed: `stories/${story.id}.oembed.json`, up: '../' });
  const { width, height } = IMAGE_SIZES.social;
  return storyPage({
    story,
    tags,
    images: story.steps.map((s, n) => ({ src: `../previews/${story.id}-${n + 1}.png`, alt: stepAlt(ctx, s), width, height })),
    sourcesOf: (id) => ctx.loaded.citations.of(id).flatMap((c) => ctx.loaded.citations.sources.get(c.source) ?? []),
    dataAsOf: ctx.loaded.dataAsOf,
  });
}

const stepAlt = (ctx: PreviewContext, step: StoryStep) => describeView(ctx, translator('en'), stepView(step).t);

export function previewsPlugin(root: string): Plugin {
  let ctx: PreviewContext | undefined;
  let alt = '';
  const get = () => (ctx ??= previewContext(root));
  return {
    name: 'atlas-previews',
    apply: 'build',
    // A malformed ATLAS_PUBLIC_URL stops the build before anything is drawn, with the reason.
    buildStart() {
      publicBase();
    },
    transformIndexHtml(html) {
      const tr = translator('en');
      alt = describeView(get(), tr, currentMonth());
      const tags = previewTags({ title: tr.t('app.title'), description: tr.t('app.subtitle'), image: 'previews/atlas.png', alt, page: '', oembed: 'oembed.json' });
      return html.replace('</head>', `    ${tags}\n  </head>`).replace(/<noscript>[\s\S]*?<\/noscript>/, (m) => m.replace('</noscript>', `<p><img class="preview" src="previews/atlas.png" width="1200" height="675" alt="${attr(alt)}" /></p></noscript>`));
    },
    generateBundle() {
      const { png } = previewPng(get(), { t: currentMonth() });
      this.emitFile({ type: 'asset', fileName: 'previews/atlas.png', source: png });
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: oembed({ title: translator('en').t('app.title'), src: '?embed=1', image: 'previews/atlas.png', height: DEFAULT_EMBED_HEIGHT }) });
      // Each story: a preview per step, a page of its own with its tags, and its oEmbed response.
      const stories = readStories(root);
      if (stories.length > 0) this.emitFile({ type: 'asset', fileName: 'stories/story.css', source: STORY_CSS });
      for (const story of stories) {
        story.steps.forEach((step, n) => {
          const { t, layers } = stepView(step);
          this.emitFile({ type: 'asset', fileName: `previews/${story.id}-${n + 1}.png`, source: previewPng(get(), { t, layers, title: story.title.en }).png });
        });
        this.emitFile({ type: 'asset', fileName: `stories/${story.id}.html`, source: storyHtml(get(), story) });
        this.emitFile({
          type: 'asset',
          fileName: `stories/${story.id}.oembed.json`,
          source: oembed({ title: story.title.en, src: `?story=${story.id}&embed=1`, image: `previews/${story.id}-1.png`, height: DEFAULT_EMBED_HEIGHT, up: '../' }),
        });
      }
    },
  };
}
