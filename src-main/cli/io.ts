/** Where a CLI command writes and what it may use: the terminal in `bin/pilcrow`, strings in tests. */
import type { Writable } from 'node:stream';
import type { WorkerSpec } from '../node/learn/worker-host';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw standard output for streamed output (export without --out); tests leave it out. */
  stdout?: Writable;
  /** Aborted on Ctrl+C: a running export stops and leaves its target as it was. */
  signal?: AbortSignal;
  /** The learned suggester's worker thread (train, suggest, suggest-eval --learned); the built CLI's is beside it. */
  learnWorker?: WorkerSpec;
}
