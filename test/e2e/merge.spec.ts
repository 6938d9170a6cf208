/**
 * Finishing a git merge in the app (docs/teams.md): real git leaves an article's settings and a
 * label's file with conflict markers; the app says so, offers to finish, shows a side per field,
 * and writes nothing until the editor presses the file's button.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, waitForApp } from './pages';

const hasGit = spawnSync('git', ['--version']).status === 0;

function git(cwd: string, ...args: string[]): number {
  return spawnSync('git', ['-c', 'user.name=Pilcrow', '-c', 'user.email=e2e@pilcrow.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd }).status ?? 1;
}

const settings = (lang: string, at: string) => `${JSON.stringify({ version: 1, article: 'en/harbour-wind.txt', updated_at: at, updated_by: 'sara', lang, edits: [] }, null, 2)}\n`;
const claim = (color: string) => `${JSON.stringify({ version: 1, id: 'claim', name: 'claim', order: 1, color, key: 'Digit2', description: '' }, null, 2)}\n`;

/** Two branches that each change both files, merged: git leaves both files with conflict markers. */
async function conflictedByGit(workspace: string): Promise<void> {
  const settingsFile = join(workspace, '.pilcrow/articles/en/harbour-wind.txt.json');
  const labelFile = join(workspace, '.pilcrow/schema/labels/claim.json');
  await mkdir(join(settingsFile, '..'), { recursive: true });
  await mkdir(join(labelFile, '..'), { recursive: true });
  const both = async (lang: string, color: string, at: string) => {
    await writeFile(settingsFile, settings(lang, at));
    await writeFile(labelFile, claim(color));
  };
  await both('en', '#c2410c', '2026-12-01T10:00:00.000Z');
  git(workspace, 'init', '-q');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'base');
  git(workspace, 'checkout', '-qb', 'omid');
  await both('en-US', '#222222', '2026-12-05T11:00:00.000Z');
  git(workspace, 'commit', '-qam', 'omid');
  git(workspace, 'checkout', '-q', 'main');
  await both('en-GB', '#111111', '2026-12-05T10:00:00.000Z');
  git(workspace, 'commit', '-qam', 'sara');
  expect(git(workspace, 'merge', '-q', 'omid')).not.toBe(0);
}

test.skip(!hasGit, 'git is not installed (.ci/run installs it)');

test('a settings file and a label file left mid-merge by git are finished in the app, a side per field, written only on the button', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await conflictedByGit(workspace);
  const settingsFile = join(workspace, '.pilcrow/articles/en/harbour-wind.txt.json');
  const labelFile = join(workspace, '.pilcrow/schema/labels/claim.json');
  const before = [await readFile(settingsFile, 'utf8'), await readFile(labelFile, 'utf8')];
  expect(before[0]).toContain('<<<<<<<');
  expect(before[1]).toContain('<<<<<<<');

  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 860 });
  await waitForApp(page);
  await openArticle(page, 'en/harbour-wind.txt');
  // The app says the file is mid-merge and offers to finish it.
  await expect(page.locator('[data-notice="error"]')).toContainText('middle of a git merge');
  await page.getByTestId('notice-merge').click();
  const dialog = page.getByTestId('merge-dialog');
  const files = dialog.getByTestId('merge-file');
  await expect(files).toHaveCount(2);
  const settingsRow = dialog.locator('[data-path=".pilcrow/articles/en/harbour-wind.txt.json"]');
  await expect(settingsRow.locator('[data-field]')).toHaveCount(1);
  await expect(settingsRow.locator('[data-field="lang"]')).toContainText('"en-GB"');
  await expect(settingsRow.locator('[data-field="lang"]')).toContainText('"en-US"');
  const labelRow = dialog.locator('[data-path=".pilcrow/schema/labels/claim.json"]');
  await expect(labelRow.locator('[data-field="color"]')).toContainText('"#222222"');
  // Picking a side writes nothing: the files are as git left them until the button.
  await settingsRow.locator('[data-field="lang"]').getByTestId('pick-theirs').check();
  await labelRow.locator('[data-field="color"]').getByTestId('pick-theirs').check();
  await page.screenshot({ path: test.info().outputPath('merge-dialog.png') });
  expect([await readFile(settingsFile, 'utf8'), await readFile(labelFile, 'utf8')]).toEqual(before);

  await settingsRow.getByTestId('merge-write').click();
  await expect(dialog.getByTestId('merge-done')).toContainText('harbour-wind.txt.json\u2069 is merged. Check it, then git add -- \u2068.pilcrow/articles/en/harbour-wind.txt.json\u2069 and git commit');
  expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toMatchObject({ article: 'en/harbour-wind.txt', lang: 'en-US', updated_by: 'sara' });
  expect(await readFile(labelFile, 'utf8')).toBe(before[1]); // the other file waits for its own button
  await dialog.locator('[data-path=".pilcrow/schema/labels/claim.json"]').getByTestId('merge-write').click();
  await expect(dialog.getByTestId('merge-none')).toBeVisible();
  expect(JSON.parse(await readFile(labelFile, 'utf8'))).toMatchObject({ id: 'claim', name: 'claim', color: '#222222', key: 'Digit2' });
  expect(spawnSync('git', ['diff', '--check'], { cwd: workspace }).stdout.toString()).toBe('');
  await page.keyboard.press('Escape');
  // The label is back in the schema with the colour chosen.
  await expect(page.locator('[data-legend-label="claim"] .swatch')).toHaveCSS('background-color', 'rgb(34, 34, 34)');
});
