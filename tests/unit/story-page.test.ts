/**
 * A story's own page (scripts/lib/story-page.ts), as the build writes it: a link to the atlas at the
 * story and at each step, each step's picture with its size, its sources once each, and every text of
 * the story file escaped (a story is an editor's file: nothing in it may become markup).
 */
import { describe, expect, it } from 'vitest';
import { storyLink, storyPage } from '../../scripts/lib/story-page.ts';
import type { SourceDoc, Story } from '../../src/lib/records/types.ts';

const text = (en: string) => ({ en, ar: en, ru: en });
const story = {
  id: 'test-story',
  title: text('A <b>bold</b> "title" & more'),
  description: text('Two steps.'),
  steps: [
    { date: '2019-04', place: 'tripoli', caption: text('April 2019: <script>alert(1)</script>'), records: ['r1', 'r2'] },
    { date: '1955-09', until: '1955-12', caption: text('1955.'), records: ['r2'] },
  ],
} as unknown as Story;
const doc = (id: string, publisher: string, date: string, url?: string): SourceDoc => ({ id, publisher, title: `Title of ${id}`, date, url, language: 'en' }) as SourceDoc;
const s1 = doc('s1', 'Reuters', '2019-04-05', 'https://example.org/a?x=1&y="2"');
const sources: Record<string, SourceDoc[]> = { r1: [s1], r2: [doc('s2', 'AFP', '2019-04-04'), s1] };
const html = storyPage({
  story,
  tags: '<meta property="og:title" content="x" />',
  images: story.steps.map((_, i) => ({ src: `../previews/test-story-${i + 1}.png`, alt: `Map ${i + 1} <i>`, width: 1200, height: 675 })),
  sourcesOf: (id) => sources[id] ?? [],
  dataAsOf: '2026-04-02',
});

describe('a story page', () => {
  it('links the atlas at the story, at each step and in Arabic and Russian', () => {
    expect(storyLink('test-story')).toBe('../?story=test-story');
    expect(storyLink('test-story', 2)).toBe('../?story=test-story&step=2');
    expect(html).toContain('<a class="primary" href="../?story=test-story">');
    expect(html).toContain('<a href="../?story=test-story&amp;step=1">Open step 1 on the interactive map</a>');
    expect(html).toContain('<a href="../?story=test-story&amp;step=2">Open step 2 on the interactive map</a>');
    expect(html).toContain('href="../?story=test-story&amp;lang=ar"');
    expect(html).toContain('href="../?story=test-story&amp;lang=ru"');
  });

  it('shows each picture at its size with its alt text, and a step over months as a span', () => {
    expect(html).toContain('<img src="../previews/test-story-1.png" width="1200" height="675" alt="Map 1 &lt;i&gt;" />');
    expect(html).toContain('<img src="../previews/test-story-2.png" width="1200" height="675" alt="Map 2 &lt;i&gt;" loading="lazy" />');
    expect(html).toContain('<span class="when">September 1955 – December 1955</span>');
    expect(html).toContain('<span class="n">Step 2 of 2</span>');
  });

  it('lists a step’s sources once each, oldest first, linked where they have an address', () => {
    const first = html.slice(html.indexOf('id="step-1"'), html.indexOf('id="step-2"'));
    expect(first).toContain('Sources for this step (2)');
    expect(first.indexOf('AFP')).toBeLessThan(first.indexOf('Reuters'));
    expect(first).toContain('<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;" rel="noopener noreferrer"><cite lang="en" dir="auto">Title of s1</cite></a>');
  });

  it('escapes every text of the story', () => {
    expect(html).not.toMatch(/<script|<b>|<i>/);
    expect(html).toContain('<h1>A &lt;b&gt;bold&lt;/b&gt; "title" &amp; more</h1>');
    expect(html).toContain('April 2019: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<link rel="stylesheet" href="story\.css\?v=[0-9a-f]{10}" \/>/);
  });
});
