/**
 * The learner's worker thread (node:worker_threads): runs one job at a time (jobs.ts) off the
 * main process's event loop, so training never delays a request, a save or a key. Built as its
 * own entry beside the app's (electron.vite.config.ts: out/main/learn-worker.js).
 */
import { parentPort } from 'node:worker_threads';
import { runLearnJob, type LearnJob } from './jobs';
import type { WorkerReply } from './worker-host';

const port = parentPort;
if (!port) throw new Error('learn-worker runs as a worker thread');

port.on('message', (message: { id: number; job: LearnJob }) => {
  const reply = (r: WorkerReply) => port.postMessage(r);
  runLearnJob(message.job, (progress) => reply({ id: message.id, progress })).then(
    (result) => reply({ id: message.id, result }),
    (error: unknown) => reply({ id: message.id, error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } }),
  );
});
