/**
 * The learner's worker thread (node:worker_threads): runs one job at a time (jobs.ts) off the
 * main process's event loop, and in the app waits while the editor works (given main's
 * EditorActivity, threads/editor-activity.ts), so training never delays a request, a save or a
 * key. Built as its own entry beside the app's (electron.vite.config.ts: out/main/learn-worker.js).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { YieldToEditor } from '../threads/editor-activity';
import { serveJobs } from '../threads/serve-jobs';
import { runLearnJob, type LearnJob, type LearnProgress } from './jobs';
import type { LearnWorkerData } from './worker-host';

/**
 * How long the editor's requests must have stopped before a job goes on: longer than the gap
 * between the keys of an editor at work, short enough that a pause to read lets training run.
 */
const QUIET_MS = 1500;

/**
 * The training yields the CPU to the app: on Linux a thread has its own nice value, so this
 * thread (found as /proc/thread-self → "PID/task/TID") takes the lowest priority and the main
 * process's and the window's threads go first on a busy machine. Elsewhere there is no per-thread
 * nice value to set and the thread keeps the process's.
 */
function yieldToTheApp(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: the default priority.
  }
}
yieldToTheApp();

const given = (workerData ?? {}) as LearnWorkerData;
const editor = given.editorActivity instanceof SharedArrayBuffer ? new YieldToEditor(given.editorActivity, QUIET_MS) : null;
serveJobs((job: LearnJob, progress: (p: LearnProgress) => void) => runLearnJob(job, progress, editor));
