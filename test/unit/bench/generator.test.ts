import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace, type GeneratorOptions } from '../../bench/generator/generate';
import { annotationFileSchema } from '../../../src-main/node/annotations/schema';
import { readArticle } from '../../../src-main/node/workspace/read-article';

const OPTIONS: GeneratorOptions = { seed: 7, articles: 24, long: [120], annotators: ['sara', 'reza', 'mina'], coverage: 0.6 };
const dirs: string[] = [];

async function generated(options: GeneratorOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pilcrow-bench-gen-'));
  dirs.push(dir);
  generateWorkspace(dir, options);
  return dir;
}

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

/** One hash over every file's path and bytes. */
async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await filesOf(dir)) hash.update(file).update('\0').update(await readFile(join(dir, file))).update('\0');
  return hash.digest('hex');
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('bench workspace generator', () => {
  it('writes the same bytes for the same seed, and different bytes for another', async () => {
    const [a, b, c] = await Promise.all([generated(OPTIONS), generated(OPTIONS), generated({ ...OPTIONS, seed: 8 })]);
    expect(await treeHash(a)).toBe(await treeHash(b));
    expect(await treeHash(a)).not.toBe(await treeHash(c));
  });

  it('writes layer files that the app schema accepts, keyed by the paragraph ids the app computes', async () => {
    const dir = await generated(OPTIONS);
    const layers = (await filesOf(dir)).filter((f) => f.startsWith('.pilcrow/annotations/'));
    expect(layers.length).toBeGreaterThan(OPTIONS.articles * 0.6);
    for (const file of layers) {
      const layer = annotationFileSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
      const [, , annotator, ...rest] = file.split('/');
      expect(layer.annotator).toBe(annotator);
      expect(`${layer.article}.json`).toBe(rest.join('/'));
      const article = await readArticle(dir, layer.article);
      const ids = new Set(article.paragraphs.map((p) => p.id));
      for (const [id, entry] of Object.entries(layer.paragraphs)) {
        expect(ids.has(id)).toBe(true);
        expect(article.paragraphs[entry.index]?.id).toBe(id);
      }
    }
  });
});
