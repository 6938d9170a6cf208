/** The export and import dialogs in the Persian UI: mirrored, Persian strings and digits (screenshots checked by eye). */
import { join } from 'node:path';
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

test('the import preview reads right to left in the Persian UI, in Persian digits, in a small window', async () => {
  const { workspace, userData, root } = await tempWorkspace(join(import.meta.dirname, '../fixtures/import/workspace'));
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await page.setViewportSize({ width: 720, height: 560 });
  await waitForApp(page);
  await usePersianUi(page);
  await app.menu({ command: 'import' });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('وارد کردن برچسب‌ها');
  await dialog.getByTestId('import-annotator').fill('لنا');
  await app.answerOpenFileDialog(join(import.meta.dirname, '../fixtures/import/doccano-textcat.jsonl'));
  await dialog.getByRole('button', { name: 'انتخاب پرونده…' }).click();
  await expect(dialog.locator('[data-testid="import-preview"] tr[data-layer="لنا"]')).toHaveText(/لنا\s*۳\s*۳\s*۰\s*۰\s*۰\s*۲/);
  await expect(dialog.getByTestId('import-run')).toHaveText('وارد کردن ۳ رکورد');
  // The buttons stay in view below a preview taller than the window.
  await expect(dialog.getByTestId('import-run')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('import-preview-fa.png') });
  await app.close();
  await removeDir(root);
});
