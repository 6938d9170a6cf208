/**
 * What a file is right now, as a string that changes whenever it is written or replaced: device,
 * inode, size, modification and change times in nanoseconds ("absent" when there is no file).
 * A sync tool writing in place changes the times and usually the size; an atomic save (ours, an
 * editor's, git's) brings a new inode. Synchronous: one stat costs ~15 µs here, far less than
 * an awaited one; callers take them in slices (`identities`) so the event loop keeps serving.
 */
import { statSync } from 'node:fs';

export const ABSENT = 'absent';

export function fileIdentity(path: string): string {
  try {
    const s = statSync(path, { bigint: true, throwIfNoEntry: false });
    return s ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : ABSENT;
  } catch (error) {
    // ENOTDIR, EACCES…: no identity to trust; never equal to one taken of a readable file.
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** Stats taken between two turns of the event loop. */
const SLICE = 512;

/** Identities of many files, yielding to the event loop every few hundred stats. */
export async function identities(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < paths.length; i += SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const path of paths.slice(i, i + SLICE)) found.push(fileIdentity(path));
  }
  return found;
}
