/**
 * A sync tool's conflict copy of my own layer, offered in the review view and merged into my
 * labels (docs/storage.md, "Conflict copies"), in the Persian UI.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

const ARTICLE = 'en/harbour-wind.txt';

test('offers a conflict copy of my labels in Persian and merges it into my layer, keeping both sides', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await page.keyboard.press('Digit1'); // ¶0: quote, in my layer
  await waitForSaved(page);
  const first = (await paragraph(page, 0).getAttribute('data-paragraph-id'))!;
  const second = (await paragraph(page, 1).getAttribute('data-paragraph-id'))!;
  // What a sync tool leaves when another machine saved the same layer: there ¶1 is a claim, and
  // ¶0 an ad from before my quote, which stays.
  const now = new Date().toISOString();
  const paragraphs = { [first]: { index: 0, labels: ['ad'], updated_at: '2020-01-01T00:00:00.000Z' }, [second]: { index: 1, labels: ['claim'], updated_at: now } };
  const copy = { version: 1, article: ARTICLE, annotator: 'sara', updated_at: now, status: 'in_progress', paragraphs, orphans: [] };
  await writeFile(join(workspace, '.pilcrow/annotations/sara', `${ARTICLE} (conflicted copy 2026-11-27).json`), JSON.stringify(copy));

  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'بازبینی' }).click();
  const banner = page.getByTestId('conflict-copies');
  await expect(banner).toContainText(`از برچسب‌های sara نسخه‌ای ناسازگار ساخته است، برای ${ARTICLE}`);
  await page.screenshot({ path: test.info().outputPath('conflict-copy-fa.png') });
  await banner.getByRole('button', { name: 'ادغام با برچسب‌های من' }).click();
  await expect(banner.getByRole('status')).toContainText('ادغام شد: ۱ تصمیم از نسخه برداشته شد؛ تصمیم تازه‌ترِ شما هر جا بود ماند (۱)');

  const layer = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara', `${ARTICLE}.json`), 'utf8'));
  const labels = Object.values(layer.paragraphs as Record<string, { index: number; labels: string[] }>).map((e) => [e.index, e.labels]);
  expect(labels).toEqual(expect.arrayContaining([[0, ['quote']], [1, ['claim']]]));
  await expect(page.locator('[data-review-index="1"] [data-annotator="sara"]')).toContainText('claim');
});

test('lists conflict copies of a layer and of the schema as conflict copies in the article list, never as missing articles', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const copy = { version: 1, article: ARTICLE, annotator: 'omid', updated_at: '2026-12-05T10:00:00.000Z', status: 'in_progress', paragraphs: {}, orphans: [] };
  await mkdir(join(workspace, '.pilcrow/annotations/omid/en'), { recursive: true });
  await writeFile(join(workspace, '.pilcrow/annotations/omid', `${ARTICLE}.sync-conflict-20261205-101010-ABCDEF7.json`), JSON.stringify(copy));
  const schema = { version: 1, mode: 'multi', labels: [{ name: 'quote', color: '#2f6fde', key: 'Digit1', description: '' }], retired: [], renames: [] };
  await writeFile(join(workspace, '.pilcrow/schema (conflicted copy 2026-12-05).json'), JSON.stringify(schema));
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const problems = page.locator('[data-testid="file-problem"][data-problem="conflict"]');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('Conflict copy');
  await expect(problems.nth(0)).toContainText(`\u2068omid\u2069's labels for \u2068${ARTICLE}\u2069 (not a missing article)`);
  await expect(problems.nth(1)).toContainText('made of the label schema when two machines changed it at once');
  await expect(page.locator('[data-problem="missing"]')).toHaveCount(0);
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: test.info().outputPath('conflict-copies-list.png') });
});
