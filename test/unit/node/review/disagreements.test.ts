import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../../src-main/shared/views';
import type { DisagreementView } from '../../../../src-main/shared/contract/review';
import { writeLayer } from '../../../support/layers';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

async function setup() {
  const { workspace, userData } = await sampleCopy();
  const { call } = await openHandlerApp({ workspace, userData, annotator: 'reviewer' });
  const state = await call<AppState>('app.init');
  const articles = state.workspace!.articles.map((a) => ({ id: a.id, path: a.path }));
  const idOf = (path: string) => articles.find((a) => a.path === path)!.id;
  return { workspace, call, articles, idOf };
}

describe('disagreements across the workspace', () => {
  it('goes to the next article where two annotators decided a paragraph differently, skipping agreed and one-sided ones, and wraps round', async () => {
    const { workspace, call, articles, idOf } = await setup();
    const [first, second, third, fourth] = articles.map((a) => a.path);
    await writeLayer(workspace, 'sara', first!, [['claim'], ['quote']]);
    await writeLayer(workspace, 'omid', first!, [['claim'], ['quote']]); // all agree
    await writeLayer(workspace, 'sara', second!, [['claim']]); // only sara decided
    await writeLayer(workspace, 'sara', third!, [['claim'], ['quote'], ['ad']]);
    await writeLayer(workspace, 'omid', third!, [['claim'], null, ['claim']]); // ¶1 one-sided, ¶2 differs
    await writeLayer(workspace, 'sara', fourth!, [['quote', 'claim']]);
    await writeLayer(workspace, 'omid', fourth!, [['claim', 'quote']]); // the same set in another order
    const next = await call<DisagreementView>('review.nextDisagreement', { annotators: ['sara', 'omid'], after: idOf(first!) });
    expect(next).toMatchObject({ articleId: idOf(third!), path: third, index: 2, decisions: { sara: ['ad'], omid: ['claim'] } });
    // From the article after it, round the end and back to it (its own disagreement, last of all).
    expect(await call('review.nextDisagreement', { annotators: ['sara', 'omid'], after: idOf(third!) })).toMatchObject({ articleId: idOf(third!), index: 2 });
    expect(await call('review.nextDisagreement', { annotators: ['sara', 'omid'] })).toMatchObject({ articleId: idOf(third!) });
  });

  it('counts a "none" from an article marked done against a label, and leaves out paragraphs gold already answers', async () => {
    const { workspace, call, articles, idOf } = await setup();
    const path = articles[0]!.path;
    await writeLayer(workspace, 'sara', path, [['claim'], null, ['quote']], 'done');
    await writeLayer(workspace, 'omid', path, [['claim'], ['ad'], ['claim']]);
    const listed = await call<{ items: DisagreementView[]; more: boolean }>('review.disagreements', { annotators: ['sara', 'omid'], limit: 10 });
    expect(listed.items.map((d) => [d.path, d.index, d.decisions])).toEqual([
      [path, 1, { sara: [], omid: ['ad'] }],
      [path, 2, { sara: ['quote'], omid: ['claim'] }],
    ]);
    expect(listed.items[0]!.excerpt.length).toBeGreaterThan(0);
    await call('review.setGold', { articleId: idOf(path), paragraphId: listed.items[0]!.paragraphId, labels: ['ad'], took: 'annotator:omid' });
    const after = await call<{ items: DisagreementView[] }>('review.disagreements', { annotators: ['sara', 'omid'], limit: 10 });
    expect(after.items.map((d) => d.index)).toEqual([2]);
  });

  it('lists at most the limit and says there are more; says null when nothing disagrees', async () => {
    const { workspace, call, articles } = await setup();
    const path = articles[1]!.path;
    await writeLayer(workspace, 'sara', path, [['claim'], ['claim'], ['claim']]);
    await writeLayer(workspace, 'omid', path, [['quote'], ['quote'], ['claim']]);
    expect(await call('review.disagreements', { annotators: ['sara', 'omid'], limit: 1 })).toMatchObject({ items: [{ index: 0 }], more: true });
    expect(await call('review.disagreements', { annotators: ['sara', 'omid'], limit: 2 })).toMatchObject({ items: [{ index: 0 }, { index: 1 }], more: false });
    await writeLayer(workspace, 'omid', path, [['claim'], ['claim'], ['claim']]);
    expect(await call('review.nextDisagreement', { annotators: ['sara', 'omid'] })).toBeNull();
    await expect(call('review.nextDisagreement', { annotators: ['sara', 'zed'] })).rejects.toThrow(/unknown-annotator/);
  });
});
