/**
 * The real maplibre-gl module (not a mock) has the few things the atlas calls on it, so an upgrade
 * that renames or drops one fails here, by name, rather than in a reader's browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as maplibre from 'maplibre-gl';

const root = resolve(import.meta.dirname, '../..');

/** Every function name reachable on a class's prototype chain (Map extends Camera extends Evented). */
function methodsOf(cls: { prototype: object }): Set<string> {
  const names = new Set<string>();
  for (let p: object | null = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, n);
      if (d && typeof d.value === 'function') names.add(n);
    }
  }
  return names;
}

/** What src/lib/map/atlasMap.ts calls on the map today. */
const MAP_METHODS = [
  'addImage',
  'on',
  'once',
  'off',
  'getCanvas',
  'fitBounds',
  'setGlobalStateProperty',
  'setLayoutProperty',
  'project',
  'queryRenderedFeatures',
  'easeTo',
  'getZoom',
  'loaded',
  'isStyleLoaded',
  'isMoving',
  'triggerRepaint',
  'resize',
  'remove',
];

/** The map's handlers the atlas reaches into, by the property the map gives them, with what it calls on them. */
const HANDLERS = {
  touchZoomRotate: { cls: maplibre.TwoFingersTouchZoomRotateHandler, calls: ['disableRotation'] },
  keyboard: { cls: maplibre.KeyboardHandler, calls: ['disableRotation'] },
} as const;

/** The modules that import maplibre-gl, and the members they use on a variable named `map`. */
function usedMembers(): { file: string; member: string }[] {
  const dir = resolve(root, 'src/lib/map');
  const out: { file: string; member: string }[] = [];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (!/from 'maplibre-gl'/.test(text)) continue;
    for (const m of text.matchAll(/\bmap\.(\w+)\b/g)) out.push({ file: `src/lib/map/${name}`, member: m[1]! });
  }
  return out;
}

describe('the maplibre-gl the atlas is built with', () => {
  const methods = methodsOf(maplibre.Map);

  it('has the Map class and setWorkerUrl (the worker is a file of the build)', () => {
    expect(typeof maplibre.Map).toBe('function');
    expect(typeof maplibre.setWorkerUrl).toBe('function');
  });

  for (const name of MAP_METHODS) {
    it(`Map#${name} exists`, () => {
      expect(methods.has(name), `maplibre-gl ${maplibre.getVersion()}: Map has no method ${name}`).toBe(true);
    });
  }

  for (const [property, { cls, calls }] of Object.entries(HANDLERS)) {
    it(`map.${property}: ${calls.join(', ')}`, () => {
      const handler = methodsOf(cls);
      for (const c of calls) expect(handler.has(c), `maplibre-gl ${maplibre.getVersion()}: ${cls.name} has no method ${c}`).toBe(true);
    });
  }

  it('has every member the map modules use on the map today (read from their source)', () => {
    const used = usedMembers();
    expect(used.length, 'no module of src/lib/map uses `map.` on a maplibre-gl Map: update this test').toBeGreaterThan(0);
    const missing = used.filter(({ member }) => !methods.has(member) && !(member in HANDLERS));
    expect(missing, 'members used on the map that maplibre-gl does not have').toEqual([]);
  });
});
