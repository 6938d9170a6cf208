import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

/** Blank-line separated paragraphs, each different (ids hash the text), Persian and English mixed. */
function longArticle(paragraphs: number): string {
  const lines = [];
  for (let i = 0; i < paragraphs; i++) {
    lines.push(i % 3 === 0 ? `Paragraph ${i} of the long report, with a figure of ${i * 7} tonnes.` : `بند ${i} از گزارش بلند؛ سخنگو گفت رقم ${i * 3} درصد است.`);
  }
  return lines.join('\n\n') + '\n';
}

// Tracing snapshots the DOM after every action (5× the cost of a key here): off for 2,000 keys.
test.use({ trace: 'off' });

const KEYS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Space'] as const;

async function focusedIndex(page: Page): Promise<number> {
  return Number(await page.locator('[data-focused="true"]').getAttribute('data-paragraph-index'));
}

test('labels a 2,000-paragraph article by keyboard end to end', async ({ tempWorkspace, launchApp }) => {
  test.slow(); // 2,000 real key presses, each saved
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, 'long-2000.txt'), longArticle(2000));
  // Single-label: every key decides and moves on, so 2,000 keys decide 2,000 paragraphs.
  await mkdir(join(workspace, '.pilcrow'), { recursive: true });
  const schema = JSON.parse(await readFile(join(import.meta.dirname, '../../docs/schema-example.json'), 'utf8'));
  await writeFile(join(workspace, '.pilcrow/schema.json'), JSON.stringify({ ...schema, mode: 'single' }));
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  let { page } = app;
  await waitForApp(page);
  await openArticle(page, 'long-2000.txt');
  await expect(page.getByTestId('paragraph-count')).toHaveText('2000 paragraphs');
  // Only a window of rows is in the DOM.
  expect(await page.locator('[data-paragraph-index]').count()).toBeLessThan(80);

  // The first and last 250 paragraphs one key each (every key decides and moves on); the 1,500
  // between in ranges of 51: Shift+PgDn ×5 selects them, one label key labels them all.
  const started = Date.now();
  let keys = 0;
  for (let i = 0; i < 250; i++, keys++) await page.keyboard.press(KEYS[i % KEYS.length]!);
  await expect(paragraph(page, 250)).toHaveAttribute('data-focused', 'true');
  for (let chunk = 0; (await focusedIndex(page)) < 1750; chunk++) {
    const left = 1750 - (await focusedIndex(page));
    if (left >= 51) for (let k = 0; k < 5; k++, keys++) await page.keyboard.press('Shift+PageDown');
    else for (let k = 0; k < left - 1; k++, keys++) await page.keyboard.press('Shift+KeyJ');
    await page.keyboard.press(KEYS[chunk % 4]!);
    keys++;
  }
  await expect(paragraph(page, 1750)).toHaveAttribute('data-focused', 'true');
  for (let i = 0; i < 250; i++, keys++) await page.keyboard.press(KEYS[i % KEYS.length]!);
  const elapsed = Date.now() - started;
  test.info().annotations.push({ type: 'measure', description: `${keys} keys decided 2,000 paragraphs in ${elapsed} ms (${(elapsed / keys).toFixed(1)} ms a key, saves included)` });
  await expect(page.getByTestId('article-progress')).toHaveText('2000 of 2000 decided');
  expect(await focusedIndex(page)).toBe(1999);
  await expect(paragraph(page, 1999)).toHaveAttribute('data-decision', 'none');
  await expect(paragraph(page, 1998)).toHaveAttribute('data-labels', 'ad');
  await waitForSaved(page);

  // Undo deep in a long article: the last two decisions, focus follows.
  await page.keyboard.press('Control+KeyZ');
  await page.keyboard.press('Control+KeyZ');
  await expect(paragraph(page, 1998)).toHaveAttribute('data-decision', 'untouched');
  expect(await focusedIndex(page)).toBe(1998);
  await page.keyboard.press('Shift+Control+KeyZ');
  await expect(paragraph(page, 1998)).toHaveAttribute('data-labels', 'ad');
  // Back to the top, a range from the keyboard, and undo of the whole range at once.
  await page.keyboard.press('Home');
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  for (let i = 0; i < 30; i++) await page.keyboard.press('Shift+KeyJ');
  await page.keyboard.press('Backspace');
  await expect(paragraph(page, 30)).toHaveAttribute('data-decision', 'untouched');
  await expect(page.getByTestId('article-progress')).toHaveText('1968 of 2000 decided');
  await page.keyboard.press('Control+KeyZ');
  await expect(page.getByTestId('article-progress')).toHaveText('1999 of 2000 decided');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(page);
  await app.close();

  const layer = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara/long-2000.txt.json'), 'utf8'));
  const entries = Object.values(layer.paragraphs) as { index: number; labels: string[] }[];
  expect(entries.filter((e) => e.index !== 1999)).toHaveLength(1999);
  const byIndex = new Map(entries.map((e) => [e.index, e.labels]));
  expect(byIndex.get(1999)).toBeUndefined(); // its decision was undone above
  for (const i of [0, 1, 2, 3, 4, 249, 1750, 1751, 1997, 1998]) {
    const k = i < 250 ? i : i - 1750;
    expect(byIndex.get(i)).toEqual(k % 5 === 4 ? [] : [['quote', 'claim', 'boilerplate', 'ad'][k % 5]]);
  }
  expect(byIndex.get(250)).toEqual(['quote']);
  expect(byIndex.get(301)).toEqual(['claim']);
  expect(entries.every((e) => e.index === 1999 || e.labels.length <= 1)).toBe(true);

  app = await launchApp({ workspace, userData, annotator: 'sara' });
  page = app.page;
  await waitForApp(page);
  await expect(page.locator('[data-article-path="long-2000.txt"] [data-testid="decided-count"]')).toHaveText('1999/2000');
});

test('opens a 10,000-paragraph article and keeps focus, selection and undo at its end', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, 'long-10000.txt'), longArticle(10_000));
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const started = Date.now();
  await openArticle(page, 'long-10000.txt');
  await expect(paragraph(page, 0)).toBeVisible();
  test.info().annotations.push({ type: 'measure', description: `10,000 paragraphs open to first row in ${Date.now() - started} ms (click → row, including the read)` });
  await page.keyboard.press('End');
  await expect(paragraph(page, 9999)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 9999)).toBeFocused();
  await page.keyboard.press('Shift+PageUp');
  await page.keyboard.press('Digit3');
  await expect(paragraph(page, 9989)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(page.getByTestId('article-progress')).toHaveText('11 of 10000 decided');
  await page.keyboard.press('Control+KeyZ');
  await expect(page.getByTestId('article-progress')).toHaveText('0 of 10000 decided');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('article-progress')).toHaveText('10000 of 10000 decided');
  await waitForSaved(page);
});
