/** Summary statistics of a list of timings, and the machine's load with each figure. */
import { loadavg } from 'node:os';

export interface Stats {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}
export function stats(xs: number[]): Stats {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : ((s[s.length / 2 - 1] ?? NaN) + (s[s.length / 2] ?? NaN)) / 2;
  return { n: s.length, median: mid, p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/** The machine's load average (1, 5, 15 minutes): the cores are shared, so every figure carries it. */
export const load = (): [number, number, number] => loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number];
