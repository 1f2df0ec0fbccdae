/**
 * Bench builds only (bench/build.ts swaps it in for src/lib/records/data.ts): the real records, plus
 * a generated set when the page URL asks for one with `?bench-data=10000` (bench/generate.ts wrote
 * it to data/gen-10000.json next to the built pages). The normal build never contains this module.
 */
import { atlasData as real } from '../src/lib/records/data.ts';
import type { AtlasData } from '../src/lib/records/types.ts';

async function load(): Promise<AtlasData> {
  const n = new URLSearchParams(location.search).get('bench-data');
  if (!n || !/^\d+$/.test(n)) return real;
  const res = await fetch(new URL(`../data/gen-${n}.json`, document.baseURI));
  const gen = (await res.json()) as Pick<AtlasData, 'control' | 'presence' | 'events'>;
  return {
    ...real,
    control: [...real.control, ...gen.control],
    presence: [...real.presence, ...gen.presence],
    events: [...real.events, ...gen.events],
  };
}

export const atlasData: AtlasData = await load();
