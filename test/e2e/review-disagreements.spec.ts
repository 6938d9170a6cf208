import { expect, test } from './fixtures';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, usePersianUi, waitForApp } from './pages';

test('n in Review opens the next article with disagreements at the paragraph; Agreement links each disagreeing paragraph to Review', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  // Paths in order: en/harbour-wind.txt, en/library-hours.md, fa/rail-isfahan.txt, fa/school-semnan.txt, fa/water-tehran.txt.
  await writeLayer(workspace, 'sara', 'en/harbour-wind.txt', [['claim'], ['quote']]);
  await writeLayer(workspace, 'omid', 'en/harbour-wind.txt', [['claim'], ['quote']]);
  await writeLayer(workspace, 'sara', 'fa/school-semnan.txt', [['claim'], ['quote'], ['claim'], ['claim'], ['ad']]);
  await writeLayer(workspace, 'omid', 'fa/school-semnan.txt', [['claim'], ['quote'], ['claim'], ['claim'], ['boilerplate']]);
  await writeLayer(workspace, 'sara', 'fa/water-tehran.txt', [['quote'], ['claim']]);
  await writeLayer(workspace, 'omid', 'fa/water-tehran.txt', [['quote'], ['quote']]);
  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.getByRole('tab', { name: 'Review' }).click();
  const focused = page.locator('[data-review-index][aria-selected="true"]');
  await expect(page.locator('[data-review-index="0"]')).toHaveAttribute('data-state', 'agree');
  await page.locator('[data-review-index="0"]').click();

  await page.keyboard.press('KeyN');
  const reviewed = page.locator('section.review');
  await expect(reviewed).toHaveAttribute('data-review-article', 'fa/school-semnan.txt');
  await expect(focused).toHaveAttribute('data-review-index', '4');
  await expect(focused).toHaveAttribute('data-state', 'disagree');
  await page.screenshot({ path: test.info().outputPath('next-article-1280.png') });
  // The button does the same: on to water-tehran, then round to school-semnan again.
  await page.getByTestId('review-next-article').click();
  await expect(reviewed).toHaveAttribute('data-review-article', 'fa/water-tehran.txt');
  await expect(focused).toHaveAttribute('data-review-index', '1');
  await expect(focused.locator('[data-annotator="sara"] .chip')).toHaveText('claim');
  await page.getByTestId('review-next-article').click();
  await expect(focused).toHaveAttribute('data-review-index', '4');
  // Adjudicate both; then nothing is left and the status says so.
  await page.keyboard.press('Digit1');
  await expect(focused).toHaveAttribute('data-state', 'adjudicated');
  await page.keyboard.press('KeyN');
  await expect(focused).toHaveAttribute('data-review-index', '1');
  await page.keyboard.press('Digit2');
  await expect(focused).toHaveAttribute('data-state', 'adjudicated');
  await page.keyboard.press('KeyN');
  await expect(page.locator('[data-review-status]')).toHaveText('No article has a disagreement left between the chosen annotators.');

  // Agreement lists disagreeing paragraphs; gold takes none away from the measure, but they are answered now.
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const list = page.getByTestId('agreement-disagreements');
  await expect(list).toContainText('wherever two or more decided, they agree');
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.locator('[data-review-index="1"]').click();
  await page.keyboard.press('Backspace'); // water-tehran ¶2 is open to discussion again
  await expect(page.locator('[data-review-index="1"]')).toHaveAttribute('data-state', 'disagree');
  await page.getByRole('tab', { name: 'Annotate' }).click();
  await openArticle(page, 'en/harbour-wind.txt');
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const link = list.locator('[data-disagreement="fa/water-tehran.txt#1"]');
  await expect(link).toHaveText(/fa\/water-tehran\.txt ¶2/);
  await expect(list.locator('[data-disagreement]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('agreement-links-1280.png'), fullPage: true });
  await link.click();
  await expect(reviewed).toHaveAttribute('data-review-article', 'fa/water-tehran.txt');
  await expect(focused).toHaveAttribute('data-review-index', '1');
  await expect(page.locator('.annotate')).toHaveCount(0);

  // Persian, and a small window: the same button, in Persian, still in reach.
  await usePersianUi(page);
  await page.setViewportSize({ width: 960, height: 540 });
  await expect(page.getByTestId('review-next-article')).toHaveText('خبر بعدی با اختلاف');
  await expect(page.getByTestId('review-next-article')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('next-article-fa-960.png') });
  await page.getByRole('tab', { name: 'توافق' }).click();
  await expect(list.locator('[data-disagreement="fa/water-tehran.txt#1"]')).toContainText('¶۲');
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('agreement-links-fa-960.png') });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: test.info().outputPath('agreement-links-fa-1280.png') });
});
