/**
 * Label chips are readable in both themes (issue 17: dark-theme chip text was 3.4:1 at 11 px).
 * Labels take any colour, so the workspace here has a pale yellow and a near-black purple; each
 * chip's text and background are read from the computed style, painted on a canvas to get the
 * sRGB the screen shows, and their WCAG contrast must be at least 4.5:1.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp, waitForSaved } from './pages';

const CHIPS = '.paragraphs .chip, .paragraphs .ghost, nav.list .label';

/** Each visible chip's text, and its contrast against the first opaque background behind it. */
async function contrasts(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.locator(CHIPS).evaluateAll((chips) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    /** The sRGB a CSS colour paints (oklch, light-dark() and color-mix resolved), with its alpha. */
    const rgba = (css: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a!];
    };
    const background = (el: Element | null): [number, number, number] => {
      for (let at = el; at; at = at.parentElement) {
        const [r, g, b, a] = rgba(getComputedStyle(at).backgroundColor);
        if (a > 250) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    return chips
      .filter((chip) => (chip as HTMLElement).offsetParent !== null && getComputedStyle(chip).visibility === 'visible')
      .map((chip) => {
        const fg = luminance(rgba(getComputedStyle(chip).color));
        const bg = luminance(background(chip));
        return { text: chip.textContent?.trim() ?? '', ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
      });
  });
}

test('label chips, suggestion ghosts and list counts keep text at 4.5:1 or more in the light and the dark theme', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  await mkdir(join(workspace, '.pilcrow'), { recursive: true });
  const label = (name: string, key: string, color: string) => ({ name, color, key, description: '' });
  await writeFile(
    join(workspace, '.pilcrow', 'schema.json'),
    JSON.stringify({ version: 1, mode: 'multi', labels: [label('quote', 'Digit1', '#f5e663'), label('claim', 'Digit2', '#3b0764'), label('boilerplate', 'Digit3', '#9ca3af'), label('ad', 'Digit4', '#22d3ee')], retired: [], renames: [] }),
  );
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  await openArticle(page, 'fa/water-tehran.txt');
  // Filled chips of every label on the first paragraphs; the focused row shows the others outlined.
  for (const key of ['Digit1', 'Digit2', 'Digit3', 'Digit4']) {
    await page.keyboard.press(key);
    await page.keyboard.press('KeyJ');
  }
  await waitForSaved(page);
  await paragraph(page, 4).click();

  for (const theme of ['light', 'dark'] as const) {
    await page.getByTestId('open-settings').click();
    await page.getByTestId('theme-select').selectOption(theme);
    await page.keyboard.press('Escape');
    await expect(page.locator(`:root[data-theme="${theme}"]`)).toHaveCount(1);
    const measured = await contrasts(page);
    expect(measured.length, `chips measured in the ${theme} theme`).toBeGreaterThan(8);
    const low = measured.filter((m) => m.ratio < 4.5).map((m) => `${m.text} ${m.ratio.toFixed(2)}:1`);
    expect(low, `chips under 4.5:1 in the ${theme} theme`).toEqual([]);
  }
});
