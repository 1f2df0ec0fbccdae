/** 3. Long tasks during a scripted drag of the slider. */
import { config } from '../lib/options.ts';
import { load, stats } from '../lib/stats.ts';
import { closePage, openSubject, ORDER, type Run, type Subject } from '../lib/harness.ts';
import { scrubFor, type LongTaskResult } from '../lib/in-page.ts';

export async function longTasks({ ctx, subjects, log, loads }: Run): Promise<Record<string, unknown>> {
  const lt: Partial<Record<Subject, LongTaskResult[]>> = {};
  for (let r = 0; r < config.runs; r++) {
    for (const subject of ORDER(r, subjects)) {
      const page = await openSubject(ctx, subject);
      (lt[subject] ??= []).push(await scrubFor(page, config.longTaskSeconds, ctx.first, ctx.last, subject === 'svg' ? 'svg' : 'map'));
      await closePage(page);
    }
  }
  loads['longTasks'] = load();
  log(`long tasks: ${config.runs} runs of ${config.longTaskSeconds} s each`);
  const ltStats = (k: Subject) => ({
    count: stats(lt[k]!.map((x) => x.count)),
    totalMs: stats(lt[k]!.map((x) => x.totalMs)),
    blockingMs: stats(lt[k]!.map((x) => x.blockingMs)),
    steps: stats(lt[k]!.map((x) => x.steps)),
    frames: stats(lt[k]!.map((x) => x.frames)),
  });
  return { seconds: config.longTaskSeconds, ...Object.fromEntries(subjects.map((k) => [k, ltStats(k)])) };
}
