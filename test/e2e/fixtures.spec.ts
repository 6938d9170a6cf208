/**
 * The fixtures every spec uses (fixtures.ts) clean up after a test that fails: its app is closed
 * and its temp folders are gone before the next test starts. The first test fails on purpose
 * (test.fail: a pass would be reported as a failure); the second, in the same worker after it,
 * looks at what it left.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { waitForApp } from './pages';

test.describe.configure({ mode: 'serial' });

let left: { page: Page; folders: string[] } | null = null;

test('a failing test: its app is open and its folders are written when it fails', async ({ tempWorkspace, tempDir, launchApp }) => {
  test.fail();
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const other = await tempDir('other');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  left = { page: app.page, folders: [root, other] };
  expect(existsSync(userData) && existsSync(other)).toBe(true);
  throw new Error('failing on purpose, with the app open');
});

test('after it failed, its app is closed and its temp folders are removed', async () => {
  expect(left).not.toBeNull();
  expect(left!.page.isClosed()).toBe(true);
  expect(left!.folders.filter((folder) => existsSync(folder))).toEqual([]);
});
