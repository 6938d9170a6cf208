// A read-only view of a packaged app.asar through @electron/asar (the archive format's own
// reader): its files with their sizes, which ones electron-builder unpacked beside it, and their
// bytes. Paths are relative and use '/', as inside the archive ('out/main/index.js').
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import asar from '@electron/asar';

/**
 * @typedef {{ size: number, unpacked: boolean }} AsarFile
 * @typedef {{ asarPath: string, files: Map<string, AsarFile>, dirs: Set<string>,
 *   isFile(path: string): boolean, isDir(path: string): boolean, read(path: string): Buffer,
 *   bytes: { packed: number, unpacked: number } }} AsarView
 */

/** @returns {AsarView} */
export function openAsar(asarPath) {
  asar.uncache(asarPath); // a test packs the same path again
  const { header } = asar.getRawHeader(asarPath);
  const files = new Map();
  const dirs = new Set(['']);
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) {
        dirs.add(path);
        walk(entry, path);
      } else if (entry.link !== undefined) {
        files.set(path, { size: 0, unpacked: Boolean(entry.unpacked), link: entry.link });
      } else {
        files.set(path, { size: Number(entry.size ?? 0), unpacked: Boolean(entry.unpacked) });
      }
    }
  };
  walk(header, '');
  let unpacked = 0;
  for (const [path, file] of files) if (file.unpacked && existsSync(join(`${asarPath}.unpacked`, path))) unpacked += statSync(join(`${asarPath}.unpacked`, path)).size;
  return {
    asarPath,
    files,
    dirs,
    isFile: (path) => files.has(path),
    isDir: (path) => dirs.has(path),
    read: (path) => {
      if (!files.has(path)) throw new Error(`${path} is not in ${asarPath}`);
      return asar.extractFile(asarPath, path);
    },
    bytes: { packed: statSync(asarPath).size, unpacked },
  };
}
