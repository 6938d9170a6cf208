import { dirname } from 'node:path';
import { errorCode, removeQuietly, type DurableFs } from './durable-fs';
import { DurableWriteError } from './errors';
import { tempPathFor } from './temp-names';

const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Delays between rename attempts (Windows: virus scanners and indexers hold files briefly). */
export const RENAME_BACKOFF_MS = [5, 10, 20, 40, 80, 160, 250] as const;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Writes `bytes` to a fresh unique temp file beside `target` and fsyncs it.
 * Returns the temp path. On any failure the temp file is removed and a
 * DurableWriteError naming `target` is thrown; the descriptor is never synced twice.
 */
export async function prepareTemp(fs: DurableFs, target: string, bytes: Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  let handle;
  try {
    handle = await fs.createExclusive(temp);
  } catch (e) {
    throw new DurableWriteError(target, 'creating a temp file', e);
  }
  let step = 'writing the temp file';
  try {
    await handle.write(bytes);
    step = 'fsync of the temp file';
    await handle.sync();
    step = 'closing the temp file';
    const h = handle;
    handle = undefined;
    await h.close();
    return temp;
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await removeQuietly(fs, temp);
    throw new DurableWriteError(target, step, e);
  }
}

/** rename(from, to), retrying EPERM/EBUSY/EACCES with backoff. */
export async function renameWithRetry(fs: DurableFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const delay = RENAME_BACKOFF_MS[attempt];
      if (delay === undefined || !RENAME_RETRY_CODES.has(errorCode(e) ?? '')) throw e;
      await sleep(delay);
    }
  }
}

/** Renames a prepared temp over `target`; removes the temp on failure. No folder fsync. */
export async function commitTemp(fs: DurableFs, temp: string, target: string, file = target): Promise<void> {
  try {
    await renameWithRetry(fs, temp, target);
  } catch (e) {
    await removeQuietly(fs, temp);
    throw new DurableWriteError(file, `renaming the temp file over ${target}`, e);
  }
}

export async function syncDirOf(fs: DurableFs, path: string, file = path): Promise<void> {
  if (fs.platform === 'win32') return;
  try {
    await fs.syncDir(dirname(path));
  } catch (e) {
    throw new DurableWriteError(file, 'fsync of the folder', e);
  }
}

/** The whole protocol for one file: temp, fsync, rename, folder fsync. */
export async function writeAtomic(fs: DurableFs, target: string, bytes: Uint8Array): Promise<void> {
  const temp = await prepareTemp(fs, target, bytes);
  await commitTemp(fs, temp, target);
  await syncDirOf(fs, target);
}
