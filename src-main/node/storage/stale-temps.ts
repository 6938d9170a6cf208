import { join } from 'node:path';
import { errorCode, nodeDurableFs, type DurableFs } from './durable-fs';
import { tempOwnerPid } from './temp-names';

export interface CleanStaleTempsOptions {
  fs?: DurableFs;
  /** Is this pid a live process on this machine? Default: process.kill(pid, 0). */
  isAlive?: (pid: number) => boolean;
  /** Temps older than this are removed even if their pid looks alive (pid reuse). Default 10 min. */
  maxAgeMs?: number;
  now?: () => number;
  /** Look in sub-folders too (default). An export's folder (someone's Documents) is looked at alone. */
  recursive?: boolean;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/**
 * Removes our own temp files (`.<name>.<pid>-<hex>.pilcrow-tmp`) left behind by a crash,
 * recursively under `dir` (symlinks are not followed). A temp whose writer process is still
 * alive is left alone unless it is older than `maxAgeMs`. Returns the removed paths.
 */
export async function cleanStaleTemps(dir: string, opts: CleanStaleTempsOptions = {}): Promise<string[]> {
  const fs = opts.fs ?? nodeDurableFs;
  const isAlive = opts.isAlive ?? isPidAlive;
  const maxAgeMs = opts.maxAgeMs ?? 10 * 60_000;
  const now = opts.now ?? Date.now;
  const removed: string[] = [];

  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(d);
    } catch (e) {
      if (d !== dir && ['ENOENT', 'EACCES', 'EPERM', 'ENOTDIR'].includes(errorCode(e) ?? '')) return;
      throw e;
    }
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory) {
        if (!SKIP_DIRS.has(entry.name) && opts.recursive !== false) await walk(path);
        continue;
      }
      if (!entry.isFile) continue;
      const pid = tempOwnerPid(entry.name);
      if (pid === null) continue;
      if (isAlive(pid)) {
        const mtime = await fs.mtimeMs(path).catch(() => null);
        if (mtime === null || now() - mtime < maxAgeMs) continue;
      }
      try {
        await fs.unlink(path);
        removed.push(path);
      } catch (e) {
        if (errorCode(e) !== 'ENOENT') throw e;
      }
    }
  };
  await walk(dir);
  return removed;
}

/** True when a process with this pid exists on this machine (EPERM: exists, not ours). */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}
