/**
 * ATLAS_PUBLIC_URL (issue 24): the folder's public address, from which the build writes the og: and
 * oEmbed URLs. An address with a query or a fragment gave broken URLs (…/atlas/?v=1/previews/x.png):
 * it is refused with a build error that says why and what to write.
 */
import { describe, expect, it } from 'vitest';
import { publicBase } from '../../scripts/lib/vite-previews.ts';

describe('ATLAS_PUBLIC_URL', () => {
  it('is an http(s) folder address; a missing trailing slash is added', () => {
    expect(publicBase('https://news.example.org/atlas/')).toBe('https://news.example.org/atlas/');
    expect(publicBase('https://news.example.org/atlas')).toBe('https://news.example.org/atlas/');
    expect(publicBase('')).toBe('');
  });

  it('with a query or a fragment, is refused with a clear build error', () => {
    const fix = 'write the address of the folder the atlas is served from, with nothing after its path, e.g. https://example.org/atlas/';
    expect(() => publicBase('https://news.example.org/atlas/?v=2')).toThrow(`ATLAS_PUBLIC_URL "https://news.example.org/atlas/?v=2" has a query ("?v=2"): the link previews and oEmbed addresses are made by adding to it — ${fix}`);
    expect(() => publicBase('https://news.example.org/atlas/#top')).toThrow(`ATLAS_PUBLIC_URL "https://news.example.org/atlas/#top" has a fragment ("#top"): the link previews and oEmbed addresses are made by adding to it — ${fix}`);
    expect(() => publicBase('https://news.example.org/atlas/?')).toThrow(/has a query/);
    expect(() => publicBase('news.example.org/atlas')).toThrow(`ATLAS_PUBLIC_URL "news.example.org/atlas" is not a web address — ${fix}`);
    expect(() => publicBase('ftp://news.example.org/atlas/')).toThrow(/must be an http\(s\) address/);
    expect(() => publicBase('https://user:secret@news.example.org/atlas/')).toThrow(/has a user name or password/);
  });
});
