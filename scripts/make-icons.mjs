// `npm run icons`: renders resources/icons/pilcrow.svg (Pilcrow's ¶ mark, drawn as shapes, no
// font) to PNG at every size the installers use, with Chromium through Playwright, then writes
// the Windows .ico and macOS .icns from those PNGs (scripts/icon-containers.mjs). The outputs are
// committed; run this again after changing the SVG. CHROMIUM_PATH names another Chromium binary.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ICNS_TYPES, ICO_SIZES, pngSize, writeIcns, writeIco } from './icon-containers.mjs';

const ICONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
/** Linux wants a folder of NxN.png (electron-builder's linux.icon); the others come from the same renders. */
const PNG_SIZES = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort((a, b) => a - b);

const svg = readFileSync(join(ICONS, 'pilcrow.svg'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const pngs = new Map();
const chromiumVersion = browser.version();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of PNG_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    await page.setContent(`<!doctype html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block">`);
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    if (pngSize(png).width !== size) throw new Error(`rendering at ${size} px gave ${pngSize(png).width} px`);
    pngs.set(size, png);
  }
} finally {
  await browser.close();
}

mkdirSync(join(ICONS, 'png'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(join(ICONS, 'png', `${size}x${size}.png`), png);
writeFileSync(join(ICONS, 'icon.png'), pngs.get(1024));
writeFileSync(join(ICONS, 'icon.ico'), writeIco(ICO_SIZES.map((size) => pngs.get(size))));
writeFileSync(join(ICONS, 'icon.icns'), writeIcns((size) => pngs.get(size)));
console.log(`icons: rendered ${PNG_SIZES.join(', ')} px from pilcrow.svg with Chromium ${chromiumVersion}; wrote png/, icon.png, icon.ico, icon.icns in resources/icons`);
