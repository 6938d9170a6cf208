import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openInReview, usePersianUi } from './pages';

const ARTICLE = 'fa/water-tehran.txt';

test('replies to a teammate’s note in Review: the thread shows in order with author and time, is kept in the editor’s own replies file, in English and Persian', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['claim'], ['quote']]);
  await writeLayer(workspace, 'omid', ARTICLE, [['claim'], ['claim']]);
  const saraFile = join(workspace, '.pilcrow', 'annotations', 'sara', `${ARTICLE}.json`);
  const layer = JSON.parse(await readFile(saraFile, 'utf8')) as { paragraphs: Record<string, { index: number; note?: string }> };
  const [firstId] = Object.entries(layer.paragraphs).find(([, e]) => e.index === 1)!;
  layer.paragraphs[firstId]!.note = 'این نقل قول مستقیم است';
  await writeFile(saraFile, JSON.stringify(layer));
  // omid replied on his machine (git brought his file); reza's "file" is a link, refused.
  const replies = join(workspace, '.pilcrow', 'replies');
  await mkdir(replies, { recursive: true });
  await writeFile(
    join(replies, 'omid.jsonl'),
    `{"version":1,"annotator":"omid"}\n${JSON.stringify({ id: 'r0000000001', article: ARTICLE, paragraph: firstId, re: 'sara', text: 'به نظرم ادعاست، نه نقل قول.', at: '2026-12-05T09:30:00Z' })}\n`,
  );
  await symlink(join(root, 'elsewhere.jsonl'), join(replies, 'reza.jsonl'));

  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await openInReview(page, ARTICLE);
  const row = page.locator('[data-review-index="1"]');
  const thread = row.getByTestId('review-thread');
  await expect(thread.locator('li')).toHaveCount(1);
  await expect(thread.locator('li').first()).toContainText('omid to sara');
  await expect(thread.locator('li').first()).toContainText('به نظرم ادعاست');
  await expect(page.locator('[data-review-problem]')).toContainText('.pilcrow/replies/reza.jsonl\u2069: it is a link');

  // r on the focused paragraph opens the box, answering sara's note; Ctrl+Enter sends.
  await row.click();
  await page.keyboard.press('KeyR');
  const box = row.getByTestId('review-reply-text');
  await expect(box).toBeFocused();
  await expect(row.getByTestId('review-reply-to')).toHaveValue('sara');
  await box.fill('Quote it is: the «» are in the source.');
  await page.screenshot({ path: test.info().outputPath('reply-box-1280.png') });
  await box.press('Control+Enter');
  await expect(row.getByTestId('review-reply-form')).toHaveCount(0);
  await expect(thread.locator('li')).toHaveCount(2);
  await expect(thread.locator('li').nth(1)).toHaveAttribute('data-reply-author', 'lead');
  await expect(thread.locator('li').nth(1)).toContainText('lead to sara');
  await expect(thread.locator('li').nth(1).locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  // Keys work on the list again; the button opens the box too, and Escape closes it without sending.
  await expect(row).toBeFocused();
  await row.getByTestId('review-reply').click();
  await row.getByTestId('review-reply-text').fill('not this one');
  await row.getByTestId('review-reply-text').press('Escape');
  await expect(row.getByTestId('review-reply-form')).toHaveCount(0);
  const own = (await readFile(join(replies, 'lead.jsonl'), 'utf8')).trim().split('\n');
  expect(own).toHaveLength(2);
  expect(JSON.parse(own[1]!)).toMatchObject({ article: ARTICLE, paragraph: firstId, re: 'sara', text: 'Quote it is: the «» are in the source.' });
  await page.screenshot({ path: test.info().outputPath('thread-1280.png') });
  await page.setViewportSize({ width: 960, height: 540 });
  await page.screenshot({ path: test.info().outputPath('thread-960.png') });

  await usePersianUi(page);
  await expect(thread.locator('li').first()).toContainText('omid به sara');
  await expect(thread.locator('li').first().locator('time')).toHaveText(/[۰-۹]/);
  await page.screenshot({ path: test.info().outputPath('thread-fa-960.png') });
  await page.setViewportSize({ width: 1280, height: 860 });
  await row.click();
  await page.keyboard.press('KeyR');
  await expect(row.getByRole('button', { name: 'فرستادن' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('thread-fa-1280.png') });
});
