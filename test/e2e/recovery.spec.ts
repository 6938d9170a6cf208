import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, readlink, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp } from './pages';

const ARTICLE = 'fa/water-tehran.txt';

test('a damaged label file is quarantined byte for byte, its backup restored, and the editor told', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const layer = join(workspace, '.pilcrow/annotations/sara', `${ARTICLE}.json`);
  await writeLayer(workspace, 'sara', ARTICLE, [null, null, ['claim']]);
  await writeFile(`${layer}.bak`, await readFile(layer)); // the last good generation
  const damaged = Buffer.from('{"version": 1, "article": "fa/water-tehran.txt", "annotator": "sa');
  await writeFile(layer, damaged); // cut short (a disk that filled up, a copy interrupted)

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
});

test('a label schema that is a link out of the workspace is named and never read; the app opens with the default labels', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const secret = join(root, 'id_rsa');
  await writeFile(secret, 'SECRET-KEY-MATERIAL');
  await symlink(secret, join(workspace, '.pilcrow', 'schema.json'));

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const notice = page.locator('[data-notice="error"]');
  await expect(notice).toContainText('.pilcrow/schema.json\u2069 was not read and was left as it is: it is a symbolic link');
  await expect(notice).not.toContainText('SECRET');
  await openArticle(page, ARTICLE);
  expect(await readlink(join(workspace, '.pilcrow', 'schema.json'))).toBe(secret);
});

test('a workspace that stopped the app while it read a file opens in safe mode, naming and skipping that file', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  // What a process that died reading the file leaves behind (the read guard's marker, in user data).
  const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
  const state = join(userData, 'reading', `${createHash('sha256').update(await realpath(workspace)).digest('hex').slice(0, 32)}.json`);
  await mkdir(join(userData, 'reading'), { recursive: true });
  await writeFile(state, JSON.stringify({ reading: { [dead]: { path: ARTICLE, since: new Date().toISOString() } }, skipped: {} }));

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await expect(page.locator('[data-notice="error"]')).toContainText(`Safe mode: Pilcrow stopped while reading \u2068${ARTICLE}\u2069 last time`); // the name isolated in the sentence
  const row = page.locator(`[data-article-path="${ARTICLE}"]`);
  await expect(row).toBeDisabled();
  await expect(row).toContainText('was skipped');
});

test('a label schema in the middle of a git merge is left byte for byte, and the editor is told how to finish the merge', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const schema = join(workspace, '.pilcrow', 'schema.json');
  const label = (name: string, key: string) => `    { "name": "${name}", "color": "#117733", "key": "${key}", "description": "" }`;
  const midMerge = Buffer.from(['{', '  "version": 1,', '  "mode": "multi",', '  "labels": [', label('quote', 'Digit1') + ',', '<<<<<<< HEAD', label('fact', 'Digit5'), '=======', label('opinion', 'Digit5'), '>>>>>>> omid', '  ]', '}', ''].join('\n'));
  await writeFile(schema, midMerge);

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  const notice = page.locator('[data-notice="error"]');
  await expect(notice).toContainText('.pilcrow/schema.json\u2069 was not read and was left as it is: it is in the middle of a git merge (conflict markers from line 6)');
  await expect(notice).toContainText('run pilcrow resolve on the workspace');
  await expect(notice).toContainText('.pilcrow/schema.json and git commit');
  await page.setViewportSize({ width: 900, height: 600 });
  await page.screenshot({ path: test.info().outputPath('schema-mid-merge.png') });
  // Back to a window wide enough for the article list beside the text (narrower, it is a drawer).
  await page.setViewportSize({ width: 1280, height: 860 });
  await openArticle(page, ARTICLE);
  expect(Buffer.compare(await readFile(schema), midMerge)).toBe(0);
  expect(await readdir(join(workspace, '.pilcrow'))).not.toContain('quarantine');
  // Finishing it in the app merges the schema label by label, as pilcrow resolve does, and only on the button.
  await page.getByTestId('notice-merge').click();
  const file = page.getByTestId('merge-dialog').locator('[data-path=".pilcrow/schema.json"]');
  await expect(file).toContainText('Merges label by label');
  expect(Buffer.compare(await readFile(schema), midMerge)).toBe(0);
  await file.getByTestId('merge-write').click();
  await expect(page.getByTestId('merge-dialog').getByTestId('merge-none')).toBeVisible();
  const merged = JSON.parse(await readFile(schema, 'utf8')) as { labels: { name: string; key: string }[] };
  expect(merged.labels.map((l) => [l.name, l.key])).toEqual([['quote', 'Digit1'], ['fact', 'Digit5'], ['opinion', '']]);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-legend-label="opinion"]')).toBeVisible();
});
