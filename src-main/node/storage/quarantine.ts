import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, type DurableFs } from './durable-fs';
import { renameWithRetry, writeAtomic } from './atomic-write';
import { fitName, MAX_NAME_BYTES } from './name-length';

/** `<UTC time>_<parent folder>_<name>.<random>.corrupt`, e.g. `2025-01-02T03-04-05-678Z_a17_alice.json.1f2e3d.corrupt` */
export function quarantineName(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const parent = basename(dirname(file)) || 'root';
  const tail = `.${randomBytes(3).toString('hex')}.corrupt`;
  const name = `${stamp}_${parent}_${basename(file)}`;
  // A long article name (or folder name) is shortened so the quarantine name still fits.
  return `${fitName(name, MAX_NAME_BYTES - tail.length, 8)}${tail}`;
}

/**
 * Durably copies `bytes` (the content of the damaged `file`) into `quarantineDir` and leaves
 * `file` in place. Used when the caller is about to replace `file` atomically (restore from
 * .bak, or a new save): there is never a moment when neither copy exists.
 */
export async function copyToQuarantine(
  fs: DurableFs,
  file: string,
  bytes: Uint8Array,
  quarantineDir: string,
): Promise<string> {
  await fs.mkdirp(quarantineDir);
  const dest = join(quarantineDir, quarantineName(file));
  await writeAtomic(fs, dest, bytes);
  return dest;
}

/**
 * Moves the damaged `file` (content `bytes`) into `quarantineDir`: rename, or durable copy +
 * remove across devices. Returns the quarantine path; throws with `file` left in place when
 * the move fails (an error thrown after a copy succeeded carries `quarantinedTo`).
 */
export async function moveToQuarantine(
  fs: DurableFs,
  file: string,
  bytes: Uint8Array,
  quarantineDir: string,
): Promise<string> {
  await fs.mkdirp(quarantineDir);
  const dest = join(quarantineDir, quarantineName(file));
  try {
    await renameWithRetry(fs, file, dest);
  } catch (e) {
    if (errorCode(e) !== 'EXDEV') throw e;
    await writeAtomic(fs, dest, bytes);
    try {
      await fs.unlink(file);
    } catch (e2) {
      throw Object.assign(e2 instanceof Error ? e2 : new Error(String(e2)), { quarantinedTo: dest });
    }
  }
  // The bytes are safe in quarantine now: folder fsync failures are not fatal here.
  if (fs.platform !== 'win32') {
    await fs.syncDir(quarantineDir).catch(() => undefined);
    await fs.syncDir(dirname(file)).catch(() => undefined);
  }
  return dest;
}
