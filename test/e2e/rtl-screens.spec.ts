import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

/** PILCROW_UPDATE_SCREENSHOTS=1 refreshes the README's pictures in docs/images/. */
const DOC_IMAGES = process.env.PILCROW_UPDATE_SCREENSHOTS ? join(import.meta.dirname, '../../docs/images') : null;

test('renders a Persian article right to left in Vazirmatn with labels outside the text', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  for (const [moves, key] of [[2, 'Digit2'], [2, 'Digit1'], [1, 'Digit1'], [3, 'Digit3']] as const) {
    for (let i = 0; i < moves; i++) await page.keyboard.press('KeyJ');
    await page.keyboard.press(key);
  }
  await waitForSaved(page);

  const text = paragraph(page, 4).getByTestId('paragraph-text');
  expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(page.locator('section.annotate')).toHaveAttribute('lang', 'fa');
  expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'گفت'))).toBe(true);
  expect(await text.evaluate((el) => el.children.length)).toBe(0); // plain text run, no spans inside

  // A paragraph opening with a Latin word stays right-to-left inside a Persian article.
  await openArticle(page, 'fa/rail-isfahan.txt');
  const latinFirst = paragraph(page, 6).getByTestId('paragraph-text');
  await expect(latinFirst).toContainText('Wi-Fi');
  const gutterRight = await paragraph(page, 6).evaluate((row) => {
    const gutter = row.querySelector('.gutter')!.getBoundingClientRect();
    const body = row.querySelector('[data-testid="paragraph-text"]')!.getBoundingClientRect();
    return gutter.left > body.left;
  });
  expect(gutterRight).toBe(true);

  await openArticle(page, 'fa/water-tehran.txt');
  await expect(paragraph(page, 4)).toHaveAttribute('data-labels', 'quote');
  await page.screenshot({ path: test.info().outputPath('annotate-fa.png') });
  if (DOC_IMAGES) await page.screenshot({ path: join(DOC_IMAGES, 'annotate-fa.png') });
});
