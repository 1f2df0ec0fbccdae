/**
 * The images' layout (src/lib/map/image.ts): the print map is drawn at a size where the map's names
 * take their full sizes and scaled so its smallest type is 7 pt at 300 dpi; the social card's place
 * names are 14 px; text is wrapped by width and right-to-left isolates survive a line break.
 * (tests/e2e/print-pages.e2e.ts measures the type as Chromium lays out the exported SVG.)
 */
import { describe, expect, it } from 'vitest';
import { balanceIsolates, IMAGE_LAYOUT, imageMapBox, wrapWidth } from '../../src/lib/map/image.ts';
import { labelFont } from '../../src/lib/map/encoding.ts';

const KINDS = ['place', 'region', 'country', 'sea', 'city', 'edge', 'force'] as const;
/** The smallest type the map draws besides its names: the number on several forces at one place (symbols.ts). */
const GROUP_NUMBER = 10;

describe('image layout', () => {
  it('print: the map is drawn at least 480 px a side, and its smallest type is at least 7 pt at 300 dpi', () => {
    const box = imageMapBox('print');
    const frame = { width: box.width / box.scale, height: box.height / box.scale };
    expect(Math.min(frame.width, frame.height)).toBeGreaterThanOrEqual(480);
    const smallest = Math.min(GROUP_NUMBER, ...KINDS.flatMap((k) => ['en', 'ar', 'ru'].map((lang) => labelFont(k, lang, frame).size)));
    expect(smallest * box.scale).toBeGreaterThanOrEqual((7 / 72) * 300);
    for (const [name, px] of Object.entries(IMAGE_LAYOUT.print.type)) expect(px, name).toBeGreaterThanOrEqual((7 / 72) * 300);
  });

  it('social: place names at least 14 px; the map on the left, or on the right in right-to-left languages', () => {
    const box = imageMapBox('social');
    expect(labelFont('place', 'en', box).size * box.scale).toBeGreaterThanOrEqual(14);
    expect(box.x).toBe(IMAGE_LAYOUT.social.pad);
    expect(imageMapBox('social', true).x + box.width).toBe(1200 - IMAGE_LAYOUT.social.pad);
  });

  it('wraps by width', () => {
    const lines = wrapWidth('Several forces at one place (their number)', 200, 15);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Several forces at one place (their number)');
    expect(wrapWidth('short', 200, 15)).toEqual(['short']);
  });

  it('closes an isolate at a line break and reopens it on the next line', () => {
    expect(balanceIsolates(['\u2068Reuters (via', 'Thomson)\u2069؛ \u2068AFP\u2069'])).toEqual(['\u2068Reuters (via\u2069', '\u2068Thomson)\u2069؛ \u2068AFP\u2069']);
    expect(balanceIsolates(['plain', 'text'])).toEqual(['plain', 'text']);
  });
});
