/**
 * The folder watcher on a real temp tree: what Node 20's recursive fs.watch misses on Linux
 * (a deletion in a subfolder) is reported, as are an atomic replace and files in a folder
 * created after watching started. Our own `.pilcrow/` is never reported.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchTree, type TreeWatcher } from '../../../../src-main/node/watch/tree-watcher';
import { tempDir } from '../temp';

let watcher: TreeWatcher | null = null;
afterEach(() => watcher?.close());

/** Starts watching; `until(path)` resolves once a report contains that path. */
async function watching(root: string) {
  const seen: string[][] = [];
  const waiters: { path: string; resolve: () => void }[] = [];
  watcher = watchTree(root, (paths) => {
    seen.push(paths);
    for (const w of [...waiters]) if (paths.includes(w.path)) w.resolve();
  }, { debounceMs: 20 });
  // Watchers are attached folder by folder; one round trip to the file system lets them settle.
  await new Promise((resolve) => setImmediate(resolve));
  await writeFile(join(root, 'ready.txt'), 'x');
  const until = (path: string) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report of ${path}; saw ${JSON.stringify(seen)}`)), 5000);
    waiters.push({ path, resolve: () => (clearTimeout(timer), resolve()) });
  });
  await until('ready.txt');
  return { seen, until };
}

describe('watchTree', () => {
  it('reports a file deleted two folders down', async () => {
    const root = await tempDir('watch');
    await mkdir(join(root, 'fa', 'old'), { recursive: true });
    await writeFile(join(root, 'fa', 'old', 'a.txt'), 'خبر');
    const { until } = await watching(root);
    const reported = until('fa/old/a.txt');
    await rm(join(root, 'fa', 'old', 'a.txt'));
    await reported;
  });

  it('reports an atomic replace (temp file renamed over the article) by the article’s name', async () => {
    const root = await tempDir('watch');
    await mkdir(join(root, 'en'));
    await writeFile(join(root, 'en', 'b.txt'), 'old');
    const { until, seen } = await watching(root);
    const reported = until('en/b.txt');
    await writeFile(join(root, 'en', '.b.txt.swp'), 'new');
    await rename(join(root, 'en', '.b.txt.swp'), join(root, 'en', 'b.txt'));
    await reported;
    expect(seen.flat().some((p) => p.includes('.swp'))).toBe(false);
  });

  it('watches a folder created after it started, and never reports .pilcrow', async () => {
    const root = await tempDir('watch');
    await mkdir(join(root, '.pilcrow', 'annotations'), { recursive: true });
    const { until, seen } = await watching(root);
    await writeFile(join(root, '.pilcrow', 'annotations', 'x.json'), '{}');
    const folder = until('new');
    await mkdir(join(root, 'new'));
    await folder;
    const file = until('new/c.md');
    await writeFile(join(root, 'new', 'c.md'), '# c');
    await file;
    expect(seen.flat().some((p) => p.startsWith('.pilcrow'))).toBe(false);
  });
});
