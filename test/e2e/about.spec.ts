import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { APP_VERSION, SAMPLE_WORKSPACE } from './harness';
import { waitForApp } from './pages';

const ROOT = resolve(import.meta.dirname, '../..');

test('About shows the version, where settings and the log are, and the full licence texts; the menu opens it too', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await page.getByTestId('open-about').click();
  const about = page.getByTestId('about-dialog');
  await expect(about.getByTestId('about-version')).toHaveText(`Version ${APP_VERSION}`);
  await expect(about.getByTestId('about-runtime')).toContainText('Node ');
  await expect(about.getByTestId('about-settings-file')).toHaveText(join(userData, 'settings.json'));
  if (test.info().project.name === 'electron') await expect(about.getByTestId('about-log-file')).toHaveText(/main\.log$/);
  else await expect(about.getByTestId('about-log-file')).toHaveText('No log file in this window.');

  const licenses = about.getByTestId('about-license');
  await expect(licenses).toHaveCount(2);
  await expect(licenses.nth(0)).toContainText('Pilcrow — MIT License');
  await expect(licenses.nth(1)).toContainText('Vazirmatn font — SIL Open Font License 1.1');
  await licenses.nth(0).getByText('Full text').click();
  // Shown as text, whole: what LICENSE says, not a summary.
  expect(await licenses.nth(0).locator('pre').textContent()).toBe(await readFile(join(ROOT, 'LICENSE'), 'utf8'));
  await licenses.nth(1).getByText('Full text').click();
  await expect(licenses.nth(1).locator('pre')).toContainText('SIL OPEN FONT LICENSE Version 1.1');
  await page.screenshot({ path: test.info().outputPath('about.png') });

  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
  await app.menu({ command: 'about' });
  await expect(about.getByTestId('about-version')).toHaveText(`Version ${APP_VERSION}`);
  await about.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(about).toHaveCount(0);
});
