import { defineConfig } from 'vitest/config';
import { compileSvelteModule, SVELTE_MODULE } from './test/bench/loader/compile-svelte-module.mjs';

export default defineConfig({
  plugins: [
    {
      // The renderer's state classes (`.svelte.ts`, runes) compiled as the app's build does, so
      // tests drive them rather than a copy of their logic (test/bench/loader/compile-svelte-module.mjs).
      name: 'svelte-modules',
      enforce: 'pre',
      transform(code, id) {
        const file = id.split('?')[0] ?? id;
        return SVELTE_MODULE.test(file) ? { code: compileSvelteModule(code, file), map: null } : null;
      },
    },
  ],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/unit/global-setup.ts'],
    // Storage tests fsync real temp folders; a slow disk should not fail them.
    testTimeout: 30_000,
  },
});
