/**
 * A small static file server for the built atlas, used by the end-to-end tests and the benchmark:
 * serves dist/ under an optional sub-folder, gzip when asked, and optional extra headers (a strict
 * Content-Security-Policy, for instance). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** Folder to serve. */
  root: string;
  /** URL prefix the folder is served under, e.g. "/news/atlas/" (default "/"). */
  prefix?: string;
  /** Extra response headers for every file. */
  headers?: Record<string, string>;
  gzip?: boolean;
  /** Extra headers for one file of the folder (by its path on disk), after `headers`. */
  headersFor?: (file: string) => Record<string, string>;
  /** Extra routes: path → [content type, body]. */
  routes?: Record<string, [string, string]>;
  port?: number;
}

export interface Served {
  server: Server;
  origin: string;
  url: string;
  close(): Promise<void>;
}

export async function serve(opts: ServeOptions): Promise<Served> {
  const root = resolve(opts.root);
  const prefix = opts.prefix ?? '/';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const route = opts.routes?.[path];
    if (route) {
      res.writeHead(200, { 'content-type': route[0], ...opts.headers });
      res.end(route[1]);
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body: Buffer = await readFile(file);
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...opts.headers, ...opts.headersFor?.(file) };
      if (opts.gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    url: `${origin}${prefix}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
