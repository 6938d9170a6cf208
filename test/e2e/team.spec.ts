/**
 * Assignments in the app (docs/teams.md): a lead assigned articles with `pilcrow assign`; the
 * editor's list opens on "Assigned to me" in queue order with the head of the queue open, `n`
 * follows the queue, and the Team tab shows each annotator's progress and the per-day chart, in
 * English and in Persian.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { segmentArticle } from '../../src-main/core/article';
import { annotationFilePath } from '../../src-main/node/annotations/paths';
import { runPilcrow } from '../support/run-cli';
import { SAMPLE_WORKSPACE } from './harness';
import { paragraph, usePersianUi, waitForApp } from './pages';

const SHARED = 'fa/water-tehran.txt';
const SARA_QUEUE = [SHARED, 'en/harbour-wind.txt', 'fa/school-semnan.txt'];

/** A layer as the app writes it: decisions two minutes apart from 09:00 UTC on 1 December. */
async function layer(workspace: string, annotator: string, labels: string[][], status: 'in_progress' | 'done') {
  const ids = segmentArticle(await readFile(join(workspace, SHARED), 'utf8'), 'txt').paragraphs.map((p) => p.id);
  const at = (i: number) => new Date(Date.parse('2026-12-01T09:00:00Z') + i * 120_000).toISOString();
  const paragraphs = Object.fromEntries(labels.map((l, i) => [ids[i]!, { index: i, labels: l, updated_at: at(i) }]));
  const file = annotationFilePath(workspace, annotator, SHARED);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ version: 1, article: SHARED, annotator, updated_at: at(labels.length), status, paragraphs }));
}

test('the list opens on my queue, n follows it, and the Team tab shows progress and agreement, in English and Persian', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  // The lead assigns by hand, one article at a time, so the queue order is known here.
  for (const article of SARA_QUEUE) expect((await runPilcrow('assign', workspace, '--article', article, '--annotators', article === SHARED ? 'sara,omid' : 'sara')).code).toBe(0);
  expect((await runPilcrow('assign', workspace, '--article', 'en/library-hours.md', '--annotators', 'omid')).code).toBe(0);
  await layer(workspace, 'sara', [['quote'], ['claim'], [], ['ad']], 'done');
  await layer(workspace, 'omid', [['quote'], ['claim'], [], []], 'in_progress');

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 820 });
  await waitForApp(page);
  const filter = page.getByTestId('assigned-filter');
  await expect(filter).toBeChecked();
  await expect(page.getByTestId('sort')).toHaveValue('queue');
  const listed = page.locator('[data-article-path]');
  await expect(listed).toHaveCount(3);
  expect(await listed.evaluateAll((els) => els.map((e) => e.getAttribute('data-article-path')))).toEqual(SARA_QUEUE);
  // The head of the queue is open, and n walks the queue.
  await expect(page.locator('.annotate .meta')).toContainText(SARA_QUEUE[0]!);
  for (const next of SARA_QUEUE.slice(1)) {
    await paragraph(page, 0).getByTestId('paragraph-text').click();
    await page.keyboard.press('KeyN');
    await expect(page.locator('.annotate .meta')).toContainText(next);
  }
  await filter.uncheck();
  await expect(listed).toHaveCount(5);

  await page.locator('[data-mode="team"]').click();
  const table = page.getByTestId('team-table');
  await expect(table).toBeVisible();
  const sara = table.locator('tr[data-annotator="sara"]');
  await expect(sara.locator('[data-cell="done"]')).toContainText('1 of 3');
  await expect(sara.locator('[data-cell="pace"]')).toContainText('30 / hour');
  // 3 of the 4 shared paragraphs have the same labels.
  await expect(sara.locator('[data-cell="agreement"]')).toContainText('75%');
  await expect(table.locator('tr[data-annotator="omid"] [data-cell="done"]')).toContainText('0 of 2');
  await expect(page.getByTestId('team-overall')).toContainText('80% or more is good');
  await expect(page.getByTestId('team-chart').locator('[data-day="2026-12-01"] rect')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('team-en.png') });

  await usePersianUi(page);
  await expect(page.locator('[data-mode="team"]')).toHaveText('گروه');
  await expect(page.locator('#team-title')).toHaveText('پیشرفت گروه');
  await expect(sara.locator('[data-cell="done"]')).toContainText('۱ از ۳');
  await page.screenshot({ path: test.info().outputPath('team-fa.png') });
  await page.setViewportSize({ width: 760, height: 700 });
  await page.screenshot({ path: test.info().outputPath('team-fa-small.png') });
});

test('a lead assigns from the Team tab: the table fills, and the list turns to their own queue', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await expect(page.getByTestId('assigned-filter')).toHaveCount(0);
  await page.locator('[data-mode="team"]').click();
  await expect(page.getByTestId('team-none')).toBeVisible();
  await page.getByTestId('assign-names').fill('sara, omid');
  await page.getByTestId('assign-overlap').fill('40');
  await page.getByTestId('assign-run').click();
  await expect(page.getByTestId('assign-done')).toHaveText('5 articles assigned.');
  await expect(page.getByTestId('team-table').locator('tr[data-annotator]')).toHaveCount(2);
  await expect(page.getByTestId('assigned-filter')).toBeChecked();
  const saraFile = await readFile(join(workspace, '.pilcrow', 'assignments', 'sara.jsonl'), 'utf8');
  const queued = saraFile.trimEnd().split('\n').length - 1;
  await expect(page.locator('[data-article-path]')).toHaveCount(queued);
  await page.screenshot({ path: test.info().outputPath('team-assigned.png') });
});
