/**
 * Suggestions in the annotation view (docs/suggestions.md): ghost labels with their reasons in the
 * Persian UI, accepted and turned down by key, undoable, and exported with `suggested_by`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { foldRow, openArticle, paragraph, usePersianUi, waitForApp, waitForSaved, waitForSuggestions } from './pages';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes docs/images/suggestions-fa.png. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

const ghost = (page: Page, index: number, label: string) => paragraph(page, index).locator(`[data-testid="ghost-label"][data-label="${label}"]`);

async function focus(page: Page, index: number): Promise<void> {
  await paragraph(page, index).getByTestId('paragraph-text').click();
  await expect(paragraph(page, index)).toHaveAttribute('data-focused', 'true');
}

/** The list is windowed: Home / End bring the first / last paragraphs into it. */
async function scrollTo(page: Page, edge: 'Home' | 'End'): Promise<void> {
  await page.keyboard.press(edge);
  await expect(page.locator('[data-focused="true"]')).toHaveAttribute('data-paragraph-index', edge === 'Home' ? '0' : '18');
}

test('ghost labels in a Persian article: read why, accept by key, accept all above the threshold, turn one down, undo, export', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData, root } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('language-select').selectOption('fa');
  // The settings show the accept-all threshold, 0.9 until the team changes it.
  await expect(page.getByTestId('accept-all-threshold')).toHaveValue('0.9');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-ui-language="fa"]')).toBeVisible();
  await openArticle(page, 'fa/water-tehran.txt');

  // Ghosts: dashed, with the score, never a decision; the bar shows the accept-all threshold.
  await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('suggestion-keys')).toContainText('Shift+A');
  await expect(page.getByTestId('suggestion-keys')).toContainText('۰٫۹۰');
  await expect(ghost(page, 4, 'quote')).toBeVisible();
  await expect(ghost(page, 4, 'quote')).toContainText('۰٫۹۵');
  expect(await ghost(page, 4, 'quote').evaluate((el) => getComputedStyle(el).borderStyle)).toBe('dashed');
  await expect(paragraph(page, 4)).toHaveAttribute('data-decision', 'untouched');

  // The reason, in the UI's language: on hover (title) and, for the focused row, written out and spoken.
  const reason = 'نقل قول مستقیم در گیومه، منسوب با «گفت».';
  await expect(ghost(page, 4, 'quote')).toHaveAttribute('title', new RegExp(reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await focus(page, 4);
  await expect(paragraph(page, 4).getByTestId('suggestion-reasons')).toContainText(reason);
  await expect(paragraph(page, 4)).toHaveAttribute('aria-label', new RegExp(`quote ۰٫۹۵: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await page.screenshot({ path: test.info().outputPath('suggestions-fa.png') });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, 'suggestions-fa.png') });

  // A accepts the focused paragraph's suggestion: it becomes a label, the ghost goes, and focus
  // moves on to the next paragraph without a decision.
  await page.keyboard.press('KeyA');
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await expect(ghost(page, 4, 'quote')).toHaveCount(0);
  await expect(paragraph(page, 5)).toHaveAttribute('data-focused', 'true');

  // D turns the focused paragraph's suggestions down; the paragraph stays untouched, and focus
  // moves on past it: to the folded footer, the next undecided row.
  await focus(page, 7);
  await expect(ghost(page, 7, 'claim')).toBeVisible();
  await page.keyboard.press('KeyD');
  await expect(paragraph(page, 7).getByTestId('ghost-label')).toHaveCount(0);
  await expect(paragraph(page, 7)).toHaveAttribute('data-decision', 'untouched');
  await expect(foldRow(page, 8)).toHaveAttribute('data-focused', 'true');
  await waitForSaved(page);

  // Shift+A offers to accept every ghost from the score that is right often enough; with nothing
  // decided in this workspace, each ghost's own score must reach 0.9. Esc leaves it untouched.
  await page.keyboard.press('Shift+KeyA');
  const offer = page.getByTestId('accept-offer');
  await expect(offer).toBeVisible();
  await expect(offer.getByTestId('offer-measured')).toContainText('هنوز در این پوشهٔ کار تصمیمی گرفته نشده');
  await expect(offer.locator('[data-offer-label="claim"]')).toHaveAttribute('data-threshold', '0.9');
  await expect(offer.getByTestId('offer-accept')).toContainText('۱۲'); // 14 ghosts at 0.9+, less 4 (accepted) and 7 (turned down)
  await page.keyboard.press('Escape');
  await expect(offer).toBeHidden();
  await expect(paragraph(page, 5)).toHaveAttribute('data-decision', 'untouched');
  // Enter accepts what it offers, and only that.
  await page.keyboard.press('Shift+KeyA');
  await expect(offer).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(offer).toBeHidden();
  await expect(page.locator('[data-notice="info"]')).toContainText('۱۲');
  await expect(paragraph(page, 5)).toHaveAttribute('data-labels', 'quote claim');
  await expect(paragraph(page, 8)).toHaveAttribute('data-labels', 'boilerplate');
  await expect(paragraph(page, 7)).toHaveAttribute('data-decision', 'untouched'); // turned down
  await expect(paragraph(page, 6)).toHaveAttribute('data-decision', 'untouched'); // 0.85: below
  await scrollTo(page, 'End');
  await expect(paragraph(page, 16)).toHaveAttribute('data-labels', 'ad');
  // 0.75, below: the four navigation lines left are undecided, folded into one row.
  await expect(foldRow(page, 12)).toHaveAttribute('data-fold-count', '4');
  await expect(paragraph(page, 12)).toHaveCount(0);
  await scrollTo(page, 'Home');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'claim');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched'); // 0.85 and 0.75: below
  await expect(ghost(page, 2, 'claim')).toBeVisible();
  await waitForSaved(page);

  // Undo takes the whole accept-all back (the ghosts return); redo brings it again.
  await page.keyboard.press('Control+KeyZ');
  await expect(paragraph(page, 0)).toHaveAttribute('data-decision', 'untouched');
  await expect(ghost(page, 0, 'claim')).toBeVisible();
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await page.keyboard.press('Control+Shift+KeyZ');
  await expect(paragraph(page, 0)).toHaveAttribute('data-labels', 'claim');
  // And undo of a single accept: paragraph 2 accepted by key, then taken back.
  await focus(page, 2);
  await page.keyboard.press('KeyA');
  await expect(paragraph(page, 2)).toHaveAttribute('data-labels', 'quote claim');
  await page.keyboard.press('Control+KeyZ');
  await expect(paragraph(page, 2)).toHaveAttribute('data-decision', 'untouched');
  await expect(ghost(page, 2, 'quote')).toBeVisible();
  await waitForSaved(page);

  // Reopened, the turned-down paragraph shows no ghost and is still untouched.
  await openArticle(page, 'fa/rail-isfahan.txt');
  await openArticle(page, 'fa/water-tehran.txt');
  await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
  await scrollTo(page, 'Home');
  await expect(ghost(page, 2, 'claim')).toBeVisible();
  await expect(paragraph(page, 7).getByTestId('ghost-label')).toHaveCount(0);
  await expect(paragraph(page, 7)).toHaveAttribute('data-decision', 'untouched');

  const out = join(root, 'export.json');
  await app.answerSaveDialog(out);
  await page.locator('.topbar button.primary').click();
  await expect(page.locator('[data-layer="sara"]')).toBeChecked();
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-result')).toBeVisible();
  await app.close();

  const doc = JSON.parse(await readFile(out, 'utf8')) as { records: { article: string; paragraph: number; labels: string[]; via?: string; suggested_by?: Record<string, string> }[] };
  const water = doc.records.filter((r) => r.article === 'fa/water-tehran.txt');
  const at = (i: number) => water.find((r) => r.paragraph === i);
  expect(at(4)).toMatchObject({ labels: ['quote'], via: 'suggestion', suggested_by: { quote: 'quote-cues' } });
  expect(at(5)).toMatchObject({ labels: ['quote', 'claim'], suggested_by: { quote: 'quote-cues', claim: 'claim-cues' } });
  expect(at(8)).toMatchObject({ labels: ['boilerplate'], suggested_by: { boilerplate: 'repeated' } });
  // Turned down and undone: not decided, so not in the export at all.
  expect(at(7)).toBeUndefined();
  expect(at(2)).toBeUndefined();
  expect(water.every((r) => r.suggested_by !== undefined)).toBe(true);
});

test('scores measured on the team’s decisions: a clicked ghost moves on, Shift+A offers per label what was right often enough, adjusted by key before Enter', async ({ tempWorkspace, launchApp }) => {
  // The sample keeps its `reference` layer: 73 paragraphs a teammate decided.
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE, { reference: true });
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  await expect(page.getByTestId('suggestion-bar')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('suggestion-measured')).toHaveAttribute('data-decided', '73');
  await expect(page.getByTestId('suggestion-measured')).toHaveText('measured on 73 decided');
  // «گفت» before a quotation, 0.95 by hand, was right every time here: it shows 0.98.
  await expect(ghost(page, 4, 'quote')).toContainText('0.98');

  // A ghost clicked is accepted, and focus moves on to the next paragraph without a decision.
  await ghost(page, 4, 'quote').click();
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await expect(paragraph(page, 5)).toHaveAttribute('data-focused', 'true');

  // The offer: per label, the lowest score from which its suggestions were right 9 times in 10 here.
  await page.keyboard.press('Shift+KeyA');
  const offer = page.getByTestId('accept-offer');
  await expect(offer.getByTestId('offer-measured')).toContainText('73 decided paragraphs');
  const row = (label: string) => offer.locator(`[data-offer-label="${label}"]`);
  await expect(row('quote')).toHaveAttribute('data-threshold', '0.68');
  await expect(row('quote').getByTestId('offer-right')).toHaveText('right 18 times of 18 here (100%)');
  await expect(row('quote')).toHaveAttribute('data-count', '3');
  await expect(row('boilerplate')).toHaveAttribute('data-count', '9');
  await page.screenshot({ path: test.info().outputPath('accept-offer-en.png') });
  // ↓ to claim, Space leaves it out; ↑ back to quote, → raises its score to the next ghost's (0.91).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(row('claim')).toHaveAttribute('data-excluded', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(row('quote')).toHaveAttribute('data-threshold', '0.909');
  await expect(row('quote')).toHaveAttribute('data-count', '2');
  await expect(offer.getByTestId('offer-accept')).toHaveText('Accept 14');
  await page.keyboard.press('Enter');
  await expect(offer).toBeHidden();
  await expect(page.locator('[data-notice="info"]')).toContainText('Accepted 14 suggested labels');
  await expect(paragraph(page, 5)).toHaveAttribute('data-labels', 'quote'); // its claim left out
  await expect(paragraph(page, 7)).toHaveAttribute('data-decision', 'untouched'); // quote 0.68 under 0.909, claim left out
  await expect(paragraph(page, 1)).toHaveAttribute('data-labels', 'boilerplate');
  await waitForSaved(page);
  const layer = JSON.parse(await readFile(join(workspace, '.pilcrow/annotations/sara/fa/water-tehran.txt.json'), 'utf8')) as { paragraphs: Record<string, { index: number; labels: string[]; via?: string }> };
  const byIndex = new Map(Object.values(layer.paragraphs).map((p) => [p.index, p]));
  expect(byIndex.get(16)).toMatchObject({ labels: ['ad'], via: 'suggestion' });
  expect(byIndex.has(7)).toBe(false);
});

test('a failing suggest call leaves annotation working, with a quiet notice', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  test.skip(test.info().project.name !== 'chromium', 'breaks the call through the Chromium harness binding');
  await waitForApp(page);
  // Every suggest.article from now on reaches main as a malformed request, so it fails there.
  await page.evaluate(() => {
    const w = window as unknown as { __pilcrowInvoke: (channel: string, request: unknown) => Promise<unknown> };
    const invoke = w.__pilcrowInvoke.bind(window);
    w.__pilcrowInvoke = (channel, request) => invoke(channel, channel === 'suggest.article' ? { articleId: 'broken' } : request);
  });
  await openArticle(page, 'fa/water-tehran.txt');
  await expect(page.getByTestId('suggestion-failed')).toContainText('not an article id');
  await expect(page.getByTestId('ghost-label')).toHaveCount(0);
  await expect(page.locator('[data-notice="error"]')).toHaveCount(0);
  await focus(page, 4);
  await page.keyboard.press('Digit1');
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await page.keyboard.press('KeyA'); // the accept key does nothing without suggestions
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await waitForSaved(page);
});

test('a paragraph too long for the cues says so when focused, in English and in Persian, and the others keep their ghosts', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const sentence = 'The minister said: "prices rose 25 percent more than last year." ';
  const long = sentence.repeat(Math.ceil(20_001 / sentence.length)).trim();
  const quote = 'The mayor said: "the roads will open on Monday."';
  await writeFile(join(workspace, 'long-paragraph.txt'), `Title of the story\n\n${long}\n\n${quote}\n`);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'long-paragraph.txt');
  await waitForSuggestions(page);
  await expect(page.getByTestId('suggestion-bar')).toContainText('1 suggestion');
  await expect(paragraph(page, 1).getByTestId('ghost-label')).toHaveCount(0);
  // Where its ghosts would be, a mark; the sentence only on the focused row.
  await expect(paragraph(page, 1).getByTestId('not-cued-mark')).toHaveText('too long to suggest');
  await expect(paragraph(page, 1).getByTestId('not-cued')).toHaveCount(0);
  // The short quote after it, past the long one's many screens, keeps its ghost.
  await page.keyboard.press('End');
  await expect(ghost(page, 2, 'quote')).toBeVisible();
  await page.keyboard.press('Home');
  await focus(page, 1);
  const said = paragraph(page, 1).getByTestId('not-cued');
  await expect(said).toHaveText(`No suggestion from the text: this paragraph has ${long.length} characters, and suggestions read paragraphs of up to 20000.`);
  await expect(said).toHaveAttribute('data-code', 'too-long');
  await usePersianUi(page);
  await focus(page, 1);
  await expect(said).toContainText('پیشنهادی از روی متن نیست');
  await expect(said).toContainText('۲۰۰۰۰');
  await expect(paragraph(page, 1).getByTestId('not-cued-mark')).toHaveText('بلندتر از حد پیشنهاد');
  await page.screenshot({ path: test.info().outputPath('not-cued-fa.png') });
});
