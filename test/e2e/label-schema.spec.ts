import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/** A teammate's layer written by "their" app: one `ad` decision on the first paragraph. */
async function teammateLayer(workspace: string, annotator: string, articlePath: string, paragraphId: string): Promise<string> {
  const file = join(workspace, '.pilcrow/annotations', annotator, `${articlePath}.json`);
  await mkdir(join(file, '..'), { recursive: true });
  const now = new Date().toISOString();
  await writeFile(file, JSON.stringify({ version: 1, article: articlePath, annotator, updated_at: now, status: 'in_progress', paragraphs: { [paragraphId]: { index: 0, labels: ['ad'], updated_at: now } }, orphans: [] }));
  return file;
}

test('edits the workspace label schema: add with a hotkey, recolour, reorder, rename with migration, remove and restore', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  let { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('Digit4'); // ¶0: ad
  await waitForSaved(page);
  const firstId = (await paragraph(page, 0).getAttribute('data-paragraph-id'))!;
  const omidFile = await teammateLayer(workspace, 'omid', 'en/harbour-wind.txt', firstId);

  await page.getByTestId('open-settings').click();
  const editor = page.getByTestId('schema-editor');
  // Add "opinion" and give it the physical key O.
  await page.getByTestId('new-label-name').fill('opinion');
  await page.getByTestId('new-label-name').press('Enter');
  const opinion = editor.locator('[data-schema-label="opinion"]');
  await expect(opinion).toBeVisible();
  await opinion.getByTestId('key-capture').click();
  await page.keyboard.press('KeyO');
  await expect(opinion.getByTestId('key-capture')).toHaveText('O');
  // A key the loop uses is refused with a reason.
  await opinion.getByTestId('key-capture').click();
  await page.keyboard.press('KeyJ');
  await expect(page.getByTestId('schema-error')).toContainText('J key is kept for the annotation loop');
  await opinion.locator('input.description').fill('The writer’s own view');
  await opinion.locator('input.description').press('Tab');
  await opinion.getByRole('button', { name: 'Move opinion up' }).click();
  await expect(editor.locator('[data-schema-label]').nth(3)).toHaveAttribute('data-schema-label', 'opinion');
  await opinion.locator('input[type="color"]').evaluate((el: HTMLInputElement) => {
    el.value = '#0e7490';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });

  // Rename "ad" to "advert": my file is migrated now; omid's file is left to omid's app.
  const adName = editor.locator('[data-schema-label="ad"]').getByTestId('label-name');
  await adName.fill('advert');
  await adName.press('Enter');
  await expect(page.getByTestId('schema-info')).toContainText('Renamed “ad” to “advert” in 1 of your decisions (1 file)');
  await expect(page.getByTestId('schema-info')).toContainText('omid still have “ad”');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings')).toHaveCount(0);
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'advert');

  // One file per label, named by its id: the renamed label keeps its id (and its file) and carries the rename.
  const labelFile = (id: string) => readJson(join(workspace, '.pilcrow/schema/labels', `${id}.json`));
  const schema = await Promise.all(['quote', 'claim', 'boilerplate', 'opinion', 'ad'].map(labelFile));
  expect(schema.sort((a, b) => a.order - b.order).map((l: { name: string }) => l.name)).toEqual(['quote', 'claim', 'boilerplate', 'opinion', 'advert']);
  expect(await labelFile('opinion')).toMatchObject({ key: 'KeyO', color: '#0e7490', description: 'The writer’s own view' });
  expect(await labelFile('ad')).toMatchObject({ id: 'ad', name: 'advert', renamed_from: [expect.objectContaining({ name: 'ad' })] });
  const mine = await readJson(join(workspace, '.pilcrow/annotations/sara/en/harbour-wind.txt.json'));
  expect(mine.paragraphs[firstId].labels).toEqual(['advert']);
  expect((await readJson(omidFile)).paragraphs[firstId].labels).toEqual(['ad']);

  // The new label works by its key (the reopened article focuses its first undecided paragraph, ¶1).
  await expect(paragraph(page, 1)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('KeyO');
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'opinion');
  await waitForSaved(page);

  // Removing a label in use asks first; the decision stays in the file and shows as removed.
  await page.getByTestId('open-settings').click();
  await editor.locator('[data-schema-label="opinion"]').getByTestId('remove-label').click();
  await expect(page.getByTestId('confirm-remove')).toContainText('1 decision in 1 article use “opinion” (sara)');
  await page.getByTestId('confirm-remove').getByRole('button', { name: 'Remove label' }).click();
  await expect(editor.locator('[data-schema-label="opinion"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(paragraph(page, 1).locator('.chip.retired')).toHaveText('opinion');
  const kept = await readJson(join(workspace, '.pilcrow/annotations/sara/en/harbour-wind.txt.json'));
  expect(Object.values(kept.paragraphs).map((p) => (p as { labels: string[] }).labels)).toContainEqual(['opinion']);
  await app.close();

  // Omid's app applies the rename to omid's own file when it opens the workspace.
  app = await launchApp({ workspace, userData: join(root, 'omid-settings'), annotator: 'omid' });
  page = app.page;
  await waitForApp(page);
  await expect.poll(async () => (await readJson(omidFile)).paragraphs[firstId].labels).toEqual(['advert']);
  await page.getByTestId('open-settings').click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('schema-editor').locator('[data-schema-label="opinion"]')).toBeVisible();
});

test('a label’s Persian display name is what the Persian UI shows; its name in files and exports stays', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('Digit1');
  await waitForSaved(page);
  await page.getByTestId('open-settings').click();
  const quote = page.getByTestId('schema-editor').locator('[data-schema-label="quote"]');
  await quote.getByTestId('label-display-fa').fill('نقل‌قول');
  await quote.getByTestId('label-display-fa').press('Tab');
  await quote.getByTestId('label-display-en').fill('Quotation');
  await quote.getByTestId('label-display-en').press('Tab');
  await expect.poll(async () => (await readJson(join(workspace, '.pilcrow/schema/labels/quote.json'))).display).toEqual({ fa: 'نقل‌قول', en: 'Quotation' });
  await page.keyboard.press('Escape');
  await expect(paragraph(page, 0).locator('.chip[data-label="quote"]')).toHaveText('Quotation');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(paragraph(page, 0).locator('.chip[data-label="quote"]')).toHaveText('نقل‌قول');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  // The article list's label filter and counts show it too; the filter still means the label.
  const nav = page.getByRole('navigation');
  await expect(nav.locator('select option[value="quote"]')).toHaveText('نقل‌قول');
  await expect(nav.locator('[data-label-count="quote"]').first()).toContainText('نقل‌قول');
  await page.screenshot({ path: test.info().outputPath('display-name-fa.png') });
  await page.getByTestId('open-settings').click();
  await page.getByTestId('schema-editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('schema-editor-fa.png') });
  await page.keyboard.press('Escape');
  expect((await readJson(join(workspace, '.pilcrow/annotations/sara/en/harbour-wind.txt.json'))).paragraphs[(await paragraph(page, 0).getAttribute('data-paragraph-id'))!].labels).toEqual(['quote']);
});

test('in single-label mode a label key sets the one label and moves on', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('Digit1');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('mode-single').check();
  await expect(page.locator('[data-label-mode="single"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press('Digit2'); // replaces quote with claim, then moves on
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 1)).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Digit3');
  await page.keyboard.press('Digit3');
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(paragraph(page, 3)).toHaveAttribute('data-focused', 'true');
  await waitForSaved(page);
  expect(await readJson(join(workspace, '.pilcrow/schema/mode.json'))).toEqual({ version: 1, mode: 'single' });
});

test('shows the guidelines file as text-safe markdown, never as HTML', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, 'guidelines.md'), '# Labelling guide\n\nA **quote** is speech; see `claim`.\n\n- one <b>two</b>\n- <img src=x onerror="window.pwned=1"><script>window.pwned=1</script>\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await expect(page.locator('[data-article-path="guidelines.md"]')).toHaveCount(0);
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('KeyG');
  const panel = page.getByTestId('guidelines-panel');
  await expect(panel.locator('h3')).toHaveText('Labelling guide');
  await expect(panel.locator('strong')).toHaveText('quote');
  await expect(panel.locator('li').nth(0)).toHaveText('one <b>two</b>');
  await expect(panel.locator('li').nth(1)).toContainText('<script>');
  expect(await panel.locator('b, img, script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});
