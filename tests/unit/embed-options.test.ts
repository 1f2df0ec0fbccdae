import { describe, expect, it, vi } from 'vitest';
import { INVALID, readQuery } from '../../src/lib/state/query.ts';
import { parseUrlState } from '../../src/lib/state/url.ts';
import { allowedOrigin, originAccepted } from '../../src/lib/embed/messages.ts';
import { CAPTION_MAX, TITLE_MAX, frameColorScheme, keptParams, normalizeText, optionParams, parseEmbedOptions, parseTheme } from '../../src/lib/embed/options.ts';
import { ampSnippet, embedSnippet, embedSrc, SANDBOX } from '../../src/lib/embed/links.ts';
import { coalesce, type Scheduler } from '../../src/lib/embed/coalesce.ts';
import { AtlasState } from '../../src/lib/state/app.svelte.ts';
import { newestSourceDate } from '../../scripts/lib/vite-data-split.ts';
import { patchPreloadHelper, stripCrossorigin } from '../../scripts/lib/vite-same-origin-assets.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';

const ctx = { placeIds: new Set(['tripoli', 'jufra']), lastMonth: monthIndex(2026, 11) };
const pad = `&note=${'x'.repeat(5000)}`;

describe('readQuery: only known parameters, first occurrence, length-limited', () => {
  it('keeps the first occurrence of a repeated parameter', () => {
    expect(readQuery('?date=2011-08&date=1960-01&origin=https://a.org&origin=https://b.org')).toEqual({ date: '2011-08', origin: 'https://a.org' });
  });
  it('is not defeated by length: a long query keeps date= and origin=', () => {
    const q = readQuery(`?date=2019-04&origin=https%3A%2F%2Fnews.example${pad}`);
    expect(q.date).toBe('2019-04');
    expect(q.origin).toBe('https://news.example');
    expect(parseUrlState(`?date=2019-04${pad}&place=jufra`, ctx)).toMatchObject({ t: monthIndex(2019, 4), place: 'jufra' });
  });
  it('marks a too-long or undecodable value invalid, and never reads unknown names', () => {
    expect(readQuery(`?origin=https://${'a'.repeat(300)}.org`).origin).toBe(INVALID);
    expect(readQuery('?title=%E0%A4%A').title).toBe(INVALID);
    expect(readQuery('?__proto__=1&constructor=2&toString=3')).toEqual({});
  });
  it('a too-long first value is not replaced by a later short one', () => {
    expect(readQuery(`?date=${'1'.repeat(40)}&date=2019-04`).date).toBe(INVALID);
  });
});

describe('the origin lock', () => {
  it('holds with a query over 4,096 characters and with repeated origin=', () => {
    const rule = allowedOrigin(`?embed=1&origin=https%3A%2F%2Fnews.example${pad}`);
    expect(rule).toBe('https://news.example');
    expect(originAccepted('https://evil.example', rule)).toBe(false);
    expect(allowedOrigin('?origin=https://news.example&origin=https://evil.example')).toBe('https://news.example');
  });
  it('an origin= too long to be one locks everyone out rather than letting everyone in', () => {
    const rule = allowedOrigin(`?origin=https://${'a'.repeat(400)}.org`);
    expect(rule).toBe('');
    expect(originAccepted('https://news.example', rule)).toBe(false);
  });
  it('origin= and the options survive every URL the atlas writes', () => {
    const atlas = new AtlasState(['tripoli', 'jufra'], 'en', new Date(Date.UTC(2026, 11, 2)));
    atlas.readUrl(`?date=2020-06&embed=1&origin=https%3A%2F%2Fnews.example&title=Wagner&static=1${pad}`);
    atlas.setTime(monthIndex(2021, 1));
    atlas.place = 'tripoli';
    const search = atlas.search();
    expect(search).toBe('?date=2021-01&place=tripoli&embed=1&origin=https%3A%2F%2Fnews.example&title=Wagner&static=1');
    expect(allowedOrigin(search)).toBe('https://news.example');
    // …and after a reload from that URL.
    const reloaded = new AtlasState(['tripoli', 'jufra'], 'en', new Date(Date.UTC(2026, 11, 2)));
    reloaded.readUrl(search);
    expect(reloaded.search()).toBe(search);
  });
  it('an unusable origin= stays unusable through a rewrite', () => {
    const kept = keptParams(`?origin=https://${'a'.repeat(400)}.org`);
    expect(kept).toBe('&origin=invalid');
    expect(allowedOrigin(`?date=2020-01${kept}`)).toBe('');
    expect(keptParams('?date=2020-01')).toBe('');
  });
});

describe('embed options', () => {
  it('reads title, caption, minimal chrome and a fixed date', () => {
    expect(parseEmbedOptions('?embed=1&title=Wagner%20in%20Libya&caption=Since+2019&chrome=minimal&static=1')).toEqual({
      title: 'Wagner in Libya',
      caption: 'Since 2019',
      minimal: true,
      fixed: true,
      theme: 'light',
      transparent: false,
      amp: false,
      story: false,
    });
    expect(parseEmbedOptions('?embed=1&chrome=full&static=yes&theme=neon&bg=red')).toEqual({ title: '', caption: '', minimal: false, fixed: false, theme: 'light', transparent: false, amp: false, story: false });
  });
  it('normalizes editor-typed text to one plain, bounded line', () => {
    expect(normalizeText('  Russia\n\tin   Libya ', 100)).toBe('Russia in Libya');
    expect(normalizeText('abc\u202edef\u2066g\u0000h\u0007', 100)).toBe('abcdefgh');
    expect(normalizeText('\ud800lone', 100)).toBe('lone');
    // Not characters: XML forbids them, and the Image SVG, the PNG and the no-JavaScript picture would not open (issue 24).
    expect(normalizeText('Wagner\uffff in Libya\ufffe', 100)).toBe('Wagner in Libya');
    expect(normalizeText('😀 emoji', 100)).toBe('😀 emoji');
    expect(normalizeText(42, 100)).toBe('');
    expect(normalizeText('word '.repeat(50), 20)).toBe('word word word word…');
    expect([...normalizeText('x'.repeat(500), TITLE_MAX)]).toHaveLength(TITLE_MAX);
    expect([...parseEmbedOptions(`?caption=${'y'.repeat(700)}`).caption]).toHaveLength(CAPTION_MAX);
  });
  it('keeps markup as text: the value is the same characters, never parsed', () => {
    const title = '<img src=x onerror=alert(1)>"\'&';
    expect(parseEmbedOptions(`?title=${encodeURIComponent(title)}`).title).toBe(title);
  });
  it('reads layout=story, the graphic of a scrolling story, and nothing else as it', () => {
    expect(parseEmbedOptions('?embed=1&layout=story').story).toBe(true);
    for (const v of ['Story', 'stories', '1', '']) expect(parseEmbedOptions(`?embed=1&layout=${v}`).story, v).toBe(false);
    expect(optionParams({ ...parseEmbedOptions('?embed=1&layout=story&title=T') })).toEqual([['title', 'T'], ['layout', 'story']]);
    // Kept through every rewrite of the embed's URL, like the other options.
    expect(keptParams('?date=2019-04&layout=story&embed=1')).toBe('&layout=story');
  });
  it('writes only what differs from the defaults', () => {
    expect(optionParams({ title: ' A ', caption: '', minimal: false, fixed: true, theme: 'light', transparent: false, amp: false, story: false })).toEqual([['title', 'A'], ['static', '1']]);
  });
});

describe('the snippet', () => {
  const view = { t: monthIndex(2020, 6), place: 'jufra', layers: { control: true, presence: true, diplomacy: true }, lang: 'en' as const };
  it('carries the options in src, and a title escaped as an attribute', () => {
    const src = embedSrc(view, { title: 'Wagner & <co>', caption: '', minimal: true, fixed: false, theme: 'light', transparent: false, amp: false, story: false }, 'https://x.org/a/?embed=1&origin=https://y.org');
    expect(src).toBe('https://x.org/a/?date=2020-06&place=jufra&embed=1&title=Wagner+%26+%3Cco%3E&chrome=minimal');
    const s = embedSnippet(src, 'https://x.org/a/embed.js', 'Wagner & <co> "x"', 612.4);
    expect(s).toContain('title="Wagner &amp; &lt;co&gt; &quot;x&quot;"');
    expect(s).toContain('height="612"');
    expect(s).not.toMatch(/<co>/);
  });
  it('sandboxes the frame with exactly the tokens the README explains', () => {
    expect(SANDBOX.split(' ')).toEqual(['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-downloads']);
    expect(embedSnippet('https://x.org/a/', 'https://x.org/a/embed.js', 'A')).toContain(`sandbox="${SANDBOX}"`);
  });
});

describe('the picture for readers without JavaScript', () => {
  const src = 'https://x.org/a/?date=2020-06&place=jufra&embed=1';
  const fallback = {
    image: {
      src: 'data:image/webp;base64,AAAA',
      alt: 'Map of Libya in June 2020: "GNA" <west> & LNA',
      width: 720,
      height: 405,
      captioned: { alt: 'Map of Libya in June 2020, described in the words below', caption: '"GNA" <west> & LNA', lang: 'en', dir: 'ltr' as const },
    },
    href: 'https://x.org/a/?date=2020-06&place=jufra',
  };
  it('follows the frame, hides it only where scripts are off, and escapes the alt text and the caption', () => {
    const s = embedSnippet(src, 'https://x.org/a/embed.js', 'T', 700, '', fallback);
    const [frame, noscript, script] = s.split('\n');
    expect(frame).toMatch(/^<iframe data-atlas /);
    expect(script).toBe('<script src="https://x.org/a/embed.js" async></script>');
    expect(noscript).toBe(
      '<noscript><style>iframe[data-atlas][src="https://x.org/a/?date=2020-06&place=jufra&embed=1"]{display:none}</style>' +
        '<figure lang="en" dir="ltr" style="margin:0;max-width:720px"><a href="https://x.org/a/?date=2020-06&amp;place=jufra"><img src="data:image/webp;base64,AAAA" width="720" height="405" alt="Map of Libya in June 2020, described in the words below"' +
        ' style="display:block;width:100%;height:auto;border:0"></a><figcaption>&quot;GNA&quot; &lt;west&gt; &amp; LNA</figcaption></figure></noscript>',
    );
    expect(embedSnippet(src, 'https://x.org/a/embed.js', 'T', 700)).not.toContain('noscript');
  });
  it('nothing in src can close the style element or the selector', () => {
    const s = embedSnippet('https://x.org/a/?title=%22%5D%3C/style%3E"]</style><b>', 'https://x.org/a/embed.js', 'T', 700, '', fallback);
    const style = s.match(/<style>(.*?)<\/style>/)![1]!;
    expect(style).toBe('iframe[data-atlas][src="https://x.org/a/?title=%22%5D%3C/style%3E\\"]\\3c /style>\\3c b>"]{display:none}');
  });
});

describe('the AMP snippet', () => {
  it('is an amp-iframe at the measured height that may resize, with an overflow button and the picture as placeholder', () => {
    const s = ampSnippet('https://x.org/a/?date=2020-06&embed=1&host=amp', 'Wagner & co', 812.2, 'Show the whole map', {
      image: { src: 'data:image/webp;base64,AAAA', alt: 'Map "x"', width: 720, height: 405, captioned: { alt: 'Map', caption: 'x', lang: 'en', dir: 'ltr' } },
      href: 'https://x.org/a/?date=2020-06',
    });
    expect(s).toBe(
      [
        '<amp-iframe src="https://x.org/a/?date=2020-06&amp;embed=1&amp;host=amp" title="Wagner &amp; co" height="812" layout="fixed-height" resizable frameborder="0"',
        `  sandbox="${SANDBOX}">`,
        '  <div overflow tabindex="0" role="button" aria-label="Show the whole map">Show the whole map</div>',
        '  <amp-img placeholder layout="fill" object-fit="contain" src="data:image/webp;base64,AAAA" alt="Map &quot;x&quot;"></amp-img>',
        '</amp-iframe>',
      ].join('\n'),
    );
  });
  it('host=amp is an embed option kept through rewrites', () => {
    expect(parseEmbedOptions('?embed=1&host=amp').amp).toBe(true);
    expect(parseEmbedOptions('?embed=1&host=ampx').amp).toBe(false);
    expect(keptParams('?date=2011-08&host=amp')).toBe('&host=amp');
  });
});

describe('coalescing host requests', () => {
  /** A scheduler the test runs by hand: `tick()` is the next frame (or timer). */
  function manual() {
    let queued: (() => void) | null = null;
    let scheduled = 0;
    const schedule: Scheduler = (run) => {
      scheduled++;
      queued = run;
      return () => void (queued = null);
    };
    return { schedule, tick: () => queued?.(), count: () => scheduled };
  }
  it('applies one merged request per frame: the last value of each field wins', () => {
    const m = manual();
    const apply = vi.fn();
    const c = coalesce<{ t?: number; place?: string | null }>(apply, m.schedule);
    for (let i = 0; i < 1000; i++) c.push({ t: i });
    c.push({ place: 'tripoli' });
    c.push({ place: null });
    expect(apply).not.toHaveBeenCalled();
    expect(m.count()).toBe(1);
    m.tick();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenCalledWith({ t: 999, place: null });
    m.tick();
    expect(apply).toHaveBeenCalledTimes(1);
    c.push({ t: 5 });
    m.tick();
    expect(apply).toHaveBeenLastCalledWith({ t: 5 });
  });
  it('cancel drops what is pending; flush applies it now', () => {
    const m = manual();
    const apply = vi.fn();
    const c = coalesce<{ t?: number }>(apply, m.schedule);
    c.push({ t: 1 });
    c.cancel();
    m.tick();
    expect(apply).not.toHaveBeenCalled();
    c.push({ t: 2 });
    c.flush();
    expect(apply).toHaveBeenCalledWith({ t: 2 });
  });
});

describe('build-time pieces', () => {
  it('"data as of" is the newest source date, whatever its precision', () => {
    expect(newestSourceDate([{ date: '2024-12' }, { date: '2024-12-14' }, { date: '2019' }, { date: 'soon' }, {}])).toBe('2024-12-14');
  });
  it('index.html loses crossorigin; the preload helper keeps CORS for scripts only', () => {
    expect(stripCrossorigin('<script type="module" crossorigin src="./a.js"></script><link rel="stylesheet" crossorigin href="./a.css">')).toBe(
      '<script type="module" src="./a.js"></script><link rel="stylesheet" href="./a.css">',
    );
    const helper = 'Unable to preload CSS;if(t.rel=i?`stylesheet`:Ut,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href';
    expect(patchPreloadHelper(helper)).toContain('i||(t.as=`script`),i||(t.crossOrigin=``),t.href');
    // The minifier may write the other rel as a literal (seen after more chunks were split off).
    const literal = 'Unable to preload CSS;if(e.rel=c?`stylesheet`:`modulepreload`,c||(e.as=`script`),e.crossOrigin=``,e.href=s.href';
    expect(patchPreloadHelper(literal)).toContain('c||(e.as=`script`),c||(e.crossOrigin=``),e.href');
    expect(patchPreloadHelper('Unable to preload CSS; something else')).toBeNull();
    expect(patchPreloadHelper('plain chunk')).toBe('plain chunk');
  });
});

describe('themes', () => {
  it('reads theme=light|dark|auto and bg=transparent; anything else is light and opaque', () => {
    expect(parseTheme('?theme=dark')).toBe('dark');
    expect(parseTheme('?theme=auto')).toBe('auto');
    expect(parseTheme('?theme=DARK')).toBe('light');
    expect(parseTheme(`?theme=${'dark'.repeat(100)}`)).toBe('light');
    expect(parseEmbedOptions('?embed=1&theme=dark&bg=transparent')).toMatchObject({ theme: 'dark', transparent: true });
  });

  it('keeps the theme through every rewrite of the embed URL, and writes only what differs from light', () => {
    expect(keptParams('?date=2011-08&theme=auto&bg=transparent')).toBe('&theme=auto&bg=transparent');
    expect(keptParams('?date=2011-08&theme=light')).toBe('');
  });

  it('gives the iframe the colour scheme of the page inside it, so no backdrop is drawn behind it', () => {
    expect(frameColorScheme({ theme: 'light', transparent: false })).toBe('');
    expect(frameColorScheme({ theme: 'light', transparent: true })).toBe('light');
    expect(frameColorScheme({ theme: 'dark', transparent: false })).toBe('dark');
    expect(frameColorScheme({ theme: 'auto', transparent: true })).toBe('light dark');
    expect(embedSnippet('https://a.org/?embed=1&theme=dark', 'https://a.org/embed.js', 'T', 700, 'dark')).toContain('style="border:0;width:100%;max-width:1200px;color-scheme:dark"');
  });
});
