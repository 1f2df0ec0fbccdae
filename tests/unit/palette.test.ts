/** The map's authorities stay distinguishable under the common colour-vision deficiencies (scripts/check-palette.ts prints the figures). */
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { MIN_DELTA_E, checkPalette, deltaE2000, hexToRgb, simulate } from '../../scripts/lib/palette.ts';
import { loadData } from '../../scripts/lib/load-data.ts';

const atlasData = loadData().data;

describe('colour science (culori)', () => {
  it('CIEDE2000 of a known pair (Sharma, Wu & Dalal 2005, pair 1 is in Lab; here a wide sRGB pair)', () => {
    expect(deltaE2000([255, 0, 0], [0, 0, 255])).toBeGreaterThan(50);
  });
  it('CIEDE2000 is 0 for equal colours and symmetric', () => {
    expect(deltaE2000([10, 120, 200], [10, 120, 200])).toBe(0);
    expect(deltaE2000([200, 30, 40], [40, 160, 60])).toBeCloseTo(deltaE2000([40, 160, 60], [200, 30, 40]), 6);
  });
  it('simulated protanopia and deuteranopia bring red and green together; tritanopia keeps them apart', () => {
    const red = hexToRgb('#d62728');
    const green = hexToRgb('#2ca02c');
    const normal = deltaE2000(red, green);
    expect(deltaE2000(simulate(red, 'protanopia'), simulate(green, 'protanopia'))).toBeLessThan(normal / 2);
    expect(deltaE2000(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'))).toBeLessThan(normal / 2);
    expect(deltaE2000(simulate(red, 'tritanopia'), simulate(green, 'tritanopia'))).toBeGreaterThan(normal / 2);
  });
});

describe('the palette', () => {
  it(`authorities holding territory in the same month are ≥ ΔE00 ${MIN_DELTA_E} apart for normal, protan, deutan and tritan vision`, () => {
    const checks = checkPalette(indexData(atlasData));
    expect(checks.length).toBeGreaterThan(10);
    const tooClose = checks.filter((c) => c.worst < MIN_DELTA_E).map((c) => `${c.a} / ${c.b} (${c.first}): ${c.worst.toFixed(1)}`);
    expect(tooClose).toEqual([]);
  });
});
