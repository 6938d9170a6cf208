/**
 * An article's learned ghosts are scored in the suggester's worker thread with its rule cues, not
 * in main's thread: scoring a 2,000-paragraph article is 60–90 ms of CPU, and a save waiting on
 * main's thread meanwhile is what "keys while training" caught (docs/performance.md). Counted, not
 * timed: this thread's suggestionsById (an article's ghosts) is watched; the worker threads load
 * their own copy.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LearnStatusView } from '../../../../src-main/shared/contract/learn';
import type { ArticleSuggestionsView } from '../../../../src-main/shared/contract/suggest';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { generateSite } from '../../../bench/generator/site';
import { SOURCE_LEARN_WORKER, SOURCE_SUGGEST_WORKER } from '../../../support/workers';
import { openHandlerApp, type HandlerApp } from '../app/handler-app';
import { tempDir } from '../temp';

const scored = vi.hoisted(() => ({ inThisThread: 0 }));
vi.mock('../../../../src-main/core/learn/score', async (original) => {
  const actual = await original<typeof import('../../../../src-main/core/learn/score')>();
  return {
    ...actual,
    suggestionsById: (...args: Parameters<typeof actual.suggestionsById>) => {
      scored.inThisThread += 1;
      return actual.suggestionsById(...args);
    },
  };
});

const open: HandlerApp[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.session.close();
});

/** A trained app on a generated site; `suggestWorker`: with the suggester's thread, as the app runs. */
async function trainedApp(suggestWorker: boolean) {
  const dir = await tempDir('learn-scoring');
  const workspace = join(dir, 'ws');
  const site = generateSite(workspace, { articles: 24, labelled: 20 });
  let ready: () => void = () => {};
  const trained = new Promise<void>((resolve) => (ready = resolve));
  const app = await openHandlerApp({
    workspace,
    userData: join(dir, 'user-data'),
    annotator: 'sara',
    learnWorker: SOURCE_LEARN_WORKER,
    ...(suggestWorker ? { suggestWorker: SOURCE_SUGGEST_WORKER } : {}),
    learnTimings: { afterOpenMs: 10, afterDecisionMs: 60_000 },
    emit: (event, payload) => {
      if (event === 'learn.changed' && (payload as LearnStatusView).state === 'ready') ready();
    },
  });
  open.push(app);
  // The app's start; the learner trains a moment after it.
  const state = await app.call<AppState>('app.init');
  await trained;
  const path = site.articles.find((a) => !a.labelled)!.path;
  const article = await app.call<ArticleView>('article.open', { articleId: state.workspace!.articles.find((a) => a.path === path)!.id });
  return { app, article };
}

const learnedIn = (view: ArticleSuggestionsView) =>
  Object.values(view.paragraphs)
    .flat()
    .filter((s) => s.suggester === 'learned' || (s.reason.code === 'agreed' && s.reason.other.suggester === 'learned'));

describe("the learned suggester's scoring", () => {
  it("scores an article in the suggester's thread, never in main's, with the same ghosts as in one thread", { timeout: 180_000 }, async () => {
    const threaded = await trainedApp(true);
    scored.inThisThread = 0;
    const inWorker = await threaded.app.call<ArticleSuggestionsView>('suggest.article', { articleId: threaded.article.id });
    expect(scored.inThisThread).toBe(0);
    expect(learnedIn(inWorker).length).toBeGreaterThan(3);

    // Without the suggester's thread (the CLI, most handler tests) the same job runs here.
    const inline = await trainedApp(false);
    const here = await inline.app.call<ArticleSuggestionsView>('suggest.article', { articleId: inline.article.id });
    expect(scored.inThisThread).toBe(1);
    expect(here.paragraphs).toEqual(inWorker.paragraphs);
  });
});
