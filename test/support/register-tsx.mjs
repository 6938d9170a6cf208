// For the worker bootstraps (*-worker-source.mjs, test/support/workers.ts): a worker thread does
// not take `--import tsx` from execArgv on Node 20, so it registers tsx and the bench's resolve
// hook itself before loading a TypeScript entry.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('../bench/loader/ts-first.mjs', import.meta.url);
