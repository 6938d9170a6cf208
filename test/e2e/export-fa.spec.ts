/** The export and import dialogs in the Persian UI: mirrored, Persian strings and digits (screenshots checked by eye). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type E2eFixtures } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { usePersianUi, waitForApp } from './pages';
import { addDisagreeingArticles } from './disagreeing-articles';

/** The app on `workspace`, UI in Persian, with the export dialog open. */
async function persianExportDialog(launchApp: E2eFixtures['launchApp'], workspace: string, userData: string) {
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await usePersianUi(page);
  await page.locator('.topbar button.primary').click();
  return { app, page, dialog: page.getByTestId('export-dialog') };
}

test('the export dialog reads right to left in the Persian UI', async ({ tempWorkspace, launchApp }) => {
  // With the bundled reference layer, so the dialog has a teammate's layer to list.
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE, { reference: true });
  const { page, dialog } = await persianExportDialog(launchApp, workspace, userData);
  await expect(dialog.getByRole('heading')).toHaveText('خروجی برچسب‌ها');
  await dialog.getByTestId('export-split').check();
  await expect(dialog.locator('[data-layer]').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('export-fa.png') });
  await expect(page.locator('.shell')).toHaveAttribute('dir', 'rtl');
});

test('the export dialog explains itself in Persian: why Export is off, the empty split, what was left out, Show in folder', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addDisagreeingArticles(workspace, 3);
  const { app, page, dialog } = await persianExportDialog(launchApp, workspace, userData);
  // The layers arrive after the dialog opens: wait for the teammates' before turning them all off.
  for (const layer of ['sara', 'reza']) await expect(dialog.locator(`[data-layer="${layer}"]`)).toBeVisible();
  for (const layer of await dialog.locator('[data-layer]').all()) await layer.uncheck();
  for (const layer of await dialog.locator('[data-layer]').all()) await expect(layer).not.toBeChecked();
  await expect(dialog.getByTestId('export-start')).toBeDisabled();
  await expect(dialog.getByTestId('export-why')).toHaveText('خروجی خاموش است: دست‌کم یک لایه را علامت بزنید.');
  for (const layer of ['sara', 'reza']) await dialog.locator(`[data-layer="${layer}"]`).check();
  await dialog.getByTestId('export-split').check();
  await dialog.getByRole('combobox').selectOption('goldMajority');
  const out = join(root, 'resolved.json');
  await app.answerSaveDialog(out);
  await dialog.getByTestId('export-start').click();
  await expect(dialog.getByTestId('export-empty-split')).toContainText('تقسیم ۳ مقاله به نسبت ۸۰/۱۰/۱۰: بخش ارزیابی و آزمون هیچ مقاله‌ای نمی‌گیرد (آموزش ۳، ارزیابی ۰، آزمون ۰)؛ چیزی نوشته نشد.');
  await page.screenshot({ path: test.info().outputPath('export-empty-split-fa.png') });
  await dialog.getByTestId('export-anyway').click();
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('۳ رکورد از ۳ مقاله در');
  await expect(result).toContainText('رکوردهای هر بخش: آموزش ۳، ارزیابی ۰، آزمون ۰.');
  await expect(result.getByTestId('export-unresolved')).toContainText('بی‌پاسخ و کنار گذاشته: ۳ بند با آرای برابر');
  await expect(result.getByTestId('export-unresolved')).toContainText('و ۳ بند بی‌تصمیم');
  await result.getByRole('button', { name: 'نمایش در پوشه' }).click();
  await expect.poll(() => app.shownInFolder()).toEqual([{ path: out, folder: false }]);
  await page.screenshot({ path: test.info().outputPath('export-done-fa.png') });
});

test('the import preview reads right to left in the Persian UI, in Persian digits, in a small window', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(join(import.meta.dirname, '../fixtures/import/workspace'));
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
});

test('the import preview says in Persian why a record has no place, the article’s name isolated', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(join(import.meta.dirname, '../fixtures/import/workspace'));
  const file = join(root, 'stray.jsonl');
  await writeFile(file, `${JSON.stringify({ article: 'fa/water.txt', paragraph: 9, labels: ['quote'], updated_at: '2026-11-27T10:02:11Z' })}\n`);
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);
  await usePersianUi(page);
  await app.menu({ command: 'import' });
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-annotator').fill('لنا');
  await app.answerOpenFileDialog(file);
  await dialog.getByRole('button', { name: 'انتخاب پرونده…' }).click();
  const reason = dialog.getByTestId('import-unmatched').locator('li').first();
  await expect(reason).toContainText('\u2068fa/water.txt\u2069 ۵ بند دارد؛ بند ۹ در آن نیست');
  await expect(reason).toContainText('سطر ۱');
  await expect(reason).not.toContainText(/paragraph|line/);
  await page.screenshot({ path: test.info().outputPath('import-unmatched-fa.png') });
});
