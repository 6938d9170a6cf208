import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './scripts/electron-binary.mjs';

const electron = findElectronBinary();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium' },
    // The same specs under real Electron, wherever a binary exists (see global-setup for the skip line).
    ...('path' in electron ? [{ name: 'electron' }] : []),
  ],
});
