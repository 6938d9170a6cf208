/**
 * The small slice of the file system the durable storage code uses. Injectable so tests can
 * record every operation, cut the sequence at any point ("power loss") or inject errors.
 */
import { link, open, readFile, readdir, rename, unlink, mkdir, stat } from 'node:fs/promises';

export interface DurableFileHandle {
  /** Writes all of `data` at the current position (loops over short writes). */
  write(data: Uint8Array): Promise<void>;
  /** fsync. After a failure the handle must not be synced again: close it and start over. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface DurableDirEntry {
  name: string;
  isFile: boolean;
  /** False for symlinks to directories: we never follow links. */
  isDirectory: boolean;
}

export interface DurableFs {
  /** `process.platform` of the machine the files live on; 'win32' skips directory fsync. */
  readonly platform: NodeJS.Platform;
  /** Rejects with code ENOENT when missing. */
  readFile(path: string): Promise<Uint8Array>;
  /** open(path, 'wx'): creates a new file, fails with EEXIST when it exists. */
  createExclusive(path: string): Promise<DurableFileHandle>;
  /** Atomic replace of `to` within one file system; EXDEV across devices. */
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** mkdir -p */
  mkdirp(path: string): Promise<void>;
  readdir(path: string): Promise<DurableDirEntry[]>;
  /** fsync of a directory, making renames/creations/unlinks in it durable. */
  syncDir(path: string): Promise<void>;
  /** Modification time in ms since the epoch; ENOENT when missing. */
  mtimeMs(path: string): Promise<number>;
  /**
   * A second name for an existing file (a hard link); EEXIST when `to` exists. Optional: file
   * systems without hard links (FAT, some network shares) fail it, and the writer then copies.
   */
  link?(existing: string, to: string): Promise<void>;
  /**
   * What identifies this generation of the file (device, inode, size, modification and change
   * times): equal strings mean nobody replaced or rewrote it since. Optional: without it the
   * writer re-reads and re-checks the file before every save.
   */
  identity?(path: string): Promise<string>;
}

/** Error codes for which directory fsync is simply unsupported by the file system. */
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF']);

export const nodeDurableFs: DurableFs = {
  platform: process.platform,
  readFile: async (path) => readFile(path),
  createExclusive: async (path) => {
    const fh = await open(path, 'wx', 0o666);
    return {
      write: async (data) => {
        let offset = 0;
        while (offset < data.byteLength) {
          const { bytesWritten } = await fh.write(data, offset, data.byteLength - offset);
          if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
          offset += bytesWritten;
        }
      },
      sync: () => fh.sync(),
      close: () => fh.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  mkdirp: async (path) => {
    await mkdir(path, { recursive: true });
  },
  readdir: async (path) =>
    (await readdir(path, { withFileTypes: true })).map((d) => ({
      name: d.name,
      isFile: d.isFile(),
      isDirectory: d.isDirectory(),
    })),
  syncDir: async (path) => {
    if (process.platform === 'win32') return;
    const fh = await open(path, 'r');
    try {
      await fh.sync();
    } catch (e) {
      if (!DIR_SYNC_UNSUPPORTED.has(errorCode(e) ?? '')) throw e;
    } finally {
      await fh.close();
    }
  },
  mtimeMs: async (path) => (await stat(path)).mtimeMs,
  link: (existing, to) => link(existing, to),
  identity: async (path) => {
    const s = await stat(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  },
};

export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

const CODE_TEXT: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EBUSY: 'file busy or locked',
  ENOENT: 'no such file or folder',
  EEXIST: 'already exists',
  EXDEV: 'cross-device move',
  EMFILE: 'too many open files',
};

/** "disk full (ENOSPC)" / the error's own message when it has no code. */
export function describeError(e: unknown): string {
  const code = errorCode(e);
  if (code) return `${CODE_TEXT[code] ?? 'error'} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

/** Unlinks, ignoring a missing file; other errors are swallowed too (best-effort clean-up). */
export async function removeQuietly(fs: DurableFs, path: string): Promise<boolean> {
  try {
    await fs.unlink(path);
    return true;
  } catch {
    return false;
  }
}
