// The production closure: the packages package.json "dependencies" bring in, and what they
// need in turn, as installed in the project's node_modules (devDependencies never). The package
// must hold exactly these, by name and version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * @param {string} projectDir
 * @returns {Map<string, { name: string, version: string, neededBy: string, dir: string }>} keyed by 'name@version'; dir is where it is installed
 */
export function productionClosure(projectDir) {
  const closure = new Map();
  const root = readJson(join(projectDir, 'package.json'));
  const queue = Object.keys({ ...root.dependencies, ...root.optionalDependencies }).map((name) => ({ name, from: projectDir, neededBy: 'package.json', optional: Object.hasOwn(root.optionalDependencies ?? {}, name) }));
  const seenDirs = new Set();
  while (queue.length) {
    const { name, from, neededBy, optional } = queue.shift();
    const dir = installedDir(name, from, projectDir);
    if (!dir) {
      if (!optional) throw new Error(`${name} (needed by ${neededBy}) is not installed under ${projectDir}; run npm ci`);
      continue;
    }
    if (seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    const manifest = readJson(join(dir, 'package.json'));
    const key = `${manifest.name}@${manifest.version}`;
    if (!closure.has(key)) closure.set(key, { name: manifest.name, version: manifest.version, neededBy, dir });
    const peersOptional = manifest.peerDependenciesMeta ?? {};
    const next = [
      ...Object.keys(manifest.dependencies ?? {}).map((n) => [n, false]),
      ...Object.keys(manifest.optionalDependencies ?? {}).map((n) => [n, true]),
      ...Object.keys(manifest.peerDependencies ?? {}).map((n) => [n, true]),
    ].filter(([n], i, all) => all.findIndex(([m]) => m === n) === i);
    for (const [dep, isOptional] of next) queue.push({ name: dep, from: dir, neededBy: key, optional: isOptional || Boolean(peersOptional[dep]?.optional) });
  }
  return closure;
}

/** Node's lookup: <from>/node_modules/<name>, then each parent's, not above the project. */
function installedDir(name, from, projectDir) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (!dir.endsWith('node_modules')) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
    if (dir === projectDir || dirname(dir) === dir) return null;
  }
}

/**
 * The packages inside the archive: every node_modules/<name>/package.json at any depth.
 * @param {import('./asar-view.mjs').AsarView} view
 * @returns {Map<string, { dir: string, name: string, version: string, bytes: number }[]>} by 'name@version'
 */
export function packagesInAsar(view) {
  const found = new Map();
  for (const path of view.files.keys()) {
    const match = /^((?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+))\/package\.json$/.exec(path);
    if (!match) continue;
    let manifest;
    try {
      manifest = JSON.parse(view.read(path).toString('utf8'));
    } catch {
      continue;
    }
    if (manifest.name !== match[2]) continue; // a nested package.json that only sets "type"
    const prefix = `${match[1]}/`;
    let bytes = 0;
    for (const [file, { size }] of view.files) if (file.startsWith(prefix) && !file.slice(prefix.length).includes('node_modules/')) bytes += size;
    const key = `${manifest.name}@${manifest.version}`;
    found.set(key, [...(found.get(key) ?? []), { dir: match[1], name: manifest.name, version: manifest.version, bytes }]);
  }
  return found;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
