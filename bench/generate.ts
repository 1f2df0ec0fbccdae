/**
 * Deterministic generated records for the benchmark: control periods, foreign presence and events
 * over the real places, actors and counterpart cities, 1943 to 2026, in the real files' shapes.
 * Loaded only by bench builds (bench/bench-data.ts); never by the atlas itself.
 *
 *   npx tsx bench/generate.ts 10000 [out.json]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import actors from '../data/actors.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '..');
const readGeo = (name: string) =>
  JSON.parse(readFileSync(resolve(root, 'geo', name), 'utf8')) as { features: { properties: { id: string } }[] };

/** mulberry32: a small seeded PRNG, so every machine generates the same records. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 1943 * 12;
const LAST = 2026 * 12 + 10;
const monthText = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export interface Generated {
  control: object[];
  presence: object[];
  events: object[];
}

/** Cites a real seed source so the records look like real ones to every selector. */
const CITE = [{ source: 'loc-libya-study-1969-coup', passage: 'generated record for the benchmark', paraphrase: true }];

export async function generate(n: number, seed = 1943): Promise<Generated> {
  const r = rng(seed + n);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const regions = (readGeo('regions.geojson')).features.map((f) => f.properties.id);
  const places = (readGeo('places.geojson')).features.map((f) => f.properties.id);
  const counterparts = (readGeo('counterparts.geojson')).features.map((f) => f.properties.id);
  const actorIds = (actors as { id: string }[]).map((a) => a.id);
  const where = [...regions, ...places];
  const span = (maxLen: number) => {
    const s = FIRST + Math.floor(r() * (LAST - FIRST));
    const e = Math.min(LAST + 1, s + 1 + Math.floor(r() * maxLen));
    return { start: monthText(s), end: e > LAST ? null : monthText(e) };
  };
  // The real data's mix, roughly: 40 % control periods, 20 % presence, 40 % events.
  const nControl = Math.round(n * 0.4);
  const nPresence = Math.round(n * 0.2);
  const nEvents = n - nControl - nPresence;
  const control = Array.from({ length: nControl }, (_, i) => ({
    id: `gen-control-${i}`,
    place: pick(where),
    actor: pick(actorIds),
    ...span(120),
    ...(r() < 0.1 ? { contested: true } : {}),
    ...(r() < 0.1 ? { circa: true } : {}),
    sources: CITE,
  }));
  const presence = Array.from({ length: nPresence }, (_, i) => ({
    id: `gen-presence-${i}`,
    actor: pick(actorIds),
    place: pick(where),
    status: pick(['confirmed', 'reported', 'alleged', 'denied'] as const),
    ...span(60),
    sources: CITE,
  }));
  const events = Array.from({ length: nEvents }, (_, i) => {
    const m = FIRST + Math.floor(r() * (LAST - FIRST + 1));
    const counterpart = r() < 0.5 ? pick(counterparts) : undefined;
    return {
      id: `gen-event-${i}`,
      date: r() < 0.5 ? monthText(m) : `${monthText(m)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      places: [pick(where)],
      category: pick(['diplomatic', 'control', 'military', 'economic'] as const),
      title: { en: `Generated event ${i}` },
      summary: { en: `A generated event for the benchmark, number ${i}.` },
      actors: [pick(actorIds)],
      ...(counterpart ? { counterpart } : {}),
      russia: r() < 0.3,
      status: pick(['confirmed', 'reported', 'alleged', 'denied'] as const),
      sources: CITE,
    };
  });
  return { control, presence, events };
}

export async function writeGenerated(n: number, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(await generate(n)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const n = Number(process.argv[2] ?? 10000);
  const file = process.argv[3] ?? resolve(root, `bench/results/site/data/gen-${n}.json`);
  await writeGenerated(n, file);
  console.log(`wrote ${n} records to ${file}`);
}
