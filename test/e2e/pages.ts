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
