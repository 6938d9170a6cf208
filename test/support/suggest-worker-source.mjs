// The suggester's worker thread from the TypeScript source (test/support/workers.ts).
import './register-tsx.mjs';

await import('../../src-main/node/suggest/suggest-worker-entry.ts');
