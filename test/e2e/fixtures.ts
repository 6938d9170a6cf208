/**
 * The `test` every e2e spec uses: Playwright's, with fixtures that clean up after the test
 * whether it passed or failed. An app a test launched is closed (unless the test closed it),
 * then the temp folders it made are removed, in that order, so no window, session, file
 * watcher, writer lock or folder outlives its test.
 */
import { test as base } from '@playwright/test';
import { launchApp as startApp, type LaunchOptions, type PilcrowApp } from './harness';
import { copyWorkspace, makeTempDir, removeDir, type TempWorkspace } from './temp';

export { expect } from '@playwright/test';

export interface E2eFixtures {
  /** A new empty folder named after `prefix`, removed after the test. */
  tempDir: (prefix: string) => Promise<string>;
  /**
   * A fresh copy of `source` (a workspace folder) beside a user-data folder, removed after the
   * test. The sample's hand-labelled `reference` layer (docs/suggestions.md) is left out unless
   * asked for, so specs that label see only their own layers.
   */
  tempWorkspace: (source: string, options?: { reference?: boolean }) => Promise<TempWorkspace>;
  /** Launches Pilcrow (test/e2e/harness.ts); every app launched is closed after the test. */
  launchApp: (options: LaunchOptions) => Promise<PilcrowApp>;
}

export const test = base.extend<E2eFixtures>({
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  tempDir: async ({}, use) => {
    const made: string[] = [];
    await use(async (prefix) => {
      const dir = await makeTempDir(prefix);
      made.push(dir);
      return dir;
    });
    for (const dir of made) await removeDir(dir);
  },
  tempWorkspace: async ({ tempDir }, use) => {
    await use(async (source, options = {}) => copyWorkspace(source, await tempDir('e2e'), options));
  },
  // Depends on tempDir so that Playwright tears it down first: apps close before their folders go.
  launchApp: async ({ tempDir: _folders }, use) => {
    const launched: PilcrowApp[] = [];
    await use(async (options) => {
      const app = await startApp(options);
      launched.push(app);
      return app;
    });
    // close() is once-only (harness.ts): apps the test closed itself are not closed again.
    const failures: unknown[] = [];
    for (const app of launched.reverse()) await app.close().catch((error: unknown) => void failures.push(error));
    if (failures.length) throw failures[0];
  },
});
