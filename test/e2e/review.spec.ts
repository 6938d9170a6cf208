import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { runCli } from '../../src-main/cli/pilcrow';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, waitForApp, waitForSaved } from './pages';

const ARTICLE = 'fa/water-tehran.txt';
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

test('imports two teammates’ exports, reviews them side by side, adjudicates by keyboard and exports gold', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['boilerplate'], ['boilerplate'], ['claim'], ['claim'], ['quote'], ['quote', 'claim'], ['claim'], ['claim'], ['boilerplate']]);
  await writeLayer(workspace, 'omid', ARTICLE, [['boilerplate'], ['boilerplate'], ['claim'], [], ['quote'], ['quote'], ['claim'], null, ['boilerplate']]);
  await writeLayer(workspace, 'neda', 'fa/school-semnan.txt', [['claim']]);
  // sara and omid labelled on their own machines and sent their exports: make those files with
  // the CLI, then take their layers out of the workspace so only the import can bring them back.
  const exports: Record<string, string> = {};
  for (const annotator of ['sara', 'omid']) {
    const lines: string[] = [];
    expect(await runCli(['export', workspace, '--format', 'jsonl', '--annotator', annotator], { out: (l) => lines.push(l), err: () => {} })).toBe(0);
    exports[annotator] = join(root, `${annotator}.jsonl`);
    await writeFile(exports[annotator]!, `${lines.join('\n')}\n`);
    await rm(join(workspace, '.pilcrow', 'annotations', annotator), { recursive: true });
  }
  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await waitForApp(page);
  for (const annotator of ['sara', 'omid']) {
    await app.menu({ command: 'import' });
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-annotator').fill(annotator);
    await app.answerOpenFileDialog(exports[annotator]!);
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await dialog.getByTestId('import-run').click();
    await expect(page.locator('[data-notice="info"]')).toContainText(`into \u2068${annotator}\u2069; 0 could not be placed`);
  }
  await openArticle(page, ARTICLE);
  await page.getByRole('tab', { name: 'Review' }).click();
  // Rows appear as soon as the teammates are known, before any choice is changed.
  await expect(page.locator('[data-review-index="0"]')).toBeVisible();
  await page.getByLabel('neda').uncheck();
  const row = (i: number) => page.locator(`[data-review-index="${i}"]`);
  await expect(row(3)).toHaveAttribute('data-state', 'disagree');
  await expect(row(5)).toHaveAttribute('data-state', 'disagree');
  await expect(row(7)).toHaveAttribute('data-state', 'missing');
  await expect(row(0)).toHaveAttribute('data-state', 'agree');

  await row(0).click(); // keys go to the list, not the checkbox just used
  await page.keyboard.press('KeyD'); // → paragraph 3
  await page.keyboard.press('Digit2'); // take the 2nd column's answer (sara, sorted: omid, sara)
  await expect(row(3)).toHaveAttribute('data-state', 'adjudicated');
  await expect(row(3)).toHaveAttribute('data-gold', 'claim');
  await page.keyboard.press('KeyD'); // → paragraph 5
  await page.keyboard.press('Shift+Digit1'); // new answer: quote
  await expect(row(5)).toHaveAttribute('data-gold', 'quote');
  await page.keyboard.press('KeyA'); // accept every paragraph where both agree
  await expect(page.locator('[data-review-status]')).toContainText('Accepted 6 agreed paragraphs as gold in 1 article.');
  await expect(row(0)).toHaveAttribute('data-state', 'adjudicated');
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, 'review-fa.png') });

  const gold = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/gold', `${ARTICLE}.json`), 'utf8'));
  const entries = Object.values(gold.paragraphs) as { index: number; labels: string[]; took: string; reviewer: string }[];
  expect(entries.find((e) => e.index === 3)).toMatchObject({ labels: ['claim'], took: 'annotator:sara', reviewer: 'lead' });
  expect(entries.find((e) => e.index === 5)).toMatchObject({ labels: ['quote'], took: 'new' });
  expect(entries.filter((e) => e.took === 'agreed')).toHaveLength(6);

  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page.getByTestId('agreement-items')).toHaveText('8 paragraphs decided by two or more');
  await expect(page.locator('[data-bar="percent"] .value')).toHaveText('75%');
  // Each coefficient in words, with the published band it is read against.
  const alpha = page.locator(`[data-bar="Krippendorff's α"]`);
  await expect(alpha.locator('.band')).toHaveAttribute('title', /^Krippendorff 2004 — /);
  await expect(alpha.locator('.name')).toHaveAttribute('title', /Krippendorff: rely on labels from 0\.800/);
  await expect(page.locator(`[data-bar="Fleiss' κ"] .band`)).toHaveAttribute('title', /^Landis & Koch 1977/);
  await expect(page.locator('[data-cell="omid|sara"]').first()).toHaveAttribute('title', /\(Landis & Koch 1977\)/);
  await expect(page.locator('[data-cell="omid|sara"]').first()).not.toHaveText('—');
  await page.screenshot({ path: test.info().outputPath('agreement.png'), fullPage: true });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, 'agreement.png') });
  // The same dashboard in Persian: its words and its digits.
  const language = async (locale: 'en' | 'fa') => {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('language-select').selectOption(locale);
    await page.keyboard.press('Escape');
  };
  await language('fa');
  await expect(page.getByTestId('agreement-items')).toHaveText('۸ بند که دو نفر یا بیشتر درباره‌اش تصمیم گرفته‌اند');
  await expect(page.locator('[data-bar="درصد توافق"] .value')).toHaveText('۷۵٪');
  await expect(page.locator('[data-bar="α کریپندورف"] .band')).toHaveAttribute('title', /^کریپندورف ۲۰۰۴/);
  await page.screenshot({ path: test.info().outputPath('agreement-fa.png'), fullPage: true });
  await language('en');

  // The gold layer exports like any annotator.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByTestId('export-dialog');
  await exportDialog.locator('input[value="jsonl"]').check();
  for (const layer of ['neda', 'omid', 'sara']) await exportDialog.locator(`[data-layer="${layer}"]`).uncheck();
  await expect(exportDialog.locator('[data-layer="gold"]')).toBeChecked();
  const goldFile = join(root, 'gold.jsonl');
  await app.answerSaveDialog(goldFile);
  await exportDialog.getByTestId('export-start').click();
  await expect(page.locator('[data-notice="info"]')).toContainText('gold.jsonl');
  const records = (await readFile(goldFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  expect(new Set(records.map((r) => r.annotator))).toEqual(new Set(['gold']));
  expect(records.find((r) => r.paragraph === 3)).toMatchObject({ labels: ['claim'], article: ARTICLE });
  expect(records).toHaveLength(8);
});

test('shows a teammate’s note and flag beside their decision in Review', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['claim'], ['quote']]);
  await writeLayer(workspace, 'omid', ARTICLE, [['claim'], ['claim']]);
  const file = join(workspace, '.pilcrow', 'annotations', 'sara', `${ARTICLE}.json`);
  const layer = JSON.parse(await readFile(file, 'utf8')) as { paragraphs: Record<string, { index: number; note?: string; flagged?: boolean }> };
  for (const entry of Object.values(layer.paragraphs)) {
    if (entry.index === 0) entry.note = 'Check the 30% against the utility’s report';
    if (entry.index === 1) entry.flagged = true;
  }
  await writeFile(file, JSON.stringify(layer));
  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await page.getByRole('tab', { name: 'Review' }).click();
  const sara = (index: number) => page.locator(`[data-review-index="${index}"] [data-annotator="sara"]`);
  await expect(sara(0).getByTestId('review-note')).toHaveText('Check the 30% against the utility’s report');
  await expect(sara(1).getByTestId('review-flag')).toBeVisible();
  await expect(page.locator('[data-annotator="omid"] [data-testid^="review-"]')).toHaveCount(0);
});

test('imports a teammate’s export from Review’s own button and lists their layer at once', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  await writeLayer(workspace, 'sara', ARTICLE, [['claim'], ['quote']]);
  const lines: string[] = [];
  expect(await runCli(['export', workspace, '--format', 'jsonl', '--annotator', 'sara'], { out: (l) => lines.push(l), err: () => {} })).toBe(0);
  const exported = join(root, 'sara.jsonl');
  await writeFile(exported, `${lines.join('\n')}\n`);
  await rm(join(workspace, '.pilcrow', 'annotations', 'sara'), { recursive: true });
  const app = await launchApp({ workspace, userData, annotator: 'lead' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, ARTICLE);
  await page.getByRole('tab', { name: 'Review' }).click();
  const review = page.locator('section.review');
  await expect(review).toContainText('import their exports');
  await review.getByTestId('review-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-annotator').fill('sara');
  await app.answerOpenFileDialog(exported);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  // The preview first, then the import.
  await dialog.getByTestId('import-run').click();
  await expect(dialog).toHaveCount(0);
  await expect(review.locator('label.pick', { hasText: 'sara' })).toBeVisible();
  await expect(page.locator('[data-review-index="0"] [data-annotator="sara"] .chip')).toHaveText('claim');
  // Taking sara's answer as gold shows in the save indicator, as a label does.
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'idle');
  await page.locator('[data-review-index="0"]').click();
  await page.keyboard.press('Digit1');
  await expect(page.locator('[data-review-index="0"]')).toHaveAttribute('data-gold', 'claim');
  await waitForSaved(page);
});
