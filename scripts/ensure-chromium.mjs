#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests; installs Debian's package when it can (root + apt-get),
// else stops with a message saying how. Prints the path it found.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const found = () => candidates.find((p) => existsSync(p));

if (!found()) {
  const canApt = typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      'No Chromium found for the end-to-end tests.\n' +
        'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-core`), ' +
        'or set CHROME_PATH to a Chromium or Chrome executable, then run `npm test` again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the end-to-end tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-dejavu-core', { stdio: 'inherit' });
}
const path = found();
if (!path) {
  console.error('Chromium is still missing after apt-get install; see the output above.');
  process.exit(1);
}
console.log(`Chromium: ${path}`);
