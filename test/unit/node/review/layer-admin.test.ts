import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayersView, RemovedLayerView, ReviewArticle } from '../../../../src-main/shared/contract/review';
import type { AppState } from '../../../../src-main/shared/views';
import { runCli } from '../../../../src-main/cli/pilcrow';
import { writeLayer } from '../../../support/layers';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

const A = 'fa/water-tehran.txt';
const B = 'fa/school-semnan.txt';

async function setup() {
  const { workspace, userData } = await sampleCopy();
  const { call } = await openHandlerApp({ workspace, userData, annotator: 'lead' });
  const state = await call<AppState>('app.init');
  const idOf = (path: string) => state.workspace!.articles.find((a) => a.path === path)!.id;
  const decisions = async (annotator: string, path = A) =>
    (await call<ReviewArticle>('review.article', { articleId: idOf(path), annotators: [annotator] })).paragraphs.slice(0, 4).map((p) => p.decisions[annotator]);
  const layersDir = join(workspace, '.pilcrow', 'annotations');
  return { workspace, call, decisions, layersDir };
}

describe('managing annotator layers', () => {
  it('renames a typo’d layer: every decision under the new name, the old one set aside and restorable', async () => {
    const { call, decisions, layersDir, workspace } = await setup();
    await writeLayer(workspace, 'sarah', A, [['claim'], ['quote']]);
    await writeLayer(workspace, 'sarah', B, [['ad']]);
    const moved = await call<RemovedLayerView>('layers.rename', { from: 'sarah', to: 'sara' });
    expect(moved).toMatchObject({ annotator: 'sarah', how: 'renamed', to: 'sara', removedBy: 'lead' });
    expect(await decisions('sara')).toEqual([['claim'], ['quote'], null, null]);
    expect(await decisions('sara', B)).toEqual([['ad'], null, null, null]);
    expect(JSON.parse(await readFile(join(layersDir, 'sara', `${A}.json`), 'utf8')).annotator).toBe('sara');
    expect((await readdir(layersDir)).sort()).toEqual(['sara']);
    // The old layer's files are kept byte for byte beside a record of what happened.
    const kept = join(workspace, '.pilcrow', 'removed-layers', moved.id);
    expect(JSON.parse(await readFile(join(kept, 'layer', `${A}.json`), 'utf8')).annotator).toBe('sarah');
    expect(JSON.parse(await readFile(join(kept, 'removed.json'), 'utf8'))).toMatchObject({ annotator: 'sarah', how: 'renamed', to: 'sara', removed_by: 'lead' });
    const view = await call<LayersView>('layers.list');
    expect(view.layers).toEqual([{ name: 'sara', articles: 2 }]);
    expect(view.removed.map((r) => r.id)).toEqual([moved.id]);
    await expect(call('layers.rename', { from: 'sara', to: 'gold' })).rejects.toThrow(/gold is the reviewers' layer/);
    await expect(call('layers.remove', { name: 'lead' })).rejects.toThrow(/unknown|is you in this app|no layer/i);
    // Restore brings sarah back as she was; a second restore is refused.
    expect(await call('layers.restore', { id: moved.id })).toEqual({ annotator: 'sarah' });
    expect(await decisions('sarah')).toEqual([['claim'], ['quote'], null, null]);
    expect((await call<LayersView>('layers.list')).removed).toEqual([]);
    await expect(call('layers.restore', { id: moved.id })).rejects.toThrow(/restored already|exists already/);
  });

  it('merges a layer into another: fills what the target has not decided, keeps the target’s decision where they differ and reports each such paragraph', async () => {
    const { call, decisions, workspace } = await setup();
    await writeLayer(workspace, 'sara', A, [['claim'], null, ['quote']]);
    await writeLayer(workspace, 'sara2', A, [['claim'], ['ad'], ['claim'], ['quote']]);
    await writeLayer(workspace, 'sara2', B, [['boilerplate']]);
    await expect(call('layers.merge', { from: 'sara', into: 'sara' })).rejects.toThrow(/into itself/);
    const merged = await call<RemovedLayerView>('layers.merge', { from: 'sara2', into: 'sara' });
    expect(merged.conflicts).toEqual([{ article: A, paragraph: expect.stringMatching(/^p/), index: 2, from: ['claim'], into: ['quote'] }]);
    expect(await decisions('sara')).toEqual([['claim'], ['ad'], ['quote'], ['quote']]);
    expect(await decisions('sara', B)).toEqual([['boilerplate'], null, null, null]);
    expect((await call<LayersView>('layers.list')).removed[0]).toMatchObject({ annotator: 'sara2', how: 'merged', to: 'sara', conflicts: [{ index: 2 }] });
    await expect(call('layers.merge', { from: 'nobody', into: 'sara' })).rejects.toThrow(/no layer nobody/i);
  });

  it('removes a layer recoverably, and the CLI does the same', async () => {
    const { call, workspace } = await setup();
    await writeLayer(workspace, 'omid', A, [['claim']]);
    await writeLayer(workspace, 'neda', A, [['quote']]);
    const removed = await call<RemovedLayerView>('layers.remove', { name: 'omid' });
    expect((await call<{ annotators: string[] }>('review.annotators')).annotators).toEqual(['neda']);
    const out: string[] = [];
    const cli = (...args: string[]) => runCli(['layers', workspace, ...args], { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(await cli()).toBe(0);
    expect(out.join('\n')).toContain(removed.id);
    expect(await cli('remove', 'neda')).toBe(0);
    expect(await cli('restore', removed.id)).toBe(0);
    expect((await call<{ annotators: string[] }>('review.annotators')).annotators).toEqual(['omid']);
    expect(await cli('rename', 'omid', 'gold')).toBe(1);
  });
});
