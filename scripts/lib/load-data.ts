/**
 * The atlas's data read from disk, for Node tools and tests (the app gets it through Vite's
 * imports instead): the records as the app holds them, and their citations with the source documents.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AtlasData, Citation, SourceDoc } from '../../src/lib/records/types.ts';
import { forFirstView, newestSourceDate } from './vite-data-split.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface LoadedData {
  data: AtlasData;
  /** The newest source date in the record. */
  dataAsOf: string;
  citations: { of(recordId: string): Citation[]; sources: ReadonlyMap<string, SourceDoc> };
}

export function loadData(root = REPO_ROOT): LoadedData {
  const json = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
  type WithSources = { id: string; sources: Citation[] };
  const control = json<WithSources[]>('data/control.json');
  const presence = json<WithSources[]>('data/presence.json');
  const events = json<WithSources[]>('data/events.json');
  const byRecord = new Map([...control, ...presence, ...events].map((r) => [r.id, r.sources]));
  const sources = readdirSync(join(root, 'data/sources'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => json<SourceDoc>(`data/sources/${f}`));
  const strip = (list: WithSources[]) => forFirstView(list as unknown as Record<string, unknown>[], sources);
  const data = {
    actors: json('data/actors.json'),
    control: strip(control),
    presence: strip(presence),
    events: strip(events),
    regions: json('geo/regions.geojson'),
    zones: json('geo/zones.geojson'),
    places: json('geo/places.geojson'),
    counterparts: json('geo/counterparts.geojson'),
  } as AtlasData;
  return { data, dataAsOf: newestSourceDate(sources), citations: { of: (id) => byRecord.get(id) ?? [], sources: new Map(sources.map((s) => [s.id, s])) } };
}
