/**
 * Reads that could take the process down (a Word file: mammoth builds a tree of its whole XML;
 * any file over a few MB) run one at a time, and while one runs a marker in a state file outside
 * the workspace (user data for the app; beside the writer locks for the CLI) names the file. A
 * process that dies mid-read (out of memory, killed) leaves the marker behind; the next open of
 * the workspace finds it, skips that file and says so (safe mode), instead of reading it again
 * in the background and crashing at every start (docs/reliability.md: the app reopens the last workspace).
 * A file that went over a reading budget is remembered the same way, so the background counting
 * does not measure it again. Either is read again once the file changes (size or time).
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { confinedDurableFs, isPidAlive, readConfined, writeAtomic, type ReadLimit } from '../storage';
import { ArticleReadError } from '../text/errors';

/** Files this size and larger, and every Word file, are read one at a time under a marker. */
export const RISKY_BYTES = 4 * 1024 * 1024;

const STATE_LIMIT: ReadLimit = { maxBytes: 4 * 1024 * 1024, what: 'the reading state', advice: 'it is started afresh' };

interface State {
  /** pid → the file that process is reading now. */
  reading: Record<string, { path: string; since: string }>;
  /** Files not to read until they change: their identity (size:mtime) then, and why. */
  skipped: Record<string, { identity: string; reason: string }>;
}

export interface GuardedFile {
  /** Workspace-relative path. */
  path: string;
  /** Absolute path (for its size and time). */
  file: string;
  risky: boolean;
}

export class ReadGuard {
  /** Files skipped at this open because a process died reading them (the safe-mode notice). */
  private readonly crashed: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    /** Null: nothing kept between runs (tests, the bench); risky reads still go one at a time. */
    private readonly stateFile: string | null,
    private state: State,
  ) {}

  static inMemory(): ReadGuard {
    return new ReadGuard(null, { reading: {}, skipped: {} });
  }

  /** The guard of the workspace at (real path) `root`, its state kept in `stateDir`. */
  static async open(stateDir: string, root: string): Promise<ReadGuard> {
    const stateFile = join(stateDir, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
    const state = await readState(stateFile);
    const guard = new ReadGuard(stateFile, state);
    let changed = false;
    for (const [pid, { path }] of Object.entries(state.reading)) {
      if (Number(pid) !== process.pid && isPidAlive(Number(pid))) continue; // another window, still reading
      delete state.reading[pid];
      changed = true;
      if (Number(pid) === process.pid) continue;
      const identity = await identityOf(join(root, ...path.split('/')));
      state.skipped[path] = { identity, reason: crashReason(path) };
      guard.crashed.push(path);
    }
    if (changed) await guard.save();
    return guard;
  }

  /** The files skipped because a process died reading them, once (the first list after opening says so). */
  takeCrashed(): string[] {
    return this.crashed.splice(0);
  }

  /** Why `path` is not read now, or null. A file that changed since is read again. */
  async skipReason(path: string, file: string): Promise<string | null> {
    const kept = this.state.skipped[path];
    if (!kept) return null;
    if (kept.identity === (await identityOf(file))) return kept.reason;
    delete this.state.skipped[path];
    await this.save();
    return null;
  }

  /**
   * Runs `work` (reading `target`): a risky one alone and under a marker. A file skipped before
   * throws its reason; one that goes over a budget now ('too-large') is remembered as skipped.
   */
  async read<T>(target: GuardedFile, work: () => Promise<T>): Promise<T> {
    const reason = await this.skipReason(target.path, target.file);
    if (reason !== null) throw new ArticleReadError('skipped', { code: 'read-skipped', path: target.path, crashed: reason === crashReason(target.path), reason });
    if (!target.risky) return work();
    const turn = this.queue.then(() => this.guarded(target, work));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async guarded<T>(target: GuardedFile, work: () => Promise<T>): Promise<T> {
    const identity = await identityOf(target.file);
    this.state.reading[String(process.pid)] = { path: target.path, since: new Date().toISOString() };
    await this.save();
    try {
      return await work();
    } catch (error) {
      if (error instanceof ArticleReadError && error.code === 'too-large') {
        this.state.skipped[target.path] = { identity, reason: `${target.path}: ${error.message} It is not read again until it changes.` };
      }
      throw error;
    } finally {
      delete this.state.reading[String(process.pid)];
      await this.save();
    }
  }

  private async save(): Promise<void> {
    if (this.stateFile === null) return;
    const folder = dirname(this.stateFile);
    await mkdir(folder, { recursive: true }).catch(() => undefined);
    // Best effort: a state that cannot be written costs only the safe mode, never a read.
    await writeAtomic(confinedDurableFs(folder), this.stateFile, new TextEncoder().encode(JSON.stringify(this.state))).catch(() => undefined);
  }
}

function crashReason(path: string): string {
  return `${path} was skipped: Pilcrow stopped while reading it last time (it may need more memory than this computer has), so it is not read again until the file changes. Split it or save it in another format (plain text), then it is read again.`;
}

/**
 * Whether a file is risky to read, from its format and size (before reading it): `knownSize` when
 * the scan just measured it, else a stat (an article may be a link to another file of the
 * workspace; its size is what is read).
 */
export async function isRisky(file: string, docx: boolean, knownSize?: number): Promise<boolean> {
  if (docx) return true;
  const size = knownSize ?? (await stat(file).catch(() => null))?.size ?? 0;
  return size >= RISKY_BYTES;
}

async function identityOf(file: string): Promise<string> {
  const info = await lstat(file).catch(() => null);
  return info ? `${info.size}:${info.mtimeMs}` : 'absent';
}

async function readState(file: string): Promise<State> {
  try {
    const value = JSON.parse((await readConfined(dirname(file), file, STATE_LIMIT)).toString('utf8')) as Partial<State>;
    return { reading: { ...(value.reading ?? {}) }, skipped: { ...(value.skipped ?? {}) } };
  } catch {
    return { reading: {}, skipped: {} };
  }
}
