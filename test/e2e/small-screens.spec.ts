/**
 * Small screens and 200 % zoom (issue 17): 1280×720 CSS px is a 1920×1080 laptop at 150 %;
 * 640×430 is a 1280×860 window at 200 %. The paragraphs must stay in view: the article list
 * becomes a drawer, the reading toolbar folds away, the headers shrink to one compact bar.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp, SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, usePersianUi, waitForApp } from './pages';
import { removeDir, tempWorkspace } from './temp';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes the pictures in docs/images/. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, name) });
}

/** Height in CSS px of the scrolling list of paragraphs (or review rows). */
async function listHeight(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
}

/** Paragraph rows whose whole box is inside the paragraph list's box. */
async function rowsInView(page: Page): Promise<number> {
  return page.locator('.paragraphs').evaluate((list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('[data-paragraph-index]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

/** Paragraph texts cut off at the side (wider content than box): none may be. */
async function clippedTexts(page: Page): Promise<number> {
  return page.locator('.paragraphs').evaluate((list) => [...list.querySelectorAll('[data-testid="paragraph-text"]')].filter((el) => el.scrollWidth > el.clientWidth + 1).length);
}

for (const language of ['en', 'fa'] as const) {
  test(`keeps the paragraphs in view at 200 % zoom (640×430) and at 1280×720, UI in ${language}`, async () => {
    const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE, { reference: true });
    const app = await launchApp({ workspace, userData, annotator: 'sara' });
    const { page } = app;
    await waitForApp(page);
    if (language === 'fa') await usePersianUi(page);

    // 1280×720: the list stays beside the pane; the reading toolbar is folded until asked for.
    await page.setViewportSize({ width: 1280, height: 720 });
    await openArticle(page, 'fa/water-tehran.txt');
    await expect(page.locator('nav.list')).toBeVisible();
    await expect(page.getByTestId('articles-toggle')).toBeHidden();
    await expect(page.getByTestId('source-bar')).toHaveCount(0);
    await page.getByTestId('reading-toggle').click();
    await expect(page.getByTestId('encoding-select')).toBeVisible();
    await page.getByTestId('reading-toggle').click();
    await expect(page.getByTestId('source-bar')).toHaveCount(0);
    const wide = await rowsInView(page);

    // 640×430 (200 %): the list is a drawer; the paragraphs keep the pane.
    await page.setViewportSize({ width: 640, height: 430 });
    await expect(page.locator('nav.list')).toBeHidden();
    await expect(page.getByTestId('articles-toggle')).toBeVisible();
    expect(await listHeight(page, '.paragraphs')).toBeGreaterThan(120);
    await expect(paragraph(page, 0)).toBeInViewport();
    expect(await clippedTexts(page)).toBe(0);
    await screenshot(page, `compact-annotate-${language}.png`);

    // The drawer opens over the pane, and choosing an article closes it.
    await page.getByTestId('articles-toggle').click();
    await expect(page.locator('nav.list')).toBeVisible();
    await page.locator('[data-article-path="fa/rail-isfahan.txt"]').click();
    await expect(page.locator('.annotate .meta')).toContainText('fa/rail-isfahan.txt');
    await expect(page.locator('nav.list')).toBeHidden();

    // Review keeps its rows in view too.
    await page.locator('button[data-mode="review"]').click();
    await expect(page.locator('.rows [role="row"]').first()).toBeVisible();
    expect(await listHeight(page, '.rows')).toBeGreaterThan(150);
    await screenshot(page, `compact-review-${language}.png`);
    test.info().annotations.push({ type: 'rows in view at 1280×720', description: String(wide) });

    await app.close();
    await removeDir(root);
  });
}
