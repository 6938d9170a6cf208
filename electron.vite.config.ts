import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import pkg from './package.json' with { type: 'json' };

/** PILCROW_OUT lets two builds of one checkout (parallel work, benchmarks) not share out/. */
const out = process.env.PILCROW_OUT ?? 'out';

// Entry folders are named explicitly: this project does not use electron-vite's default src/ layout.
export default defineConfig({
  main: {
    define: { __PILCROW_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // zod is bundled into main rather than loaded file by file from node_modules: loading the
      // built CLI took ~250 ms CPU with it outside, ~140 bundled (docs/performance.md).
      externalizeDeps: { exclude: ['zod'] },
      outDir: `${out}/main`,
      rollupOptions: {
        // The CLI is built beside the Electron entry so both share the same node/ and core/ code;
        // so are the worker threads, which are started by their file beside them
        // (node/threads/job-thread.ts): out/main/learn-worker.js (the learned suggester's
        // training) and out/main/suggest-worker.js (the app's suggestions for one article).
        input: {
          index: resolve(import.meta.dirname, 'src-main/electron/main.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli/pilcrow.ts'),
          'learn-worker': resolve(import.meta.dirname, 'src-main/node/learn/worker-entry.ts'),
          'suggest-worker': resolve(import.meta.dirname, 'src-main/node/suggest/suggest-worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte()],
    build: {
      outDir: `${out}/renderer`,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } },
    },
  },
});
