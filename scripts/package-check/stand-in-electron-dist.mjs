// A stand-in for Electron's Linux distribution folder, for electron-builder's `electronDist`:
// Electron's binary cannot be downloaded on our machines. The stand-in `electron` is a shell
// script that says what it is and exits 1; it carries a fuse wire laid out as in Electron's
// binary (@electron/fuses' sentinel, wire version 1, eight fuses at Electron's defaults), so
// electron-builder's `electronFuses` step runs on it for real and the check can read the result.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity, only-asar, V8 snapshot, file:// privileges. */
export const ELECTRON_DEFAULT_FUSES = '10110001';
export const FUSE_NAMES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'];
export const STAND_IN_NOTICE = 'This is not Electron: it is the stand-in npm run package:check packages in place of Electronʼs binary, which cannot be downloaded on this machine.';

/** Writes `<dir>/electron`; returns its path. */
export function makeStandInElectronDist(dir) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'electron');
  const script = `#!/bin/sh\necho '${STAND_IN_NOTICE}' >&2\nexit 1\n`;
  const wire = Buffer.concat([Buffer.from(`# fuse wire: ${FUSE_SENTINEL}`, 'latin1'), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(`${ELECTRON_DEFAULT_FUSES}\n`, 'latin1')]);
  writeFileSync(path, Buffer.concat([Buffer.from(script, 'utf8'), wire]));
  chmodSync(path, 0o755);
  return path;
}

/** The fuse wire in a binary: fuse name → '0' off, '1' on, 'r' removed. */
export function readFuses(binary) {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = binary[start + 1];
  return Object.fromEntries(FUSE_NAMES.slice(0, length).map((name, i) => [name, String.fromCharCode(binary[start + 2 + i])]));
}
