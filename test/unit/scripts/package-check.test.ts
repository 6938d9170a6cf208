/**
 * `npm run package:check` fails when the package is wrong. Its functions are driven on a small
 * real package made here: the real main and preload bundles (electron-vite with this project's
 * own config for them), the production dependencies as installed, the resources, a two-file
 * renderer with one real Vazirmatn font, packed into app.asar with @electron/asar and its
 * resources unpacked beside it as electron-builder.yml asks. Then one thing at a time is broken.
 */
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import asar from '@electron/asar';
import { build, loadConfigFromFile } from 'electron-vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAsar } from '../../../scripts/package-check/asar-view.mjs';
import { productionClosure } from '../../../scripts/package-check/closure.mjs';
import { inspectPackage } from '../../../scripts/package-check/inspect.mjs';
import { checkWiring, runWiring } from '../../../scripts/package-check/wiring.mjs';
import { tempDir } from '../node/temp';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUDGET = 50_000_000;
const FONT = 'vazirmatn-latin-400-normal.woff2';
let work = '';
let app = ''; // the staged app folder that is packed
let version = '';

/** Files the production packages ship that electron-builder.yml leaves out (tests, TypeScript, maps). */
const leftOut = (path: string) => /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?js$|\.[cm]?ts$|\.map$/.test(path);

async function stage(): Promise<void> {
  app = join(work, 'app');
  // The real main and preload bundles, from the project's electron.vite.config.ts (renderer left out: slow, and stubbed below).
  const previous = process.env.PILCROW_OUT;
  process.env.PILCROW_OUT = join(app, 'out');
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, join(ROOT, 'electron.vite.config.ts'), ROOT, 'silent');
  if (previous === undefined) delete process.env.PILCROW_OUT;
  else process.env.PILCROW_OUT = previous;
  const { main, preload } = loaded.config as { main: object; preload: object };
  const config = join(work, 'main-preload.config.mjs');
  await writeFile(config, `export default ${JSON.stringify({ main, preload })};\n`);
  await build({ configFile: config, root: ROOT, logLevel: 'silent' });

  const renderer = join(app, 'out', 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script><link rel="stylesheet" href="./assets/index.css">');
  await writeFile(join(renderer, 'assets', 'index.js'), 'document.title = "Pilcrow";\n');
  await writeFile(join(renderer, 'assets', 'index.css'), `@font-face { font-family: Vazirmatn; src: url(./${FONT}) format('woff2'); }\n`);
  await cp(join(ROOT, 'node_modules', '@fontsource', 'vazirmatn', 'files', FONT), join(renderer, 'assets', FONT));

  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  version = manifest.version;
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: manifest.name, version, type: 'module', main: manifest.main, dependencies: manifest.dependencies }));
  await cp(join(ROOT, 'LICENSE'), join(app, 'LICENSE'));
  for (const dir of ['sample-workspace', 'schema', 'licenses']) await cp(join(ROOT, 'resources', dir), join(app, 'resources', dir), { recursive: true });
  for (const { dir } of productionClosure(ROOT).values()) {
    await cp(dir, join(app, relative(ROOT, dir)), { recursive: true, filter: (src) => !leftOut(relative(dir, src).split('\\').join('/')) && !relative(dir, src).startsWith('node_modules') });
  }
}

/** Packs the staged folder as it is now into <work>/<name>/app.asar (+ .unpacked) and runs both halves of the check. */
async function check(name: string, options: { unpack?: boolean } = {}) {
  const asarPath = join(work, name, 'resources', 'app.asar');
  await mkdir(join(work, name, 'resources'), { recursive: true });
  await asar.createPackageWithOptions(app, asarPath, options.unpack === false ? {} : { unpackDir: 'resources', unpack: 'LICENSE' });
  const view = openAsar(asarPath);
  const { problems } = inspectPackage({ view, projectDir: ROOT, budgetBytes: BUDGET });
  const extractedDir = join(work, name, 'extracted');
  asar.extractAll(asarPath, extractedDir);
  const run = runWiring({ extractedDir, asarPath, version, workDir: join(work, name, 'start') });
  const wiring = checkWiring(run, { view, extractedDir, version });
  return { problems, failed: wiring.filter(([ok]) => !ok).map(([, what]) => what) };
}

describe('package:check', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    work = await tempDir('package-check');
    await stage();
  }, 180_000);

  it('passes on the intact package', async () => {
    const { problems, failed } = await check('intact');
    expect(problems).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('fails when a production dependency is removed from the package: the import does not resolve, the closure misses it, the shell does not start', async () => {
    await rename(join(app, 'node_modules', 'lowdb'), join(work, 'lowdb-away'));
    try {
      const { problems, failed } = await check('no-lowdb');
      expect(problems).toContain("out/main/index.js loads 'lowdb', which does not resolve inside the package: no node_modules/lowdb from out/main");
      expect(problems.some((p) => p.startsWith('the production dependency lowdb@7.0.1 (needed by package.json) is not in the package'))).toBe(true);
      expect(failed[0]).toMatch(/^the shell started without an error: loading the packaged main failed: Cannot find package 'lowdb'/);
    } finally {
      await rename(join(work, 'lowdb-away'), join(app, 'node_modules', 'lowdb'));
    }
  });

  it('fails when the preload path changes: main names a preload the package does not have, and the window gets it', async () => {
    const mainFile = join(app, 'out', 'main', 'index.js');
    const original = await readFile(mainFile, 'utf8');
    expect(original).toContain('"../preload/index.cjs"');
    await writeFile(mainFile, original.replace('"../preload/index.cjs"', '"../preload/index.js"'));
    try {
      const { problems, failed } = await check('preload-moved');
      expect(problems).toContain('out/main/index.js names the preload script ../preload/index.js (out/preload/index.js), which is not in the package');
      expect(failed).toContain("the window's preload is a file inside the package (out/preload/index.js)");
      expect(failed.some((f) => f.startsWith('the packaged preload runs in a sandbox: cannot read'))).toBe(true);
    } finally {
      await writeFile(mainFile, original);
    }
  });

  it('fails when the resources are packed inside app.asar, where the first run cannot copy the sample workspace out', async () => {
    const { problems, failed } = await check('all-packed', { unpack: false });
    expect(problems).toContain('resources/sample-workspace/en/harbour-wind.txt is inside app.asar, but main reads it from app.asar.unpacked (asarUnpack in electron-builder.yml)');
    expect(failed.some((f) => f.startsWith('the first run opens the sample workspace copied from the package (0 of 5 articles'))).toBe(true);
  });

  it('fails when a devDependency or a test file is in the package', async () => {
    await cp(join(ROOT, 'node_modules', 'virtua'), join(app, 'node_modules', 'virtua'), { recursive: true });
    await mkdir(join(app, 'test'));
    await writeFile(join(app, 'test', 'package.test.js'), '');
    try {
      const asarPath = join(work, 'extra', 'app.asar');
      await asar.createPackageWithOptions(app, asarPath, { unpackDir: 'resources', unpack: 'LICENSE' });
      const { problems } = inspectPackage({ view: openAsar(asarPath), projectDir: ROOT, budgetBytes: BUDGET });
      expect(problems).toContain('the devDependency virtua@0.54.2 is in the package (node_modules/virtua)');
      expect(problems).toContain('test is in the package, but only package.json, LICENSE, out, resources, node_modules belong at its top');
      expect(problems).toContain('1 test file(s) in the package, e.g. test/package.test.js');
    } finally {
      await rm(join(app, 'node_modules', 'virtua'), { recursive: true });
      await rm(join(app, 'test'), { recursive: true });
    }
  });
});
