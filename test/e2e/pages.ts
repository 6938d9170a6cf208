/** Small page helpers that wait on app state (data attributes), never on time. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
}

export async function openArticle(page: Page, path: string): Promise<void> {
  await page.locator(`[data-article-path="${path}"]`).click();
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-id', /^a/);
  await expect(page.locator('.annotate .meta')).toContainText(path);
}

export function paragraph(page: Page, index: number): Locator {
  return page.locator(`[data-paragraph-index="${index}"]`);
}

export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
}

/** Waits until the open article's suggestions are in: ghosts shown, runs of boilerplate folded. */
export async function waitForSuggestions(page: Page): Promise<void> {
  await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
}

/** The folded row of the run of boilerplate that starts at paragraph `start` (docs/shortcuts.md). */
export function foldRow(page: Page, start: number): Locator {
  return page.locator(`[data-testid="fold-row"][data-fold-start="${start}"]`);
}

/**
 * Opens the folded run at paragraph `start` with its "Show lines" button, as an editor does who
 * sees the row: in the window and settled first. The list is windowed, and a click at once after
 * Playwright's own scrolling could land while the rows were still being placed (it missed the
 * button once in CI). Resolves once the row has given way to its lines.
 */
export async function openFold(page: Page, start: number): Promise<void> {
  const row = foldRow(page, start);
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeInViewport({ ratio: 1 });
  await row.getByTestId('fold-open').click();
  await expect(row).toHaveCount(0);
}

/** Switches the UI to Persian in Settings and waits until it shows. */
export async function usePersianUi(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-ui-language="fa"]')).toBeVisible();
}

/** In a 1280×860 window (the article list beside the text), opens `path` and switches to Review. */
export async function openInReview(page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);
  await openArticle(page, path);
  await page.getByRole('tab', { name: 'Review' }).click();
}
