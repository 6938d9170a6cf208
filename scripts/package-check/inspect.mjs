// The static half of `npm run package:check`: what is inside the packaged app.asar, read with
// @electron/asar. Every function returns problems (sentences naming the file and what is wrong)
// instead of throwing, so one run reports all of them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { productionClosure, packagesInAsar } from './closure.mjs';
import { walkModules } from './modules.mjs';

/** What may sit at the top of app.asar; anything else (src-main/, test/, docs/, configs) is a leak. */
export const TOP_LEVEL = ['package.json', 'LICENSE', 'out', 'resources', 'node_modules'];
export const OUT_FOLDERS = ['main', 'preload', 'renderer'];
/** Files main reads through app.asar.unpacked (src-main/electron/app-files.ts): all of them must be there, unpacked. */
export const UNPACKED_FILES = ['LICENSE', 'resources/sample-workspace', 'resources/schema', 'resources/licenses'];

/**
 * @param {{ view: import('./asar-view.mjs').AsarView, projectDir: string, budgetBytes: number }} options
 */
export function inspectPackage({ view, projectDir, budgetBytes }) {
  const problems = [];
  const facts = {};
  const manifest = JSON.parse(view.read('package.json').toString('utf8'));
  facts.version = manifest.version;

  problems.push(...strayFiles(view));

  // Entries: main from package.json, then the preload and renderer the main bundle names.
  const main = posix.normalize(manifest.main ?? 'index.js');
  facts.main = main;
  const mainWalk = walkModules(view, [main]);
  const refs = entryReferences(view, [...mainWalk.reached].filter((f) => f.startsWith('out/')));
  facts.preloads = refs.preload;
  facts.renderer = refs.renderer;
  problems.push(...refs.problems);
  facts.workers = refs.workers;
  const preloadWalk = walkModules(view, refs.preload.filter((p) => view.isFile(p)));
  const workerWalk = walkModules(view, refs.workers.filter((p) => view.isFile(p)));
  problems.push(...mainWalk.problems, ...preloadWalk.problems, ...workerWalk.problems);
  facts.modulesReached = new Set([...mainWalk.reached, ...preloadWalk.reached, ...workerWalk.reached]).size;
  facts.packagesLoaded = new Set([...mainWalk.packages, ...preloadWalk.packages, ...workerWalk.packages]).size;
  for (const dir of refs.renderer) {
    const renderer = rendererFiles(view, dir);
    problems.push(...renderer.problems);
    facts.rendererAssets = renderer.assets;
    facts.fonts = renderer.fonts;
  }

  problems.push(...resourceProblems(view, projectDir, facts));
  problems.push(...dependencyProblems(view, projectDir, facts));

  const total = view.bytes.packed + view.bytes.unpacked;
  facts.bytes = { ...view.bytes, total, budget: budgetBytes, files: view.files.size };
  if (total > budgetBytes) problems.push(`the package is ${mb(total)} (app.asar ${mb(view.bytes.packed)} + unpacked ${mb(view.bytes.unpacked)}), over its budget of ${mb(budgetBytes)}`);
  return { problems, facts };
}

/** Top-level leaks, source maps, tests. */
export function strayFiles(view) {
  const problems = [];
  const top = new Set([...view.files.keys(), ...view.dirs].filter(Boolean).map((p) => p.split('/')[0]));
  for (const name of top) if (!TOP_LEVEL.includes(name)) problems.push(`${name} is in the package, but only ${TOP_LEVEL.join(', ')} belong at its top`);
  const out = new Set([...view.files.keys()].filter((p) => p.startsWith('out/')).map((p) => p.split('/')[1]));
  for (const name of out) if (!OUT_FOLDERS.includes(name)) problems.push(`out/${name} is in the package: only out/${OUT_FOLDERS.join(', out/')} are the app`);
  const maps = [...view.files.keys()].filter((p) => p.endsWith('.map'));
  if (maps.length) problems.push(`${maps.length} source map(s) in the package, e.g. ${maps.slice(0, 3).join(', ')}`);
  const tests = [...view.files.keys()].filter((p) => /(^|\/)(test|tests|__tests__)\//.test(p) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(p));
  if (tests.length) problems.push(`${tests.length} test file(s) in the package, e.g. ${tests.slice(0, 3).join(', ')}`);
  return problems;
}

/**
 * The preload and renderer paths the main bundle names as string literals ('../preload/index.cjs',
 * '../renderer'), and the worker threads it starts ('learn-worker.js'), resolved from the file
 * that names them, as `join(import.meta.dirname, …)` does.
 */
export function entryReferences(view, mainFiles) {
  const preload = new Set();
  const renderer = new Set();
  const workers = new Set();
  const problems = [];
  for (const file of mainFiles) {
    const code = view.read(file).toString('utf8');
    for (const match of code.matchAll(/import\.meta\.dirname,\s*(["'`])([\w.-]+-worker\.[cm]?js)\1/g)) {
      const path = posix.join(posix.dirname(file), match[2]);
      workers.add(path);
      if (!view.isFile(path)) problems.push(`${file} starts the worker ${match[2]} (${path}), which is not in the package`);
    }
    for (const match of code.matchAll(/(["'`])(\.\.\/(preload|renderer)(?:\/[^"'`]*)?)\1/g)) {
      const path = posix.normalize(posix.join(posix.dirname(file), match[2]));
      if (match[3] === 'preload') {
        preload.add(path);
        if (!view.isFile(path)) problems.push(`${file} names the preload script ${match[2]} (${path}), which is not in the package`);
      } else {
        renderer.add(path);
        if (!view.isFile(`${path}/index.html`)) problems.push(`${file} serves the renderer from ${match[2]} (${path}), which has no index.html in the package`);
      }
    }
  }
  if (!preload.size) problems.push(`the main bundle (${mainFiles.join(', ')}) names no preload script (../preload/…)`);
  if (!renderer.size) problems.push(`the main bundle (${mainFiles.join(', ')}) names no renderer folder (../renderer)`);
  return { preload: [...preload], renderer: [...renderer], workers: [...workers], problems };
}

/** index.html's scripts and stylesheets, and the fonts the stylesheets load, all inside the package. */
export function rendererFiles(view, dir) {
  const problems = [];
  const assets = [];
  const fonts = [];
  const html = view.read(`${dir}/index.html`).toString('utf8');
  const local = (ref) => !/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(ref);
  for (const [, ref] of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
    if (!local(ref)) {
      problems.push(`${dir}/index.html loads ${ref} from outside the package`);
      continue;
    }
    const path = posix.normalize(posix.join(dir, ref.replace(/^\//, '')));
    if (!view.isFile(path)) {
      problems.push(`${dir}/index.html loads ${ref}, which is not in the package (${path})`);
      continue;
    }
    assets.push(path);
    if (!path.endsWith('.css')) continue;
    for (const [, url] of view.read(path).toString('utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      if (!local(url)) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), url.split(/[?#]/)[0]));
      if (!view.isFile(target)) problems.push(`${path} loads ${url}, which is not in the package (${target})`);
      else if (/\.(woff2?|ttf|otf)$/.test(target)) fonts.push(target);
    }
  }
  if (!assets.some((a) => a.endsWith('.js'))) problems.push(`${dir}/index.html loads no script from the package`);
  if (!fonts.some((f) => /vazirmatn/i.test(f))) problems.push(`the renderer's stylesheets load no Vazirmatn font file from the package`);
  return { problems, assets: assets.length, fonts: fonts.length };
}

/** The sample workspace, schemas, licences and LICENSE: every file, byte for byte, unpacked beside the archive. */
export function resourceProblems(view, projectDir, facts = {}) {
  const problems = [];
  facts.resources = {};
  for (const entry of UNPACKED_FILES) {
    const source = join(projectDir, entry);
    if (!existsSync(source)) {
      problems.push(`${entry} is missing from the project itself`);
      continue;
    }
    const list = statSync(source).isDirectory() ? readdirSync(source, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)) : [source];
    facts.resources[entry] = list.length;
    for (const file of list) {
      const path = relative(projectDir, file).split(sep).join('/');
      const packed = view.files.get(path);
      if (!packed) problems.push(`${path} is not in the package`);
      else if (!packed.unpacked) problems.push(`${path} is inside app.asar, but main reads it from app.asar.unpacked (asarUnpack in electron-builder.yml)`);
      else if (!existsSync(join(`${view.asarPath}.unpacked`, path))) problems.push(`${path} is marked unpacked, but app.asar.unpacked has no such file`);
      else if (!readFileSync(join(`${view.asarPath}.unpacked`, path)).equals(readFileSync(file))) problems.push(`${path} in the package differs from the project's`);
    }
  }
  return problems;
}

/** Exactly the production closure: nothing missing, no devDependency, no stray package. */
export function dependencyProblems(view, projectDir, facts = {}) {
  const problems = [];
  const closure = productionClosure(projectDir);
  const packed = packagesInAsar(view);
  const devDependencies = new Set(Object.keys(JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')).devDependencies ?? {}));
  for (const [key, { neededBy }] of closure) if (!packed.has(key)) problems.push(`the production dependency ${key} (needed by ${neededBy}) is not in the package`);
  for (const [key, copies] of packed) {
    if (closure.has(key)) continue;
    const { name, dir } = copies[0];
    problems.push(devDependencies.has(name) ? `the devDependency ${key} is in the package (${dir})` : `${key} is in the package (${dir}) but is not a production dependency`);
  }
  facts.packages = packed.size;
  facts.largest = [...packed.values()]
    .map((copies) => ({ name: copies[0].name, bytes: copies.reduce((s, c) => s + c.bytes, 0) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return problems;
}

export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
