/**
 * A long article opens with its first screenful and fetches the rest after (issue 8): the chunks
 * are held back here, so the half-loaded state can be looked at and acted on.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

const PATH = 'long-3000.txt';

/** Blank-line separated paragraphs, each different (ids hash the text), Persian and English mixed. */
function longArticle(paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, (_, i) => (i % 3 === 0 ? `Paragraph ${i} of the long report.` : `بند ${i} از گزارش بلند؛ رقم ${i * 3} درصد است.`));
}

async function layerOf(workspace: string): Promise<{ index: number; labels: string[] }[]> {
  const layer = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara', `${PATH}.json`), 'utf8'));
  return Object.values(layer.paragraphs);
}

/** The saved decisions as [paragraph index, labels], in paragraph order. */
async function savedLabels(workspace: string): Promise<[number, string[]][]> {
  return (await layerOf(workspace)).map((e): [number, string[]] => [e.index, e.labels]).sort((a, b) => a[0] - b[0]);
}

/** Scrolls the paragraph list as an editor does, with the mouse wheel over it. */
async function scrollListByHand(page: Page, pixels: number): Promise<void> {
  const box = await page.getByRole('grid').boundingBox();
  if (!box) throw new Error('the paragraph list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let done = 0; done < pixels; done += 4_000) await page.mouse.wheel(0, Math.min(4_000, pixels - done));
}

test.use({ trace: 'off' });

test('a 3,000-paragraph article shows its first rows before the rest arrives; End and a label wait for it, then land on the last paragraph', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, PATH), longArticle(3000).join('\n\n') + '\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara', holdCalls: ['article.paragraphs'] });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, PATH);

  // The first rows, the whole article's counts and a list of its full height, before the rest.
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  await expect(page.getByTestId('paragraph-count')).toHaveText('3000 paragraphs');
  await expect(page.getByTestId('article-loading')).toContainText('300 of 3000');
  await expect(page.locator('section.annotate')).toHaveAttribute('data-complete', 'false');
  await expect(page.getByRole('grid')).toHaveAttribute('aria-busy', 'true');
  // A paragraph of the window is labelled at once.
  await page.keyboard.press('Digit1');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  await expect(page.getByTestId('article-progress')).toHaveText('1 of 3000 decided');

  // End needs the last paragraph and the label key comes after it: both wait, in order.
  await page.keyboard.press('End');
  await page.keyboard.press('Digit2');
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  await expect(page.locator('[data-placeholder-index]')).toHaveCount(0); // the viewport is still on the window
  await app.releaseCalls();
  await expect(page.locator('section.annotate')).toHaveAttribute('data-complete', 'true');
  await expect(paragraph(page, 2999)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 2999)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 2999)).toContainText('بند 2999 از گزارش بلند');
  await expect(page.getByTestId('article-loading')).toHaveCount(0);
  await expect(page.getByTestId('article-progress')).toHaveText('2 of 3000 decided');
  await waitForSaved(page);
  await app.close();

  expect(await savedLabels(workspace)).toEqual([
    [0, ['quote']],
    [2999, ['claim']],
  ]);
});

test('scrolling a half-loaded article shows quiet placeholders, and mark done waits for the whole article', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, PATH), longArticle(3000).join('\n\n') + '\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara', holdCalls: ['article.paragraphs'] });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, PATH);
  await expect(paragraph(page, 0)).toBeVisible();
  // The list has the whole article's height: scrolling far down shows placeholders, not an end.
  await scrollListByHand(page, 40_000);
  await expect(page.locator('[data-placeholder-index]').first()).toHaveAttribute('aria-busy', 'true');
  await page.getByTestId('done-toggle').click();
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-status', 'in_progress');
  await app.releaseCalls();
  await expect(page.locator('section.annotate')).toHaveAttribute('data-article-status', 'done');
  await expect(page.getByTestId('article-progress')).toHaveText('3000 of 3000 decided');
  await expect(page.locator('[data-placeholder-index]')).toHaveCount(0);
  await waitForSaved(page);
  await app.close();
  expect(await layerOf(workspace)).toHaveLength(3000);
});

test('a file changed while its article was arriving is read again, never mixed: labels kept, the new paragraphs shown', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const paragraphs = longArticle(3000);
  await writeFile(join(workspace, PATH), paragraphs.join('\n\n') + '\n');
  // The watcher's event is held too: the chunk's own reply must say the reading is stale.
  const app = await launchApp({ workspace, userData, annotator: 'sara', holdCalls: ['article.paragraphs'], holdEvents: ['article.changed', 'workspace.changed'] });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, PATH);
  await page.keyboard.press('Digit1');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(page);

  // Another program edits a late paragraph and adds one at the end while the rest is on its way.
  const edited = [...paragraphs.slice(0, 2500), 'A paragraph rewritten by another program.', ...paragraphs.slice(2501), 'A paragraph added by another program.'];
  await writeFile(join(workspace, PATH), edited.join('\n\n') + '\n');
  await expect.poll(() => app.heldEvents()).toContain('article.changed');
  await app.releaseCalls();

  await expect(page.getByTestId('paragraph-count')).toHaveText('3001 paragraphs');
  await expect(page.locator('section.annotate')).toHaveAttribute('data-complete', 'true');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');
  await page.keyboard.press('End');
  await expect(paragraph(page, 3000)).toContainText('A paragraph added by another program.');
  await page.keyboard.press('Digit3');
  await expect(paragraph(page, 3000)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(page.getByTestId('article-progress')).toHaveText('2 of 3001 decided');
  // The watcher's news of the change comes last: the article is read again, still 3,001
  // paragraphs, and the editor told once that reading is on screen.
  await app.releaseEvents();
  await expect(page.getByRole('status').filter({ hasText: `\u2068${PATH}\u2069 changed on disk` })).toBeVisible();
  await expect(page.getByTestId('paragraph-count')).toHaveText('3001 paragraphs');
  await waitForSaved(page);
  await app.close();
  expect(await savedLabels(workspace)).toEqual([
    [0, ['quote']],
    [3000, ['boilerplate']],
  ]);
});

/** Two painted frames: whatever the app queued for the next frame has run by then. */
async function afterTwoFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The index of the first paragraph row inside the list's visible box (-1 when none is). */
async function firstVisibleIndex(page: Page): Promise<number> {
  return page.locator('.paragraphs').evaluate((list) => {
    const box = list.getBoundingClientRect();
    const inView = [...list.querySelectorAll<HTMLElement>('[data-paragraph-index]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    });
    return inView.length ? Math.min(...inView.map((row) => Number(row.dataset.paragraphIndex))) : -1;
  });
}

test('an editor who scrolled away to read is not pulled back to the cursor when suggestions arrive or the window shrinks', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeFile(join(workspace, PATH), longArticle(3000).join('\n\n') + '\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara', holdCalls: ['suggest.article'] });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);
  await openArticle(page, PATH);
  await expect(page.locator('section.annotate')).toHaveAttribute('data-complete', 'true');
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');

  await scrollListByHand(page, 40_000);
  await expect(paragraph(page, 0)).toHaveCount(0);
  await expect.poll(() => firstVisibleIndex(page)).toBeGreaterThan(300);
  await afterTwoFrames(page);
  const readingAt = await firstVisibleIndex(page);

  // Ghosts make rows taller, so the rows on screen may shift a little; the view stays where the
  // editor is reading, far from the cursor on paragraph 1.
  await app.releaseCalls();
  await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
  await afterTwoFrames(page);
  expect(Math.abs((await firstVisibleIndex(page)) - readingAt)).toBeLessThan(50);
  await expect(paragraph(page, 0)).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 700 });
  await afterTwoFrames(page);
  expect(Math.abs((await firstVisibleIndex(page)) - readingAt)).toBeLessThan(50);
  await expect(paragraph(page, 0)).toHaveCount(0);

  // The cursor still brings the view back: a key moves it, and the list follows.
  await page.keyboard.press('ArrowDown');
  await expect(paragraph(page, 1)).toHaveAttribute('data-focused', 'true');
  await expect(paragraph(page, 1)).toBeInViewport();
});
