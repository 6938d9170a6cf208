/**
 * Runs learner jobs (jobs.ts) in a worker thread. The worker's file is given, not found: the
 * built app and CLI run `learn-worker.js` beside their own entry (out/main/), tests and the
 * bench run the TypeScript source through tsx (test/support/learn-worker.ts). The thread starts
 * on the first job and stays for the next; a job that fails rejects with the worker's message.
 * The worker's heap is capped, so a workspace too big to train on ends the worker with an error
 * instead of taking the app's process down with it (all threads of a process share one heap cage
 * in Electron).
 */
import { Worker } from 'node:worker_threads';
import type { LearnJob, LearnProgress, LearnResult } from './jobs';

export interface WorkerSpec {
  /** The worker's entry file. */
  file: string;
  /** Node options for the thread (the source needs `--import tsx`). */
  execArgv?: string[];
}

export type WorkerReply = { id: number } & ({ result: LearnResult } | { progress: LearnProgress } | { error: { name: string; message: string } });

/** Heap for one training: 50,000 paragraphs take a few hundred megabytes. */
const HEAP_MB = 2048;

export class LearnWorkerError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (result: LearnResult) => void;
  reject: (error: Error) => void;
  progress: (p: LearnProgress) => void;
}

export class LearnWorker {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly spec: WorkerSpec) {}

  run(job: LearnJob, progress: (p: LearnProgress) => void = () => {}): Promise<LearnResult> {
    const worker = this.start();
    // A thread with work keeps the process alive; an idle one does not (a CLI exits when done).
    worker.ref();
    const id = this.next++;
    return new Promise<LearnResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      worker.postMessage({ id, job });
    });
  }

  /** Whether a job is running. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stops the thread; jobs in flight reject. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.fail(new LearnWorkerError('the learner was stopped', 'stopped'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.spec.file, { execArgv: this.spec.execArgv ?? [], resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) return pending.progress(reply.progress);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('result' in reply) pending.resolve(reply.result);
      else pending.reject(new LearnWorkerError(reply.error.message, reply.error.name));
    });
    worker.on('error', (error) => {
      this.worker = null;
      this.fail(new LearnWorkerError(`the learner stopped: ${error.message}`, 'crashed'));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.fail(new LearnWorkerError(`the learner stopped (exit code ${code})`, 'crashed'));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
