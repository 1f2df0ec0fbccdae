/**
 * The benchmark's builds, side by side in one folder served by one server:
 *   <site>/atlas/        the atlas exactly as `vite build` makes it (bytes and Lighthouse are measured here);
 *   <site>/atlas-bench/  the same app, with two bench-only swaps made at build time by a resolver plugin:
 *                        the app's `maplibre-gl` → bench/maplibre-bench.ts (publishes the map object),
 *                        src/lib/records/data.ts → bench/bench-data.ts (adds a generated set on `?bench-data=N`);
 *   <site>/baseline/     bare MapLibre with the same style and layers (bench/baseline/);
 *   <site>/data/         generated record sets (bench/generate.ts).
 * Nothing here touches the normal build: its config is used as is, plus plugins that only observe.
 */
import { build, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeGenerated } from './generate.ts';

const root = resolve(import.meta.dirname, '..');
const configFile = resolve(root, 'vite.config.ts');

export type Category = 'maplibre' | 'own' | 'data' | 'css';
/** For each built file ("atlas/assets/x.js"), the share bytes of each category within it (estimated per module, scaled to the file). */
export type Attribution = Record<string, Partial<Record<Category, number>>>;

const categoryOf = (id: string): Exclude<Category, 'css'> =>
  /node_modules[\\/]maplibre-gl[\\/]/.test(id) ? 'maplibre' : /[\\/](data|geo)[\\/][^\\/]+\.(geo)?json/.test(id) ? 'data' : 'own';

/** Observes the bundle: which share of each JavaScript file is MapLibre, the atlas's own code, or data. */
function attribute(out: Attribution, prefix: string): Plugin {
  return {
    name: 'bench-attribution',
    generateBundle(_options, bundle) {
      for (const [file, item] of Object.entries(bundle)) {
        if (item.type === 'asset') {
          out[prefix + file] = /maplibre-gl-worker/.test(file) ? { maplibre: 1 } : file.endsWith('.css') ? { css: 1 } : { own: 1 };
          continue;
        }
        const code: Record<string, string> = { maplibre: '', own: '', data: '' };
        for (const [id, m] of Object.entries(item.modules)) code[categoryOf(id)] += m.code ?? '';
        const gz = Object.fromEntries(Object.entries(code).map(([k, v]) => [k, v ? gzipSync(v).length : 0]));
        const sum = Object.values(gz).reduce((a, b) => a + b, 0) || 1;
        out[prefix + file] = Object.fromEntries(Object.entries(gz).map(([k, v]) => [k, v / sum]));
      }
    },
  };
}

/** Bench builds only: swaps the app's MapLibre import and data module for their bench versions. */
function benchSwaps(): Plugin {
  const dataModule = resolve(root, 'src/lib/records/data.ts');
  return {
    name: 'bench-swaps',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || importer.startsWith(resolve(root, 'bench'))) return null;
      if (source === 'maplibre-gl') return resolve(root, 'bench/maplibre-bench.ts');
      if (/records\/data(\.ts)?$/.test(source)) {
        const r = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (r?.id === dataModule) return resolve(root, 'bench/bench-data.ts');
      }
      return null;
    },
  };
}

export interface Built {
  site: string;
  /** Share of each category in each file of the normal atlas build (file name → category → fraction). */
  attribution: Attribution;
}

export async function buildAll(site: string, sizes: number[]): Promise<Built> {
  const attribution: Attribution = {};
  const common = { configFile, logLevel: 'warn' as const };
  await build({ ...common, root, build: { outDir: resolve(site, 'atlas'), emptyOutDir: true }, plugins: [attribute(attribution, 'atlas/')] });
  await build({ ...common, root, build: { outDir: resolve(site, 'atlas-bench'), emptyOutDir: true }, plugins: [benchSwaps(), attribute(attribution, 'atlas-bench/')] });
  await build({ ...common, root: resolve(root, 'bench/baseline'), build: { outDir: resolve(site, 'baseline'), emptyOutDir: true }, plugins: [attribute(attribution, 'baseline/')] });
  for (const n of sizes) {
    await writeGenerated(n, resolve(site, 'data', `gen-${n}.json`));
  }
  return { site, attribution };
}
