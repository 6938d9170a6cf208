/** The export dialog in the Persian UI: mirrored, Persian strings and digits (screenshot checked by eye). */
import { expect, test } from '@playwright/test';
import { launchApp, SAMPLE_WORKSPACE } from './harness';
import { usePersianUi, waitForApp } from './pages';
import { removeDir, tempWorkspace } from './temp';

test('the export dialog reads right to left in the Persian UI', async () => {
  // With the bundled reference layer, so the dialog has a teammate's layer to list.
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE, { reference: true });
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await usePersianUi(page);
  await page.locator('.topbar button.primary').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('خروجی برچسب‌ها');
  await dialog.getByTestId('export-split').check();
  await expect(dialog.locator('[data-layer]').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-fa.png') });
  await expect(page.locator('.shell')).toHaveAttribute('dir', 'rtl');
  await app.close();
  await removeDir(root);
});
