/** The learner's jobs run in a real worker thread (from the TypeScript source), on real temp workspaces. */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyAnnotationFile } from '../../../../src-main/node/annotations/schema';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { loadModel, loadOrder, orderPath } from '../../../../src-main/node/learn/model-file';
import { LearnWorker, LearnWorkerError } from '../../../../src-main/node/learn/worker-host';
import { EditorActivity } from '../../../../src-main/node/threads/editor-activity';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { generateSite } from '../../../bench/generator/site';
import { SOURCE_LEARN_WORKER } from '../../../support/workers';
import { tempDir } from '../temp';

const LABELS = ['quote', 'claim', 'boilerplate', 'ad'];
const worker = new LearnWorker(SOURCE_LEARN_WORKER);
afterAll(() => worker.close());

async function site(articles: number, labelled: number): Promise<{ root: string; userData: string }> {
  const dir = await tempDir('learn');
  generateSite(join(dir, 'ws'), { articles, labelled });
  return { root: (await Workspace.open(join(dir, 'ws'))).root, userData: join(dir, 'user-data') };
}

describe('training in the worker thread', () => {
  it('trains, keeps the model and the article order in user data, says when the model is saved, and does not train again while nothing changed', async () => {
    const { root, userData } = await site(20, 8);
    const stages: string[] = [];
    const first = await worker.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1 }, (p) => stages.push(p.stage));
    if (first.kind !== 'train') throw new Error('not a training');
    const r = first.report;
    expect(r.state).toBe('trained');
    expect(stages).toEqual(['model-saved']);
    expect(r.examples).toBeGreaterThan(100);
    expect(r.articles).toBe(8);
    expect(r.workspaceArticles).toBe(20);
    expect(r.labels.map((l) => l.name)).toContain('boilerplate');
    const stored = await loadModel(r.file, root);
    expect('header' in stored && stored.header.fingerprint).toBe(r.fingerprint);
    const order = await loadOrder(orderPath(r.file), r.fingerprint);
    expect(Object.keys(order ?? {}).length).toBe(r.ordered);
    expect(r.ordered).toBeGreaterThanOrEqual(12);
    const again = await worker.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1 });
    expect(again.kind === 'train' && again.report.state).toBe('current');
    const forced = await worker.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1, force: true });
    expect(forced.kind === 'train' && forced.report.state).toBe('trained');
  });

  it('trains again after a new decision, and rebuilds a damaged model', async () => {
    const { root, userData } = await site(14, 6);
    const job = { kind: 'train' as const, root, userDataDir: userData, labels: LABELS, seed: 1 };
    const first = await worker.run(job);
    if (first.kind !== 'train') throw new Error('not a training');
    const path = 'aftab/1403-08/0007.txt';
    const ws = await Workspace.open(root);
    const id = ws.idOfPath(path)!;
    const entry = await ws.entry(id);
    if (!entry.ok) throw new Error(entry.error);
    const layer = emptyAnnotationFile(path, 'reza');
    layer.paragraphs[entry.article.paragraphs[1]!.id] = { index: 1, labels: ['quote'], updated_at: new Date().toISOString() };
    const file = annotationFilePath(root, 'reza', path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, JSON.stringify(layer));
    const second = await worker.run(job);
    expect(second.kind === 'train' && second.report.state).toBe('trained');
    expect(second.kind === 'train' && second.report.fingerprint).not.toBe(first.report.fingerprint);
    await writeFile(first.report.file, (await readFile(first.report.file)).subarray(0, 100));
    const third = await worker.run(job);
    expect(third.kind === 'train' && third.report.state).toBe('trained');
    expect('header' in (await loadModel(first.report.file, root))).toBe(true);
  });

  it('keeps no model while no label has 20 decided paragraphs, and removes one of decisions since undone', async () => {
    const { root, userData } = await site(10, 6);
    const job = { kind: 'train' as const, root, userDataDir: userData, labels: LABELS, seed: 1 };
    const trained = await worker.run(job);
    if (trained.kind !== 'train') throw new Error('not a training');
    expect(trained.report.state).toBe('trained');
    await rm(join(root, '.pilcrow', 'annotations'), { recursive: true });
    const none = await worker.run(job);
    expect(none.kind === 'train' && none.report.state).toBe('too-few');
    expect(none.kind === 'train' && none.report.skipped.map((s) => s.positives)).toEqual([0, 0, 0, 0]);
    expect(await loadModel(trained.report.file, root)).toEqual({ problem: 'missing' });
  });

  it("cross-validates by article in the worker, and names the layers there are when asked for one that is not", async () => {
    const { root } = await site(12, 12);
    const settings = { enabled: {}, thresholds: {} };
    const result = await worker.run({ kind: 'evaluate', root, labels: LABELS, against: 'editor', folds: 3, seed: 1, settings });
    if (result.kind !== 'evaluate') throw new Error('not an evaluation');
    expect(result.report.folds).toBe(3);
    expect(result.report.articles).toBe(12);
    expect(result.report.curve.at(-1)!.all).toBe(true);
    const error = await worker.run({ kind: 'evaluate', root, labels: LABELS, against: 'nobody', folds: 3, seed: 1, settings }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnWorkerError);
    expect((error as LearnWorkerError).kind).toBe('UnknownLayerError');
    expect((error as Error).message).toMatch(/no layer named "nobody" in .* \(layers here: editor\)/);
  });

  it("waits while the editor's requests come, and trains once they have stopped for 1.5 s", async () => {
    const activity = new EditorActivity();
    const yielding = new LearnWorker(SOURCE_LEARN_WORKER, { editorActivity: activity.buffer });
    try {
      const { root, userData } = await site(6, 3);
      // The thread has started (and seen the count) before the requests come.
      await yielding.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1 });
      let left = 10;
      let lastRequest = 0;
      const requests = setInterval(() => {
        activity.touch();
        lastRequest = performance.now();
        if (--left === 0) clearInterval(requests);
      }, 50);
      activity.touch();
      const result = await yielding.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1, force: true });
      const finished = performance.now();
      if (result.kind !== 'train') throw new Error('not a training');
      expect(result.report.state).toBe('trained');
      expect(left).toBe(0);
      expect(finished - lastRequest).toBeGreaterThanOrEqual(1500);
      expect(result.report.timings.editorWaitMs).toBeGreaterThanOrEqual(1500);
    } finally {
      await yielding.close();
    }
  });

  it('trains without waiting where nobody edits (the CLI gives no editor activity)', async () => {
    const { root, userData } = await site(4, 2);
    const result = await worker.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1 });
    if (result.kind !== 'train') throw new Error('not a training');
    expect(result.report.timings.editorWaitMs).toBe(0);
  });

  it.skipIf(process.platform !== 'linux')('runs at the lowest priority, so the app\'s own threads go first on a busy machine', async () => {
    const { root, userData } = await site(4, 2);
    await worker.run({ kind: 'train', root, userDataDir: userData, labels: LABELS, seed: 1 });
    const tasks = await readdir('/proc/self/task');
    const nice = await Promise.all(tasks.map(async (t) => Number((await readFile(`/proc/self/task/${t}/stat`, 'utf8')).split(') ')[1]!.split(' ')[16])));
    expect(nice).toContain(19);
    expect(Number((await readFile('/proc/self/stat', 'utf8')).split(') ')[1]!.split(' ')[16])).not.toBe(19);
  });
});
