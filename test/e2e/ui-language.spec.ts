import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved, waitForSuggestions } from './pages';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes the pictures in docs/images/. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, name) });
}

test('switches the whole UI to Persian, mirrored right to left, and keeps it after a relaunch', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, 'guidelines.md'), '# راهنمای برچسب‌زنی\n\n- **نقل‌قول**: سخنی که به کسی نسبت داده شده.\n- **ادعا**: گزاره‌ای که می‌شود درستی‌اش را سنجید.\n');
  let app = await launchApp({ workspace, userData, annotator: 'sara' });
  let { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  // The last 3 moves reach the footer's folded row (paragraphs 9–16): 3 labels all eight.
  await waitForSuggestions(page);
  for (const [moves, key] of [[2, 'Digit2'], [2, 'Digit1'], [1, 'Digit1'], [3, 'Digit3']] as const) {
    for (let i = 0; i < moves; i++) await page.keyboard.press('KeyJ');
    await page.keyboard.press(key);
  }
  await page.keyboard.press('KeyF');
  await waitForSaved(page);
  await screenshot(page, 'annotate-en.png');

  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await expect(page.locator('.shell')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings')).toHaveCount(0);

  // Mirrored: the article list sits on the right, the paragraph gutter too; strings and digits are Persian.
  const listBox = (await page.locator('nav.list').boundingBox())!;
  const paneBox = (await page.locator('main.pane').boundingBox())!;
  expect(listBox.x).toBeGreaterThan(paneBox.x);
  await expect(page.getByTestId('open-settings')).toHaveText('تنظیمات');
  await expect(page.getByTestId('paragraph-count')).toHaveText('۱۹ بند');
  await expect(page.locator('[data-article-path="fa/water-tehran.txt"] [data-testid="decided-count"]')).toHaveText('۱۱/۱۹');
  await expect(page.locator('[data-save-state]')).toHaveText('همهٔ تغییرها ذخیره شد');
  // Keys still work by position in the Persian UI.
  await page.keyboard.press('KeyK');
  await page.keyboard.press('Space');
  await expect(paragraph(page, 7)).toHaveAttribute('data-decision', 'none');
  await page.keyboard.press('KeyG');
  await expect(page.getByTestId('guidelines-panel')).toContainText('نقل‌قول');
  await screenshot(page, 'ui-fa.png');
  await app.close();

  app = await launchApp({ workspace, userData, annotator: 'sara' });
  page = app.page;
  await waitForApp(page);
  await expect(page.locator('.shell')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('open-settings')).toHaveText('تنظیمات');
});

test('switches to the dark theme and keeps focus visible', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  // The colour actually painted behind the app: --paper (#faf9f6 light, #1b1a18 dark) resolved.
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await paper()).toBe('rgb(250, 249, 246)');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await paper()).toBe('rgb(27, 26, 24)');
  await page.keyboard.press('Escape');
  await openArticle(page, 'en/harbour-wind.txt');
  await page.keyboard.press('KeyJ');
  const row = paragraph(page, 1);
  await expect(row).toBeFocused();
  expect(await row.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
  await page.screenshot({ path: test.info().outputPath('dark.png') });
});

test('a first run on a Persian system opens in Persian, with the language one click away on the first screen', async ({ tempWorkspace, launchApp }) => {
  const { userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ userData, locale: 'fa-IR' });
  const { page } = app;
  await waitForApp(page);
  const prompt = page.getByTestId('annotator-prompt');
  await expect(prompt).toBeVisible();
  await expect(page.locator('[data-ui-language="fa"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(prompt).toContainText('چه کسی برچسب می‌زند؟');
  await expect(prompt.locator('[data-language="fa"]')).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'first-run-fa.png');
  await prompt.locator('[data-language="en"]').click();
  await expect(page.locator('[data-ui-language="en"]')).toBeVisible();
  await expect(prompt).toContainText('Who is labelling?');
  await page.getByTestId('annotator-input').fill('sara');
  await page.getByTestId('annotator-input').press('Enter');
  await expect(prompt).toHaveCount(0);
  await expect(page.locator('[data-ui-language="en"]')).toBeVisible(); // the choice holds
});

test('says main’s messages in Persian, with the file name isolated inside the sentence', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, 'empty-report.txt'), '');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const problem = page.locator('[data-article-path="empty-report.txt"] [data-testid="file-problem"] .message');
  await expect(problem).toHaveText('\u2068empty-report.txt\u2069 is empty.');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await expect(problem).toHaveText('\u2068empty-report.txt\u2069 خالی است.');
  await expect(problem).toHaveAttribute('dir', 'rtl');
});
