/**
 * What a file is right now, as a string that changes whenever it is written or replaced: device,
 * inode, size, modification and change times in nanoseconds ("absent" when there is no file).
 * A sync tool writing in place changes the times and usually the size; an atomic save (ours, an
 * editor's, git's) brings a new inode. Synchronous: one stat costs ~15 µs here, far less than
 * an awaited one; callers take them in slices (`identities`) so the event loop keeps serving.
 */
import { lstatSync, statSync } from 'node:fs';
import { yielder } from '../storage/yielder';

export const ABSENT = 'absent';

/**
 * `followLinks` false: a symbolic link is itself identified (never as the file it points to),
 * and a dangling one is not absent; for readers that refuse links and must name them each time.
 */
export function fileIdentity(path: string, followLinks = true): string {
  try {
    const s = (followLinks ? statSync : lstatSync)(path, { bigint: true, throwIfNoEntry: false });
    if (!s) return ABSENT;
    return `${s.isSymbolicLink() ? 'link:' : ''}${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    // ENOTDIR, EACCES…: no identity to trust; never equal to one taken of a readable file.
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** Identities of many files, yielding to the event loop between slices of stats. */
export async function identities(paths: readonly string[], followLinks = true): Promise<string[]> {
  const found: string[] = [];
  const pause = yielder();
  for (let i = 0; i < paths.length; i++) {
    if (i % 64 === 0) await pause();
    found.push(fileIdentity(paths[i] as string, followLinks));
  }
  return found;
}
