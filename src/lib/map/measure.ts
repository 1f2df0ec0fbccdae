/** Text widths measured in the browser, with the fonts the overlay draws in (a canvas, no layout). */
import { cssFont, estimateWidth, type LabelFont } from './encoding.ts';
import type { Measure } from './overlay.ts';

/** A measure that remembers what it measured; falls back to the estimate without a 2D canvas. */
export function canvasMeasure(): Measure {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  let current = '';
  return (text: string, font: LabelFont) => {
    const css = cssFont(font);
    const key = `${css}|${font.letterSpacing}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        // Setting a font parses it: only when it changes.
        if (css !== current) ctx.font = current = css;
        // CSS letter-spacing adds its space after every character, the last included.
        w = ctx.measureText(text).width + font.letterSpacing * font.size * [...text].length;
      } else w = estimateWidth(text, font);
      cache.set(key, w);
    }
    return w;
  };
}
