import { expect, test } from '@playwright/test';
import { launchApp, SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';
import { removeDir, tempWorkspace } from './temp';

const ARTICLE = 'fa/water-tehran.txt';

test('a second window on the same annotator’s labels is read-only, says why, and becomes writable once the first closes', async () => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const first = await launchApp({ workspace, userData: `${userData}-first`, annotator: 'sara' });
  await waitForApp(first.page);
  await expect(first.page.getByTestId('read-only-banner')).toHaveCount(0);

  const second = await launchApp({ workspace, userData: `${userData}-second`, annotator: 'sara' });
  const { page } = second;
  await waitForApp(page);
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('Read-only: sara’s labels');
  await expect(banner).toContainText(/process \d+ on /);

  // A label key changes nothing here, and says why.
  await openArticle(page, ARTICLE);
  await paragraph(page, 1).click();
  await page.keyboard.press('Digit1');
  await expect(page.locator('[data-notice="info"]')).toContainText('This window is read-only');
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', '');

  // The first window keeps writing; the read-only one reads what it saved.
  await openArticle(first.page, ARTICLE);
  await paragraph(first.page, 2).click();
  await first.page.keyboard.press('Digit2');
  await waitForSaved(first.page);
  const labelled = await paragraph(first.page, 2).getAttribute('data-labels');
  expect(labelled).not.toBe('');
  await page.locator(`[data-article-path="en/library-hours.md"]`).click();
  await openArticle(page, ARTICLE);
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', labelled!);

  // Still held: trying again keeps the window read-only.
  await page.getByTestId('read-only-retry').click();
  await expect(banner).toBeVisible();

  await first.close();
  await page.getByTestId('read-only-retry').click();
  await expect(banner).toHaveCount(0);
  await paragraph(page, 1).click();
  await page.keyboard.press('Digit1');
  await waitForSaved(page);
  await expect(paragraph(page, 1)).not.toHaveAttribute('data-labels', '');
  await second.close();
  await removeDir(root);
});

test('the read-only banner reads right to left in the Persian UI', async () => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const first = await launchApp({ workspace, userData: `${userData}-first`, annotator: 'sara' });
  await waitForApp(first.page);
  const second = await launchApp({ workspace, userData: `${userData}-second`, annotator: 'sara' });
  const { page } = second;
  await waitForApp(page);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('فقط‌خواندنی');
  await expect(page.locator('.shell')).toHaveAttribute('dir', 'rtl');
  await openArticle(page, ARTICLE);
  await page.screenshot({ path: test.info().outputPath('read-only-fa.png') });
  await first.close();
  await second.close();
  await removeDir(root);
});
