/**
 * Smoke run of the benchmark (`npm run bench -- --quick`: 12 months, 1,000 generated records, one
 * run, no Lighthouse): the builds, the baseline page, the generated data and every measurement
 * still work, for the atlas's SVG map (its default), its WebGL mode and the baseline. It checks
 * that figures exist, not what they are: timings are the benchmark's job. Runs the bench in its
 * own process with its own builds (bench/results/quick/), not the tests' dist/.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

it('runs the benchmark on tiny sizes and reports every figure', { timeout: 300_000 }, async () => {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'], { cwd: root, timeout: 290_000, maxBuffer: 32 << 20 });
  const r = JSON.parse(readFileSync(resolve(root, 'bench/results/quick/quick.json'), 'utf8'));
  const finite = (x: unknown) => expect(Number.isFinite(x), String(x)).toBe(true);
  for (const l of r.load.start) finite(l);

  const fv = r.firstView;
  for (const page of [fv.atlas, fv.embed]) {
    for (const k of ['maplibre', 'own', 'css', 'data', 'total']) finite(page.bytes[k]);
    // The first view is the SVG map: MapLibre loads only when the reader zooms or pans.
    expect(page.bytes.maplibre).toBe(0);
    expect(page.bytes.own).toBeGreaterThan(10_000);
    for (const k of ['fcp', 'firstMapPaint', 'usable', 'quiet', 'blockingMs', 'cls']) finite(page[k].median);
  }
  finite(fv.embed.panel.median);
  // The first zoom brings MapLibre in.
  expect(fv.atlas.takeover.bytes.maplibre).toBeGreaterThan(100_000);
  finite(fv.atlas.takeover.loadMs.median);
  for (const k of ['firstMapPaint', 'load', 'idle']) finite(fv.baseline[k].median);

  expect(r.scrub.map((s: { size: unknown }) => s.size)).toEqual(['real', 1000]);
  for (const s of r.scrub) {
    for (const page of [s.svg, s.webgl, s.baseline]) {
      expect(page.n).toBeGreaterThan(5);
      finite(page.median);
      finite(page.p95);
      expect(page.failures).toBe(0);
    }
  }
  for (const k of ['svg', 'webgl', 'baseline']) {
    finite(r.longTasks[k].count.median);
    expect(r.longTasks[k].steps.median).toBeGreaterThan(0);
    finite(r.memory[k].growth.median);
  }
});
