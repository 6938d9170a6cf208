import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../bench/generator/site';
import { foldModels } from '../../bench/keys/learned-folds';
import { run, type Source } from '../../bench/keys/replay';
import { SOURCE_LEARN_WORKER } from '../../support/workers';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'resources', 'sample-workspace');
const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];
const scratch = await mkdtemp(join(tmpdir(), 'pilcrow-keys-learned-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const sample: Source = { name: 'sample workspace', against: 'reference', make: (dir) => cp(SAMPLE, dir, { recursive: true }) };
const learned = (scoredBy?: (path: string, trainedOn: readonly string[]) => void) => ({ folds: 5, seed: 1, worker: SOURCE_LEARN_WORKER, ...(scoredBy ? { scoredBy } : {}) });

describe('the keystroke eval with the learned suggester (npm run eval:keys -- --learned)', () => {
  it('trains each fold only on the other articles of the reference, and every article is scored by one fold', async () => {
    const dir = await mkdtemp(join(scratch, 'folds-'));
    await cp(SAMPLE, dir, { recursive: true });
    const models = await foldModels(dir, LABELS, 'reference', 'multi', 5, 1);
    expect(models.models).toHaveLength(5);
    expect([...models.foldOf.keys()].sort()).toEqual(['en/harbour-wind.txt', 'en/library-hours.md', 'fa/rail-isfahan.txt', 'fa/school-semnan.txt', 'fa/water-tehran.txt']);
    for (const model of models.models) {
      for (const path of model.test) expect(model.train).not.toContain(path);
      // The examples it learned from come from its training articles only.
      expect(model.trained.articles).toBe(model.train.length);
      expect(model.trained.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['claim', 'boilerplate']));
    }
  });

  it('trains each fold on only as many of the other articles as asked (--site --train N), the learning curve\'s first', async () => {
    const dir = await mkdtemp(join(scratch, 'site-'));
    generateSite(dir, { articles: 20, labelled: 20, noise: 0, annotators: ['reference'], body: [3, 5] });
    const few = await foldModels(dir, LABELS, 'reference', 'multi', 5, 1, 6);
    const all = await foldModels(dir, LABELS, 'reference', 'multi', 5, 1);
    expect(few.foldOf.size).toBe(20);
    few.models.forEach((model, f) => {
      expect(model.train).toHaveLength(6);
      expect(model.trained.articles).toBe(6);
      for (const path of model.test) expect(model.train).not.toContain(path);
      // The first of the fold's training articles, in the order the full fold takes them.
      expect(model.train).toEqual(all.models[f]!.train.slice(0, 6));
      expect(all.models[f]!.train).toHaveLength(16);
    });
  });

  it('never lets a model score an article it was trained on while the editor works', async () => {
    const seen = new Map<string, readonly string[]>();
    await run(sample, scratch, SAMPLE, { mode: 'multi', done: true }, true, undefined, learned((path, trainedOn) => seen.set(path, trainedOn)));
    expect(seen.size).toBe(5);
    for (const [path, trainedOn] of seen) {
      expect(trainedOn).toHaveLength(4);
      expect(trainedOn).not.toContain(path);
    }
  }, 120_000);

  it('gives the same figures for the same seed, and the learned suggester costs the sample no key, multi- and single-label', async () => {
    for (const mode of ['multi', 'single'] as const) {
      const policy = { mode, done: true };
      const rules = await run(sample, scratch, SAMPLE, policy, true);
      const first = await run(sample, scratch, SAMPLE, policy, true, undefined, learned());
      const again = await run(sample, scratch, SAMPLE, policy, true, undefined, learned());
      expect(again).toEqual(first);
      expect(first.paragraphs).toBe(rules.paragraphs);
      expect(first.keys).toBeLessThanOrEqual(rules.keys);
    }
  }, 240_000);
});
