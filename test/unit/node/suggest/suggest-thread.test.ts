/**
 * The app reads an article's cues in the suggester's worker thread (node/suggest/suggest-thread.ts),
 * so an article that takes seconds to suggest never holds up a key's save or another request
 * (issue 21). Order of answers, not time: without the thread the save waits for the suggestions.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CUE_LIMIT } from '../../../../src-main/core/suggest/cue-limit';
import type { ArticleSuggestionsView } from '../../../../src-main/shared/contract/suggest';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { SOURCE_SUGGEST_WORKER } from '../../../support/workers';
import { openHandlerApp, type HandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

const opened: HandlerApp[] = [];
afterAll(async () => {
  for (const app of opened) app.session.close();
});

/** Many paragraphs just under the cue limit, thick with quotes, numbers and verbs of saying: seconds of cues. */
function heavyArticle(paragraphs: number): string {
  const sentence = 'وزیر گفت: «قیمت‌ها ۲۵ درصد بیشتر از سال گذشته شد» و به گفته او ۱۲۰۰ خانوار در تهران منتظرند. ';
  const paragraph = sentence.repeat(Math.floor((CUE_LIMIT - 100) / sentence.length));
  return ['عنوان خبر', ...Array.from({ length: paragraphs }, () => paragraph)].join('\n\n');
}

async function appWithHeavyArticle(worker: boolean) {
  const { workspace, userData } = await sampleCopy();
  await writeFile(join(workspace, 'heavy.txt'), heavyArticle(100));
  const app = await openHandlerApp({ workspace, userData, annotator: 'sara', ...(worker ? { suggestWorker: SOURCE_SUGGEST_WORKER } : {}) });
  opened.push(app);
  const state = await app.call<AppState>('app.init');
  const idOf = (path: string) => state.workspace!.articles.find((a) => a.path === path)!.id;
  const heavy = await app.call<ArticleView>('article.open', { articleId: idOf('heavy.txt') });
  const small = await app.call<ArticleView>('article.open', { articleId: idOf('en/harbour-wind.txt') });
  // The line index is built (every article read) before the race: only the cues are left.
  await app.call('suggest.settings', {});
  return { app, heavy, small };
}

/** Asks for the heavy article's suggestions and, at once, saves a label elsewhere; the order the answers came in. */
async function race(worker: boolean): Promise<{ order: string[]; view: ArticleSuggestionsView }> {
  const { app, heavy, small } = await appWithHeavyArticle(worker);
  const order: string[] = [];
  const suggested = app.call<ArticleSuggestionsView>('suggest.article', { articleId: heavy.id }).then((view) => (order.push('suggestions'), view));
  const saved = app.call('labels.set', { articleId: small.id, paragraphId: small.paragraphs[1]!.id, labels: ['quote'] }).then(() => order.push('save'));
  const [view] = await Promise.all([suggested, saved]);
  return { order, view };
}

describe("the suggester's worker thread", () => {
  it('answers a save while a heavy article is being suggested, and the suggestions are the same as in this thread', { timeout: 120_000 }, async () => {
    const threaded = await race(true);
    expect(threaded.order).toEqual(['save', 'suggestions']);
    const inline = await race(false);
    // In one thread the cues hold the event loop: the save is answered only after them.
    expect(inline.order).toEqual(['suggestions', 'save']);
    expect(Object.keys(threaded.view.paragraphs).length).toBe(100);
    expect(threaded.view.paragraphs).toEqual(inline.view.paragraphs);
  });
});
