/**
 * The learner's jobs (jobs.ts) in their worker thread (threads/job-thread.ts): the built app and
 * CLI run `learn-worker.js` beside their own entry, tests the source (test/support/workers.ts).
 */
import { JobThread, WorkerJobError, type WorkerSpec } from '../threads/job-thread';
import type { LearnJob, LearnProgress, LearnResult } from './jobs';

export type { WorkerSpec };
export { WorkerJobError as LearnWorkerError };

/** Heap for one training: 50,000 paragraphs take a few hundred megabytes. */
const HEAP_MB = 2048;

/** What the learner's thread is given at its start (worker-entry.ts). */
export interface LearnWorkerData {
  /** The app's EditorActivity: the thread's jobs wait while the editor works. Absent in the CLI. */
  editorActivity?: SharedArrayBuffer;
}

export class LearnWorker extends JobThread<LearnJob, LearnResult, LearnProgress> {
  constructor(spec: WorkerSpec, data: LearnWorkerData = {}) {
    super(spec, { who: 'the learner', heapMb: HEAP_MB, workerData: data });
  }
}
