import { readFile, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';
import { withoutFolding } from './temp';
import { NEWS_ARTICLE } from '../support/seed-article';

const NEWS = NEWS_ARTICLE;

test('labels three paragraphs by keyboard and shows them again after a relaunch', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');

  await page.keyboard.press('KeyJ'); // title (2nd copy)
  await page.keyboard.press('KeyJ'); // lead
  await page.keyboard.press('Digit2'); // claim
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // quoted speech
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Digit2');
  await page.keyboard.press('KeyK');
  await page.keyboard.press('KeyJ');
  await page.keyboard.press('KeyJ'); // second quote
  await page.keyboard.press('Digit1');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote claim');
  await expect(paragraph(page, 5)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(page);
  await expect(page.locator('[data-article-path="fa/water-tehran.txt"] [data-testid="decided-count"]')).toHaveText('3/19');
  await app.close();

  app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await expect(app.page.locator('[data-article-path="fa/water-tehran.txt"] [data-testid="decided-count"]')).toHaveText('3/19');
  await openArticle(app.page, 'fa/water-tehran.txt');
  await expect(paragraph(app.page, 2)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(app.page, 4)).toHaveAttribute('data-labels', 'quote claim');
  await expect(paragraph(app.page, 5)).toHaveAttribute('data-labels', 'quote');
  await expect(paragraph(app.page, 3)).toHaveAttribute('data-labels', '');
  await app.close();

  const saved = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara/fa/water-tehran.txt.json'), 'utf8'));
  expect(Object.values(saved.paragraphs).map((p) => (p as { labels: string[] }).labels)).toEqual(
    expect.arrayContaining([['claim'], ['quote', 'claim'], ['quote']]),
  );
});

test('toggles labels by clicking and removes a label on the second press', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await openArticle(app.page, 'en/harbour-wind.txt');
  const row = paragraph(app.page, 3);
  await row.click();
  await row.locator('[data-label="ad"]').click();
  await expect(row).toHaveAttribute('data-labels', 'ad');
  await app.page.keyboard.press('Digit4');
  await expect(row).toHaveAttribute('data-labels', '');
  await waitForSaved(app.page);
});

test('binds keys by physical position, so they work with a Persian keyboard layout', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await openArticle(app.page, 'fa/school-semnan.txt');
  // What a Persian layout sends: the key is the Persian letter or digit, the code is physical.
  const press = (key: string, code: string) =>
    app.page.evaluate(([k, c]) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true })), [key, code]);
  await press('ت', 'KeyJ');
  await press('ت', 'KeyJ');
  await press('ت', 'KeyJ');
  await press('۱', 'Digit1');
  await expect(paragraph(app.page, 3)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(app.page);
});

test('exports every label as JSON with code-point offsets that slice the article text', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, 'news'));
  await cp(NEWS, join(workspace, 'news', 'news-fa.txt'));
  await cp(join(SAMPLE_WORKSPACE, 'en', 'harbour-wind.txt'), join(workspace, 'en', 'emoji 😀 news.txt'));
  await withoutFolding(workspace); // the keys below walk line by line to the end marker
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  await waitForApp(app.page);
  await openArticle(app.page, 'news/news-fa.txt');
  await app.page.keyboard.press('Digit1'); // paragraph 0
  for (let i = 0; i < 10; i++) await app.page.keyboard.press('KeyJ');
  await app.page.keyboard.press('Digit3'); // paragraph 10, the end marker
  await waitForSaved(app.page);

  const out = join(root, 'export.json');
  await app.answerSaveDialog(out);
  await app.page.getByRole('button', { name: 'Export…' }).click();
  // The export dialog (test/e2e/export.spec.ts covers its choices); the defaults write JSON.
  await expect(app.page.locator('[data-layer="omid"]')).toBeChecked();
  await app.page.getByTestId('export-dialog').locator('[data-layer]:not([data-layer="omid"])').evaluateAll((boxes) => boxes.forEach((b) => (b as HTMLInputElement).click()));
  await app.page.getByTestId('export-start').click();
  await expect(app.page.locator('[data-notice="info"]')).toContainText('Exported 2 records from 1 articles');
  await app.close();

  const doc = JSON.parse(await readFile(out, 'utf8'));
  expect(doc.offset_unit).toBe('code_point');
  expect(doc.annotators).toEqual(['omid']);
  expect(doc.records).toHaveLength(2);
  const newsText: string = doc.articles.find((a: { path: string }) => a.path === 'news/news-fa.txt').text;
  for (const record of doc.records) {
    expect(record).toMatchObject({ article: 'news/news-fa.txt', annotator: 'omid' });
    expect(record.paragraph_id).toMatch(/^p[0-9a-z]{11}(-\d+)?$/);
    expect([...newsText].slice(record.start, record.end).join('')).toBe(record.text);
  }
  expect(doc.records.map((r: { paragraph: number; labels: string[] }) => [r.paragraph, r.labels])).toEqual([
    [0, ['quote']],
    [10, ['boilerplate']],
  ]);
  expect(doc.records[1].text).toContain('انتهای پیام');
  // Schema version 2 lists only articles that have exported records (the emoji-named one has none).
  expect(doc.articles.map((a: { path: string }) => a.path)).toEqual(['news/news-fa.txt']);
});

test('shows a scraped news article as exactly its 22 non-empty lines', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await cp(NEWS, join(workspace, 'news-fa.txt'));
  await withoutFolding(workspace); // every line its own row, footer included
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await openArticle(app.page, 'news-fa.txt');
  await expect(app.page.getByTestId('paragraph-count')).toHaveText('22 paragraphs');
  const lines = (await readFile(NEWS, 'utf8')).split(/\r?\n/).filter((l) => l.trim() !== '');
  for (let i = 0; i < 21; i++) await app.page.keyboard.press('KeyJ');
  await expect(paragraph(app.page, 21)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(app.page, 21).getByTestId('paragraph-text')).toHaveText(lines[21]!.trim());
});

test('opens the bundled sample workspace on first run', async ({ tempWorkspace, launchApp }) => {
  const { userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ userData });
  await waitForApp(app.page);
  await expect(app.page.getByTestId('workspace-name')).toHaveText('Sample workspace');
  await expect(app.page.locator('[data-article-path]')).toHaveCount(5);
  // First run: the name is asked once, prefilled with the computer's login.
  await expect(app.page.getByTestId('annotator-prompt')).toBeVisible();
  await app.page.getByTestId('annotator-input').fill('first-runner');
  await app.page.getByTestId('annotator-input').press('Enter');
  await expect(app.page.getByTestId('annotator-prompt')).toHaveCount(0);
  await expect(app.page.getByTestId('annotator')).toHaveText('first-runner');
});
