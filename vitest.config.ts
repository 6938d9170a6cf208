import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/unit/global-setup.ts'],
    // Storage tests fsync real temp folders; a slow disk should not fail them.
    testTimeout: 30_000,
  },
});
