import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeLayer } from '../support/layers';
import { launchApp, SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp } from './pages';
import { removeDir, tempWorkspace } from './temp';

const ARTICLE = 'fa/water-tehran.txt';

test('a damaged label file is quarantined byte for byte, its backup restored, and the editor told', async () => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const layer = join(workspace, '.pilcrow/annotations/sara', `${ARTICLE}.json`);
  await writeLayer(workspace, 'sara', ARTICLE, [null, null, ['claim']]);
  await writeFile(`${layer}.bak`, await readFile(layer)); // the last good generation
  const damaged = Buffer.from('<<<<<<< HEAD\n{"version": 1,\n=======\n{"version": 1, "paragraphs": {}\n>>>>>>> theirs\n');
  await writeFile(layer, damaged); // a git merge left conflict markers in it

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  const notice = page.locator('[data-notice="error"]');
  await expect(notice).toContainText('was damaged');
  await expect(notice).toContainText('restored from its backup');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'claim');

  const quarantine = join(workspace, '.pilcrow/quarantine');
  const [moved] = await readdir(quarantine);
  expect(Buffer.compare(await readFile(join(quarantine, moved!)), damaged)).toBe(0);
  await expect(notice).toContainText(moved!);
  await app.close();
  await removeDir(root);
});
