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

export class LearnWorker extends JobThread<LearnJob, LearnResult, LearnProgress> {
  constructor(spec: WorkerSpec) {
    super(spec, { who: 'the learner', heapMb: HEAP_MB });
  }
}
