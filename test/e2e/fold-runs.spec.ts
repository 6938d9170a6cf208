/**
 * Runs of boilerplate folded into one row (issue 14, docs/shortcuts.md): seen, moved onto, accepted
 * with one key and undone with one, opened and folded again, by keyboard, in the Persian and the
 * English UI; and an article whose first lines are site navigation opens at its story.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { foldRow, openArticle, paragraph, usePersianUi, waitForApp, waitForSaved, waitForSuggestions } from './pages';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes docs/images/fold-fa.png and fold-en.png. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

/** This annotator's saved decisions of one article, by paragraph index. */
async function saved(workspace: string, path: string): Promise<Map<number, { labels: string[]; via?: string }>> {
  const file = join(workspace, '.pilcrow/annotations/sara', `${path}.json`);
  const layer = JSON.parse(await readFile(file, 'utf8').catch(() => '{"paragraphs":{}}')) as { paragraphs: Record<string, { index: number; labels: string[]; via?: string }> };
  return new Map(Object.values(layer.paragraphs).map((e) => [e.index, e]));
}

/** The window, for looking at; for the docs, only the list of paragraphs (a small picture). */
async function shoot(page: Page, name: string, doc = false): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  if (DOC_IMAGES && doc) await page.locator('.annotate .paragraphs').screenshot({ path: join(DOC_IMAGES, `${name}.png`) });
}

test('Persian UI: a footer run folds into one row; A accepts all of it in one undo step, Enter opens it, Shift+Enter folds it again, D turns it down', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await usePersianUi(page);
  await openArticle(page, 'fa/water-tehran.txt');
  await waitForSuggestions(page);

  // Lines 9–16 (the end marker and site navigation, boilerplate 0.75–0.95) are one row; its
  // other lines have no row of their own.
  const footer = foldRow(page, 8);
  await expect(footer).toHaveAttribute('data-fold-count', '8');
  await expect(footer).toHaveAttribute('data-fold-labels', 'boilerplate');
  await expect(footer.getByTestId('fold-summary')).toContainText('۸ سطر از متن خود سایت');
  await expect(footer.getByTestId('fold-summary')).toContainText('boilerplate ۰٫۷۵ تا ۰٫۹۵');
  await expect(footer.getByTestId('fold-preview')).toHaveText('انتهای پیام/ک');
  await expect(footer).toHaveAttribute('aria-label', /^تاخورده، بندهای ۹ تا ۱۶: ۸ سطر از متن خود سایت، پیشنهاد boilerplate ۰٫۷۵ تا ۰٫۹۵\. Enter/);
  for (const hidden of [9, 12, 15]) await expect(paragraph(page, hidden)).toHaveCount(0);
  // Counting stays by paragraph.
  await expect(page.getByTestId('paragraph-count')).toHaveText('۱۹ بند');

  // The view opened at the title (nothing folded before it); J moves onto the folded row like onto a paragraph.
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  for (let i = 0; i < 8; i++) await page.keyboard.press('KeyJ');
  await expect(footer).toHaveAttribute('data-focused', 'true');
  await expect(footer).toBeFocused();
  await expect(page.getByTestId('fold-inspector')).toContainText('۸ سطر');
  await shoot(page, 'fold-fa', true);
  await page.setViewportSize({ width: 960, height: 540 });
  await shoot(page, 'fold-fa-960');
  await page.setViewportSize({ width: 1280, height: 860 });

  // A: all eight lines get the label, saved, and focus moves past the run to the next row: the
  // three sponsor lines, suggested as ads, folded on their own.
  await page.keyboard.press('KeyA');
  await expect(foldRow(page, 16)).toHaveAttribute('data-focused', 'true');
  await expect(foldRow(page, 16)).toHaveAttribute('data-fold-count', '3');
  await expect(foldRow(page, 16).getByTestId('fold-summary')).toContainText('۳ سطر آگهی و حامی مالی');
  for (const hidden of [17, 18]) await expect(paragraph(page, hidden)).toHaveCount(0);
  await expect(page.locator('[data-notice="info"]')).toContainText('پیشنهادهای ۸ سطر پذیرفته شد');
  await expect(page.getByTestId('article-progress')).toHaveText('۸ از ۱۹ تصمیم‌گیری شده');
  await expect(footer).toHaveCount(0);
  await waitForSaved(page);
  let layer = await saved(workspace, 'fa/water-tehran.txt');
  for (let i = 8; i <= 15; i++) expect(layer.get(i)).toMatchObject({ labels: ['boilerplate'], via: 'suggestion' });
  expect(layer.size).toBe(8);

  // One Ctrl+Z takes all eight back: the row is folded again, with focus.
  await page.keyboard.press('Control+KeyZ');
  await expect(footer).toHaveAttribute('data-focused', 'true');
  await expect(footer).toHaveAttribute('data-fold-count', '8');
  await expect(page.getByTestId('article-progress')).toHaveText('۰ از ۱۹ تصمیم‌گیری شده');
  await waitForSaved(page);
  layer = await saved(workspace, 'fa/water-tehran.txt');
  for (let i = 8; i <= 15; i++) expect(layer.get(i)?.labels ?? []).toEqual([]);

  // Enter shows the lines, focus on the first; J walks them one by one; Shift+Enter folds them again.
  await page.keyboard.press('Enter');
  await expect(footer).toHaveCount(0);
  await expect(paragraph(page, 8)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 9)).toHaveAttribute('data-decision', 'untouched');
  await expect(paragraph(page, 9).getByTestId('ghost-label')).toHaveAttribute('data-label', 'boilerplate');
  await expect(paragraph(page, 8).getByTestId('fold-again')).toContainText('تا کردن ۸ سطر');
  await shoot(page, 'fold-fa-open');
  await page.keyboard.press('KeyJ');
  await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 10)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Shift+Enter');
  await expect(footer).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 10)).toHaveCount(0);

  // D turns the whole run's suggestions down (one step): the lines show, untouched, without ghosts.
  await page.keyboard.press('KeyD');
  await expect(footer).toHaveCount(0);
  await expect(paragraph(page, 8)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 11)).toHaveAttribute('data-decision', 'untouched');
  await expect(paragraph(page, 11).getByTestId('ghost-label')).toHaveCount(0);
  await page.keyboard.press('Control+KeyZ');
  await expect(footer).toHaveAttribute('data-fold-count', '8');
  await waitForSaved(page);
  expect((await saved(workspace, 'fa/water-tehran.txt')).size).toBe(0);

  // C on the folded row: a note goes on one line, so the lines show and the note is for the first.
  await expect(footer).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('KeyC');
  await expect(page.getByTestId('note-input')).toBeFocused();
  await expect(footer).toHaveCount(0);
  await expect(paragraph(page, 8)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Escape');
  await expect(paragraph(page, 8)).toBeFocused();

  // The shortcuts sheet lists the folded row's keys.
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('shortcuts-sheet')).toContainText('ردیف‌های تاخوردهٔ متن سایت');
  await expect(page.getByTestId('shortcuts-sheet')).toContainText('تا کردن دوبارهٔ دسته در یک ردیف');
});

/** A saved page's shape: five lines of site navigation, the story, and the footer after END. */
function menuPage(story: string): string {
  const lines = ['Home', 'World', 'Business', 'Sport', 'Weather'];
  lines.push(`${story}: the harbour council approved a new ferry line on Monday evening.`);
  lines.push('The mayor said the line would open in spring, with twelve boats serving four piers.');
  lines.push('Residents told reporters they welcomed the plan but wanted later evening sailings.');
  lines.push('END', 'Most read', 'Latest news', 'Subscribe to our newsletter');
  return lines.join('\n\n') + '\n';
}

test('English UI: an article opens at its story past the navigation folded above it; the row accepts by key and by button, undoes in one step, and opens by click', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, 'web'), { recursive: true });
  for (const name of ['ferry', 'bridge', 'tram']) await writeFile(join(workspace, 'web', `${name}.txt`), menuPage(`The ${name} story`));
  // The built-in suggesters read a text file's first line as its title; a model marks it as the
  // navigation it is, as a page-structure reading would.
  await mkdir(join(workspace, '.pilcrow/predictions'), { recursive: true });
  await writeFile(join(workspace, '.pilcrow/predictions/page-nav.jsonl'), JSON.stringify({ article: 'web/ferry.txt', paragraph: 0, labels: ['boilerplate'], score: 0.9, model: 'page-nav' }) + '\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'web/ferry.txt');
  await waitForSuggestions(page);

  // Nothing decided: the view opens at the story, after the five folded lines of navigation.
  const nav = foldRow(page, 0);
  await expect(nav).toHaveAttribute('data-fold-count', '5');
  await expect(nav.getByTestId('fold-summary')).toContainText('5 lines of the site’s own text');
  await expect(nav.getByTestId('fold-summary')).toContainText('boilerplate 0.80–0.90');
  await expect(nav.getByTestId('fold-preview')).toHaveText('Home');
  await expect(nav).toHaveAttribute('aria-label', 'Folded, paragraphs 1 to 5: 5 lines of the site’s own text, suggested boilerplate 0.80–0.90. Enter shows them, A accepts all, D turns all down.');
  await expect(paragraph(page, 5)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 5)).toBeFocused();
  await expect(foldRow(page, 8)).toHaveAttribute('data-fold-count', '4');
  await shoot(page, 'fold-en', true);
  await page.setViewportSize({ width: 960, height: 540 });
  await shoot(page, 'fold-en-960');
  await page.setViewportSize({ width: 1280, height: 860 });

  // K moves up onto the folded row; A accepts its five lines; one undo takes all five back.
  await page.keyboard.press('KeyK');
  await expect(nav).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('KeyA');
  await expect(paragraph(page, 5)).toHaveAttribute('data-focused', 'true');
  for (let i = 0; i < 5; i++) await expect(paragraph(page, i)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(page.getByTestId('article-progress')).toHaveText('5 of 12 decided');
  await waitForSaved(page);
  expect([...(await saved(workspace, 'web/ferry.txt')).keys()].sort()).toEqual([0, 1, 2, 3, 4]);
  await page.keyboard.press('Control+KeyZ');
  await expect(nav).toHaveAttribute('data-focused', 'true');
  await expect(page.getByTestId('article-progress')).toHaveText('0 of 12 decided');
  await waitForSaved(page);
  expect((await saved(workspace, 'web/ferry.txt')).size).toBe(0);

  // U counts paragraphs: from the folded row it goes past the run's other lines to the story.
  await page.keyboard.press('KeyU');
  await expect(paragraph(page, 5)).toHaveAttribute('data-focused', 'true');

  // The mouse: the footer row's button accepts its four lines; a click on the navigation row opens it.
  await foldRow(page, 8).getByTestId('fold-accept').click();
  await expect(paragraph(page, 11)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(page.getByTestId('article-progress')).toHaveText('4 of 12 decided');
  await nav.getByTestId('fold-preview').click();
  await expect(nav).toHaveCount(0);
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched');
  // The first line's button folds them again.
  await paragraph(page, 0).getByTestId('fold-again').click();
  await expect(nav).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 2)).toHaveCount(0);
  await waitForSaved(page);

  // Reopened with decisions, the view opens where the editor left off: the first undecided
  // paragraph, here the folded navigation's row.
  await openArticle(page, 'web/bridge.txt');
  await openArticle(page, 'web/ferry.txt');
  await waitForSuggestions(page);
  await expect(nav).toHaveAttribute('data-focused', 'true');
});

test('suggestions that come while an article is open never fold rows under the cursor; the article opened again folds them', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, 'web'), { recursive: true });
  for (const name of ['ferry', 'bridge', 'tram']) await writeFile(join(workspace, 'web', `${name}.txt`), menuPage(`The ${name} story`));
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  // Boilerplate suggestions held back by a threshold no suggester reaches.
  const threshold = async (value: string) => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('threshold-boilerplate').fill(value);
    await page.getByTestId('threshold-boilerplate').press('Tab');
    await page.keyboard.press('Escape');
  };
  await threshold('1');
  await openArticle(page, 'web/ferry.txt');
  await waitForSuggestions(page);
  await expect(page.locator('[data-testid="ghost-label"][data-label="boilerplate"]')).toHaveCount(0);
  await paragraph(page, 9).getByTestId('paragraph-text').click();

  // The threshold lowered while the article is open: the navigation and footer runs are ghosts
  // on rows of their own, and J still walks them one by one.
  await threshold('0.5');
  await expect(paragraph(page, 9).locator('[data-testid="ghost-label"][data-label="boilerplate"]')).toBeVisible();
  await expect(page.getByTestId('fold-row')).toHaveCount(0);
  await paragraph(page, 9).getByTestId('paragraph-text').click();
  await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 10)).toHaveAttribute('data-focused', 'true');

  // Opened again, the article shows them folded.
  await openArticle(page, 'web/bridge.txt');
  await openArticle(page, 'web/ferry.txt');
  await waitForSuggestions(page);
  await expect(foldRow(page, 8)).toHaveAttribute('data-fold-count', '4');
});
