/** The map's authorities and foreign forces stay distinguishable under the common colour-vision deficiencies (scripts/check-palette.ts prints the figures). */
import { describe, expect, it } from 'vitest';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { MIN_DELTA_E, checkForcePalette, checkForcesOnFills, checkPalette, checkUncertain, deltaE2000, forceShapesDiffer, hexToRgb, simulate, VISIONS } from '../../scripts/lib/palette.ts';
import { loadData } from '../../scripts/lib/load-data.ts';
import { FORCE_SHAPE, actorColor, blend, forceFamily, regionFill } from '../../src/lib/map/encoding.ts';
import { MAP } from '../../src/lib/tokens/tokens.ts';
import { wcagContrast } from 'culori';

const atlasData = loadData().data;
const index = indexData(atlasData);

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
  it('asks for clearly different colours: ΔE00 ≥ 10', () => {
    expect(MIN_DELTA_E).toBeGreaterThanOrEqual(10);
  });

  it(`authorities holding territory in the same month are ≥ ΔE00 ${MIN_DELTA_E} apart for normal, protan, deutan and tritan vision`, () => {
    const checks = checkPalette(index);
    expect(checks.length).toBeGreaterThan(10);
    const tooClose = checks.filter((c) => c.worst < MIN_DELTA_E).map((c) => `${c.a} / ${c.b} (${c.first}): ${c.worst.toFixed(1)}`);
    expect(tooClose).toEqual([]);
  });

  it('the LNA and the House of Representatives, side by side in the east since 2014, are clearly different (ΔE00 ≥ 20 for normal vision)', () => {
    const pair = checkPalette(index).find((c) => [c.a, c.b].sort().join() === 'hor,lna')!;
    expect(pair).toBeDefined();
    expect(pair.delta.normal).toBeGreaterThanOrEqual(20);
    expect(pair.worst).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it(`foreign forces shown in the same month are ≥ ΔE00 ${MIN_DELTA_E} apart under every simulation`, () => {
    const checks = checkForcePalette(index);
    expect(checks.length).toBeGreaterThan(5);
    const tooClose = checks.filter((c) => c.worst < MIN_DELTA_E).map((c) => `${c.a} / ${c.b} (${c.first}): ${c.worst.toFixed(1)}`);
    expect(tooClose).toEqual([]);
  });

  it(`each foreign force's symbol stands ≥ ΔE00 ${MIN_DELTA_E} from every fill it can stand on that month, under every simulation`, () => {
    const checks = checkForcesOnFills(index);
    expect(checks.length).toBeGreaterThan(20);
    const tooClose = checks.filter((c) => c.worst < MIN_DELTA_E).map((c) => `${c.a} on ${c.b} (${c.first}): ${c.worst.toFixed(1)}`);
    expect(tooClose).toEqual([]);
  });

  it('in the dark theme, every authority’s fill stands at least 3:1 from the dark land around Libya (the fills keep their checked tints)', () => {
    const holders = [...new Set(checkPalette(index).flatMap((c) => [c.a, c.b]))];
    const low = holders
      .map((id) => ({ id, c: wcagContrast(regionFill(actorColor(index.actors.get(id))), MAP.dark.land) }))
      .filter((x) => x.c < 3)
      .map((x) => `${x.id}: ${x.c.toFixed(2)}`);
    expect(holders.length).toBeGreaterThan(10);
    expect(low).toEqual([]);
    // The fills are the light theme's: nothing to re-check between them.
    expect(MAP.dark.libyaLand).toBe(MAP.light.libyaLand);
  });

  it('Soviet forces, Wagner, the Russian state (defence ministry, Africa Corps) and other forces differ by shape as well as colour', () => {
    expect(new Set(Object.values(FORCE_SHAPE)).size).toBe(4);
    expect(forceFamily('soviet-advisers')).toBe('soviet');
    expect(forceFamily('wagner')).toBe('wagner');
    expect(forceFamily('africa-corps')).toBe('russian-state');
    expect(forceFamily('russian-armed-forces')).toBe('russian-state');
    expect(forceFamily('turkish-forces')).toBe('other');
    expect(forceShapesDiffer(['soviet-advisers', 'wagner', 'africa-corps', 'us-forces'])).toBe(true);
    // The families' colours differ too, under every vision.
    const colour = (id: string) => hexToRgb(actorColor(index.actors.get(id)));
    const families = ['soviet-advisers', 'wagner', 'russian-armed-forces', 'africa-corps'];
    for (let i = 0; i < families.length; i++) {
      for (let j = i + 1; j < families.length; j++) {
        const worst = Math.min(...VISIONS.map((v) => deltaE2000(simulate(colour(families[i]!), v), simulate(colour(families[j]!), v))));
        expect(worst, `${families[i]} / ${families[j]}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
      }
    }
  });

  it('an area drawn as uncertain keeps its holder’s colour: closer to it than to any other authority, under every vision', () => {
    const checks = checkUncertain(index);
    expect(checks.length).toBeGreaterThan(10);
    const wrong = checks.filter((c) => c.toSelf >= c.toOther).map((c) => `${c.actor} reads as ${c.nearest}`);
    expect(wrong).toEqual([]);
  });

  it('the rule has teeth: the old fading (0.35 over white) made some uncertain fills read as another holder or as bare land', () => {
    const colours = [...new Set(checkPalette(index).flatMap((c) => [c.a, c.b]))].map((id) => ({ id, c: actorColor(index.actors.get(id)) }));
    const faded = (hex: string) => blend(hex, 0.35);
    const certain = (hex: string) => blend(hex, 0.72);
    const readsWrong = colours.filter(({ id, c }) => {
      const self = Math.max(...VISIONS.map((v) => deltaE2000(simulate(faded(c), v), simulate(certain(c), v))));
      return colours.some((o) => o.id !== id && Math.min(...VISIONS.map((v) => deltaE2000(simulate(faded(c), v), simulate(certain(o.c), v)))) < self);
    });
    expect(readsWrong.length).toBeGreaterThan(0);
  });
});
