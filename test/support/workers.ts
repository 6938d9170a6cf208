/**
 * The app's worker threads for tests and the bench. Unit tests run the TypeScript source through
 * tsx (the `*-worker-source.mjs` bootstraps, with the bench's resolve hook, which reads `./x` as
 * `./x.ts` before a folder `./x/`, as the app's bundler does); e2e specs and the bench's UI run
 * the BUILT workers beside the built app (out/main/*-worker.js), as the app and the CLI do.
 */
import { join, resolve } from 'node:path';
import type { WorkerSpec } from '../../src-main/node/threads/job-thread';

const ROOT = resolve(import.meta.dirname, '../..');

/** JavaScript bootstraps that register tsx in the thread, then import the worker's entry. */
export const SOURCE_LEARN_WORKER: WorkerSpec = { file: join(ROOT, 'test', 'support', 'learn-worker-source.mjs') };
export const SOURCE_SUGGEST_WORKER: WorkerSpec = { file: join(ROOT, 'test', 'support', 'suggest-worker-source.mjs') };

function built(name: string): WorkerSpec {
  return { file: join(ROOT, process.env.PILCROW_OUT ?? 'out', 'main', `${name}-worker.js`) };
}

export function builtLearnWorker(): WorkerSpec {
  return built('learn');
}

export function builtSuggestWorker(): WorkerSpec {
  return built('suggest');
}
