/**
 * Articles in, faithfully (issue 3): split and merge with labels following (keys, context menu,
 * undo), an external edit of the open article, bad files in the list, the Persian HTML page,
 * the direction override and workspace search.
 */
import { copyFile, mkdir, readFile, rename, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { foldRow, openArticle, openFold, paragraph, waitForApp, waitForSaved, waitForSuggestions } from './pages';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes the pictures in docs/images/. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;
const FIXTURES = join(import.meta.dirname, '../fixtures/articles');
const ARTICLE = 'fa/water-tehran.txt';
const QUOTE = 'او در نشست خبری روز دوشنبه گفت: «اگر الگوی مصرف تغییر نکند، در تابستان ناچار به اعمال مدیریت فشار در برخی مناطق خواهیم بود.»';

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, name) });
}

/** Puts a collapsed selection (the caret) at a UTF-16 offset in a paragraph's text. */
async function putCaret(page: Page, index: number, offset: number): Promise<void> {
  await paragraph(page, index)
    .getByTestId('paragraph-text')
    .evaluate((el, at) => {
      const range = document.createRange();
      range.setStart(el.firstChild!, at);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, offset);
}

const text = (page: Page, index: number) => paragraph(page, index).getByTestId('paragraph-text');

test('splits at the caret and merges, labels following, undoable, and kept after a relaunch', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await paragraph(page, 4).click();
  await page.keyboard.press('Digit1');
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(page);

  await putCaret(page, 4, QUOTE.indexOf(' «'));
  await page.keyboard.press('Alt+KeyS');
  await expect(text(page, 4)).toHaveText('او در نشست خبری روز دوشنبه گفت:');
  await expect(text(page, 5)).toHaveText(QUOTE.slice(QUOTE.indexOf('«')));
  for (const i of [4, 5]) {
    await expect(paragraph(page, i)).toHaveAttribute('data-labels', 'quote');
    await expect(paragraph(page, i).locator('.recheck')).toHaveAttribute('title', /split/);
  }
  await expect(page.getByTestId('paragraph-count')).toHaveText('20 paragraphs');

  await page.keyboard.press('Control+KeyZ');
  await expect(page.getByTestId('paragraph-count')).toHaveText('19 paragraphs');
  await expect(text(page, 4)).toHaveText(QUOTE);
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await expect(paragraph(page, 4).locator('.recheck')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+KeyZ');
  await expect(page.getByTestId('paragraph-count')).toHaveText('20 paragraphs');

  // The context menu merges the two halves back; the merged paragraph has both parts' labels.
  await text(page, 4).click({ button: 'right' });
  await page.getByTestId('paragraph-menu').getByRole('menuitem', { name: 'Merge with next' }).click();
  await expect(page.getByTestId('paragraph-count')).toHaveText('19 paragraphs');
  await expect(text(page, 4)).toHaveText(QUOTE);
  await expect(paragraph(page, 4).locator('.recheck')).toHaveAttribute('title', /merged — was: ¶5 quote; ¶6 quote/);

  // Alt+M merges the focused paragraph with the next one: two footer lines become one. They are
  // in the footer's folded row (from paragraph 8): moved onto by key (the list is windowed) and
  // opened with Enter. After the merge, focus stays on the merged line, its run opened.
  await waitForSuggestions(page);
  await expect(foldRow(page, 8)).toHaveCount(1);
  for (let i = 0; i < 4; i++) await page.keyboard.press('KeyJ');
  await expect(foldRow(page, 8)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 9)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByTestId('paragraph-count')).toHaveText('18 paragraphs');
  await expect(text(page, 9)).toHaveText('پربیننده‌ترین اخبار استان‌ها\nاخبار روز اقتصادی');
  await waitForSuggestions(page);
  await expect(paragraph(page, 9)).toHaveAttribute('data-focused', 'true');
  await app.close();

  const settings = JSON.parse(await readFile(join(workspace, '.pilcrow/articles/fa/water-tehran.txt.json'), 'utf8'));
  expect(settings.edits.map((e: { kind: string }) => e.kind)).toEqual(['split', 'merge', 'merge']);
  app = await launchApp({ workspace, userData, annotator: 'sara' });
  await waitForApp(app.page);
  await openArticle(app.page, ARTICLE);
  await expect(app.page.getByTestId('paragraph-count')).toHaveText('18 paragraphs');
  await expect(paragraph(app.page, 4)).toHaveAttribute('data-labels', 'quote');
});

test('follows an external edit of the open article: labels re-anchored, lost ones listed as orphaned', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  for (const [index, key] of [[2, 'Digit2'], [4, 'Digit1']] as const) {
    await paragraph(page, index).click();
    await page.keyboard.press(key);
  }
  // Paragraph 9 is in the footer's folded row: a click on the row shows its lines.
  await waitForSuggestions(page);
  await openFold(page, 8);
  await paragraph(page, 9).click();
  await page.keyboard.press('Digit3');
  await waitForSaved(page);
  await expect(page.getByTestId('suggestion-bar')).toContainText('scores not measured yet');

  // Another program saves the file: lead reworded, the two quotes swapped, a footer line gone.
  const file = join(workspace, ARTICLE);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const lead = lines.findIndex((l) => l.startsWith('مدیرعامل'));
  const quote = lines.indexOf(QUOTE);
  lines[lead] = lines[lead]!.replace('از کاهش محسوس', 'صبح امروز از کاهش محسوس');
  [lines[quote], lines[quote + 1]] = [lines[quote + 1]!, lines[quote]!];
  lines.splice(lines.indexOf('پربیننده‌ترین اخبار استان‌ها'), 1);
  await writeFile(`${file}.tmp-save`, lines.join('\n'));
  await rename(`${file}.tmp-save`, file);

  await expect(page.getByRole('status').filter({ hasText: 'changed on disk' })).toBeVisible();
  // The new reading's ghosts arrive, asked after the labels above, so measured on them.
  await expect(page.getByTestId('suggestion-bar')).toContainText(/measured on \d+ decided/);
  // Focus stayed on paragraph 9, so the top rows may be scrolled out of the virtual list: go up by key.
  for (let i = 0; i < 7; i++) await page.keyboard.press('KeyK');
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await expect(text(page, 2)).toContainText('صبح امروز از کاهش محسوس');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 2).locator('.recheck')).toHaveAttribute('title', /changed/);
  await expect(text(page, 5)).toHaveText(QUOTE);
  await expect(paragraph(page, 5)).toHaveAttribute('data-labels', 'quote');
  const orphans = page.getByTestId('orphan-panel');
  await expect(orphans).toContainText('Orphaned labels (1)');
  await expect(orphans.getByTestId('orphan')).toHaveAttribute('data-labels', 'boilerplate');
  await expect(orphans.getByTestId('orphan')).toContainText('پربیننده‌ترین اخبار استان‌ها');
  await page.keyboard.press('Home');
  await page.keyboard.press('KeyJ');
  await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await screenshot(page, 'orphaned-labels.png');

  // Put it back by hand on the focused paragraph (rows far from the viewport are not in the DOM: move by key).
  for (let i = 2; i < 9; i++) await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 9)).toHaveAttribute('data-focused', 'true');
  await orphans.getByTestId('reattach').click();
  await expect(paragraph(page, 9)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(page.getByTestId('orphan-panel')).toHaveCount(0);
});

test('a run the editor opened stays open when another program edits the article, wherever the cursor is', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await waitForSuggestions(page);
  await openFold(page, 8);
  await expect(paragraph(page, 9)).toBeVisible();
  // The editor reads on elsewhere: the cursor leaves the opened run.
  await paragraph(page, 2).click();
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');

  const file = join(workspace, ARTICLE);
  const edited = (await readFile(file, 'utf8')).replace('از کاهش محسوس', 'صبح امروز از کاهش محسوس');
  await writeFile(`${file}.tmp-save`, edited);
  await rename(`${file}.tmp-save`, file);
  await expect(page.getByRole('status').filter({ hasText: 'changed on disk' })).toBeVisible();
  await expect(text(page, 2)).toContainText('صبح امروز از کاهش محسوس');
  await waitForSuggestions(page);
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  // The footer is below the window's rows: the editor scrolls down to it by hand.
  const list = await page.getByRole('grid').boundingBox();
  await page.mouse.move(list!.x + list!.width / 2, list!.y + list!.height / 2);
  await page.mouse.wheel(0, 3_000);
  await expect(paragraph(page, 9)).toBeVisible();
  await expect(foldRow(page, 8)).toHaveCount(0);
});

test('lists each bad file with its own message, and the rest opens', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, 'bad'));
  await copyFile(join(FIXTURES, 'binary.bin'), join(workspace, 'bad', 'photo.txt'));
  await writeFile(join(workspace, 'bad', 'empty.txt'), '');
  await writeFile(join(workspace, 'bad', 'huge.txt'), 'x');
  await truncate(join(workspace, 'bad', 'huge.txt'), 21 * 1024 * 1024);
  await copyFile(join(FIXTURES, 'fa-invalid-utf8.txt'), join(workspace, 'bad', 'damaged.txt'));
  await writeFile(join(root, 'outside.txt'), 'outside');
  await symlink(join(root, 'outside.txt'), join(workspace, 'bad', 'link.txt'));
  await writeFile(join(workspace, 'bad', 'report.docx'), 'not a zip');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const problem = (path: string) => page.locator(`[data-article-path="${path}"] [data-testid="file-problem"]`);
  await expect(problem('bad/photo.txt')).toContainText('NUL bytes');
  await expect(problem('bad/empty.txt')).toContainText('\u2068bad/empty.txt\u2069 is empty.'); // the name isolated in the sentence
  await expect(problem('bad/huge.txt')).toContainText('Pilcrow opens articles up to 20 MB');
  await expect(problem('bad/link.txt')).toContainText('outside the workspace');
  await expect(problem('bad/report.docx')).toContainText('not a Word .docx file');
  await expect(problem('bad/damaged.txt')).toHaveAttribute('data-problem', 'problem');
  await expect(page.locator('[data-article-path="bad/empty.txt"]')).toBeDisabled();
  await screenshot(page, 'bad-file.png');
  await openArticle(page, 'bad/damaged.txt');
  await expect(text(page, 0)).toContainText('\ufffd');
  await openArticle(page, ARTICLE);
  await expect(paragraph(page, 0)).toBeVisible();
});

test('shows a saved Persian news page right to left; a Persian paragraph that starts with a Latin word reads right to left, and a direction chosen for the article holds', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await copyFile(join(FIXTURES, 'news-page.html'), join(workspace, 'fa', 'news-page.html'));
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/news-page.html');
  await expect(page.locator('.annotate h1')).toHaveText('برداشت چای آغاز شد | خبرگزاری نمونه');
  // The page's navigation (its first three lines) is pre-marked and folded into one row.
  await waitForSuggestions(page);
  await expect(foldRow(page, 0).getByTestId('fold-preview')).toHaveText('صفحه اول');
  expect(await text(page, 4).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // How it is read sits folded behind Reading; detected, nothing chosen.
  await page.getByTestId('reading-toggle').click();
  await expect(page.getByTestId('encoding-select')).toHaveValue('');
  await paragraph(page, 4).click();
  await page.keyboard.press('Digit2');
  await waitForSaved(page);
  await screenshot(page, 'article-html-fa.png');

  await openArticle(page, 'fa/rail-isfahan.txt');
  // A Persian sentence that starts with "Wi-Fi" reads right to left: most of its letters do.
  const latinFirst = text(page, 6);
  await expect(latinFirst).toContainText('Wi-Fi');
  expect(await latinFirst.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // A direction chosen for the article holds for every paragraph.
  await page.getByTestId('reading-toggle').click();
  await page.getByTestId('direction-select').selectOption('ltr');
  await expect(page.locator('.paragraphs')).toHaveAttribute('data-direction-override', 'ltr');
  expect(await latinFirst.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  expect(await text(page, 2).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await page.getByTestId('direction-select').selectOption('rtl');
  await expect(page.locator('.paragraphs')).toHaveAttribute('data-direction-override', 'rtl');
  expect(await latinFirst.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

test('searches the workspace with Persian spelling folded and jumps to the paragraph', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/rail-isfahan.txt');
  await page.keyboard.press('Control+KeyF');
  // Typed straight after Ctrl+F, as an editor does: the query field has the focus.
  // Arabic yeh and kaf, Arabic-Indic digits, a ZWNJ where the text has a space.
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.insertText('مديرعامل شركت آب منطقه‌اي');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('fa/water-tehran.txt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-dialog')).toHaveCount(0);
  await expect(page.locator('.annotate .meta')).toContainText(ARTICLE);
  await expect(paragraph(page, 2)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Control+KeyF');
  await page.getByTestId('search-input').fill('۴۸٠ ميليون');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.getByTestId('search-hit').click();
  await expect(paragraph(page, 3)).toHaveAttribute('data-focused', 'true');
});
