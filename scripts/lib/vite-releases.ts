/**
 * Ships the releases (issue 15). The first view's records are data/ as it stands (the newest
 * release, normally); this plugin adds:
 * - `virtual:atlas-release`: which release that is, the newest release and the folder of the
 *   deltas (a few dozen bytes in the first chunk);
 * - `releases/<base>/<id>.json`: every other release as a delta against the first view's state,
 *   fetched only by a view pinned to it (`release=<id>`); `<base>` is a hash of that state, so a
 *   delta is never applied to a build it was not made for, and caches never mix them;
 * - `virtual:atlas-corrections`: the releases and the whole corrections log, a chunk loaded by
 *   the "Corrections" view and the downloads.
 * In `vite dev` the deltas are served from memory, recomputed when data/ changes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readTree } from '../validate/disk.ts';
import { CORRECTIONS_FILE, RELEASES_FILE, releaseBuild, type ReleaseBuild } from './releases.ts';

const STAMP = 'virtual:atlas-release';
const LOG = 'virtual:atlas-corrections';

export function releases(root: string): Plugin {
  let built: ReleaseBuild | null = null;
  const compute = (): ReleaseBuild => (built ??= releaseBuild(readTree(root)));
  const watchData = (ctx: { addWatchFile(file: string): void }) => {
    for (const f of [RELEASES_FILE, CORRECTIONS_FILE]) ctx.addWatchFile(join(root, f));
    try {
      for (const f of readdirSync(join(root, 'data/releases'))) ctx.addWatchFile(join(root, 'data/releases', f));
    } catch {
      // No release yet.
    }
  };
  return {
    name: 'atlas-releases',
    enforce: 'pre',
    buildStart() {
      built = null;
    },
    watchChange(id) {
      if (/[\\/](data|geo)[\\/]/.test(id)) built = null;
    },
    resolveId: (id) => (id === STAMP || id === LOG ? `\0${id}` : null),
    load(id) {
      if (id === `\0${STAMP}`) {
        watchData(this);
        return `export default ${JSON.stringify(compute().stamp)};`;
      }
      if (id === `\0${LOG}`) {
        watchData(this);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(compute().log))});`;
      }
      return null;
    },
    generateBundle() {
      const b = compute();
      if (b.stamp.current === null && b.stamp.newest) {
        this.warn(`data/ has changed since release ${b.stamp.newest.id}: this build shows unreleased data, and its Share dialog pins no release. Run npm run release before publishing.`);
      }
      for (const [fileName, source] of b.files) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (/[\\/](data|geo)[\\/]/.test(file)) built = null;
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const m = /\/(releases\/[0-9a-f]{12}\/\d{4}-\d{2}-\d{2}-[0-9a-f]{6}\.json)$/.exec(path);
        const body = m ? compute().files.get(m[1]!) : undefined;
        if (!m) return next();
        if (body === undefined) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(body);
      });
    },
  };
}
