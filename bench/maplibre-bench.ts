/**
 * Bench builds only (bench/build.ts resolves the app's `maplibre-gl` imports here): MapLibre
 * unchanged, except that each new map is published as `window.__benchMap` with the times of its
 * `load` and first `idle`, so the benchmark can wait for the frame that shows a new month.
 */
import { Map as MlMap, type MapOptions } from 'maplibre-gl';

export * from 'maplibre-gl';

export interface BenchTimes {
  load?: number;
  idle?: number;
}

export function publish(map: MlMap): void {
  const w = window as unknown as { __benchMap?: MlMap; __benchTimes?: BenchTimes };
  const times: BenchTimes = (w.__benchTimes ??= {});
  w.__benchMap = map;
  map.once('load', () => (times.load ??= performance.now()));
  map.once('idle', () => (times.idle ??= performance.now()));
}

export class Map extends MlMap {
  constructor(options: MapOptions) {
    super(options);
    publish(this);
  }
}
