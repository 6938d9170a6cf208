// Which modules the packaged app loads, resolved the way Node resolves them, but inside the
// archive only: a missing production dependency, a file an `exports` map points at that the
// package left out, or a relative import of a file that was not packed, all show up here.
// The walk starts at the main and preload bundles and follows every import/require/import()
// with a literal specifier through the packaged files (TypeScript's scanner finds them).
import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

const BUILTINS = new Set(builtinModules);
/** Provided by the Electron runtime, not by the package. */
const RUNTIME_MODULES = new Set(['electron']);
const CONDITIONS = {
  esm: ['node', 'import', 'module-sync', 'default'],
  cjs: ['node', 'require', 'module-sync', 'default'],
};

/** Scans by content: the same file in another package (a test's variants) is not scanned twice. */
const scanned = new Map();

/** @param {string} code @returns {string[]} the literal specifiers it imports or requires */
export function specifiersIn(code) {
  if (!/\b(require|import)\b/.test(code)) return [];
  const key = createHash('sha1').update(code).digest('base64');
  if (!scanned.has(key)) scanned.set(key, [...new Set(ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName))]);
  return scanned.get(key);
}

/**
 * Walks the module graph from `entries` inside the view.
 * @param {import('./asar-view.mjs').AsarView} view
 * @param {string[]} entries packaged paths ('out/main/index.js')
 * @returns {{ reached: Set<string>, problems: string[], packages: Set<string> }}
 */
export function walkModules(view, entries) {
  const reached = new Set();
  const packages = new Set();
  const problems = [];
  const queue = [];
  for (const entry of entries) {
    if (view.isFile(entry)) queue.push(entry);
    else problems.push(`the entry ${entry} is not in the package`);
  }
  while (queue.length) {
    const file = queue.shift();
    if (reached.has(file)) continue;
    reached.add(file);
    if (!/\.(c|m)?js$/.test(file)) continue;
    const mode = moduleType(view, file);
    for (const specifier of specifiersIn(view.read(file).toString('utf8'))) {
      const bare = specifier.replace(/^node:/, '');
      if (specifier.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0])) continue;
      if (RUNTIME_MODULES.has(specifier)) continue;
      const target = resolveSpecifier(view, specifier, file, mode);
      if (typeof target === 'string') {
        queue.push(target);
        const owner = packageDirOf(target);
        if (owner) packages.add(owner);
      } else problems.push(`${file} loads '${specifier}', which does not resolve inside the package: ${target.why}`);
    }
  }
  return { reached, problems, packages };
}

/** 'esm' or 'cjs', as Node decides: the extension, else the nearest package.json "type". */
export function moduleType(view, file) {
  if (file.endsWith('.mjs')) return 'esm';
  if (file.endsWith('.cjs')) return 'cjs';
  for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
    const manifest = dir === '.' ? 'package.json' : `${dir}/package.json`;
    if (view.isFile(manifest)) return readJson(view, manifest)?.type === 'module' ? 'esm' : 'cjs';
    if (dir === '.' || dir === '') return 'cjs';
  }
}

/** The package folder a packaged file belongs to ('node_modules/a/node_modules/@s/b'), or null for the app's own files. */
export function packageDirOf(file) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/** @returns {string | { why: string }} */
export function resolveSpecifier(view, specifier, fromFile, mode) {
  const fromDir = posix.dirname(fromFile);
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const path = posix.normalize(posix.join(fromDir, specifier));
    if (path.startsWith('..')) return { why: 'it points outside the package' };
    return resolveFile(view, path, mode) ?? { why: `no file ${path}${mode === 'cjs' ? ' (nor .js, .json, /index.js)' : ''} in the package` };
  }
  if (specifier.startsWith('/')) return { why: 'an absolute path is never inside the package' };
  if (specifier.startsWith('#')) return resolveImports(view, specifier, fromDir, mode);
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const subpath = specifier.slice(name.length);
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const base = dir === '.' || dir === '' ? '' : `${dir}/`;
    if (!base.endsWith('node_modules/')) {
      const candidate = `${base}node_modules/${name}`;
      if (view.isDir(candidate)) return resolvePackage(view, candidate, subpath, mode);
    }
    if (dir === '.' || dir === '') return { why: `no node_modules/${name} from ${fromDir}` };
  }
}

function resolvePackage(view, dir, subpath, mode) {
  const manifest = readJson(view, `${dir}/package.json`);
  if (manifest?.exports !== undefined && manifest.exports !== null) {
    const target = resolveExports(manifest.exports, `.${subpath}`, CONDITIONS[mode]);
    if (target === null || target === undefined) return { why: `${dir}/package.json "exports" has no '.${subpath}' for ${mode === 'esm' ? 'import' : 'require'}` };
    const path = posix.normalize(posix.join(dir, target));
    return view.isFile(path) ? path : { why: `${dir}/package.json "exports" points at ${path}, which is not in the package` };
  }
  if (subpath) return resolveFile(view, `${dir}${subpath}`, mode === 'esm' ? 'esm' : 'cjs') ?? { why: `no file ${dir}${subpath} in the package` };
  const main = typeof manifest?.main === 'string' ? posix.normalize(posix.join(dir, manifest.main)) : null;
  return (main && resolveFile(view, main, 'cjs')) ?? resolveFile(view, `${dir}/index.js`, 'esm') ?? { why: `${dir} has no entry file (package.json "main" ${main ?? 'unset'}, no index.js)` };
}

function resolveImports(view, specifier, fromDir, mode) {
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const manifestPath = dir === '.' || dir === '' ? 'package.json' : `${dir}/package.json`;
    if (view.isFile(manifestPath)) {
      const target = resolveExports(readJson(view, manifestPath)?.imports ?? {}, specifier, CONDITIONS[mode], true);
      if (typeof target !== 'string') return { why: `${manifestPath} "imports" has no ${specifier}` };
      if (!target.startsWith('./')) return resolveSpecifier(view, target, manifestPath, mode);
      const path = posix.normalize(posix.join(posix.dirname(manifestPath), target));
      return view.isFile(path) ? path : { why: `${manifestPath} "imports" points at ${path}, which is not in the package` };
    }
    if (dir === '.' || dir === '') return { why: `no package.json with "imports" above ${fromDir}` };
  }
}

/** CommonJS tries extensions and index files; an ES module import names the file exactly. */
function resolveFile(view, path, mode) {
  if (view.isFile(path)) return path;
  if (mode === 'esm') return null;
  for (const candidate of [`${path}.js`, `${path}.json`, `${path}.node`, `${path}/index.js`, `${path}/index.json`]) if (view.isFile(candidate)) return candidate;
  if (view.isFile(`${path}/package.json`)) {
    const main = readJson(view, `${path}/package.json`)?.main;
    if (typeof main === 'string') return resolveFile(view, posix.normalize(posix.join(path, main)), 'cjs');
  }
  return null;
}

/**
 * Node's PACKAGE_EXPORTS_RESOLVE (and PACKAGE_IMPORTS_RESOLVE for `#` keys), for the parts
 * packages use: a string, an array, nested conditions, './sub' keys and one '*' per pattern.
 * @returns {string | null | undefined} the target, null where it is excluded, undefined where no key matches
 */
export function resolveExports(exports, subpath, conditions, imports = false) {
  const map = typeof exports === 'string' || Array.isArray(exports) || (!imports && !Object.keys(exports).some((k) => k.startsWith('.'))) ? { '.': exports } : exports;
  if (Object.hasOwn(map, subpath) && !subpath.includes('*')) return target(map[subpath], '', conditions);
  let best = null;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length) {
      if (!best || prefix.length > best.prefix.length) best = { key, prefix, match: subpath.slice(prefix.length, subpath.length - suffix.length) };
    }
  }
  return best ? target(map[best.key], best.match, conditions) : undefined;
}

function target(value, match, conditions) {
  if (value === null) return null;
  if (typeof value === 'string') return value.replaceAll('*', match);
  if (Array.isArray(value)) {
    for (const item of value) {
      const resolved = target(item, match, conditions);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'default' && !conditions.includes(key)) continue;
    const resolved = target(item, match, conditions);
    if (resolved !== undefined) return resolved;
  }
  return undefined;
}

/** package.json files are read once per view: every module's type and every bare import asks for one. */
const jsonCache = new WeakMap();
function readJson(view, path) {
  let cache = jsonCache.get(view);
  if (!cache) jsonCache.set(view, (cache = new Map()));
  if (!cache.has(path)) {
    try {
      cache.set(path, JSON.parse(view.read(path).toString('utf8')));
    } catch {
      cache.set(path, null);
    }
  }
  return cache.get(path);
}
