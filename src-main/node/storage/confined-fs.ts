/**
 * The one way Pilcrow touches a file inside a workspace (and in its user data): no symbolic link
 * is followed anywhere below the root, special files (named pipes, sockets, devices) are refused
 * before a byte is read, and every read has a size limit whose error names the file, the limit
 * and what to do. A workspace arrives through git or a sync tool, so any of its files, `.pilcrow/`
 * included, may have been written by someone else (docs/reliability.md, "What a teammate's files
 * can and cannot do").
 *
 * Reading: the file is opened with O_NOFOLLOW (a link as the last component fails to open) and
 * O_NONBLOCK (a named pipe opens at once instead of waiting for a writer), then checked on the
 * open handle: fstat says it is a regular file of at most the limit, and the path is shown to have
 * reached it through real folders only (a linked parent folder defeats O_NOFOLLOW): on Linux the
 * kernel's own name of the descriptor (/proc/self/fd/N) must be the path asked for; elsewhere
 * realpath(path) must be that path and lstat(path) the very file of the handle. Checking the
 * handle after opening, not the path before, leaves no window in which a link swapped in between
 * a check and the read is followed.
 * Writing: folders are made one at a time and each checked to be a real folder; a new file is
 * created with O_CREAT|O_EXCL (never through a link) only in a folder reached through real
 * folders, and checked again once open.
 * Windows has no O_NOFOLLOW: there every component is lstat'd before opening and the handle is
 * checked by realpath and identity after it, which narrows the window but cannot close it.
 */
import type { MainMessage } from '../../shared/messages';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type BigIntStats, type Dirent, type Stats } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { yielder } from './yielder';

export type RefusalKind = 'link' | 'special' | 'too-large' | 'outside';

/** A file Pilcrow will not read or write; it was left exactly as it is. */
export class RefusedFileError extends Error {
  override readonly name = 'RefusedFileError';

  constructor(
    readonly file: string,
    readonly kind: RefusalKind,
    /** What is wrong and what to do, e.g. "it is a symbolic link (to …); …". */
    readonly problem: string,
    /** What the file is ("a named pipe") and its size, for callers that word their own message. */
    readonly detail: { is?: string; size?: number; max?: number } = {},
  ) {
    super(`${file}: ${problem}`);
  }

  /** The problem for the editor, in their language (shared/messages/storage.ts). */
  get said(): MainMessage {
    const { is, size, max } = this.detail;
    return { code: 'file-refused', kind: this.kind, problem: this.problem, is: is ?? null, size: size === undefined ? null : megabytes(size), max: max === undefined ? null : megabytes(max) };
  }
}

/** How much of a kind of file Pilcrow reads, and what the editor should do with a larger one. */
export interface ReadLimit {
  maxBytes: number;
  /** "label files", "a label schema" … */
  what: string;
  /** "split it into several files" … */
  advice: string;
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;
const IS_WINDOWS = process.platform === 'win32';
/** File systems that ignore case (and, on macOS, normalise names) give realpath's spelling. */
const FOLDS_CASE = IS_WINDOWS || process.platform === 'darwin';

const realRoots = new Map<string, Promise<string>>();

/** realpath of a root, asked once per root (the workspace root is real already). */
function realRoot(root: string): Promise<string> {
  let real = realRoots.get(root);
  if (!real) {
    real = realpath(root);
    realRoots.set(root, real);
    real.catch(() => realRoots.delete(root));
  }
  return real;
}

/** `path` relative to `root`, refusing anything not below it (`..`, another drive, NUL). */
function below(root: string, path: string): string {
  const rel = relative(root, path);
  if (path.includes('\0') || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new RefusedFileError(path, 'outside', `it is outside ${root}, where Pilcrow keeps its files`);
  }
  return rel;
}

function samePath(a: string, b: string): boolean {
  return FOLDS_CASE ? a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase() : a === b;
}

export function megabytes(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

function tooLarge(path: string, size: number, limit: ReadLimit): RefusedFileError {
  return new RefusedFileError(path, 'too-large', `it is ${megabytes(size)}, more than Pilcrow reads for ${limit.what} (${megabytes(limit.maxBytes)}); ${limit.advice}`, { size, max: limit.maxBytes });
}

function kindOf(info: Stats | BigIntStats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'a device';
}

function special(path: string, info: Stats | BigIntStats): RefusedFileError {
  return new RefusedFileError(path, 'special', `it is ${kindOf(info)}, not a regular file; Pilcrow reads only regular files. Remove it or put the file itself there`, { is: kindOf(info) });
}

/**
 * Names the first component of `path` below `root` that is a symbolic link (the caller found the
 * path reached through one): "its folder .pilcrow/annotations/sara is a symbolic link (to …)".
 */
async function linkRefusal(root: string, path: string): Promise<RefusedFileError> {
  const parts = below(root, path).split(sep).filter(Boolean);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = join(at, part);
    const info = await lstat(at).catch(() => null);
    if (!info?.isSymbolicLink()) continue;
    const target = await readlink(at).catch(() => '?');
    const last = i === parts.length - 1;
    const what = last ? 'it is' : `its folder ${parts.slice(0, i + 1).join('/')} is`;
    // Whether the link stands for a folder (stat reads no content), only to word the advice.
    const folder = !last || (await stat(at).then((s) => s.isDirectory(), () => false));
    return new RefusedFileError(path, 'link', `${what} a symbolic link (to ${target}); Pilcrow never follows links inside a workspace. Replace the link with the real ${folder ? 'folder' : 'file'}`);
  }
  return new RefusedFileError(path, 'link', 'it was reached through a symbolic link that changed while Pilcrow read it; Pilcrow never follows links inside a workspace. Remove the link');
}

/** Windows: no O_NOFOLLOW, so every component is looked at before opening (see the header). */
async function lstatEveryComponent(root: string, path: string): Promise<void> {
  if (!IS_WINDOWS) return;
  let at = root;
  for (const part of below(root, path).split(sep).filter(Boolean)) {
    at = join(at, part);
    const info = await lstat(at).catch(() => null);
    if (!info) return; // missing from here on: the open says so
    if (info.isSymbolicLink()) throw await linkRefusal(root, path);
  }
}

/** The path the kernel opened `handle` at (Linux), else null. */
async function descriptorPath(handle: FileHandle): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  return readlink(`/proc/self/fd/${handle.fd}`).catch(() => null);
}

/** Proves `handle`, opened at `path`, was reached through real folders only; else throws naming the link. */
async function checkHandle(root: string, path: string, handle: FileHandle, info: BigIntStats): Promise<void> {
  const expected = join(await realRoot(root), below(root, path));
  const opened = await descriptorPath(handle);
  if (opened !== null) {
    if (!samePath(opened, expected)) throw await linkRefusal(root, path);
    return;
  }
  const [real, now] = await Promise.all([realpath(path).catch(() => null), lstat(path, { bigint: true }).catch(() => null)]);
  if (real === null || !samePath(real, expected) || !now || now.ino !== info.ino || now.dev !== info.dev) throw await linkRefusal(root, path);
}

/**
 * Opens a regular file below `root` for reading, no link followed, at most `limit` bytes (its
 * size is `size`). ENOENT and other errors of the open pass through; the caller closes the handle.
 */
export async function openConfined(root: string, path: string, limit: ReadLimit): Promise<{ handle: FileHandle; size: number; mtimeMs: number }> {
  await lstatEveryComponent(root, path);
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch (error) {
    // O_NOFOLLOW on a link: ELOOP (Linux), EMLINK (FreeBSD), EFTYPE (some BSDs).
    if (['ELOOP', 'EMLINK', 'EFTYPE'].includes((error as NodeJS.ErrnoException).code ?? '')) throw await linkRefusal(root, path);
    throw error;
  }
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw special(path, info);
    await checkHandle(root, path, handle, info);
    const size = Number(info.size);
    if (size > limit.maxBytes) throw tooLarge(path, size, limit);
    return { handle, size, mtimeMs: Number(info.mtimeMs) };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Where a file read to its end goes next: `buffer` while it has room, else a copy twice as large
 * but never over one byte past the limit; null once that byte was read (the file is too large).
 */
function roomFor(buffer: Buffer<ArrayBuffer>, filled: number, limit: ReadLimit): Buffer<ArrayBuffer> | null {
  if (filled < buffer.length) return buffer;
  if (filled > limit.maxBytes) return null;
  const bigger = Buffer.allocUnsafe(Math.min(limit.maxBytes + 1, buffer.length * 2));
  buffer.copy(bigger, 0, 0, filled);
  return bigger;
}

/** The whole of a regular file below `root`, no link followed, at most `limit` bytes. */
export async function readConfined(root: string, path: string, limit: ReadLimit): Promise<Buffer> {
  return (await readConfinedFile(root, path, limit)).bytes;
}

/** readConfined, with the modification time of the file read (from its handle). */
export async function readConfinedFile(root: string, path: string, limit: ReadLimit): Promise<{ bytes: Buffer; mtimeMs: number }> {
  const { handle, size, mtimeMs } = await openConfined(root, path, limit);
  try {
    // One byte more than the size: a file that grows while it is read is read on, but never past
    // one byte over the limit (which refuses it).
    let buffer = Buffer.allocUnsafe(Math.min(size, limit.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const room = roomFor(buffer, filled, limit);
      if (!room) throw tooLarge(path, filled, limit);
      buffer = room;
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), mtimeMs };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readConfined's checks and read without waiting, for callers reading thousands of small files
 * between yields (team progress): the whole file, or null for anything but a plain success (no
 * file, a link, a special or too large file, a read error, Windows). Says nothing about why: the
 * caller reads such a file again through readConfined, which names the problem.
 */
export function readPlainFileSync(root: string, realRootPath: string, path: string, limit: ReadLimit): Buffer | null {
  if (IS_WINDOWS) return null;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > limit.maxBytes) return null;
    const expected = join(realRootPath, below(root, path));
    if (process.platform === 'linux') {
      if (!samePath(readlinkSync(`/proc/self/fd/${fd}`), expected)) return null;
    } else {
      const now = lstatSync(path);
      if (!samePath(realpathSync.native(path), expected) || now.ino !== info.ino || now.dev !== info.dev) return null;
    }
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let filled = 0;
    for (;;) {
      const room = roomFor(buffer, filled, limit);
      if (!room) return null;
      buffer = room;
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return filled > limit.maxBytes ? null : buffer.subarray(0, filled);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws unless the existing folder `folder` (or `root` itself) is reached from `root` through
 * real folders only (its realpath is its own path); the refusal is about `subject` (a file in it,
 * or the folder). ENOENT passes through; a file where the folder should be fails its first use.
 */
export async function checkFolder(root: string, folder: string, subject = folder): Promise<void> {
  const rel = below(root, folder);
  const real = await realpath(folder);
  if (!samePath(real, join(await realRoot(root), rel))) throw await linkRefusal(root, subject);
}

/**
 * checkFolder's test without waiting, for callers checking thousands of folders between yields:
 * `realFolder(folder)` is true when `folder` exists and is reached from `root` through real
 * folders only. Each folder below `root` is looked at once (an lstat: a folder, not a link), so
 * 2,000 folders of one tree cost about as many lstat calls, not a realpath (an lstat of every
 * component from /) each. Says nothing about why not: such a caller reads the files in a folder
 * that fails through readConfined, which names the link.
 */
export function realFolderTest(root: string): (folder: string) => boolean {
  const top = resolve(root);
  const known = new Map<string, boolean>();
  const real = (folder: string): boolean => {
    if (folder === top) return true;
    let is = known.get(folder);
    if (is === undefined) {
      const parent = dirname(folder);
      is = parent !== folder && real(parent) && isFolderNotLink(folder);
      known.set(folder, is);
    }
    return is;
  };
  return real;
}

function isFolderNotLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** mkdir -p below `root`, one folder at a time, refusing a link (or a file) where a folder should be. */
export async function makeFolders(root: string, folder: string): Promise<void> {
  let at = root;
  for (const part of below(root, folder).split(sep).filter(Boolean)) {
    at = join(at, part);
    await mkdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const info = await lstat(at);
    if (info.isSymbolicLink()) throw await linkRefusal(root, folder);
    if (!info.isDirectory()) throw Object.assign(new Error(`${at} is ${kindOf(info)}, not a folder`), { code: 'ENOTDIR' });
  }
}

/**
 * Creates the new file `path` (O_CREAT|O_EXCL: never through a link) in a folder reached through
 * real folders, checked again once open; a file made through a link swapped in meanwhile is
 * removed at once, before anything is written to it.
 */
export async function createConfined(root: string, path: string, mode = 0o666): Promise<FileHandle> {
  await checkFolder(root, join(path, '..'), path);
  await lstatEveryComponent(root, path);
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, mode);
  try {
    await checkHandle(root, path, handle, await handle.stat({ bigint: true }));
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined); // the empty file this call just made
    throw error;
  }
}

export interface FolderEntry {
  name: string;
  kind: 'file' | 'folder' | 'link' | 'special';
}

function entryKind(entry: Dirent): FolderEntry['kind'] {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  return 'special';
}

/**
 * The entries of a folder below `root` (reached through real folders), each with its kind; ENOENT
 * passes through. The realpath and the listing are made without waiting: walks list thousands of
 * folders (every annotator's, every article folder), where awaiting the two calls for each cost
 * about three times the CPU; the walks yield between folders instead.
 */
export async function listConfined(root: string, folder: string): Promise<FolderEntry[]> {
  const rel = below(root, folder);
  if (!samePath(realpathSync.native(folder), join(await realRoot(root), rel))) throw await linkRefusal(root, folder);
  return readdirSync(folder, { withFileTypes: true }).map((e) => ({ name: e.name, kind: entryKind(e) }));
}

/**
 * Every entry below `folder` (its sub-folders walked, links never), as `/`-separated paths
 * relative to it; a missing folder has none. Entries a caller skips (hidden names) are not walked.
 */
export async function walkConfined(root: string, folder: string, skip: (name: string) => boolean = () => false): Promise<(FolderEntry & { path: string })[]> {
  const found: (FolderEntry & { path: string })[] = [];
  const pending = [''];
  const pause = yielder();
  while (pending.length > 0) {
    await pause();
    const rel = pending.pop() as string;
    const entries = await listConfined(root, rel ? join(folder, ...rel.split('/')) : folder).catch((error: NodeJS.ErrnoException) => {
      if (rel === '' && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') throw error;
      return [];
    });
    for (const entry of entries) {
      if (skip(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      found.push({ ...entry, path });
      if (entry.kind === 'folder') pending.push(path);
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A file the editor named (on the command line, in a dialog), wherever it is: their own links on
 * the way are theirs to follow, but it must be a regular file within `limit` (a named pipe or a
 * device is refused before reading, so it cannot hang or fill memory).
 */
export async function readChosenFile(path: string, limit: ReadLimit): Promise<Buffer> {
  const real = await realpath(path);
  return readConfined(dirname(real), real, limit);
}

/** readChosenFile's checks, for a file read in pieces: the caller reads from the handle and closes it. */
export async function openChosenFile(path: string, limit: ReadLimit): Promise<{ handle: FileHandle; size: number; mtimeMs: number }> {
  const real = await realpath(path);
  return openConfined(dirname(real), real, limit);
}

/** lstat of a path below `root` whose folders are real (the path itself may be a link); null when missing. */
export async function lstatConfined(root: string, path: string): Promise<Stats | null> {
  const parent = join(path, '..');
  const ok = await checkFolder(root, parent).then(
    () => true,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    },
  );
  return ok ? lstat(path).catch(() => null) : null;
}
