import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { segmentArticle } from '../../src-main/core/article';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

const ARTICLE = 'fa/water-tehran.txt';

test('labels of this editor changed on disk while the app is open are merged, shown, and the editor is told', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['quote']]);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'quote');

  // A git pull brings sara's decision on ¶1 from her laptop while the app is open.
  const file = join(workspace, '.pilcrow/annotations/sara', `${ARTICLE}.json`);
  const paragraphs = segmentArticle(await readFile(join(workspace, ARTICLE), 'utf8'), 'txt').paragraphs;
  const pulled = JSON.parse(await readFile(file, 'utf8'));
  pulled.paragraphs[paragraphs[1]!.id] = { index: 1, labels: ['claim'], updated_at: new Date().toISOString() };
  await writeFile(file, JSON.stringify(pulled));

  // The editor labels ¶2: the save merges instead of overwriting.
  await paragraph(page, 2).click();
  await page.keyboard.press('Digit4');
  await waitForSaved(page);
  await expect(page.locator('[data-notice="info"] .text')).toHaveText(`Your labels for \u2068${ARTICLE}\u2069 changed on disk (another machine or git pull): 1 decision merged, nothing overwritten.`);
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'ad');
  const saved = JSON.parse(await readFile(file, 'utf8'));
  expect([0, 1, 2].map((i) => saved.paragraphs[paragraphs[i]!.id]?.labels)).toEqual([['quote'], ['claim'], ['ad']]);
  await page.screenshot({ path: test.info().outputPath('merged-notice.png') });
});
