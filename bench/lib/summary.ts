/** The results as the Markdown table printed at the end and copied into bench/README.md. */
import type { Stats } from './stats.ts';
import type { Bytes, Subject } from './harness.ts';
import type { LighthouseRun } from './lighthouse.ts';

type S = Stats;
type Times = { fcp: S; firstMapPaint: S; usable: S; panel: S; lcp: S; lcpElement: string[]; cls: S; quiet: S; blockingMs: S; bytes: Bytes };
export interface Report {
  date: string;
  quick: boolean;
  durationS: number;
  load: Record<string, [number, number, number]>;
  machine: { nproc: number; cpu: string; memoryGB: number; node: string; chromium: string };
  firstView?: { atlas: Times & { takeover: { loadMs: S; bytes: Bytes } }; embed: Times & { query: string }; baseline: Times & { load: S; idle: S } };
  scrub?: ({ size: number | 'real'; stride: number; monthsPerRun: number; load: [number, number, number] } & Partial<Record<Subject, S & { failures: number }>>)[];
  memory?: { steps: [number, number] } & Partial<Record<Subject, { growth: S }>>;
  longTasks?: { seconds: number } & Partial<Record<Subject, Record<string, S>>>;
  lighthouse?: Record<string, { score?: S; audits?: Record<string, number>; runs?: LighthouseRun[]; error?: string }>;
  placement?: Record<string, S & { layouts: number; wall: S }>;
}

export function summary(r: Report): string {
  const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
  const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  const kb = (x: number) => (x / 1024).toFixed(1);
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
  const mb = (x: number) => (x / 2 ** 20).toFixed(2);
  const la = (l?: [number, number, number]) => (l ? l.map((x) => x.toFixed(1)).join(' / ') : '?');
  const mp = (s: S) => `${f0(s.median)} / ${f0(s.p95)}`;
  const lines: string[] = [];
  lines.push(
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (QUICK smoke run: tiny sizes, not figures)' : ''} in ${Math.round(r.durationS / 60)} min on ${r.machine.nproc} shared cores (${r.machine.cpu}), ${r.machine.memoryGB} GB, Chromium ${r.machine.chromium} headless (WebGL on SwiftShader, CPU), Node ${r.machine.node}; local server with gzip, no network throttling. Load average (1 / 5 / 15 min) at the start ${la(r.load['start'])}, at the end ${la(r.load['end'])}.`,
  );
  lines.push('');
  if (r.placement) {
    const p = r.placement;
    lines.push(
      `**Placement** (one layout of the map's names and symbols, fresh, in Node, CPU time; every month, English, Arabic and Russian; target ≤ 8 ms for a 390 px phone's map): ` +
        Object.entries(p).map(([name, s]) => `${name} median **${s.median.toFixed(2)} ms**, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(1)} ms (wall clock: median ${s.wall.median.toFixed(2)}, p95 ${s.wall.p95.toFixed(2)}; ${s.layouts} layouts)`).join('; ') + '.',
      '',
    );
  }
  const fv = r.firstView;
  if (fv) {
    lines.push(`**First view** (normal build; gzip KB until the page is usable and its main thread quiet for 1 s; times in ms from navigation start, median / p95; load average ${la(r.load['firstView'])})`, '');
    lines.push('| page | MapLibre | own JS | CSS | data | total | FCP | first map paint | usable | LCP | main thread quiet | blocking (> 50 ms) | CLS |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const row = (name: string, v: Times) =>
      `| ${name} | ${kb(v.bytes.maplibre)} | ${kb(v.bytes.own)} | ${kb(v.bytes.css)} | ${kb(v.bytes.data)} | ${kb(v.bytes.total)} | ${mp(v.fcp)} | ${mp(v.firstMapPaint)} | ${mp(v.usable)} | ${mp(v.lcp)} | ${mp(v.quiet)} | ${mp(v.blockingMs)} | ${v.cls.max.toFixed(3)} |`;
    lines.push(row('atlas', fv.atlas));
    lines.push(row(`atlas embed \`${fv.embed.query}\``, fv.embed));
    lines.push(row('baseline (bare MapLibre)', fv.baseline));
    lines.push('');
    lines.push(
      `"Usable": the frame after the time control and the SVG map's regions are in the page; for the baseline, "first map paint" is MapLibre's first draw call and it is usable at MapLibre's first \`idle\`: **${mp(fv.baseline.idle)}** (\`load\` ${mp(fv.baseline.load)}). ` +
        `Atlas / baseline: first map paint / baseline \`load\` **${ratio(fv.atlas.firstMapPaint.median, fv.baseline.load.median)}**, usable / baseline \`idle\` **${ratio(fv.atlas.usable.median, fv.baseline.idle.median)}**; embed: usable / baseline \`idle\` **${ratio(fv.embed.usable.median, fv.baseline.idle.median)}**, its place panel at ${mp(fv.embed.panel)}. ` +
        `First view's own JS: **${kb(fv.atlas.bytes.own)} KB** gzip (target ≤ 120), MapLibre **${kb(fv.atlas.bytes.maplibre)} KB** (target 0). ` +
        `The reader's first zoom then brings in MapLibre: ${kb(fv.atlas.takeover.bytes.total)} KB gzip (MapLibre ${kb(fv.atlas.takeover.bytes.maplibre)}), drawn ${mp(fv.atlas.takeover.loadMs)} ms after the click.`,
    );
    lines.push('');
  }
  if (r.scrub) {
    lines.push('**Scrub**: slider `input` event → the map shows the new month (ms, median / p95). SVG (the atlas\'s default): the frame after the one in which the SVG shows the month (checked against the view); WebGL (after a zoom) and baseline: MapLibre\'s `idle`. Target: atlas / baseline ≤ 1.0.', '');
    lines.push('| records | months swept | SVG | WebGL | baseline | SVG / baseline (median, p95) | WebGL / baseline (median, p95) | failed steps (SVG / WebGL / baseline) | load average |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of r.scrub) {
      const b = s.baseline!;
      const cell = (x?: S) => (x ? `${f1(x.median)} / ${f1(x.p95)}` : '–');
      const rat = (x?: S) => (x ? `**${ratio(x.median, b.median)}**, ${ratio(x.p95, b.p95)}` : '–');
      lines.push(
        `| ${s.size === 'real' ? 'real data' : `real + ${Number(s.size).toLocaleString('en')}`} | ${s.monthsPerRun}${s.stride > 1 ? ` (1 month in ${s.stride})` : ''} | ${cell(s.svg)} | ${cell(s.webgl)} | ${cell(b)} | ${rat(s.svg)} | ${rat(s.webgl)} | ${s.svg?.failures ?? '–'} / ${s.webgl?.failures ?? '–'} / ${b.failures} | ${la(s.load)} |`,
      );
    }
    lines.push('');
  }
  const lt = r.longTasks;
  if (lt) {
    lines.push(`**Main thread** during a scripted ${lt.seconds}-second drag (one input event per animation frame, real data; median of runs; load average ${la(r.load['longTasks'])})`, '');
    lines.push('| | input events | map updates | long tasks | long-task ms | blocking ms (over 50 ms) |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const k of ['svg', 'webgl', 'baseline'] as const) {
      const x = lt[k];
      if (!x) continue;
      lines.push(`| ${k === 'svg' ? 'atlas, SVG map (default)' : k === 'webgl' ? 'atlas, WebGL' : 'baseline'} | ${f0(x['steps']!.median)} | ${f0(x['frames']!.median)} | ${f0(x['count']!.median)} | ${f0(x['totalMs']!.median)} | ${f0(x['blockingMs']!.median)} |`);
    }
    lines.push('', 'Map updates: SVG DOM updates, or MapLibre `render` events.', '');
  }
  const m = r.memory;
  if (m) {
    const g = (k: Subject) => (m[k] ? `${mb(m[k]!.growth.median)} MB (max ${mb(m[k]!.growth.max)})` : '–');
    lines.push(`**Memory**: JS heap growth after GC between ${m.steps[0]} and ${m.steps[1]} scrub steps (real data): atlas, SVG map **${g('svg')}**; atlas, WebGL ${g('webgl')}; baseline ${g('baseline')} (target: the atlas's default < 2 MB).`, '');
  }
  if (r.lighthouse) {
    lines.push(`**Lighthouse** 13.5 performance (median score of runs, range; metrics are medians, ms; load average at the end ${la(r.load['lighthouse'])}). Targets: ≥ 0.90 mobile, ≥ 0.98 desktop.`, '');
    lines.push('| page | preset | score | FCP | LCP | TBT | Speed Index | CLS | LCP element | load average per run |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    for (const [key, v] of Object.entries(r.lighthouse)) {
      const [page, preset] = key.split('-');
      const name = page === 'embed' ? `atlas embed` : page;
      if (v.error || !v.score || !v.audits) {
        lines.push(`| ${name} | ${preset} | not run: ${v.error ?? '?'} | | | | | | | |`);
        continue;
      }
      const a = v.audits;
      const lcpEl = [...new Set((v.runs ?? []).map((x) => x.lcpElement).filter(Boolean))].map((x) => `\`${x.replace(/\|/g, '\\|')}\``).join(', ');
      lines.push(
        `| ${name} | ${preset} | ${v.score.median.toFixed(2)} (${v.score.min.toFixed(2)}–${v.score.max.toFixed(2)}) | ${f0(a['first-contentful-paint']!)} | ${f0(a['largest-contentful-paint']!)} | ${f0(a['total-blocking-time']!)} | ${f0(a['speed-index']!)} | ${(a['cumulative-layout-shift'] ?? NaN).toFixed(3)} | ${lcpEl} | ${(v.runs ?? []).map((x) => x.load[0].toFixed(1)).join(', ')} |`,
      );
    }
  }
  return lines.join('\n');
}
