/**
 * The benchmark's baseline: bare MapLibre with the atlas's own basemap, style and layers
 * (src/lib/map/style.ts, features.ts), and a range input that moves time with
 * setGlobalStateProperty directly. No Svelte, no status text, no markers, no URL state.
 * `?w=&h=` sizes the map like the atlas's; `?t=` sets the first month; `?bench-data=N` adds a generated set.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { buildStyle } from '../../src/lib/map/style.ts';
import { hatchImage } from '../../src/lib/map/encoding.ts';
import { LIBYA_BOUNDS, framePadding } from '../../src/lib/map/frame.ts';
import { diplomacyFeatures, regionControlFeatures, regionHatchFeatures, regionHatches } from '../../src/lib/map/features.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { FIRST_MONTH, currentMonth } from '../../src/lib/time/months.ts';
import { atlasData } from '../bench-data.ts';
import { publish } from '../maplibre-bench.ts';
import basemap from '../../geo/basemap.geojson';

setWorkerUrl(workerUrl);

const q = new URLSearchParams(location.search);
const container = document.getElementById('map')!;
container.style.width = `${Number(q.get('w') ?? 860)}px`;
container.style.height = `${Number(q.get('h') ?? 620)}px`;
const last = currentMonth();
const t = Number(q.get('t') ?? last);

const input = document.getElementById('time') as HTMLInputElement;
input.min = String(FIRST_MONTH);
input.max = String(last);
input.value = String(t);

const index = indexData(atlasData);
const map = new MlMap({
  container,
  style: buildStyle({
    basemap: basemap as FeatureCollection,
    regionControl: regionControlFeatures(index),
    regionHatch: regionHatchFeatures(index),
    diplomacy: diplomacyFeatures(index),
    t,
    lang: 'en',
  }),
  bounds: LIBYA_BOUNDS,
  fitBoundsOptions: { padding: framePadding(container.clientWidth, container.clientHeight) },
  minZoom: 2,
  maxZoom: 9,
  attributionControl: { compact: true, customAttribution: 'Natural Earth' },
  dragRotate: false,
  renderWorldCopies: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
// The contested regions' hatch images, as the atlas makes them (features.ts, encoding.ts).
for (const h of regionHatches(index)) map.addImage(h.id, hatchImage(h.stripes));
map.on('styleimagemissing', (e) => {
  if (e.id.startsWith('atlas-hatch') && !map.hasImage(e.id)) map.addImage(e.id, hatchImage(['#777777']));
});
publish(map);
input.addEventListener('input', () => map.setGlobalStateProperty('t', Number(input.value)));
