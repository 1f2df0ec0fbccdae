/**
 * The only module that imports maplibre-gl. It owns the map object, its layers and listeners, and
 * offers the rest of the app a small controller: set the time, the language, the visible layers,
 * place a DOM element (a place button) on the map, and hear clicks on regions.
 */
import { Map as MlMap, Marker, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { buildStyle, hatchImage, type StyleInput } from './style.ts';

setWorkerUrl(workerUrl);

export type LayerGroup = 'control' | 'presence' | 'diplomacy';

const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  control: ['region-fill', 'region-contested', 'region-line'],
  presence: ['presence'],
  diplomacy: ['diplomacy-arcs', 'counterpart-dots', 'counterpart-labels'],
};

/** Libya with a margin of sea and desert. */
export const LIBYA_BOUNDS: [[number, number], [number, number]] = [[9.3, 19.4], [25.2, 33.3]];

export interface AtlasMapOptions extends StyleInput {
  container: HTMLElement;
  /** Colour of each actor that can contest a region ("unknown" included): hatch images are made from them. */
  hatchColors: Record<string, string>;
  /** Called with a region id when the reader clicks a region. */
  onRegionClick?: (regionId: string) => void;
  /** Embedded in an article: the page scrolls until the reader engages with the map. */
  cooperativeGestures?: boolean;
}

export interface AtlasMap {
  setTime(t: number): void;
  setLanguage(lang: string): void;
  setLayers(visible: Record<LayerGroup, boolean>): void;
  addMarker(element: HTMLElement, lngLat: [number, number]): () => void;
  /** Resolves when the style has loaded and the first frame is drawn. */
  ready: Promise<void>;
  /** Resolves the next time the map has finished rendering (for tests and benchmarks). */
  idle(): Promise<void>;
  resize(): void;
  destroy(): void;
}

export function createAtlasMap(opts: AtlasMapOptions): AtlasMap {
  const map = new MlMap({
    container: opts.container,
    style: buildStyle(opts),
    bounds: LIBYA_BOUNDS,
    fitBoundsOptions: { padding: 8 },
    minZoom: 2,
    maxZoom: 9,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    cooperativeGestures: opts.cooperativeGestures ?? false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    // prefers-reduced-motion: labels appear without fading (camera moves are already instant in MapLibre then).
    fadeDuration: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  for (const [actor, color] of Object.entries(opts.hatchColors)) map.addImage(`atlas-hatch-${actor}`, hatchImage(color));
  if (opts.onRegionClick) {
    const onRegionClick = opts.onRegionClick;
    map.on('click', 'region-fill', (e) => {
      const region = e.features?.[0]?.properties?.['region'];
      if (typeof region === 'string') onRegionClick(region);
    });
    map.on('mouseenter', 'region-fill', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'region-fill', () => (map.getCanvas().style.cursor = ''));
  }

  const ready = new Promise<void>((resolve) => map.once('load', () => resolve()));
  let loaded = false;
  void ready.then(() => (loaded = true));
  /** Runs now if the style has loaded, else once it has (MapLibre refuses style changes before). */
  const whenLoaded = (fn: () => void) => (loaded ? fn() : void ready.then(fn));

  // Small places' names show from this zoom on; below it their dots alone, named on hover and focus.
  const DETAIL_ZOOM = 6.2;
  const markZoom = () => opts.container.classList.toggle('detail', map.getZoom() >= DETAIL_ZOOM);
  map.on('zoomend', markZoom);
  markZoom();

  return {
    ready,
    setTime(t) {
      whenLoaded(() => map.setGlobalStateProperty('t', t));
    },
    setLanguage(lang) {
      whenLoaded(() => map.setGlobalStateProperty('lang', lang));
    },
    setLayers(visible) {
      whenLoaded(() => {
        for (const [group, ids] of Object.entries(GROUP_LAYERS) as [LayerGroup, string[]][]) {
          for (const id of ids) map.setLayoutProperty(id, 'visibility', visible[group] ? 'visible' : 'none');
        }
      });
    },
    addMarker(element, lngLat) {
      const marker = new Marker({ element, anchor: 'left', offset: [-9, 0] }).setLngLat(lngLat).addTo(map);
      return () => marker.remove();
    },
    idle: () => new Promise<void>((resolve) => (map.loaded() && !map.isMoving() ? map.once('idle', () => resolve()).triggerRepaint() : map.once('idle', () => resolve()))),
    resize: () => map.resize(),
    destroy: () => map.remove(),
  };
}

export type { FeatureCollection };
