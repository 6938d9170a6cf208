import { describe, expect, it } from 'vitest';
import { articleIdFor } from '../../../../src-main/node/workspace/article-id';
import type { WorkspaceAgreement } from '../../../../src-main/shared/contract/review';
import type { ArticleView } from '../../../../src-main/shared/views';
import { writeLayer } from '../../../support/layers';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

const ARTICLE = 'fa/school-semnan.txt';

async function setup() {
  const { workspace, userData } = await sampleCopy();
  await writeLayer(workspace, 'omid', ARTICLE, [['claim'], ['quote'], ['ad']]);
  await writeLayer(workspace, 'neda', ARTICLE, [['claim'], ['quote'], ['ad']]);
  const { session, call } = await openHandlerApp({ workspace, userData, annotator: 'sara' });
  await call('app.init');
  const agreement = (annotators: string[]) => call<WorkspaceAgreement>('review.agreement', { annotators });
  return { workspace, session, call, agreement };
}

describe('agreement on kept tallies (issue 8)', () => {
  it('gives the same report again, and a teammate layer changed on disk counts at the next call', async () => {
    const { workspace, session, agreement } = await setup();
    const first = await agreement(['omid', 'neda']);
    expect(first).toMatchObject({ items: 3, percent_agreement: 1 });
    expect(await agreement(['omid', 'neda'])).toEqual(first);
    // A sync tool delivers neda's new answers: no call into the app tells it.
    await writeLayer(workspace, 'neda', ARTICLE, [['claim'], ['claim'], ['ad']]);
    expect((await agreement(['omid', 'neda'])).percent_agreement).toBeCloseTo(2 / 3);
    session.close();
  });

  it("counts this annotator's new label and a reviewer's gold answer at once", async () => {
    const { session, call, agreement } = await setup();
    const articleId = articleIdFor(ARTICLE);
    const opened = await call<ArticleView>('article.open', { articleId });
    await call('labels.set', { articleId, paragraphId: opened.paragraphs[0]!.id, labels: ['claim'] });
    await call('labels.set', { articleId, paragraphId: opened.paragraphs[1]!.id, labels: ['quote'] });
    const before = await agreement(['sara', 'omid']);
    expect(before).toMatchObject({ items: 2, percent_agreement: 1 });
    await call('labels.set', { articleId, paragraphId: opened.paragraphs[1]!.id, labels: ['ad'] });
    expect(await agreement(['sara', 'omid'])).toMatchObject({ items: 2, percent_agreement: 0.5 });

    await call('review.setGold', { articleId, paragraphId: opened.paragraphs[0]!.id, labels: ['ad'], took: 'new' });
    const withGold = await agreement(['sara', 'omid']);
    expect(withGold.gold?.map((g) => g.annotator)).toEqual(['sara', 'omid']);
    await call('review.setGold', { articleId, paragraphId: opened.paragraphs[0]!.id, labels: ['claim'], took: 'new' });
    expect(await agreement(['sara', 'omid'])).not.toEqual(withGold);
    session.close();
  });
});
