/** 2. Scrub sweeps over the months, with the real data and each generated size; the real-data sweep is also the memory test. */
import { config } from '../lib/options.ts';
import { load, stats } from '../lib/stats.ts';
import { closePage, heap, monthsFor, openSubject, ORDER, type Run, type Subject } from '../lib/harness.ts';
import { expectedSvg, sweepSvg, sweepWebgl } from '../lib/in-page.ts';

export async function scrub({ ctx, subjects, log, loads }: Run): Promise<{ scrub: unknown; memory: unknown }> {
  const sizes: (number | 'real')[] = ['real', ...config.sizes];
  const scrub: Record<string, Partial<Record<Subject, { times: number[]; failures: number; steps: number }>>> = {};
  const memory: Partial<Record<Subject, { after: number[]; growth: number }[]>> = {};
  for (const size of sizes) {
    const months = monthsFor(ctx, config.stride(size));
    const [a, b] = config.memorySteps;
    const seq = size === 'real' && months.length < b ? Array.from({ length: b }, (_, i) => months[i % months.length]!) : months;
    const expected = config.modes.includes('svg') ? expectedSvg(ctx.site, size, seq) : new Map<number, string>();
    scrub[size] = {};
    for (let r = 0; r < config.scrubRuns; r++) {
      for (const subject of ORDER(r, subjects)) {
        const page = await openSubject(ctx, subject, size === 'real' ? undefined : size);
        const run = (ms: number[]) => (subject === 'svg' ? sweepSvg(page, ms, expected) : sweepWebgl(page, ms));
        const s = (scrub[size]![subject] ??= { times: [], failures: 0, steps: seq.length });
        if (size === 'real') {
          // Heap after GC after 10 and after 1,000 steps.
          const r1 = await run(seq.slice(0, a));
          const h1 = await heap(page);
          const r2 = await run(seq.slice(a, b));
          const h2 = await heap(page);
          const r3 = await run(seq.slice(b));
          (memory[subject] ??= []).push({ after: [h1, h2], growth: h2 - h1 });
          s.times.push(...r1.times, ...r2.times, ...r3.times);
          s.failures += r1.failures + r2.failures + r3.failures;
        } else {
          const res = await run(seq);
          s.times.push(...res.times);
          s.failures += res.failures;
        }
        await closePage(page);
        log(`scrub ${size} ${subject} run ${r + 1}: median ${stats(s.times).median.toFixed(1)} ms over ${s.times.length} steps, ${s.failures} failed`);
      }
    }
    loads[`scrub-${size}`] = load();
  }
  return {
    scrub: sizes.map((size) => ({
      size,
      stride: config.stride(size),
      monthsPerRun: scrub[size]!.baseline!.steps,
      load: loads[`scrub-${size}`],
      ...Object.fromEntries(subjects.map((k) => [k, { ...stats(scrub[size]![k]!.times), failures: scrub[size]![k]!.failures }])),
    })),
    memory: {
      steps: config.memorySteps,
      ...Object.fromEntries(subjects.map((k) => [k, { growth: stats(memory[k]!.map((m) => m.growth)), runs: memory[k] }])),
    },
  };
}
