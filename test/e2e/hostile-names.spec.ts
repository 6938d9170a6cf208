import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, waitForApp } from './pages';

const ARTICLE = 'fa/water-tehran.txt';

test('a bidi control in a file name is shown isolated and visible in the list and the header', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const spoof = 'invoice-\u202Efdp.txt';
  await writeFile(join(workspace, spoof), 'Pay the invoice today.\nThe attachment is a PDF.\n');
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const item = page.locator(`[data-article-path="${spoof}"]`);
  await expect(item.locator('.path bdi')).toHaveText('invoice-⟨RLO⟩fdp.txt');
  await expect(item.locator('.path bdi')).toHaveAttribute('data-bidi-controls', 'true');
  await item.click();
  await expect(page.locator('.annotate .meta bdi')).toHaveText('invoice-⟨RLO⟩fdp.txt');
  // Not one raw control is on the screen: the name cannot reorder what is around it.
  expect(await page.locator('.shell').innerText()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  await page.screenshot({ path: test.info().outputPath('bidi-name.png') });
});

test('a label listed twice in a teammate’s layer and labels named like Object members leave review and counts intact', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, '.pilcrow'), { recursive: true });
  const label = (name: string, key: string, color: string) => ({ name, color, key, description: '' });
  await writeFile(
    join(workspace, '.pilcrow', 'schema.json'),
    JSON.stringify({ version: 1, mode: 'multi', labels: [label('quote', 'Digit1', '#2f6fde'), label('claim', 'Digit2', '#c2410c'), label('constructor', 'Digit3', '#118844'), label('toString', 'Digit4', '#a21caf')], retired: [], renames: [] }),
  );
  await writeLayer(workspace, 'omid', ARTICLE, [['quote', 'quote'], ['claim']]);
  await writeLayer(workspace, 'sara', ARTICLE, [['quote'], ['constructor']]);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const item = page.locator(`[data-article-path="${ARTICLE}"]`);
  await expect(item.locator('[data-label-count="constructor"]')).toHaveText('constructor 1');
  await expect(item.locator('[data-label-count="toString"]')).toHaveCount(0);
  await openArticle(page, ARTICLE);
  await expect(page.locator('[data-legend-label="toString"] .count')).toHaveText('0');
  await expect(page.locator('[data-legend-label="constructor"] .count')).toHaveText('1');

  await page.getByRole('tab', { name: 'Review' }).click();
  const first = page.locator('[data-review-index="0"]');
  await expect(first).toHaveAttribute('data-state', 'agree');
  await expect(first.locator('[data-annotator="omid"] .chip')).toHaveText(['quote']);
  await expect(page.locator('[data-review-problem]')).toHaveText(`\u2068omid\u2069's label file for \u2068${ARTICLE}\u2069 lists "\u2068quote\u2069" more than once on one paragraph; each label is counted once (the file is left as it is).`);
});
