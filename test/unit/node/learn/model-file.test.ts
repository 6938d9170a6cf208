import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, loadOrder, modelPath, orderPath, saveModel, saveOrder } from '../../../../src-main/node/learn/model-file';
import { tempDir } from '../temp';

const HEADER = {
  workspace: '/work/news',
  fingerprint: 'f1',
  trainedAt: '2025-01-01T00:00:00.000Z',
  seed: 1,
  examples: 40,
  articles: 3,
  folds: 3,
  labels: [{ name: 'quote', positives: 20, negatives: 20, platt: { a: -1, b: 0 }, heldOut: { precision: 1, recall: 1, f1: 1, tp: 20, fp: 0, fn: 0 }, reliability: [] }],
  skipped: [],
};
const MODEL = { vocabulary: Uint32Array.from([3, 17, 99]), weights: Float32Array.from([0.5, -1.25, 2]), bias: Float32Array.from([0.125]) };

describe('the learned model kept in user data', () => {
  it('is kept per workspace under <userData>/learned, and reads back exactly as written', async () => {
    const dir = await tempDir('model');
    const file = modelPath(dir, '/work/news');
    expect(file.startsWith(join(dir, 'learned'))).toBe(true);
    expect(modelPath(dir, '/work/other')).not.toBe(file);
    const bytes = await saveModel(file, HEADER, MODEL);
    expect(bytes).toBe((await readFile(file)).length);
    const back = await loadModel(file, '/work/news');
    if (!('header' in back)) throw new Error(back.problem);
    expect(Array.from(back.vocabulary)).toEqual([3, 17, 99]);
    expect(Array.from(back.weights)).toEqual([0.5, -1.25, 2]);
    expect(Array.from(back.bias)).toEqual([0.125]);
    expect(back.header.labels).toEqual(HEADER.labels);
  });

  it('is not used when it is missing, damaged, of another version or of another workspace', async () => {
    const dir = await tempDir('model');
    const file = modelPath(dir, '/work/news');
    expect(await loadModel(file, '/work/news')).toEqual({ problem: 'missing' });
    await saveModel(file, HEADER, MODEL);
    expect(await loadModel(file, '/work/elsewhere')).toEqual({ problem: 'other-workspace' });
    const bytes = await readFile(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 2] = flipped[flipped.length - 2]! ^ 0xff;
    await writeFile(file, flipped);
    expect(await loadModel(file, '/work/news')).toEqual({ problem: 'damaged' });
    await writeFile(file, bytes.subarray(0, bytes.length - 4));
    expect(await loadModel(file, '/work/news')).toEqual({ problem: 'damaged' });
    await writeFile(file, 'not a model at all');
    expect(await loadModel(file, '/work/news')).toEqual({ problem: 'damaged' });
    const text = bytes.toString('latin1');
    await writeFile(file, Buffer.from(text.replace('"version":1', '"version":99'), 'latin1'));
    expect(await loadModel(file, '/work/news')).toEqual({ problem: 'other-version' });
  });

  it("keeps the article order beside the model, and ignores an order made for another model", async () => {
    const dir = await tempDir('model');
    const file = orderPath(modelPath(dir, '/work/news'));
    await saveModel(modelPath(dir, '/work/news'), HEADER, MODEL);
    await saveOrder(file, 'f1', { 'a.txt': 0.4, 'b.txt': 0.9 });
    expect(await loadOrder(file, 'f1')).toEqual({ 'a.txt': 0.4, 'b.txt': 0.9 });
    expect(await loadOrder(file, 'f2')).toBeNull();
    await writeFile(file, '{"format":"pilcrow-learned-order","version":1,"fingerprint":"f1","uncertainty":{"a.txt":7,"b.txt":0.5}}');
    expect(await loadOrder(file, 'f1')).toEqual({ 'b.txt': 0.5 });
  });
});
