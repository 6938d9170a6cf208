/**
 * Fixture helpers for the bad-input corpus (bad-input-corpus.test.ts): lay real bytes, links,
 * folders and pipes out in a real temp folder, snapshot every file's bytes, and afterwards
 * prove nothing was lost: each file is byte-identical where it was, or (only where a case says
 * so) its exact bytes sit in the quarantine folder the case names.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './temp';

/** What goes at one path of a case's layout. */
export type Layout = Record<string, string | Uint8Array | { link: string } | { folder: true } | { fifo: true }>;

/** Lays a case out under a fresh temp folder; returns that folder. Link targets are relative to it. */
export async function layOut(layout: Layout): Promise<string> {
  const root = await tempDir('bad-input');
  for (const [path, what] of Object.entries(layout)) {
    const at = join(root, path);
    await mkdir(dirname(at), { recursive: true });
    if (typeof what === 'string' || what instanceof Uint8Array) await writeFile(at, what);
    else if ('link' in what) await symlink(join(root, what.link), at);
    else if ('folder' in what) await mkdir(at, { recursive: true });
    else execFileSync('mkfifo', [at]);
  }
  return root;
}

/** Every regular file under `root` (links not followed), by root-relative path. */
export async function snapshot(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path));
  }
  return files;
}

export interface Moves {
  /** Damaged files whose exact bytes must now be a `*.corrupt` file in `into` (root-relative). */
  quarantined?: { files: string[]; into: string };
  /** Good files the app saves anew on open (anchors added): their old bytes must be `<file>.bak`. */
  rewritten?: string[];
}

/** Every file of `before` is still there byte for byte, or moved exactly where `moves` says. */
export async function expectNothingLost(root: string, before: Map<string, Buffer>, moves: Moves = {}): Promise<void> {
  const after = await snapshot(root);
  const quarantined = moves.quarantined?.files ?? [];
  const rewritten = moves.rewritten ?? [];
  for (const [path, bytes] of before) {
    if (quarantined.includes(path)) continue;
    const where = rewritten.includes(path) ? `${path}.bak` : path;
    expect(after.get(where), `${where} does not hold the bytes ${path} had`).toEqual(bytes);
  }
  const quarantineFolder = moves.quarantined?.into;
  if (quarantined.length === 0) return;
  if (!quarantineFolder) throw new Error('a case that quarantines must name the quarantine folder');
  const kept = [...after].filter(([path]) => path.startsWith(`${quarantineFolder}/`) && path.endsWith('.corrupt')).map(([, bytes]) => bytes);
  for (const path of quarantined) {
    expect(kept.some((bytes) => bytes.equals(before.get(path)!)), `${path}'s bytes are not in ${quarantineFolder}`).toBe(true);
  }
}
