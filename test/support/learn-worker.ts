/**
 * The learner's worker thread for tests and the bench. Unit tests run the TypeScript source
 * through tsx (learn-worker-source.mjs, with the bench's resolve hook, which reads `./x` as
 * `./x.ts` before a folder `./x/`, as the app's bundler does); e2e specs and the bench's UI run the BUILT worker beside
 * the built app (out/main/learn-worker.js), as the app and the CLI do.
 */
import { join, resolve } from 'node:path';
import type { WorkerSpec } from '../../src-main/node/learn/worker-host';

const ROOT = resolve(import.meta.dirname, '../..');

/** A JavaScript bootstrap that registers tsx in the thread, then imports worker-entry.ts. */
export const SOURCE_LEARN_WORKER: WorkerSpec = { file: join(ROOT, 'test', 'support', 'learn-worker-source.mjs') };

export function builtLearnWorker(): WorkerSpec {
  return { file: join(ROOT, process.env.PILCROW_OUT ?? 'out', 'main', 'learn-worker.js') };
}
