/**
 * The only module that imports maplibre-gl. It owns the map object, its layers and listeners, and
 * offers the rest of the app a small controller: set the time, the language, the visible layers;
 * project a coordinate to the screen (the HTML markers follow the camera); zoom and reset.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// MapLibre's stylesheet is a file of its own, linked when the map first loads: the first view's one
// stylesheet (render-blocking) stays the app's own.
import mapCssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import type { FeatureCollection } from 'geojson';
import { buildStyle, type StyleInput } from './style.ts';
import type { Theme } from '../tokens/tokens.ts';
import { ARC_PICK_PX, hatchImage } from './encoding.ts';
import { BASEMAP_BOUNDS, LIBYA_BOUNDS, framePadding } from './frame.ts';
import type { LayerGroup } from '../state/layers.ts';

setWorkerUrl(workerUrl);

/** Links MapLibre's stylesheet once; settles when it has loaded (or failed: the map still draws). */
export function mapStyles(): Promise<void> {
  const href = new URL(mapCssUrl, document.baseURI).href;
  let link = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].find((l) => l.href === href);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
  const l = link;
  return new Promise((done) => {
    l.addEventListener('load', () => done(), { once: true });
    l.addEventListener('error', () => done(), { once: true });
  });
}

/** The worker's address, for a check of the type the host serves it with (worker.ts). */
export const mapWorkerUrl: string = workerUrl;

const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  control: ['region-fill', 'region-hatch', 'region-uncertain', 'region-line'],
  presence: [],
  diplomacy: ['diplomacy-arcs', 'counterpart-dots'],
};

export interface AtlasMapOptions extends StyleInput {
  container: HTMLElement;
  /** The contested regions' hatch images (features.ts regionHatches): stripes in the other parties' colours. */
  hatches: { id: string; stripes: string[] }[];
  /** Called with a region or zone id when the reader clicks a region. */
  onRegionClick?: (areaId: string) => void;
  /** Called on every click with what is drawn under it: for "why is this here?" (records/why.ts). */
  onPick?: (pick: MapPick) => void;
  /** Embedded in an article: the page scrolls until the reader engages with the map. */
  cooperativeGestures?: boolean;
}

/** What a click found on the map: where (CSS px in the container), the region or zone whose fill is drawn there, the arcs within a few pixels. */
export interface MapPick {
  point: [number, number];
  area: string | null;
  arcs: string[];
}

export interface AtlasMap {
  setTime(t: number): void;
  setLanguage(lang: string): void;
  /** The map's own colours (land, sea, borders): light or dark. */
  setTheme(theme: Theme): void;
  setLayers(visible: Record<LayerGroup, boolean>): void;
  /** Screen position (CSS px in the map's container) of a coordinate. */
  project(lngLat: [number, number]): [number, number];
  /** Calls `fn` whenever the camera moves; returns a function that stops. */
  onMove(fn: () => void): () => void;
  zoomBy(delta: number): void;
  /** Back to all of Libya in the frame. */
  reset(): void;
  /** Has the reader moved the camera away from the frame? */
  moved(): boolean;
  /** Resolves when the style has loaded and the first frame is drawn. */
  ready: Promise<void>;
  /** Resolves the next time the map has finished rendering (for tests and benchmarks). */
  idle(): Promise<void>;
  resize(): void;
  destroy(): void;
}

export function createAtlasMap(opts: AtlasMapOptions): AtlasMap {
  const { clientWidth: w, clientHeight: h } = opts.container;
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = new MlMap({
    container: opts.container,
    style: buildStyle(opts),
    bounds: LIBYA_BOUNDS,
    fitBoundsOptions: { padding: framePadding(w, h) },
    // The reader can zoom out and pan as far as the basemap goes, never past its edge.
    maxBounds: BASEMAP_BOUNDS,
    minZoom: 1,
    maxZoom: 9,
    attributionControl: { compact: true, customAttribution: 'Natural Earth' },
    cooperativeGestures: opts.cooperativeGestures ?? false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
    // prefers-reduced-motion: labels appear without fading (camera moves are already instant in MapLibre then).
    fadeDuration: reduced ? 0 : 300,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  for (const h of opts.hatches) map.addImage(h.id, hatchImage(h.stripes));
  if (opts.onRegionClick) {
    const onRegionClick = opts.onRegionClick;
    map.on('click', 'region-fill', (e) => {
      const area = e.features?.[0]?.properties?.['area'];
      if (typeof area === 'string') onRegionClick(area);
    });
    map.on('mouseenter', 'region-fill', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'region-fill', () => (map.getCanvas().style.cursor = ''));
  }

  if (opts.onPick) {
    const onPick = opts.onPick;
    map.on('click', (e) => {
      const { x, y } = e.point;
      // Only what is drawn: hidden layers and features filtered out by the month are not returned.
      const arcs = map.queryRenderedFeatures([[x - ARC_PICK_PX, y - ARC_PICK_PX], [x + ARC_PICK_PX, y + ARC_PICK_PX]], { layers: ['diplomacy-arcs'] });
      const fills = map.queryRenderedFeatures([x, y], { layers: ['region-fill'] });
      // The period on top is the one with the highest rank (the layer's fill-sort-key), as the view shows it.
      const top = fills.reduce<(typeof fills)[number] | null>((best, f) => (best && Number(best.properties['z']) >= Number(f.properties['z']) ? best : f), null);
      const area = top?.properties['area'];
      onPick({ point: [x, y], area: typeof area === 'string' ? area : null, arcs: [...new Set(arcs.map((f) => String(f.properties['id'])))] });
    });
    map.on('mouseenter', 'diplomacy-arcs', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'diplomacy-arcs', () => (map.getCanvas().style.cursor = ''));
  }

  const ready = new Promise<void>((resolve) => map.once('load', () => resolve()));
  let loaded = false;
  // What the reader asked for; applied once the style has loaded, and again after a lost WebGL
  // context comes back (MapLibre drops the style while the context is lost: a change made then
  // would throw, issue 24, and the restored style would not have it).
  const want: { t: number; lang: string; theme: Theme; layers: Record<LayerGroup, boolean> | null } = { t: opts.t, lang: opts.lang, theme: opts.theme ?? 'light', layers: null };
  // Whether the WebGL context is lost, from the map's own events (not its internals).
  let lost = false;
  map.on('webglcontextlost', () => void (lost = true));
  map.on('webglcontextrestored', () => void (lost = false));
  const drawable = () => loaded && !lost;
  function sync() {
    if (!drawable()) return;
    map.setGlobalStateProperty('t', want.t);
    map.setGlobalStateProperty('lang', want.lang);
    map.setGlobalStateProperty('theme', want.theme);
    const layers = want.layers;
    if (layers) {
      for (const [group, ids] of Object.entries(GROUP_LAYERS) as [LayerGroup, string[]][]) {
        for (const id of ids) map.setLayoutProperty(id, 'visibility', layers[group] ? 'visible' : 'none');
      }
    }
  }
  void ready.then(() => {
    loaded = true;
    sync();
  });
  map.on('webglcontextrestored', () => (map.isStyleLoaded() ? sync() : map.once('style.load', sync)));

  // The camera follows the frame (Libya whole) until the reader moves it; then it stays where they put it.
  let readerMoved = false;
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) readerMoved = true;
  });
  const fit = () => {
    const c = opts.container;
    map.fitBounds(LIBYA_BOUNDS, { padding: framePadding(c.clientWidth, c.clientHeight), animate: false });
  };

  return {
    ready,
    setTime(t) {
      want.t = t;
      sync();
    },
    setLanguage(lang) {
      want.lang = lang;
      sync();
    },
    setTheme(theme) {
      want.theme = theme;
      sync();
    },
    setLayers(visible) {
      want.layers = visible;
      sync();
    },
    project(lngLat) {
      const p = map.project(lngLat);
      return [p.x, p.y];
    },
    onMove(fn) {
      map.on('move', fn);
      return () => void map.off('move', fn);
    },
    zoomBy(delta) {
      readerMoved = true;
      map.easeTo({ zoom: map.getZoom() + delta, duration: reduced ? 0 : 250 });
    },
    reset() {
      readerMoved = false;
      fit();
    },
    moved: () => readerMoved,
    idle: () => new Promise<void>((resolve) => (map.loaded() && !map.isMoving() ? map.once('idle', () => resolve()).triggerRepaint() : map.once('idle', () => resolve()))),
    resize() {
      if (lost) return; // the context is lost: nothing to draw until it is back
      map.resize();
      if (!readerMoved) fit();
    },
    destroy: () => map.remove(),
  };
}

export type { FeatureCollection };
