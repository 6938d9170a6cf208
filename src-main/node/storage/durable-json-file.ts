import { dirname } from 'node:path';
import { commitTemp, prepareTemp, syncDirOf } from './atomic-write';
import { RefusedFileError, type ReadLimit } from './confined-fs';
import { confinedDurableFs, describeError, errorCode, removeQuietly, type DurableFs } from './durable-fs';
import { CorruptFileError, DurableWriteError, MidMergeError, midMergeProblem, type RecoveryReport } from './errors';
import { checkAndParse } from './read-check';
import { copyToQuarantine, moveToQuarantine } from './quarantine';
import { bakPathFor, tempPathFor } from './temp-names';

export interface DurableJsonFileOptions<T> {
  /** Schema check; throws (e.g. a zod error) when the shape is wrong. */
  parse: (value: unknown) => T;
  /**
   * Turns the data into the file's bytes, throwing when they would not read back with `parse`
   * (annotation files check only what changed: annotations/layer-format.ts). Default:
   * JSON.stringify(data, null, 2), checked by running `parse` over the bytes.
   */
  serialise?: (data: T) => Uint8Array;
  /** Called after a damaged file was quarantined (with or without a .bak restore). */
  onRecover?: (report: RecoveryReport) => void;
  /**
   * The folder the file, its backup, temp files and the quarantine stay inside (the workspace, or
   * user data): no link below it is followed (storage/confined-fs.ts).
   */
  root: string;
  /** How large the file may be; a larger one is refused unread and reported. */
  limit?: ReadLimit;
  /** Injectable for crash/error-injection tests (default: the file system confined to `root`). */
  fs?: DurableFs;
  /** Where bad files are moved (created on demand). */
  quarantineDir: string;
  /**
   * Brings into `mine` (the data about to be written, or held in memory) what someone else
   * changed on disk since this instance last read or wrote the file: `onDisk` is the file now,
   * `base` the generation this instance saw (null when it saw no file). Without it, a file
   * changed behind this instance's back is overwritten by its next write (after a .bak copy).
   */
  reconcile?: (onDisk: T, base: T | null, mine: T) => void;
  /**
   * A file the team shares through git or a sync tool (the default): one with git conflict
   * markers is mid-merge, the user's to finish, and is never moved, restored over or written;
   * reads report it (`midMerge`) and return null, writes throw MidMergeError. False for this
   * machine's own files (user data), where markers are damage like any other.
   */
  shared?: boolean;
  /** Runs before each write (the workspace's .gitignore: workspace/gitignore.ts). */
  beforeWrite?: () => Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

const encoder = new TextEncoder();

/**
 * A lowdb 7 adapter (`new Low(new DurableJsonFile(path, opts), defaults)`) that writes with
 * temp + fsync + rename + folder fsync, keeps `<file>.bak`, and quarantines damaged files.
 * All operations on one instance run one at a time; queued writes are coalesced (a write()
 * resolves once data at least as new as its own is durable).
 */
export class DurableJsonFile<T> {
  readonly file: string;
  readonly #opts: DurableJsonFileOptions<T>;
  readonly #fs: DurableFs;
  #chain: Promise<void> = Promise.resolve();
  #pending: { data: T; waiters: Waiter[] } | null = null;
  /** The generation this instance last wrote (its identity and bytes), until anything else may have touched it. */
  #known: { identity: string; bytes: Uint8Array } | null = null;
  /**
   * The generation whose content the caller's data holds (last read, written or reconciled):
   * bytes null when there was no file. null until the first read or write.
   */
  #seen: { identity: string | null; bytes: Uint8Array | null } | null = null;
  /** Operations queued or running. */
  #busy = 0;

  constructor(file: string, opts: DurableJsonFileOptions<T>) {
    this.file = file;
    this.#opts = opts;
    this.#fs = opts.fs ?? confinedDurableFs(opts.root);
  }

  read(): Promise<T | null> {
    return this.#enqueue(() => this.#readNow());
  }

  write(data: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.#pending) {
        this.#pending.data = data;
        this.#pending.waiters.push({ resolve, reject });
        return;
      }
      const batch = { data, waiters: [{ resolve, reject }] };
      this.#pending = batch;
      void this.#enqueue(async () => {
        if (this.#pending === batch) this.#pending = null; // later writes form a new batch
        try {
          await this.#writeNow(batch.data);
          for (const w of batch.waiters) w.resolve();
        } catch (e) {
          for (const w of batch.waiters) w.reject(e);
        }
      }).catch(() => undefined);
    });
  }

  /**
   * Brings into `mine` what changed on disk since this instance last read or wrote the file
   * (with the `reconcile` option); true when the file had changed. A missing or damaged file
   * is left for the next write to handle, and `mine` is unchanged.
   */
  refresh(mine: T): Promise<boolean> {
    // A read or write under way sees the disk itself (a write reconciles before it replaces the
    // file): waiting for it would hold up every request behind the save before it.
    if (this.#busy > 0) return Promise.resolve(false);
    return this.#enqueue(async () => {
      const seen = this.#seen;
      if (!this.#opts.reconcile || seen === null) return false;
      const identity = await this.#identity();
      if (identity !== null && identity === seen.identity) return false;
      const current = await this.#fs.readFile(this.file, this.#opts.limit).catch(() => null);
      if (current === null || (seen.bytes !== null && sameBytes(current, seen.bytes))) return false;
      const cur = checkAndParse(current, this.#opts.parse);
      if (!cur.ok) return false;
      this.#reconcile(cur.value, seen, mine);
      this.#seen = { identity, bytes: current };
      return true;
    });
  }

  #reconcile(onDisk: T, seen: { bytes: Uint8Array | null }, mine: T): void {
    const base = seen.bytes === null ? null : checkAndParse(seen.bytes, this.#opts.parse);
    this.#opts.reconcile!(onDisk, base?.ok ? base.value : null, mine);
  }

  #enqueue<R>(op: () => Promise<R>): Promise<R> {
    this.#busy += 1;
    const run = this.#chain.then(op).finally(() => {
      this.#busy -= 1;
    });
    this.#chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #writeNow(data: T): Promise<void> {
    const { file } = this;
    const fs = this.#fs;
    const known = this.#known;
    this.#known = null; // until this save completes, what is on disk is not known
    // 1. Serialise (synchronously: later mutations of `data` cannot tear it) and check.
    let bytes = this.#serialise(data);
    await this.#opts.beforeWrite?.();
    // 2. Keep the current generation as .bak if it is valid; quarantine it if it is damaged.
    //    The generation this instance wrote itself, untouched since (same identity), is valid by
    //    construction and fsynced: it becomes the .bak by a hard link, without reading it.
    if (known !== null && (await this.#identity()) === known.identity) {
      if (!sameBytes(known.bytes, bytes)) await this.#keepBackup(null);
    } else {
      let current: Uint8Array | null = null;
      try {
        current = await fs.readFile(file, this.#opts.limit);
      } catch (e) {
        if (errorCode(e) !== 'ENOENT') throw new DurableWriteError(file, 'reading the current file', e);
      }
      if (current !== null) {
        const cur = checkAndParse(current, this.#opts.parse);
        const seen = this.#seen;
        if (cur.ok && this.#opts.reconcile && seen !== null && !(seen.bytes !== null && sameBytes(current, seen.bytes))) {
          // Changed on disk since this instance saw it (a sync, a git pull): merge, never overwrite.
          this.#reconcile(cur.value, seen, data);
          bytes = this.#serialise(data);
        }
        // A merge in progress (git conflict markers) is the user's to finish: never written over.
        if (!cur.ok && cur.midMerge && this.#opts.shared !== false) throw new MidMergeError(file, cur.midMerge.line);
        if (!cur.ok) {
          // Never overwrite damaged bytes: copy them away first, the rename below replaces them.
          const quarantinedTo = await this.#quarantine(current, cur.problem, 'copy');
          this.#report({ file, problem: cur.problem, quarantinedTo, restoredFrom: 'none' });
        } else if (!sameBytes(current, bytes)) {
          await this.#keepBackup(current);
        }
      } else {
        // A first save creates the file's folder (annotator and article sub-folders) on demand,
        // so merely opening an article leaves no empty layer folder behind.
        await fs.mkdirp(dirname(file)).catch((e: unknown) => {
          throw new DurableWriteError(file, 'creating its folder', e);
        });
      }
    }
    // 3. The new generation: temp, fsync, rename, folder fsync.
    const temp = await prepareTemp(fs, file, bytes);
    await commitTemp(fs, temp, file);
    await syncDirOf(fs, file);
    const identity = await this.#identity();
    if (identity !== null) this.#known = { identity, bytes };
    this.#seen = { identity, bytes };
  }

  #serialise(data: T): Uint8Array {
    const { file } = this;
    if (this.#opts.serialise) {
      try {
        return this.#opts.serialise(data);
      } catch (e) {
        throw new DurableWriteError(file, 'checking the data before saving', e);
      }
    }
    let text: string | undefined;
    try {
      text = JSON.stringify(data, null, 2) as string | undefined; // throws on cycles and BigInt
    } catch (e) {
      throw new DurableWriteError(file, 'serialising', e);
    }
    if (text === undefined) throw new DurableWriteError(file, 'serialising', new Error('nothing to save'));
    const bytes = encoder.encode(text);
    const check = checkAndParse(bytes, this.#opts.parse);
    if (!check.ok) {
      throw new DurableWriteError(file, 'checking the data before saving', new Error(check.problem));
    }
    return bytes;
  }

  /** This file's identity now (null when unknown: no such file, or a file system without it). */
  async #identity(): Promise<string | null> {
    return this.#fs.identity ? this.#fs.identity(this.file).catch(() => null) : null;
  }

  /**
   * Makes the file's current, valid generation the .bak: a hard link to it when `current` is
   * null (this instance wrote and fsynced it), else, or when the file system has no hard
   * links, an fsynced copy of `current` (read again if needed).
   */
  async #keepBackup(current: Uint8Array | null): Promise<void> {
    const { file } = this;
    const fs = this.#fs;
    const bak = bakPathFor(file);
    if (current === null && fs.link) {
      const linkTemp = tempPathFor(bak);
      const linked = await fs.link(file, linkTemp).then(
        () => true,
        () => false, // no hard links here (or a transient failure): copy instead
      );
      if (linked) return commitTemp(fs, linkTemp, bak, file);
    }
    const bytes =
      current ??
      (await fs.readFile(file, this.#opts.limit).catch((e: unknown) => {
        throw new DurableWriteError(file, 'keeping the backup copy (reading the current file)', e);
      }));
    const bakTemp = await prepareTemp(fs, bak, bytes).catch((e: unknown) => {
      throw rewrap(e, file, 'keeping the backup copy');
    });
    await commitTemp(fs, bakTemp, bak, file);
  }

  async #readNow(): Promise<T | null> {
    const { file } = this;
    this.#known = null;
    this.#seen = null;
    const fs = this.#fs;
    // Taken before reading: a change between the two makes the identity differ, never the bytes go unseen.
    const identity = this.#opts.reconcile ? await this.#identity() : null;
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(file, this.#opts.limit);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') {
        this.#seen = { identity: null, bytes: null };
        return null;
      }
      if (e instanceof RefusedFileError) {
        // A link, a special file, a file too large: never read, never moved, never restored over.
        this.#report({ file, problem: e.problem, quarantinedTo: null, restoredFrom: 'none' });
        return null;
      }
      throw new Error(`Could not read ${file}: ${describeError(e)}`, { cause: e });
    }
    const check = checkAndParse(bytes, this.#opts.parse);
    if (check.ok) {
      this.#seen = { identity, bytes };
      return check.value;
    }
    if (check.midMerge && this.#opts.shared !== false) {
      // Mid-merge: neither moved, nor restored over from .bak (a generation holding neither side's
      // changes), nor written; the reader is told how to finish the merge (storage/errors.ts).
      this.#report({ file, problem: midMergeProblem(file, check.midMerge.line), quarantinedTo: null, restoredFrom: 'none', midMerge: true });
      return null;
    }
    return this.#recoverDamaged(bytes, check).catch((e: unknown) => {
      if (!(e instanceof CorruptFileError && e.cause instanceof RefusedFileError)) throw e;
      // The quarantine folder is a link (or the like): the damaged file stays where it is, unread
      // from here on and never written over, and the editor is told why.
      this.#report({ file, problem: `${check.problem}; it was left where it is because ${e.cause.message}`, quarantinedTo: null, restoredFrom: 'none' });
      return null;
    });
  }

  /** A damaged file: moved to quarantine, its .bak restored if valid. */
  async #recoverDamaged(bytes: Uint8Array, check: { problem: string }): Promise<T | null> {
    const { file } = this;
    const fs = this.#fs;
    // Damaged. Is there a valid backup?
    let bak: { value: T; bytes: Uint8Array } | undefined;
    try {
      const bakBytes = await fs.readFile(bakPathFor(file), this.#opts.limit);
      const b = checkAndParse(bakBytes, this.#opts.parse);
      if (b.ok) bak = { value: b.value, bytes: bakBytes };
    } catch (e) {
      // No readable backup; one that is a link (or the like) is named, never read.
      if (e instanceof RefusedFileError) this.#report({ file: e.file, problem: e.problem, quarantinedTo: null, restoredFrom: 'none' });
    }
    if (!bak) {
      const quarantinedTo = await this.#quarantine(bytes, check.problem, 'move');
      this.#report({ file, problem: check.problem, quarantinedTo, restoredFrom: 'none' });
      this.#seen = { identity: null, bytes: null };
      return null;
    }
    this.#seen = { identity: null, bytes: bak.bytes };
    // Restore without a window: fsynced restore temp, durable quarantine copy, atomic rename.
    const restoreTemp = await prepareTemp(fs, file, bak.bytes).catch(() => undefined);
    if (restoreTemp === undefined) {
      const quarantinedTo = await this.#quarantine(bytes, check.problem, 'move');
      this.#report({ file, problem: check.problem, quarantinedTo, restoredFrom: 'bak' });
      return bak.value; // lowdb keeps it in memory; the next write() saves it
    }
    let quarantinedTo: string;
    try {
      quarantinedTo = await this.#quarantine(bytes, check.problem, 'copy');
    } catch (e) {
      await removeQuietly(fs, restoreTemp);
      throw e;
    }
    try {
      await commitTemp(fs, restoreTemp, file);
      await syncDirOf(fs, file);
    } catch {
      // The damaged file is still in place but safely copied; the data comes from .bak anyway.
    }
    this.#report({ file, problem: check.problem, quarantinedTo, restoredFrom: 'bak' });
    return bak.value;
  }

  /** Puts the damaged bytes in quarantine, or throws CorruptFileError leaving the file as is. */
  async #quarantine(bytes: Uint8Array, problem: string, how: 'move' | 'copy'): Promise<string> {
    const { file } = this;
    const qdir = this.#opts.quarantineDir;
    try {
      return how === 'move'
        ? await moveToQuarantine(this.#fs, file, bytes, qdir)
        : await copyToQuarantine(this.#fs, file, bytes, qdir);
    } catch (e) {
      const q = (e as { quarantinedTo?: unknown }).quarantinedTo;
      throw new CorruptFileError(file, problem, {
        cause: e instanceof DurableWriteError && e.cause !== undefined ? e.cause : e,
        ...(typeof q === 'string' ? { quarantinedTo: q } : {}),
      });
    }
  }

  #report(report: RecoveryReport): void {
    try {
      this.#opts.onRecover?.(report);
    } catch {
      // a failing listener must not turn a successful recovery into a failed read
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function rewrap(e: unknown, file: string, step: string): unknown {
  return e instanceof DurableWriteError ? new DurableWriteError(file, `${step} (${e.step})`, e.cause) : e;
}
