import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './scripts/electron-binary.mjs';

const electron = findElectronBinary();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // Never retried, in CI or anywhere: a retry would hide the timing bug it papers over.
  retries: 0,
  // Hang guards, not speed checks (speed is `npm run bench`'s job): specs wait on state, and a
  // passing run on a busy 2-core machine must never come near these (docs/testing.md).
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium' },
    // The same specs under real Electron, wherever a binary exists (see global-setup for the skip line).
    ...('path' in electron ? [{ name: 'electron' }] : []),
  ],
});
