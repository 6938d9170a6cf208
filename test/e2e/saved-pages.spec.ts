/**
 * Saved web pages in the annotation view (issue 14): the page around the story shows as ghost
 * boilerplate/ad suggestions with the page's evidence as the reason, and the header says how many
 * hidden lines were left out, in English and in Persian. On our own pages (test/fixtures/pages);
 * a second test takes screenshots of real pages from ../shared/fixtures/web-pages, when present,
 * to look at by eye.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type E2eFixtures } from './fixtures';
import { openArticle, openFold, paragraph, waitForApp, waitForSuggestions } from './pages';

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const SHARED = join(import.meta.dirname, '../../../shared/fixtures/web-pages');

const ghost = (page: Page, index: number, label: string) => paragraph(page, index).locator(`[data-testid="ghost-label"][data-label="${label}"]`);

async function workspaceOf(tempDir: E2eFixtures['tempDir'], files: Record<string, string>): Promise<{ workspace: string; userData: string; root: string }> {
  const root = await tempDir('pages');
  const workspace = join(root, 'workspace');
  await mkdir(workspace, { recursive: true });
  for (const [name, from] of Object.entries(files)) await copyFile(from, join(workspace, name));
  return { workspace, userData: join(root, 'user-data'), root };
}

test('a saved page: the navigation, ad and footer are ghost suggestions with the evidence, and the hidden lines are counted in English and Persian', async ({ tempDir, launchApp }) => {
  const { workspace, userData } = await workspaceOf(tempDir, { 'news.html': join(PAGES, 'news-page.html'), 'hidden.html': join(PAGES, 'hidden.html') });
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'news.html');
  await waitForSuggestions(page);
  // The navigation run is folded into one row; the editor opens it to read each line's reasons.
  await openFold(page, 0);
  await expect(ghost(page, 1, 'boilerplate')).toContainText('0.95');
  await expect(ghost(page, 1, 'boilerplate')).toHaveAttribute('title', /Before the article's first paragraph, in the site's navigation \(nav\)/);
  // The rows are windowed: walk down with J to the ad inside the story.
  await paragraph(page, 1).getByTestId('paragraph-text').click();
  for (let i = 1; i < 12; i++) await page.keyboard.press('KeyJ');
  await expect(paragraph(page, 12)).toHaveAttribute('data-focused', 'true');
  await expect(ghost(page, 12, 'ad')).toBeVisible();
  await expect(paragraph(page, 12).getByTestId('suggestion-reasons')).toContainText('In a block the page marks as an advertisement ("advert")');
  await expect(paragraph(page, 9).locator('[data-testid="ghost-label"][data-label="boilerplate"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('news-page-en.png') });

  await openArticle(page, 'hidden.html');
  await expect(page.getByTestId('reading-note')).toHaveText('8 hidden lines were left out: the page hides them from its readers (hidden, aria-hidden, display:none).');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-ui-language="fa"]')).toBeVisible();
  await expect(page.getByTestId('reading-note')).toHaveText('۸ سطرِ پنهان کنار گذاشته شد: صفحه آن‌ها را از خوانندگانش پنهان کرده است.');
  await openArticle(page, 'news.html');
  await waitForSuggestions(page);
  // Opened again, the article starts with its runs folded.
  await openFold(page, 0);
  await expect(ghost(page, 1, 'boilerplate')).toHaveAttribute('title', /پیش از نخستین بندِ متن اصلی خبر، در ناوبری سایت \(«nav»\)/);
  await page.screenshot({ path: test.info().outputPath('news-page-fa.png') });
});

test('real saved pages, by eye: an English, a Chinese and a right-to-left page', async ({ tempDir, launchApp }) => {
  test.skip(!existsSync(SHARED), `${SHARED} is absent: no real pages to look at`);
  const names = ['bbc-1', 'qq', 'rtl-1'];
  const { workspace, userData } = await workspaceOf(tempDir, Object.fromEntries(names.map((n) => [`${n}.html`, join(SHARED, n, 'source.html')])));
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await page.setViewportSize({ width: 1100, height: 800 });
  await waitForApp(page);
  for (const name of names) {
    await openArticle(page, `${name}.html`);
    await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
    await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  }
});
