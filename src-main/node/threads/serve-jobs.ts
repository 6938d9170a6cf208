/**
 * The worker thread's side of job-thread.ts: answers each `{ id, job }` message with its result,
 * its progress or its error, by id. Jobs run as they arrive (an async job lets the next start).
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './job-thread';

export function serveJobs<Job, Result, Progress = never>(run: (job: Job, progress: (p: Progress) => void) => Promise<Result> | Result): void {
  const port = parentPort;
  if (!port) throw new Error('this file runs as a worker thread');
  port.on('message', (message: { id: number; job: Job }) => {
    const reply = (r: WorkerReply<Result, Progress>) => port.postMessage(r);
    Promise.resolve()
      .then(() => run(message.job, (progress) => reply({ id: message.id, progress })))
      .then(
        (result) => reply({ id: message.id, result }),
        (error: unknown) => reply({ id: message.id, error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } }),
      );
  });
}
