// Finds an Electron binary without require('electron'), which tries to download one from GitHub
// (unreachable on our build machines). Used by `npm start` and the e2e Electron project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronPackage = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relative ?? 'electron');
    return existsSync(candidate) ? { path: candidate } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (!relative) return { missing: 'no Electron binary: node_modules/electron was installed without its download (no network to GitHub)' };
  const candidate = join(electronPackage, 'dist', relative);
  return existsSync(candidate) ? { path: candidate } : { missing: `no Electron binary at ${candidate}` };
}
