/** Launches Debian's Chromium headless with WebGL2 on SwiftShader (CPU), and no outside network chatter: for the e2e tests, the benchmark and the screenshots. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string {
  const p = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (c): c is string => !!c && existsSync(c),
  );
  if (!p) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` (npm test does) or set CHROME_PATH');
  return p;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}
