/**
 * The SVG map as a pure function in Node (the images of a later step use it the same way): the
 * regions' fills and hatches for a month, zones when a region is divided, arcs, escaped names, no
 * inline styles, and Libya inside the frame.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { renderSvgMap } from '../../src/lib/map/svgMap.ts';
import { frameProjection, LIBYA_BOUNDS } from '../../src/lib/map/frame.ts';
import { actorColor, blend, FILL_OPACITY, hatchImageId, rgbToHex } from '../../src/lib/map/encoding.ts';
import { translator } from '../../src/lib/i18n/i18n.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import { ALL_LAYERS } from '../../src/lib/state/layers.ts';
import { loadData, REPO_ROOT } from '../../scripts/lib/load-data.ts';
import { svgPaths } from '../../scripts/lib/svg-paths.ts';
import { Resvg } from '@resvg/resvg-js';

const index = indexData(loadData().data);
const paths = svgPaths(REPO_ROOT);
const labels = JSON.parse(readFileSync(resolve(REPO_ROOT, 'geo/labels.geojson'), 'utf8')) as FeatureCollection;
const render = (year: number, month: number, extra: Partial<Parameters<typeof renderSvgMap>[0]> = {}) =>
  renderSvgMap({ index, view: viewAt(index, monthIndex(year, month)), paths, labels, width: 800, height: 600, tr: translator('en'), layers: ALL_LAYERS, ...extra });
const attr = (svg: string, selector: RegExp) => selector.exec(svg)?.[1];

describe('renderSvgMap', () => {
  it('fills each region with its holder in June 1960 (the Kingdom), blended over white land as on the map', () => {
    const svg = render(1960, 6);
    const kingdom = actorColor(index.actors.get('kingdom-of-libya'));
    for (const region of ['tripolitania', 'cyrenaica', 'fezzan']) {
      const tag = new RegExp(`<path d="[^"]+" data-area="${region}" data-actor="([^"]+)" fill="([^"]+)"`).exec(svg);
      expect(tag, region).not.toBeNull();
      expect(tag![1]).toBe('kingdom-of-libya');
      expect(tag![2]).toBe(rgbToHex(blend(kingdom, FILL_OPACITY.certain)));
    }
  });

  it('stripes a contested region with the other party\'s colour (Tripolitania, June 2019)', () => {
    const svg = render(2019, 6);
    expect(svg).toMatch(/data-contested="tripolitania" fill="url\(#atlas-hatch-lna\)"/);
    expect(svg).toContain('<pattern id="atlas-hatch-lna"');
    expect(hatchImageId(['lna'])).toBe('atlas-hatch-lna');
  });

  it('draws a divided region zone by zone (Tripolitania, June 2022)', () => {
    const svg = render(2022, 6);
    expect(svg).toMatch(/data-area="tripolitania-west" data-actor="gnu"/);
    expect(svg).toMatch(/data-area="tripolitania-sirte" data-actor="lna"/);
    expect(svg).not.toMatch(/data-area="tripolitania"/);
  });

  it('draws the diplomatic arcs of the month and, in an image, names the counterpart city', () => {
    const svg = render(2008, 4, { markers: true });
    expect(svg).toMatch(/data-arc="putin-visit-2008-04"/);
    expect(svg).toContain('>↗ Moscow, 3,200 km</text>');
  });

  it('leaves out hidden layers', () => {
    const svg = render(2019, 6, { layers: { control: false, presence: true, diplomacy: false } });
    expect(svg).not.toMatch(/data-area=/);
    expect(svg).not.toMatch(/data-arc=/);
  });

  it('escapes names and uses no style attributes (it is inserted under a strict CSP)', () => {
    const tr = { ...translator('en'), name: () => '<script>alert(1)</script>"&' };
    const svg = render(2019, 6, { tr, markers: true, title: 'A <b>title</b>' });
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('an actor id with markup (a tampered snapshot) stays inside its attributes and its url(#…) reference (issue 24)', () => {
    const bad = 'lna"/><script>alert(1)</script><g a="';
    const data = structuredClone(loadData().data);
    const rename = (v: string) => (v === 'lna' ? bad : v);
    for (const a of data.actors) a.id = rename(a.id);
    for (const r of data.control) {
      r.actor = rename(r.actor);
      if (r.contestedBy) r.contestedBy = r.contestedBy.map(rename);
    }
    const tampered = indexData(data);
    const svg = renderSvgMap({ index: tampered, view: viewAt(tampered, monthIndex(2019, 6)), paths, labels, width: 800, height: 600, tr: translator('en'), layers: ALL_LAYERS, markers: true });
    expect(svg).not.toMatch(/<script/);
    // The hatch still finds its pattern: the reference and the id are the same safe text.
    const ref = /data-contested="tripolitania" fill="url\(#([^)"]+)\)"/.exec(svg)?.[1];
    expect(ref).toMatch(/^atlas-hatch-[a-z0-9_-]+$/);
    expect(svg).toContain(`<pattern id="${ref}"`);
    // resvg (which draws the build's images) reads it as well-formed SVG.
    expect(() => new Resvg(svg)).not.toThrow();
  });

  it('leaves U+FFFE, U+FFFF and control characters out of the image, which stays well-formed XML (issue 24)', () => {
    const tr = { ...translator('en'), name: () => 'Tripoli\uffff\ufffe\u0001' };
    const svg = render(2019, 6, { tr, markers: true, title: 'A title\uffff' });
    expect(svg).not.toMatch(/[\ufffe\uffff\u0001]/);
    expect(() => new Resvg(svg)).not.toThrow();
  });

  it('draws places and forces into the image when asked', () => {
    const svg = render(2019, 6, { markers: true });
    expect(svg).toContain('>Tripoli</text>');
    expect(svg.match(/<path transform="translate/g)?.length).toBeGreaterThan(0);
  });
});

describe('the frame', () => {
  for (const [w, h] of [[320, 480], [390, 300], [1440, 900], [800, 600]] as const) {
    it(`puts all of Libya inside a ${w} × ${h} map`, () => {
      const p = frameProjection(w, h);
      const [[west, south], [east, north]] = LIBYA_BOUNDS;
      for (const corner of [[west, south], [east, north], [west, north], [east, south]] as [number, number][]) {
        const [x, y] = p(corner)!;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(w);
        expect(y).toBeLessThanOrEqual(h);
      }
    });
  }
});
