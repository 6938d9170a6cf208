/**
 * One writer per (workspace, annotator) on this machine (docs/reliability.md, "One writer").
 *
 * The lock files live outside the workspace, in a per-user folder of the OS temp dir: a workspace
 * shared through git or a sync tool must not carry one machine's locks to another (a lock from
 * another host could never be judged stale), and the folder is per machine by nature. Every
 * process that writes layers (the app, `pilcrow import`) takes the same lock, whatever its
 * user-data folder. A lock whose process died is recovered by `acquireWriterLock`.
 */
import { createHash } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { acquireWriterLock, type AcquireResult, type LockHolder } from '../storage';

/** `PILCROW_LOCKS_DIR` when set (tests, or a machine whose temp folder is odd), else per user in the OS temp dir. */
export function defaultLocksDir(): string {
  if (process.env.PILCROW_LOCKS_DIR) return process.env.PILCROW_LOCKS_DIR;
  let user: string;
  try {
    const info = userInfo();
    user = info.uid >= 0 ? String(info.uid) : info.username;
  } catch {
    user = 'user';
  }
  return join(tmpdir(), `pilcrow-locks-${user.replace(/[^A-Za-z0-9_.-]/g, '_')}`);
}

/** The folder of the workspace's writer locks under `locksDir`. */
export async function workspaceLocksDir(locksDir: string, root: string): Promise<string> {
  // The same folder reached by another path (a symlink, a different case on macOS) is one workspace.
  const real = await realpath(root).catch(() => root);
  return join(locksDir, createHash('sha256').update(real).digest('hex').slice(0, 24));
}

/** Takes the writer lock of `annotator`'s layer in the workspace at `root`. */
export async function lockLayer(locksDir: string, root: string, annotator: string): Promise<AcquireResult> {
  const dir = await workspaceLocksDir(locksDir, root);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return acquireWriterLock(dir, annotator);
}

/** Who holds a layer (the caller says what follows from it): "The labels of … in another Pilcrow (…)". */
export function heldMessage(annotator: string, holder: LockHolder): string {
  const since = holder.since ? ` since ${holder.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : '';
  const who = holder.pid > 0 ? `another Pilcrow (process ${holder.pid} on ${holder.host}${since})` : 'another Pilcrow that is starting up';
  return `The labels of "${annotator}" in this workspace are open for editing in ${who}`;
}
