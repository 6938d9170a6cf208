/**
 * A teammate's or a scraped page's content stays inert in the window (issue 21): articles, file
 * names, guidelines and notes full of script, markup, `javascript:`/`file:` links and outside
 * images are shown as text, and the page reports no Content-Security-Policy violation, no policy
 * error in its console and no request outside the app (test/support/chromium-app.ts counts them
 * from before the page's first script). The control proves the counter counts: the same page,
 * handed an inline script and an outside image, reports both.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type E2eFixtures } from './fixtures';
import { annotationFilePath } from '../../src-main/node/annotations/paths';
import { writeLayer } from '../support/layers';
import { SAMPLE_WORKSPACE } from './harness';
import { openArticle, paragraph, waitForApp } from './pages';

const PWN = (n: number) => `window.__pwned=${n}`;
const MARKUP = [
  `<script>${PWN(1)}</script>`,
  `<img src=x onerror="${PWN(2)}">`,
  `<a href="javascript:${PWN(3)}">javascript link</a>`,
  '<a href="file:///etc/passwd">file link</a>',
  '<img src="http://evil.invalid/track.png">',
  '<style>body{background:url(http://evil.invalid/bg.png)}</style>',
  '<iframe src="http://evil.invalid/"></iframe>',
  '<link rel="stylesheet" href="http://evil.invalid/x.css">',
  `<svg onload="${PWN(4)}"></svg>`,
  '[link](javascript:alert(1)) ![image](http://evil.invalid/i.png) file:///etc/shadow',
  'name\u202Egnp.exe',
];

const HTML_PAGE = `<!doctype html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=http://evil.invalid/">
<link rel="stylesheet" href="http://evil.invalid/x.css"><base href="http://evil.invalid/">
<script src="http://evil.invalid/x.js"></script><script>${PWN(5)}</script>
<style>@import url(http://evil.invalid/i.css); p{color:red}</style></head>
<body onload="${PWN(6)}"><article><h1>Hostile headline</h1>
<p>First paragraph <img src="http://evil.invalid/a.png" onerror="${PWN(7)}"> with an image.</p>
<p>Escaped &lt;script&gt;${PWN(8)}&lt;/script&gt; shown as text.</p>
<p><a href="javascript:${PWN(9)}">a javascript link</a> and <a href="file:///etc/passwd">a file link</a>.</p>
<iframe src="http://evil.invalid/frame"></iframe><object data="http://evil.invalid/o.swf"></object>
<p style="background:url(http://evil.invalid/s.png)">Styled paragraph.</p></article></body></html>`;

const TEXT_FILE = `<img src=x onerror=${PWN(10)}>.txt`;

async function hostileWorkspace(tempWorkspace: E2eFixtures['tempWorkspace']) {
  const made = await tempWorkspace(SAMPLE_WORKSPACE);
  const { workspace } = made;
  await writeFile(join(workspace, 'hostile.html'), HTML_PAGE);
  await writeFile(join(workspace, TEXT_FILE), `Markup everywhere\n${MARKUP.join('\n')}\n`);
  await writeFile(join(workspace, 'hostile.md'), `# Heading <img src=x onerror="${PWN(11)}">\n\n${MARKUP.join('\n\n')}\n`);
  await writeFile(join(workspace, 'guidelines.md'), `# Guide\n\n${MARKUP.map((m) => `- ${m}`).join('\n')}\n\n[click](javascript:${PWN(12)}) ![x](http://evil.invalid/g.png) <http://evil.invalid/auto>\n`);
  // A teammate's notes carry the same markup.
  await writeLayer(workspace, 'omid', TEXT_FILE, [['quote'], ['claim'], ['quote']]);
  const layerFile = annotationFilePath(workspace, 'omid', TEXT_FILE);
  const layer = JSON.parse(await readFile(layerFile, 'utf8')) as { paragraphs: Record<string, { note?: string }> };
  Object.values(layer.paragraphs).forEach((entry, i) => (entry.note = MARKUP[i % MARKUP.length]));
  await writeFile(layerFile, JSON.stringify(layer));
  return made;
}

test('hostile articles, a file name, guidelines and notes are shown as text: no policy violation, no outside request, nothing runs', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await hostileWorkspace(tempWorkspace);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);

  await openArticle(page, TEXT_FILE);
  // The markup is the paragraph's text, character for character.
  await expect(paragraph(page, 1).getByTestId('paragraph-text')).toHaveText(MARKUP[0]!);
  await expect(paragraph(page, 2).getByTestId('paragraph-text')).toHaveText(MARKUP[1]!);
  await page.keyboard.press('KeyJ');
  await page.keyboard.press('KeyG');
  await expect(page.getByTestId('guidelines-panel').locator('li').first()).toContainText('<script>');
  await page.keyboard.press('KeyG');

  await openArticle(page, 'hostile.html');
  await expect(page.getByText('Escaped <script>window.__pwned=8</script> shown as text.')).toBeVisible();
  await openArticle(page, 'hostile.md');
  await expect(paragraph(page, 0)).toBeVisible();

  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.locator('[data-review-index="0"]')).toBeVisible();

  expect(await page.locator('.shell img, .shell script, .shell iframe, .shell object, .shell svg[onload]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await app.blocked()).toEqual({ violations: [], consoleErrors: [], outsideRequests: [] });
});

test('control: the violation counter counts an injected inline script and an outside image on the same page', async ({ tempWorkspace, launchApp }) => {
  const { workspace, userData } = await tempWorkspace(SAMPLE_WORKSPACE);
  const app = await launchApp({ workspace, userData, annotator: 'sara' });
  const { page } = app;
  await waitForApp(page);
  expect((await app.blocked()).violations).toEqual([]);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__ran = 1';
    document.body.append(script);
    const image = document.createElement('img');
    image.src = 'http://evil.invalid/control.png';
    document.body.append(image);
  });
  // Each is reported once per policy: the response header's and the page's meta tag's.
  await expect.poll(async () => [...new Set((await app.blocked()).violations.map((v) => v.directive))].sort()).toEqual(['img-src', 'script-src-elem']);
  expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
});
