import { describeError, errorCode } from './durable-fs';

/** What read() did with a file that failed validation, or that it refused to read. */
export interface RecoveryReport {
  /** The file that was bad. */
  file: string;
  /** Why it was rejected, e.g. "empty file (0 bytes)", "wrong schema (…)", "it is a symbolic link (to …); …". */
  problem: string;
  /**
   * Where the original bytes are now (byte for byte); null when the file was refused unread and
   * left exactly where it is (a link, a special file, a file over its size limit: confined-fs.ts).
   */
  quarantinedTo: string | null;
  /** 'bak': data came from `<file>.bak`; 'none': no valid backup, read() returned null. */
  restoredFrom: 'bak' | 'none';
  /** The file holds git conflict markers: a merge is not finished. It was left exactly as it is. */
  midMerge?: true;
}

/**
 * What a reader says of a file with git conflict markers: which line, that nothing was changed,
 * and how to finish the merge (docs/teams.md, "Finishing a merge").
 */
export function midMergeProblem(file: string, line: number): string {
  return (
    `it is in the middle of a git merge (conflict markers from line ${line}); Pilcrow left it exactly as it is and does not read or write it until the merge is finished. ` +
    `To finish: run pilcrow resolve on the workspace (label schema and label files), or keep what both sides added and delete the <<<<<<<, ======= and >>>>>>> lines yourself; ` +
    `then git add -- ${file} and git commit`
  );
}

/** A save refused because the file on disk is mid-merge (git conflict markers): nothing was written. */
export class MidMergeError extends Error {
  override readonly name = 'MidMergeError';
  readonly file: string;

  constructor(file: string, line: number) {
    super(`Could not save ${file}: ${midMergeProblem(file, line)}`);
    this.file = file;
  }
}

/** A file failed validation and could not be moved out of the way; it was left untouched. */
export class CorruptFileError extends Error {
  override readonly name = 'CorruptFileError';
  readonly file: string;
  readonly problem: string;
  readonly quarantinedTo?: string;

  constructor(file: string, problem: string, opts: { quarantinedTo?: string; cause?: unknown } = {}) {
    const why = opts.cause === undefined ? '' : `; moving it to quarantine failed: ${describeError(opts.cause)}`;
    super(`${file} is damaged (${problem}); it was left untouched${why}`, { cause: opts.cause });
    this.file = file;
    this.problem = problem;
    if (opts.quarantinedTo !== undefined) this.quarantinedTo = opts.quarantinedTo;
  }
}

/** A save failed. The file on disk still holds the previous generation. */
export class DurableWriteError extends Error {
  override readonly name = 'DurableWriteError';
  readonly file: string;
  /** Which step failed, e.g. "fsync of the temp file". */
  readonly step: string;
  /** errno code of the underlying error, when there is one (ENOSPC, EIO, …). */
  readonly code: string | undefined;

  constructor(file: string, step: string, cause: unknown) {
    super(`Could not save ${file}: ${step} failed: ${describeError(cause)}`, { cause });
    this.file = file;
    this.step = step;
    this.code = errorCode(cause);
  }
}
