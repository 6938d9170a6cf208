/**
 * The small slice of the file system the durable storage code uses. Injectable so tests can
 * record every operation, cut the sequence at any point ("power loss") or inject errors.
 * `confinedDurableFs(root)` is the one for files in a workspace and in user data: no link is
 * followed below the root, no special file is read, every read has a size limit (confined-fs.ts).
 */
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkFolder, createConfined, listConfined, makeFolders, readConfined, type ReadLimit } from './confined-fs';

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
  /** A symbolic link (never followed, never removed). */
  isLink?: boolean;
}

export interface DurableFs {
  /** `process.platform` of the machine the files live on; 'win32' skips directory fsync. */
  readonly platform: NodeJS.Platform;
  /**
   * Rejects with code ENOENT when missing, and with RefusedFileError (confined-fs.ts) for a
   * link, a special file or a file over `limit`, without reading it.
   */
  readFile(path: string, limit?: ReadLimit): Promise<Uint8Array>;
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

/** What a stored file may weigh when its store does not say (its own limit is better). */
export const DEFAULT_READ_LIMIT: ReadLimit = { maxBytes: 16 * 1048576, what: 'a file of this kind', advice: 'check where it came from, then remove it or move it out of the folder' };

const confinedByRoot = new Map<string, DurableFs>();

/** The file system below `root`, no link followed (confined-fs.ts); one per root, shared by its stores. */
export function confinedDurableFs(root: string): DurableFs {
  let fs = confinedByRoot.get(root);
  if (!fs) {
    fs = makeConfinedFs(root);
    confinedByRoot.set(root, fs);
  }
  return fs;
}

function makeConfinedFs(root: string): DurableFs {
  const inFolder = (path: string) => checkFolder(root, dirname(path), path);
  /** Both folders (one check when they are the same, as for a temp file and its target). */
  const inFolders = (a: string, b: string) => (dirname(a) === dirname(b) ? inFolder(b) : Promise.all([inFolder(a), inFolder(b)]).then(() => undefined));
  return {
    platform: process.platform,
    readFile: (path, limit = DEFAULT_READ_LIMIT) => readConfined(root, path, limit),
    createExclusive: async (path) => fileHandle(await createConfined(root, path)),
    rename: async (from, to) => {
      await inFolders(from, to);
      await rename(from, to);
    },
    unlink: async (path) => {
      await inFolder(path);
      await unlink(path);
    },
    mkdirp: (path) => makeFolders(root, path),
    readdir: async (path) =>
      (await listConfined(root, path)).map((e) => ({ name: e.name, isFile: e.kind === 'file', isDirectory: e.kind === 'folder', isLink: e.kind === 'link' })),
    syncDir: async (path) => {
      await checkFolder(root, path);
      await syncFolder(path);
    },
    // Metadata only (lstat: never a link's target), as the writer compares it with its own last save.
    mtimeMs: async (path) => (await lstat(path)).mtimeMs,
    link: async (existing, to) => {
      await inFolders(existing, to);
      await link(existing, to);
    },
    identity: async (path) => {
      const s = await lstat(path, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    },
  };
}

/**
 * Files outside any workspace (an export's target, which the editor chose): each path is confined
 * to its own folder, so only its last component is held to the rules (never a link, never a
 * special file, a size limit on reads).
 */
export const nodeDurableFs: DurableFs = {
  platform: process.platform,
  readFile: (path, limit = DEFAULT_READ_LIMIT) => readConfined(dirname(path), path, limit),
  createExclusive: async (path) => fileHandle(await createConfined(dirname(path), path)),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  mkdirp: async (path) => {
    await mkdir(path, { recursive: true });
  },
  readdir: async (path) => (await listConfined(path, path)).map((e) => ({ name: e.name, isFile: e.kind === 'file', isDirectory: e.kind === 'folder', isLink: e.kind === 'link' })),
  syncDir: (path) => syncFolder(path),
  mtimeMs: async (path) => (await lstat(path)).mtimeMs,
  link: (existing, to) => link(existing, to),
  identity: async (path) => {
    const s = await lstat(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  },
};

/**
 * nodeDurableFs without fsync, for files a checksum guards and Pilcrow can make again (the learned
 * model and its article order, kept records: all in user data): the rename still swaps them whole, and one torn by a
 * power cut is found by its checksum and made again. A 5–11 MB model fsynced after every training
 * made the editor's own durable saves wait behind it (the bench's "keys while training").
 */
export const replaceableFs: DurableFs = {
  ...nodeDurableFs,
  createExclusive: async (path) => ({ ...(await nodeDurableFs.createExclusive(path)), sync: async () => undefined }),
  syncDir: async () => undefined,
};

function fileHandle(fh: Awaited<ReturnType<typeof open>>): DurableFileHandle {
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
}

async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } catch (e) {
    if (!DIR_SYNC_UNSUPPORTED.has(errorCode(e) ?? '')) throw e;
  } finally {
    await fh.close();
  }
}

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
