import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, waitForApp, waitForSaved } from './pages';

test('shows the article list before its counts, then fills in titles, counts, filters and sorting when they arrive', async ({ tempWorkspace, launchApp }) => {
  test.skip(test.info().project.name === 'electron', 'holding events back needs the chromium harness');
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await openArticle(app.page, 'fa/water-tehran.txt');
  await app.page.keyboard.press('Digit1');
  await waitForSaved(app.page);
  await app.close();

  app = await launchApp({ workspace, userData, annotator: 'sara', holdEvents: ['workspace.counts'] });
  const { page } = app;
  await waitForApp(page);
  const water = page.locator('[data-article-path="fa/water-tehran.txt"]');
  // Listed and openable, but not read yet: its file name for a title, "…" for its counts.
  await expect(water.locator('.title')).toHaveText('water-tehran.txt');
  await expect(water.getByTestId('pending-count')).toHaveText('…');
  await expect(page.getByTestId('workspace-progress-text')).toHaveAttribute('data-pending', 'true');
  await page.getByTestId('status-filter').selectOption('in_progress');
  await expect(water).toHaveCount(0);

  await app.releaseEvents();
  await expect(water.locator('.title')).toHaveText('کاهش ۳۰ درصدی ذخایر سدهای تهران؛ شهروندان به صرفه‌جویی دعوت شدند');
  await expect(water.getByTestId('decided-count')).toHaveText('1/19');
  await expect(page.locator('nav.list [data-article-path]')).toHaveCount(1);
  await expect(page.getByTestId('workspace-progress-text')).not.toHaveAttribute('data-pending', 'true');
  await page.getByTestId('status-filter').selectOption('all');
  await page.getByTestId('sort').selectOption('progress');
  await expect(page.locator('nav.list [data-article-path]').last()).toHaveAttribute('data-article-path', 'fa/water-tehran.txt');

  // A save moves the list's totals with its article: one more paragraph decided of the same
  // total, and an untouched article now in progress.
  const totals = page.getByTestId('workspace-progress-text');
  const numbers = async (locator: typeof totals) => ((await locator.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
  const [decided, paragraphs] = await numbers(totals);
  const [untouched] = await numbers(page.locator('[data-status-count="untouched"]'));
  const [inProgress] = await numbers(page.locator('[data-status-count="in_progress"]'));
  expect([decided, untouched, inProgress]).toEqual([1, 4, 1]);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('Digit1');
  await waitForSaved(page);
  await expect(totals).toHaveText(`${decided! + 1} / ${paragraphs} paragraphs decided`);
  await expect(page.locator('[data-status-count="untouched"]')).toContainText(String(untouched! - 1));
  await expect(page.locator('[data-status-count="in_progress"]')).toContainText(String(inProgress! + 1));
  await expect(page.locator('[data-article-path="en/harbour-wind.txt"] [data-testid="decided-count"]')).toHaveText(/^1\//);
});
