// The learner's worker thread from the TypeScript source (test/support/learn-worker.ts): a
// worker thread does not take `--import tsx` from execArgv on Node 20, so it registers tsx and
// the bench's resolve hook itself, then loads the real entry.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('../bench/loader/ts-first.mjs', import.meta.url);
await import('../../src-main/node/learn/worker-entry.ts');
