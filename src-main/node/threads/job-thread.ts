/**
 * Runs jobs in a worker thread (node:worker_threads), off the main process's event loop. The
 * worker's file is given, not found: the built app and CLI run `<name>-worker.js` beside their own
 * entry (out/main/), tests and the bench run the TypeScript source through tsx
 * (test/support/workers.ts). The thread starts on the first job and stays for the next; a job
 * that fails rejects with the worker's message. The worker's heap is capped, so a job too big
 * ends the worker with an error instead of taking the app's process down with it (all threads of
 * a process share one heap cage in Electron). The worker's side is serve-jobs.ts.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerSpec {
  /** The worker's entry file. */
  file: string;
  /** Node options for the thread. */
  execArgv?: string[];
}

export type WorkerReply<Result, Progress> = { id: number } & ({ result: Result } | { progress: Progress } | { error: { name: string; message: string } });

export class WorkerJobError extends Error {
  constructor(
    message: string,
    /** The worker's error name (`UnknownLayerError`), or `stopped` / `crashed`. */
    readonly kind: string,
  ) {
    super(message);
  }
}

interface Pending<Result, Progress> {
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
  progress: (p: Progress) => void;
}

export interface JobThreadOptions {
  /** Who does the work, for messages ("the learner"). */
  who: string;
  heapMb: number;
  /** What the thread is given at its start (`workerData`): shared memory, not per job. */
  workerData?: unknown;
}

export class JobThread<Job, Result, Progress = never> {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, Pending<Result, Progress>>();

  constructor(
    readonly spec: WorkerSpec,
    private readonly options: JobThreadOptions,
  ) {}

  run(job: Job, progress: (p: Progress) => void = () => {}): Promise<Result> {
    const worker = this.start();
    // A thread with work keeps the process alive; an idle one does not (a CLI exits when done).
    worker.ref();
    const id = this.next++;
    return new Promise<Result>((resolve, reject) => {
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
    this.fail(new WorkerJobError(`${this.options.who} was stopped`, 'stopped'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.spec.file, { execArgv: this.spec.execArgv ?? [], resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb }, workerData: this.options.workerData });
    worker.on('message', (reply: WorkerReply<Result, Progress>) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      if ('progress' in reply) return pending.progress(reply.progress);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('result' in reply) pending.resolve(reply.result);
      else pending.reject(new WorkerJobError(reply.error.message, reply.error.name));
    });
    worker.on('error', (error) => {
      this.worker = null;
      this.fail(new WorkerJobError(`${this.options.who} stopped: ${error.message}`, 'crashed'));
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.fail(new WorkerJobError(`${this.options.who} stopped (exit code ${code})`, 'crashed'));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
