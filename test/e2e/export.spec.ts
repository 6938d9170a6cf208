/**
 * The export dialog end to end: choices, main's save dialog, the progress bar, Cancel (the
 * target untouched), a finished JSONL export split by article, a Hugging Face dataset folder; the
 * import dialog's preview (nothing written until Import), for Pilcrow and doccano exports.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { segmentArticle } from '../../src-main/core/article';
import { annotationFilePath } from '../../src-main/node/annotations/paths';
import { runCli } from '../../src-main/cli/pilcrow';
import { SAMPLE_WORKSPACE } from './harness';
import { waitForApp } from './pages';
import { addDisagreeingArticles } from './disagreeing-articles';

const AT = '2026-11-27T10:00:00.000Z';
const IMPORT_FIXTURES = join(import.meta.dirname, '../fixtures/import');

/**
 * Small Persian articles, each labelled by `annotators` teammates (the first one, "sara", tags
 * the quote): many label files make an export that runs long enough to watch and cancel.
 */
async function addLabelledArticles(workspace: string, count: number, annotators: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const path = `bulk/news-${String(i).padStart(4, '0')}.txt`;
    const text = `خبر شمارهٔ ${i} 😀\nوزیر گفت: «برنامهٔ ${i} اجرا می‌شود.»\nانتهای پیام\n`;
    await mkdir(join(workspace, 'bulk'), { recursive: true });
    await writeFile(join(workspace, path), text);
    const [, quote] = segmentArticle(text, 'txt').paragraphs;
    for (let a = 0; a < annotators; a++) {
      const annotator = a === 0 ? 'sara' : `editor-${a}`;
      const file = annotationFilePath(workspace, annotator, path);
      await mkdir(dirname(file), { recursive: true });
      const layer = { version: 1, article: path, annotator, updated_at: AT, status: 'in_progress', orphans: [], paragraphs: { [quote!.id]: { index: 1, labels: ['quote'], updated_at: AT } } };
      await writeFile(file, JSON.stringify(layer));
    }
  }
}

test('the export dialog shows progress, cancels without writing, then exports a split JSONL', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addLabelledArticles(workspace, 400, 1);
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  // The export stops at the 201st article until the test lets it go, so Cancel is pressed
  // while the export surely runs (no race with a fast machine).
  const release = app.holdArticle('bulk/news-0200.txt');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('checkbox', { name: /sara/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /JSONL/ }).check();
  await dialog.getByTestId('export-split').check();
  await dialog.getByTestId('export-seed').fill('7');
  // Only sara's layer (the sample workspace brings teammates' labels of its own).
  for (const other of await dialog.locator('[data-layer]:not([data-layer="sara"])').all()) await other.uncheck();

  // First run: it stops at the held article; Cancel, then let it go: nothing is written.
  const cancelled = join(root, 'cancelled.jsonl');
  await app.answerSaveDialog(cancelled);
  await dialog.getByTestId('export-start').click();
  const bar = dialog.getByTestId('export-progress');
  await expect(bar).toHaveAttribute('data-articles-done', '200');
  await dialog.getByTestId('export-cancel').click();
  await expect(dialog.getByText('Cancelling…')).toBeVisible();
  release();
  await expect(dialog.getByRole('alert')).toHaveText('Export cancelled; nothing was written.');
  await expect(stat(cancelled)).rejects.toThrow();

  // Second run to the end.
  const out = join(root, 'labels.jsonl');
  await app.answerSaveDialog(out);
  await dialog.getByTestId('export-start').click();
  await expect(page.locator('[data-notice="info"]')).toContainText(`Exported 400 records from 400 articles to \u2068${out}\u2069`);
  await expect(dialog.getByTestId('export-result')).toContainText('Records per split: train 320, dev 40, test 40.');
  await app.close();

  const records = (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(records).toHaveLength(400);
  const counts: Record<string, number> = {};
  for (const r of records) {
    counts[r.split] = (counts[r.split] ?? 0) + 1;
    expect(r).toMatchObject({ annotator: 'sara', labels: ['quote'], status: 'in_progress', encoding: 'utf-8' });
    expect([...r.text]).toHaveLength(r.end - r.start);
  }
  expect(counts).toEqual({ train: 320, dev: 40, test: 40 });
});

test('the export dialog explains itself: why Export is off, an empty split before writing, progress, what was left out, Show in folder', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addDisagreeingArticles(workspace, 3);
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  const start = dialog.getByTestId('export-start');

  // Why Export is off, said beside the button and read with it.
  // The layers arrive after the dialog opens: wait for the teammates' before turning them all off.
  for (const layer of ['sara', 'reza']) await expect(dialog.locator(`[data-layer="${layer}"]`)).toBeVisible();
  for (const layer of await dialog.locator('[data-layer]').all()) await layer.uncheck();
  for (const layer of await dialog.locator('[data-layer]').all()) await expect(layer).not.toBeChecked();
  await expect(start).toBeDisabled();
  await expect(dialog.getByTestId('export-why')).toHaveText('Export is off: tick at least one layer.');
  await expect(start).toHaveAccessibleDescription('Export is off: tick at least one layer.');
  for (const layer of ['sara', 'reza']) await dialog.locator(`[data-layer="${layer}"]`).check();
  await dialog.getByTestId('export-split').check();
  await dialog.getByRole('spinbutton', { name: 'Train' }).fill('');
  await expect(dialog.getByTestId('export-why')).toHaveText('Export is off: give train, dev and test weights of 0 or more, not all 0.');
  await dialog.getByRole('spinbutton', { name: 'Train' }).fill('80');
  await expect(dialog.getByTestId('export-why')).toHaveCount(0);
  await expect(start).toBeEnabled();

  // 80/10/10 over 3 articles: warned before the save dialog, nothing written.
  await dialog.getByRole('combobox', { name: 'Answers' }).selectOption('goldMajority');
  const out = join(root, 'resolved.jsonl');
  await app.answerSaveDialog(out);
  await dialog.getByRole('radio', { name: /JSONL/ }).check();
  await start.click();
  await expect(dialog.getByTestId('export-empty-split')).toContainText(
    'Splitting 3 articles 80/10/10: dev and test would get no article (train 3, dev 0, test 0); nothing was written. Export anyway, or change the weights (0 for a split you do not want).',
  );
  await expect(stat(out)).rejects.toThrow();

  // Export anyway: the first article waits, and the progress counts the real total meanwhile.
  const release = app.holdArticle('agency/report-0.txt');
  await dialog.getByTestId('export-anyway').click();
  await expect(dialog.getByTestId('export-progress-text')).toHaveText(/^0 of [1-9]\d* articles, 0 records$/);
  await expect(dialog.getByTestId('export-progress')).toHaveAttribute('data-phase', 'writing');
  release();

  // What was written, what was left out, and the file in its folder.
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText(`Exported 3 records from 3 articles to \u2068${out}\u2069.`);
  await expect(result).toContainText('Records per split: train 3, dev 0, test 0.');
  await expect(result.getByTestId('export-unresolved')).toHaveText(
    'Left out, with no answer: 3 tied paragraph(s) (as many annotators for one answer as for another) and 3 undecided (nobody, or too few, decided them). Tick “Include paragraphs nobody decided” to write them with no labels.',
  );
  await result.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.shownInFolder()).toEqual([{ path: out, folder: false }]);
  await page.screenshot({ path: test.info().outputPath('export-done.png') });
  await app.close();
  const records = (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(records.map((r) => [r.article, r.paragraph, r.labels, r.split])).toEqual([0, 1, 2].map((i) => [`agency/report-${i}.txt`, 1, ['quote'], 'train']));
});

test('imports a teammate’s export from the menu as their layer, which the export dialog then offers', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addLabelledArticles(workspace, 3, 1);
  // The teammate's export, made by the CLI on "their machine" (a copy with sara's labels).
  const file = join(root, 'sara.jsonl');
  const lines: string[] = [];
  expect(await runCli(['export', workspace, '--format', 'jsonl', '--annotator', 'sara'], { out: (s) => lines.push(s), err: () => {} })).toBe(0);
  await writeFile(file, `${lines.join('\n')}\n`);
  await rm(join(workspace, '.pilcrow', 'annotations', 'sara'), { recursive: true });

  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await app.menu({ command: 'import' });
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-annotator').fill('sara');
  await app.answerOpenFileDialog(file);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  // A preview first: what would be placed, and nothing written yet.
  await expect(dialog.locator('[data-testid="import-preview"] tr[data-layer="sara"]')).toHaveText(/sara\s*3\s*0\s*0\s*0\s*0\s*3/);
  expect(await readdirOrEmpty(join(workspace, '.pilcrow', 'annotations'))).not.toContain('sara');
  await dialog.getByRole('button', { name: 'Import 3 records' }).click();
  await expect(page.locator('[data-notice="info"]')).toHaveText(/Imported 3 records into \u2068sara\u2069; 0 could not be placed/);
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.locator('label', { has: page.locator('[data-layer="sara"]') })).toContainText('sara 3 articles');
});

test('imports gold answers only after the reviewer ticks that they are adjudicated', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addLabelledArticles(workspace, 2, 1);
  // A reviewer's gold export from another copy of the workspace.
  const file = join(root, 'gold.jsonl');
  const lines: string[] = [];
  expect(await runCli(['export', workspace, '--format', 'jsonl', '--annotator', 'sara'], { out: (s) => lines.push(s), err: () => {} })).toBe(0);
  await writeFile(file, `${lines.join('\n').trimEnd().split('\n').map((l) => JSON.stringify({ ...JSON.parse(l), annotator: 'gold' })).join('\n')}\n`);

  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await app.menu({ command: 'import' });
  const dialog = page.getByTestId('import-dialog');
  await app.answerOpenFileDialog(file);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`\u2068${file}\u2069, line 1: nothing was imported: 2 records are for the gold layer`); // names isolated in the sentence
  const tick = dialog.getByTestId('import-as-gold');
  await expect(tick).toBeFocused();
  expect(await readdirOrEmpty(join(workspace, '.pilcrow', 'annotations'))).not.toContain('gold');
  await tick.check();
  // The file read a moment ago is read again with the tick: no second file dialog.
  await dialog.getByRole('button', { name: 'Preview again' }).click();
  await expect(dialog.locator('[data-testid="import-preview"] tr[data-layer="gold"]')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 records' }).click();
  await expect(page.locator('[data-notice="info"]')).toHaveText(/Imported 2 records into \u2068gold\u2069; 0 could not be placed/);
});

test('previews a doccano export placed by its text, previews again under another name, and imports only when asked', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(join(IMPORT_FIXTURES, 'workspace'));
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await app.menu({ command: 'import' });
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-annotator').fill('lena');
  await app.answerOpenFileDialog(join(IMPORT_FIXTURES, 'doccano-textcat.jsonl'));
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toContainText('read as \u2068doccano (JSONL)\u2069: 3 records.');
  // doccano keeps no paragraph ids: every record is found by its text (one typed with Arabic yeh and kaf).
  await expect(preview.locator('tr[data-layer="lena"]')).toHaveText(/lena\s*3\s*3\s*0\s*0\s*0\s*2/);
  await expect(preview.getByTestId('import-skipped')).toContainText('line 4');
  await expect(preview).toContainText('Records naming no annotator (3) go to \u2068lena\u2069.');
  // A new name makes the preview stale: Import is gone until it is previewed again.
  await dialog.getByTestId('import-annotator').fill('lena-2');
  await expect(preview).toHaveAttribute('data-fresh', 'false');
  await expect(dialog.getByTestId('import-run')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Preview again' }).click();
  await expect(preview.locator('tr[data-layer="lena-2"]')).toBeVisible();
  expect(await readdirOrEmpty(join(workspace, '.pilcrow', 'annotations'))).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('import-preview.png') });
  await dialog.getByTestId('import-run').click();
  await expect(page.locator('[data-notice="info"]')).toHaveText(/Imported 3 records into \u2068lena-2\u2069; 0 could not be placed/);
  expect(await readdirOrEmpty(join(workspace, '.pilcrow', 'annotations'))).toEqual(['lena-2']);
});

test('exports a Hugging Face dataset into the folder chosen, with Parquet per split and a dataset card', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await addLabelledArticles(workspace, 20, 1);
  const app = await launchApp({ workspace, userData, annotator: 'omid' });
  const { page } = app;
  await waitForApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: /Hugging Face dataset/ }).check();
  await dialog.getByTestId('export-split').check();
  for (const other of await dialog.locator('[data-layer]:not([data-layer="sara"])').all()) await other.uncheck();
  await page.screenshot({ path: test.info().outputPath('export-formats.png') });
  const out = join(root, 'dataset');
  await app.answerFolderDialog(out);
  await dialog.getByTestId('export-start').click();
  await expect(page.locator('[data-notice="info"]')).toContainText(`Exported 20 records from 20 articles to \u2068${out}\u2069`);
  await app.close();
  expect((await readdir(out)).sort()).toEqual(['README.md', 'data', 'labels.json']);
  expect((await readdir(join(out, 'data'))).every((f) => /^(train|dev|test)-00000-of-00001\.parquet$/.test(f))).toBe(true);
  const card = await readFile(join(out, 'README.md'), 'utf8');
  expect(card).toMatch(/^---\n/);
  expect(card).toContain('names:');
  expect(card).toMatch(/--format hf --out \S+ .*--split 80,10,10 --seed 1/);
});

async function readdirOrEmpty(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
