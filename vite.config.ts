import { tokensPlugin } from './scripts/lib/vite-tokens.ts';
import { shellPlugin } from './scripts/lib/vite-shell.ts';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { dataSplit } from './scripts/lib/vite-data-split.ts';
import { releases } from './scripts/lib/vite-releases.ts';
import { svgPathsPlugin } from './scripts/lib/svg-paths.ts';
import { sameOriginAssets } from './scripts/lib/vite-same-origin-assets.ts';
import { previewsPlugin } from './scripts/lib/vite-previews.ts';
import { reportPlugin } from './scripts/lib/vite-report.ts';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Lets the app import geo/*.geojson like JSON (JSON.parse is faster than an object literal). */
function geojson(): Plugin {
  return {
    name: 'atlas-geojson',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      return { code: `export default JSON.parse(${JSON.stringify(code)});`, map: null };
    },
  };
}

export default defineConfig({
  // Relative asset paths: the build runs from any folder of any static host.
  base: './',
  plugins: [tokensPlugin(), reportPlugin(), geojson(), dataSplit(import.meta.dirname), releases(import.meta.dirname), svgPathsPlugin(import.meta.dirname), svelte(), sameOriginAssets(), previewsPlugin(import.meta.dirname), shellPlugin()],
  server: { port: 5173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200, cssCodeSplit: false },
  test: { include: ['tests/unit/**/*.test.ts'], environment: 'node' },
});
