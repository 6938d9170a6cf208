import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { foldRow, openArticle, paragraph, waitForApp, waitForSaved, waitForSuggestions } from './pages';

const layerOf = async (workspace: string, path: string) => JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara', `${path}.json`), 'utf8'));
const press = async (page: Page, ...keys: string[]) => {
  for (const key of keys) await page.keyboard.press(key);
};

test('selects a range with Shift and labels all of it with one key, then confirms "none" with Space', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  await waitForSuggestions(page);
  // The footer, paragraphs 9 to 19, is two folded rows (its boilerplate lines, then its ads):
  // boilerplate in two keystrokes (Shift+End, 3), a selection of rows being all their paragraphs.
  await press(page, 'PageDown'); // ten rows down is past the end: the last row
  await page.keyboard.press('KeyK');
  await expect(foldRow(page, 8)).toHaveAttribute('data-focused', 'true');
  await press(page, 'Shift+End', 'Digit3');
  await expect(page.getByTestId('selection-size')).toContainText('11 paragraphs selected');
  await expect(paragraph(page, 18)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(paragraph(page, 18)).toHaveAttribute('data-selected', 'true');
  // Shift+click from paragraph 0 to 2 and Space: reviewed, no label.
  await press(page, 'Home');
  await paragraph(page, 2).click({ modifiers: ['Shift'] });
  await expect(paragraph(page, 1)).toHaveAttribute('data-selected', 'true');
  await press(page, 'Space');
  for (const i of [0, 1, 2]) await expect(paragraph(page, i)).toHaveAttribute('data-decision', 'none');
  await expect(paragraph(page, 3)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 3)).toHaveAttribute('data-decision', 'untouched');
  // Multi-label: 1 then 2 on the same paragraph keeps both; the key again removes it.
  await press(page, 'Digit1', 'Digit2');
  await expect(paragraph(page, 3)).toHaveAttribute('data-labels', 'quote claim');
  await press(page, 'Digit1');
  await expect(paragraph(page, 3)).toHaveAttribute('data-labels', 'claim');
  await waitForSaved(page);
  await expect(page.locator('[data-article-path="fa/water-tehran.txt"] [data-testid="decided-count"]')).toHaveText('15/19');
  await expect(page.locator('[data-article-path="fa/water-tehran.txt"] [data-label-count="boilerplate"]')).toHaveText('boilerplate 11');

  const layer = await layerOf(workspace, 'fa/water-tehran.txt');
  const entries = Object.values(layer.paragraphs) as { index: number; labels: string[]; updated_at: string }[];
  expect(entries.filter((e) => e.labels.length === 0).map((e) => e.index).sort()).toEqual([0, 1, 2]);
  expect(entries.filter((e) => e.labels.includes('boilerplate'))).toHaveLength(11);
  expect(layer.annotator).toBe('sara');
  for (const e of entries) expect(Date.parse(e.updated_at)).toBeGreaterThan(Date.now() - 600_000);
});

test('undoes and redoes across articles with Ctrl+Z and Shift+Ctrl+Z', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await press(page, 'KeyJ', 'Digit2'); // harbour-wind ¶1: claim
  await press(page, 'KeyN');
  await expect(page.locator('section.annotate .meta')).toContainText('en/library-hours.md');
  await press(page, 'Digit4', 'Shift+KeyJ', 'Digit3'); // library ¶0: ad; ¶0–1: boilerplate
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'boilerplate');
  await press(page, 'Control+KeyZ');
  await expect(paragraph(page, 1)).toHaveAttribute('data-decision', 'untouched');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'ad');
  await press(page, 'Control+KeyZ', 'Control+KeyZ');
  // The third undo belongs to the other article: it opens it and takes the claim back.
  await expect(page.locator('section.annotate .meta')).toContainText('en/harbour-wind.txt');
  await expect(paragraph(page, 1)).toHaveAttribute('data-decision', 'untouched');
  await expect(paragraph(page, 1)).toHaveAttribute('data-focused', 'true');
  await waitForSaved(page);
  expect((await layerOf(workspace, 'en/harbour-wind.txt')).paragraphs).toEqual({});
  await press(page, 'Shift+Control+KeyZ');
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'claim');
  await press(page, 'Control+KeyY');
  await expect(page.locator('section.annotate .meta')).toContainText('en/library-hours.md');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'ad');
  await waitForSaved(page);
  const library = await layerOf(workspace, 'en/library-hours.md');
  expect(Object.values(library.paragraphs).map((p) => (p as { labels: string[] }).labels)).toEqual([['ad']]);
});

test('marks an article done, filling untouched paragraphs with "none", and undoes it', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/library-hours.md');
  await press(page, 'Digit1');
  await press(page, 'Shift+KeyD');
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-status', 'done');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  await expect(paragraph(page, 1)).toHaveAttribute('data-decision', 'none');
  await waitForSaved(page);
  await expect(page.locator('[data-article-path="en/library-hours.md"]')).toHaveAttribute('data-status', 'done');
  let layer = await layerOf(workspace, 'en/library-hours.md');
  expect(layer.status).toBe('done');
  const filled = Object.values(layer.paragraphs).filter((p) => (p as { via?: string }).via === 'done');
  expect(filled).toHaveLength(7);
  // Changing a filled paragraph makes it the editor's own decision: undo done keeps it.
  await press(page, 'KeyJ', 'Digit3');
  await page.getByTestId('done-toggle').click();
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-status', 'in_progress');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched');
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'boilerplate');
  await waitForSaved(page);
  layer = await layerOf(workspace, 'en/library-hours.md');
  expect(layer.status).toBe('in_progress');
  expect(Object.keys(layer.paragraphs)).toHaveLength(2);
  // And Ctrl+Z takes back the undo: done again.
  await press(page, 'Control+KeyZ');
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-status', 'done');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'none');
  await waitForSaved(page);
});

test('writes notes and flags, filters flagged paragraphs, and never labels while typing', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  let { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/school-semnan.txt');
  await press(page, 'KeyJ', 'KeyJ', 'KeyF');
  await expect(paragraph(page, 2)).toHaveAttribute('data-flagged', 'true');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched');
  await press(page, 'KeyC');
  await expect(page.getByTestId('note-input')).toBeFocused();
  // Digits and j inside the note are text, not commands.
  await page.keyboard.type('نقل‌قول است یا ادعا؟ 12 j');
  await press(page, 'Escape');
  await expect(paragraph(page, 2)).toBeFocused();
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched');
  await press(page, 'KeyJ', 'KeyJ', 'KeyJ', 'KeyF', 'Digit2');
  await press(page, 'Shift+KeyF');
  await expect(page.locator('[data-paragraph-index]')).toHaveCount(2);
  await press(page, 'KeyK');
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await press(page, 'Shift+KeyF');
  await waitForSaved(page);
  const layer = await layerOf(workspace, 'fa/school-semnan.txt');
  const entries = Object.values(layer.paragraphs) as { index: number; labels: string[]; note?: string; flagged?: boolean; undecided?: boolean }[];
  expect(entries.find((e) => e.index === 2)).toMatchObject({ note: 'نقل‌قول است یا ادعا؟ 12 j', flagged: true, undecided: true, labels: [] });
  expect(entries.find((e) => e.index === 5)).toMatchObject({ flagged: true, labels: ['claim'] });
  await app.close();

  app = await launchApp({ workspace, userData, annotator: 'sara' });
  page = app.page;
  await waitForApp(page);
  await openArticle(page, 'fa/school-semnan.txt');
  await paragraph(page, 2).click();
  await expect(page.getByTestId('note-input')).toHaveValue('نقل‌قول است یا ادعا؟ 12 j');
  await expect(page.getByTestId('flag-toggle')).toBeChecked();
});

test('jumps to the next undecided paragraph with U and says when there is none', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/library-hours.md');
  await press(page, 'Space', 'Space', 'KeyJ', 'Digit1', 'Home');
  await press(page, 'KeyU');
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await press(page, 'KeyU');
  await expect(paragraph(page, 4)).toHaveAttribute('data-focused', 'true');
  await press(page, 'Shift+KeyU');
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await press(page, 'Shift+End', 'Space');
  await press(page, 'KeyU');
  await expect(page.locator('[data-notice="info"]')).toContainText('Every paragraph of this article has a decision');
  await waitForSaved(page);
});

test('gives DOM focus to the focused paragraph (screen readers follow it), also when keys come faster than frames', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  await expect(paragraph(page, 0)).toBeFocused();
  // Four J in one task, before any frame: the row takes focus in the next frame, so only the last one does.
  await page.evaluate(() => {
    for (let i = 0; i < 4; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyJ', key: 'j', bubbles: true }));
  });
  await expect(paragraph(page, 4)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 4)).toBeFocused();
  await expect(page.locator('[data-paragraph-index][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('KeyK');
  await expect(paragraph(page, 3)).toBeFocused();
  await expect(paragraph(page, 3)).toHaveAttribute('aria-label', /^Paragraph 4/);
  // From a button (focus after a dialog closes), J moves DOM focus at once: a Space before the
  // next frame reaches the row (reviewed, no label), not the button.
  await page.evaluate(async () => {
    document.querySelector<HTMLElement>('[data-testid="open-settings"]')?.focus();
    const key = (code: string, k: string) => (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { code, key: k, bubbles: true }));
    key('KeyJ', 'j');
    await new Promise((resolve) => queueMicrotask(() => queueMicrotask(() => resolve(null)))); // the app's update, as between two real key events
    key('Space', ' ');
  });
  await expect(paragraph(page, 4)).toHaveAttribute('data-decision', 'none');
});

test('keeps a decision made right before the window closes', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await press(page, 'KeyJ', 'Digit4');
  await app.close(); // no wait for "saved"
  await expect.poll(async () => (await layerOf(workspace, 'en/harbour-wind.txt').catch(() => ({ paragraphs: {} }))).paragraphs).not.toEqual({});
  const layer = await layerOf(workspace, 'en/harbour-wind.txt');
  expect(Object.values(layer.paragraphs).map((p) => (p as { labels: string[] }).labels)).toEqual([['ad']]);
});

test('shows every shortcut in the ? sheet, and no key acts behind it', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await press(page, 'Shift+Slash');
  const sheet = page.getByTestId('shortcuts-sheet');
  await expect(sheet).toBeVisible();
  for (const text of ['Undo (across articles)', 'Next undecided paragraph', 'Reviewed, no label', 'Mark the article done']) await expect(sheet).toContainText(text);
  await press(page, 'Digit1');
  await press(page, 'Escape');
  await expect(sheet).toHaveCount(0);
  await expect(paragraph(page, 0)).toHaveAttribute('data-decision', 'untouched');
});
