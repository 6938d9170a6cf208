// The learner's worker thread from the TypeScript source (test/support/workers.ts).
import './register-tsx.mjs';

await import('../../src-main/node/learn/worker-entry.ts');
