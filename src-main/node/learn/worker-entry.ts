/**
 * The learner's worker thread (node:worker_threads): runs one job at a time (jobs.ts) off the
 * main process's event loop, so training never delays a request, a save or a key. Built as its
 * own entry beside the app's (electron.vite.config.ts: out/main/learn-worker.js).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { serveJobs } from '../threads/serve-jobs';
import { runLearnJob } from './jobs';

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

serveJobs(runLearnJob);
