/** Serves the built atlas (dist/, built by `npm run test:e2e`) for the end-to-end tests. */
import type { TestProject } from 'vitest/node';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { serve, type Served } from '../../scripts/lib/static-server.ts';

let served: Served | undefined;

export async function setup(project: TestProject) {
  const dist = resolve(import.meta.dirname, '../../dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first (npm run test:e2e does)');
  served = await serve({ root: dist, gzip: true });
  project.provide('baseUrl', served.url);
  project.provide('origin', served.origin);
}

export async function teardown() {
  await served?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    origin: string;
  }
}
