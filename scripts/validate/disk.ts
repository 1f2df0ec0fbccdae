/**
 * Reads data/ and geo/ from disk for the validator, without ever following a link: a symbolic
 * link is passed on as a link (its target is not opened), a folder named like a data file as a
 * folder, a file over MAX_FILE_BYTES by its size alone (it is not read), and a file whose text the
 * validator does not need (a README) by its size.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, type FileInput, type FileSet } from './files.ts';

/** The folders the build ships from. */
export const FOLDERS = ['data', 'geo', 'stories'] as const;

/** Files whose text the validator reads: the JSON files and the seed documents. */
const needsText = (path: string): boolean => /\.(json|geojson)$/.test(path) || /^data\/seeds\/[^/]+\.txt$/.test(path);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function readOne(abs: string, path: string): FileInput {
  const stat = lstatSync(abs);
  if (stat.isSymbolicLink()) {
    let target: string | undefined;
    try {
      target = readlinkSync(abs);
    } catch {
      target = undefined;
    }
    return { kind: 'symlink', target };
  }
  if (!stat.isFile()) return { kind: 'not-a-file' };
  if (!needsText(path)) return { kind: 'unread', bytes: stat.size };
  if (stat.size > MAX_FILE_BYTES) return { kind: 'too-large', bytes: stat.size };
  try {
    return utf8.decode(readFileSync(abs));
  } catch {
    return { kind: 'not-utf8' };
  }
}

function walk(root: string, path: string, out: FileSet): void {
  const abs = join(root, path);
  const stat = lstatSync(abs, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    out[path] = readOne(abs, path);
    return;
  }
  if (/\.(json|geojson|txt)$/.test(path)) {
    out[path] = { kind: 'directory' };
    return;
  }
  for (const name of readdirSync(abs).sort()) walk(root, `${path}/${name}`, out);
}

/**
 * Every file under data/ and geo/ of `root`, keyed by its repo-relative path ("data/events.json").
 * @example readTree('/work/atlas')['data/sources/evil.json'] // { kind: 'symlink', target: '/etc/passwd' }
 */
export function readTree(root: string): FileSet {
  const out: FileSet = {};
  for (const folder of FOLDERS) walk(root, folder, out);
  return out;
}
