import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import { dirname, join } from 'node:path';
import { readConfined, RefusedFileError, type ReadLimit } from './confined-fs';
import { errorCode } from './durable-fs';
import { isPidAlive } from './stale-temps';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
}
export interface WriterLock {
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): Promise<void>;
  /** The same, synchronously: for a process that is quitting and will not wait for promises. */
  releaseSync(): void;
  readonly path: string;
}
export type AcquireResult = WriterLock | { heldBy: LockHolder };

interface LockContent extends LockHolder {
  owner: string;
  token: string;
}

/** A lock file with unparsable content (crash between create and write) counts as stale after this. */
const UNREADABLE_STALE_MS = 10_000;

export function writerLockPath(dir: string, owner: string): string {
  const safe = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(owner)
    ? owner
    : createHash('sha256').update(owner).digest('hex').slice(0, 16);
  return join(dir, `.pilcrow-writer.${safe}.lock`);
}

/**
 * Takes the writer lock for `owner` (e.g. an annotator id) in `dir`: a file created with `wx`
 * holding pid, host and time. A lock held by a dead pid on this host, or taken before this
 * machine booted, is stale and taken over. Locks from other hosts are never taken over.
 */
export async function acquireWriterLock(dir: string, owner: string): Promise<AcquireResult> {
  const path = writerLockPath(dir, owner);
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = await tryCreate(path, owner);
    if (mine) return mine;
    const held = await readHolder(path);
    if (held === 'missing') continue; // released meanwhile: try again
    if (held !== 'unreadable' && !isStale(held)) return { heldBy: pick(held) };
    if (held === 'unreadable' && !(await olderThan(path, UNREADABLE_STALE_MS))) {
      return { heldBy: { pid: 0, host: 'unknown', since: new Date().toISOString() } };
    }
    await takeOver(path, held);
  }
  const held = await readHolder(path);
  return { heldBy: typeof held === 'object' ? pick(held) : { pid: 0, host: 'unknown', since: '' } };
}

/**
 * The locks in `dir` that the next acquire would take over as stale (isStale): on this host,
 * held by a process that is gone or taken before this machine booted. For `pilcrow doctor`,
 * which must judge a lock exactly as taking it does.
 */
export async function staleWriterLocks(dir: string): Promise<(LockHolder & { path: string; owner: string })[]> {
  const found: (LockHolder & { path: string; owner: string })[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith('.pilcrow-writer.') || !name.endsWith('.lock')) continue;
    const path = join(dir, name);
    const held = await readHolder(path).catch(() => 'unreadable' as const);
    if (typeof held === 'object' && isStale(held)) found.push({ ...pick(held), path, owner: held.owner });
  }
  return found;
}

function pick(c: LockHolder): LockHolder {
  return { pid: c.pid, host: c.host, since: c.since };
}

function isStale(c: LockContent): boolean {
  if (c.host !== hostname()) return false;
  const bootedAt = Date.now() - uptime() * 1000;
  const since = Date.parse(c.since);
  if (Number.isFinite(since) && since < bootedAt - 60_000) return true; // pid from before a reboot
  return c.pid !== process.pid ? !isPidAlive(c.pid) : false;
}

async function tryCreate(path: string, owner: string): Promise<WriterLock | null> {
  const content: LockContent = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    owner,
    token: randomBytes(8).toString('hex'),
  };
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return null;
    throw e;
  }
  try {
    await fh.writeFile(JSON.stringify(content));
    await fh.sync();
  } finally {
    await fh.close();
  }
  let released = false;
  return {
    path,
    release: async () => {
      if (released) return;
      released = true;
      const now = await readHolder(path);
      if (typeof now === 'object' && now.token === content.token) await unlink(path).catch(() => undefined);
    },
    releaseSync: () => {
      if (released) return;
      released = true;
      try {
        if ((JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>).token === content.token) unlinkSync(path);
      } catch {
        // Gone, unreadable or taken over: not ours to remove.
      }
    },
  };
}

/** A lock is a line of JSON. */
const LOCK_LIMIT: ReadLimit = { maxBytes: 64 * 1024, what: 'a writer lock', advice: 'it is taken over once stale' };

async function readHolder(path: string): Promise<LockContent | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = (await readConfined(dirname(path), path, LOCK_LIMIT)).toString('utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return 'missing';
    // A link, a pipe, a huge file where a lock should be: not a lock we can judge; it goes stale.
    if (e instanceof RefusedFileError) return 'unreadable';
    throw e;
  }
  try {
    const v = JSON.parse(text) as Partial<LockContent> | null;
    if (v && typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.since === 'string') {
      return { owner: '', token: '', ...v } as LockContent;
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return true;
  }
}

/**
 * Removes a stale lock without racing another process doing the same: whoever creates the
 * `.takeover` file re-checks that the lock still holds the stale content before removing it.
 */
async function takeOver(path: string, seen: LockContent | 'unreadable'): Promise<void> {
  const guard = `${path}.takeover`;
  let fh;
  try {
    fh = await open(guard, 'wx');
  } catch (e) {
    if (errorCode(e) !== 'EEXIST') throw e;
    if (await olderThan(guard, UNREADABLE_STALE_MS)) await unlink(guard).catch(() => undefined);
    return; // someone else is taking over; the caller retries
  }
  try {
    await fh.close();
    const now = await readHolder(path);
    const same =
      now === 'unreadable' ? seen === 'unreadable' : typeof now === 'object' && typeof seen === 'object' && now.token === seen.token && now.pid === seen.pid && now.since === seen.since;
    if (same) {
      const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      await rename(path, aside);
      await unlink(aside).catch(() => undefined);
    }
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}
