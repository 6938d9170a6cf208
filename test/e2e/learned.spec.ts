/**
 * The learned suggester in the app (docs/suggestions.md): 20 articles of a generated news site
 * are labelled, 17 by a teammate (their layer on disk) and 3 by the editor by key (labelling all
 * 20 by key takes minutes on a shared machine); the learner (the BUILT worker thread) trains
 * when the workspace opens and again as the editor's decisions arrive; the next article shows
 * learned ghosts, which the editor accepts; the Model tab shows what it learned from and its
 * learning curve; the list can follow "most uncertain first".
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotationFilePath } from '../../src-main/node/annotations/paths';
import { generateSite } from '../bench/generator/site';
import { openArticle, paragraph, waitForApp, waitForSaved, waitForSuggestions } from './pages';

const KEYS: Record<string, string> = { quote: 'Digit1', claim: 'Digit2', boilerplate: 'Digit3', ad: 'Digit4' };

/**
 * Labels the open article as an editor does with the keys: a run of paragraphs that take the same
 * labels is selected (Shift+J) and labelled at once; J moves on; Shift+D marks the rest "none".
 */
async function labelArticle(page: Page, truth: string[][]): Promise<void> {
  // Runs of suggested boilerplate are folded into one row that J steps over: open them all, so
  // that each paragraph is a row of its own and the walk below meets every one.
  // Opening one run redraws the list, so each pass opens the first folded row still there.
  await waitForSuggestions(page);
  const folded = page.getByTestId('fold-row');
  await expect(async () => {
    if ((await folded.count()) > 0) await folded.first().getByTestId('fold-open').click();
    await expect(folded).toHaveCount(0, { timeout: 1_000 });
  }).toPass();
  await page.keyboard.press('Home');
  await expect(paragraph(page, 0)).toHaveAttribute('data-focused', 'true');
  const same = (a: string[], b: string[]) => a.join(' ') === b.join(' ');
  for (let i = 0; i < truth.length; ) {
    let end = i;
    while (truth[i]!.length > 0 && end + 1 < truth.length && same(truth[end + 1]!, truth[i]!)) end++;
    for (let k = i; k < end; k++) await page.keyboard.press('Shift+KeyJ');
    for (const label of truth[i]!) await page.keyboard.press(KEYS[label]!);
    if (truth[i]!.length > 0) await expect(paragraph(page, end)).toHaveAttribute('data-labels', truth[i]!.join(' '));
    if (end + 1 < truth.length) await page.keyboard.press('KeyJ');
    i = end + 1;
  }
  await page.keyboard.press('Shift+KeyD');
  await expect(page.locator(`[aria-current="true"]`)).toHaveAttribute('data-status', 'done');
  await waitForSaved(page);
}

test('20 articles of a site labelled, the last 3 by key: the next one shows learned ghosts to accept; the Model tab measures it', async ({ tempDir, launchApp }) => {
  test.setTimeout(180_000);
  const root = await tempDir('learned');
  const workspace = join(root, 'workspace');
  const site = generateSite(workspace, { articles: 26, labelled: 17, annotators: ['reza'], body: [3, 5] });
  const ordered = [...site.articles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const app = await launchApp({ workspace, userData: join(root, 'user-data'), annotator: 'sara', learn: true });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);

  await openArticle(page, ordered[17]!.path);
  const started = Date.now();
  for (let a = 17; a < 20; a++) {
    await expect(page.locator('.annotate .meta')).toContainText(ordered[a]!.path);
    await labelArticle(page, ordered[a]!.truth);
    await page.keyboard.press('KeyN');
  }

  test.info().annotations.push({ type: 'timing', description: `3 articles labelled by key in ${((Date.now() - started) / 1000).toFixed(0)} s` });
  // The 21st article: learned ghosts arrive once the model trained on the 20 (debounced after the last key).
  const next = ordered[20]!;
  await expect(page.locator('.annotate .meta')).toContainText(next.path);
  const learnedGhosts = page.locator('[data-testid="ghost-label"][data-suggester="learned"]');
  await expect(learnedGhosts.first()).toBeVisible({ timeout: 60_000 });
  // Accept one the rules did not make (shown as learned, possibly with a rule's agreeing reason too).
  const ghost = learnedGhosts.first();
  const index = Number(await ghost.locator('xpath=ancestor::*[@data-paragraph-index][1]').getAttribute('data-paragraph-index'));
  const label = (await ghost.getAttribute('data-label'))!;
  await expect(ghost).toHaveAttribute('title', /Learned from \d+ of the team's labels/);
  await paragraph(page, index).getByTestId('paragraph-text').click();
  await expect(paragraph(page, index).getByTestId('suggestion-reasons')).toContainText('Learned from');
  await page.screenshot({ path: test.info().outputPath('learned-ghosts.png') });
  await page.keyboard.press('KeyA');
  await expect(paragraph(page, index)).toHaveAttribute('data-labels', new RegExp(`\\b${label}\\b`));
  await waitForSaved(page);
  const layer = JSON.parse(await readFile(annotationFilePath(workspace, 'sara', next.path), 'utf8')) as { paragraphs: Record<string, { labels: string[]; via?: string; suggested_by?: Record<string, string> }> };
  // Accepted as a suggestion. Its provenance is the learned model's, or a rule's that agrees with it:
  // a retrain landing between reading the ghost and the key can rank the agreeing rule first
  // (core/suggest/agree.ts), which is then the name recorded (a known race, noted in issue 18).
  const saved = layer.paragraphs[next.paragraphIds[index]!]!;
  expect(saved.via).toBe('suggestion');
  expect(Object.keys(saved.suggested_by ?? {})).toContain(label);
  // It was right: the generator knows what this paragraph is.
  expect(next.truth[index]).toContain(label);

  // The Model tab: what it learned from, held-out figures, and the learning curve once measured.
  await page.locator('[data-mode="model"]').click();
  await expect(page.getByTestId('model-panel')).toHaveAttribute('data-state', /ready|waiting|training/);
  await expect(page.getByTestId('model-labels').locator('tr[data-label="boilerplate"]')).toBeVisible();
  // Trained on the teammate's 17 articles and the editor's 3 (and the one accepted ghost's article).
  await expect(page.getByTestId('model-state')).toContainText(/in 2[01] articles/);
  const measuring = Date.now();
  await page.getByTestId('measure').click();
  await expect(page.getByTestId('learning-curve')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('learning-curve-table').locator('tr[data-articles="5"]')).toBeVisible();
  await expect(page.getByTestId('measured-scores').locator('tr[data-suggester="learned"][data-label="boilerplate"]')).toBeVisible();
  test.info().annotations.push({ type: 'timing', description: `measured in ${((Date.now() - measuring) / 1000).toFixed(0)} s` });
  await page.getByTestId('learning-curve').screenshot({ path: test.info().outputPath('learning-curve.png') });
  // In Persian, and in a small window: figures in Persian digits, the chart still left to right.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-ui-language="fa"]')).toBeVisible();
  await page.setViewportSize({ width: 900, height: 700 });
  await expect(page.getByTestId('model-state')).toContainText('آموزش');
  await expect(page.getByTestId('learning-curve-table')).toContainText('۰٫');
  await page.screenshot({ path: test.info().outputPath('model-panel-fa.png') });
  await page.getByTestId('learning-curve').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('learning-curve-fa.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  // Most uncertain first: the list follows the model's uncertainty, and N follows the list.
  await page.getByTestId('sort').selectOption('uncertain');
  const uncertainties = page.locator('nav.list [data-uncertainty]');
  await expect(uncertainties.first()).toBeVisible();
  const values = (await uncertainties.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-uncertainty')))));
  expect(values.length).toBeGreaterThanOrEqual(5);
  expect([...values].sort((x, y) => y - x)).toEqual(values);
});
