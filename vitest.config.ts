import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Storage tests fsync real temp folders; a slow disk should not fail them.
    testTimeout: 30_000,
  },
});
