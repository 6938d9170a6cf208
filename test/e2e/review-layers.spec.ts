import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openInReview, usePersianUi } from './pages';

const ARTICLE = 'fa/water-tehran.txt';

test('Layers… in Review merges a typo’d layer into the right one, reports the conflicting decision, and restores it', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['claim'], null, ['quote']]);
  await writeLayer(workspace, 'sarah', ARTICLE, [['claim'], ['ad'], ['claim']]);
  await writeLayer(workspace, 'omid', ARTICLE, [['claim'], ['claim'], ['claim']]);
  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await openInReview(page, ARTICLE);
  const review = page.locator('section.review');
  await expect(review.locator('label.pick', { hasText: 'sarah' })).toBeVisible();
  await page.getByTestId('review-layers').click();
  const panel = page.getByTestId('layer-panel');
  const sarah = panel.locator('[data-layer-row="sarah"]');
  // Renaming onto an existing layer is refused with what to do instead.
  await sarah.getByTestId('layer-new-name').fill('sara');
  await sarah.getByRole('button', { name: 'Rename' }).click();
  await expect(panel.getByRole('alert')).toContainText('exists already: merge');
  await sarah.getByTestId('layer-merge-into').selectOption('sara');
  await sarah.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('layer-status')).toContainText('sarah — merged into sara');
  await expect(review.locator('label.pick', { hasText: 'sarah' })).toHaveCount(0);
  const removed = panel.locator('[data-removed-layer="sarah"]');
  await removed.getByTestId('layer-conflicts').locator('summary').click();
  await expect(removed.getByTestId('layer-conflicts')).toContainText('1 paragraph decided differently: sara’s decision kept');
  await expect(removed.getByTestId('layer-conflicts')).toContainText(`${ARTICLE} ¶3: kept quote; was claim`);
  // sara now has the decision only sarah had made.
  await expect(page.locator('[data-review-index="1"] [data-annotator="sara"] .chip')).toHaveText('ad');
  expect(await readdir(join(workspace, '.pilcrow', 'removed-layers'))).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('layers-1280.png') });
  await page.setViewportSize({ width: 960, height: 540 });
  await page.screenshot({ path: test.info().outputPath('layers-960.png') });

  await usePersianUi(page);
  await expect(removed.getByRole('button', { name: 'بازگرداندن' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('layers-fa-960.png') });
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: test.info().outputPath('layers-fa-1280.png') });
  await removed.getByRole('button', { name: 'بازگرداندن' }).click();
  await expect(page.getByTestId('layer-status')).toContainText('sarah');
  await expect(review.locator('label.pick', { hasText: 'sarah' })).toBeVisible();
  await expect(panel.locator('[data-removed-layer]')).toHaveCount(0);
});
