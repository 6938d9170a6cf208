/**
 * The bare baseline for painting and keystrokes: a blank page that fetches an article's
 * paragraphs over the same kind of binding the app's IPC uses in the bench (a JSON string
 * through a Playwright binding, see chromium-app.ts `transport`), and shows them as a
 * minimal fixed-height windowed list (only the rows in view exist), in the app's Vazirmatn.
 * Digit1 toggles a label on the focused row, J moves the focus: the least work a keystroke
 * can cost in a browser.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { RENDERER } from '../../support/chromium-app';
import { PROBE } from './probe';

const ORIGIN = 'http://bench.test';

const PAGE = (fontFile: string, paths: string[]) => `<!doctype html>
<html><head><meta charset="utf-8"><style>
@font-face { font-family: Vazirmatn; src: url('/font/${fontFile}') format('woff2'); }
body { margin: 0; font-family: Vazirmatn, sans-serif; }
#list { height: 760px; overflow-y: auto; position: relative; }
.row { position: absolute; inset-inline: 0; height: 72px; overflow: hidden; padding: 4px 24px; box-sizing: border-box; line-height: 1.9; unicode-bidi: plaintext; }
.row[data-focused="true"] { background: #eef3ff; }
.row:not([data-labels=""]) { border-inline-start: 3px solid #2f6fde; }
</style></head><body>
${paths.map((p) => `<button data-open="${p}">${p}</button>`).join('')}<button data-open="">clear</button>
<div id="list" dir="rtl"><div id="spacer"></div></div>
<script>
const ROW = 72, list = document.getElementById('list'), spacer = document.getElementById('spacer');
let texts = [], labels = [], focus = 0;
function render() {
  const first = Math.max(0, Math.floor(list.scrollTop / ROW) - 2);
  const last = Math.min(texts.length, Math.ceil((list.scrollTop + list.clientHeight) / ROW) + 2);
  const rows = [];
  for (let i = first; i < last; i++) {
    const row = document.createElement('div');
    row.className = 'row';
    row.style.top = i * ROW + 'px';
    row.dataset.index = i;
    row.dataset.labels = labels[i];
    row.dataset.focused = String(i === focus);
    row.textContent = texts[i];
    rows.push(row);
  }
  spacer.style.height = texts.length * ROW + 'px';
  spacer.replaceChildren(...rows);
}
list.addEventListener('scroll', render);
document.addEventListener('click', async (e) => {
  const path = e.target.dataset?.open;
  if (path === undefined) return;
  list.dataset.path = '';
  texts = path ? JSON.parse(await window.__benchParagraphs(path)) : [];
  labels = texts.map(() => '');
  focus = 0;
  list.scrollTop = 0;
  render();
  list.dataset.path = path;
});
const rowAt = (i) => spacer.querySelector('[data-index="' + i + '"]');
window.addEventListener('keydown', (e) => {
  if (e.code === 'Digit1') {
    labels[focus] = labels[focus] ? '' : 'quote';
    rowAt(focus)?.setAttribute('data-labels', labels[focus]);
  } else if (e.code === 'KeyJ') {
    rowAt(focus)?.setAttribute('data-focused', 'false');
    focus = Math.min(texts.length - 1, focus + 1);
    const bottom = (focus + 1) * ROW - list.clientHeight;
    if (list.scrollTop < bottom) { list.scrollTop = bottom; render(); }
    rowAt(focus)?.setAttribute('data-focused', 'true');
  }
});
</script></body></html>`;

/** The article's paragraphs the bare way: read, split into lines, drop blank ones. */
async function paragraphsOf(root: string, path: string): Promise<string[]> {
  return (await readFile(join(root, path), 'utf8')).split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

export async function openBaselinePage(browser: Browser, root: string, paths: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const fontFile = (await readdir(join(RENDERER, 'assets'))).find((f) => /arabic-400.*\.woff2$/.test(f)) ?? '';
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.startsWith('/font/')) return route.fulfill({ body: await readFile(join(RENDERER, 'assets', fontFile)), contentType: 'font/woff2' });
    return route.fulfill({ body: PAGE(fontFile, paths), contentType: 'text/html; charset=utf-8' });
  });
  await context.exposeBinding('__benchParagraphs', async (_source, path: string) => JSON.stringify(await paragraphsOf(root, path)));
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(PROBE);
  await page.evaluate(`document.fonts.load('16px Vazirmatn', 'ب').then(() => 0)`);
  return page;
}
