/**
 * The learned suggester in the app: the real handler table over a real Session with the learner's
 * worker thread (from source), on a generated site's workspace.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LearnOrderView, LearnStatusView } from '../../../../src-main/shared/contract/learn';
import type { ArticleSuggestionsView, SuggestSettingsView } from '../../../../src-main/shared/contract/suggest';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { modelPath } from '../../../../src-main/node/learn/model-file';
import { generateSite, type GeneratedSite } from '../../../bench/generator/site';
import { SOURCE_LEARN_WORKER } from '../../../support/workers';
import { openHandlerApp, type HandlerApp } from '../app/handler-app';
import { tempDir } from '../temp';

const open: HandlerApp[] = [];
afterEach(() => {
  for (const app of open.splice(0)) app.session.close();
});

/** learn.changed events, and a wait for the first one (from now on) that satisfies a condition. */
class Events {
  private seen: LearnStatusView[] = [];
  private waiters: { test: (s: LearnStatusView) => boolean; resolve: (s: LearnStatusView) => void }[] = [];
  push = (status: LearnStatusView) => {
    this.seen.push(status);
    this.waiters = this.waiters.filter((w) => (w.test(status) ? (w.resolve(status), false) : true));
  };
  next(test: (s: LearnStatusView) => boolean): Promise<LearnStatusView> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
  get states(): string[] {
    return this.seen.map((s) => s.state);
  }
}

async function app(options: { articles?: number; labelled?: number; worker?: boolean } = {}): Promise<{ call: HandlerApp['call']; events: Events; site: GeneratedSite; idOf: (path: string) => string; workspace: string; userData: string; session: HandlerApp['session'] }> {
  const dir = await tempDir('learn-app');
  const workspace = join(dir, 'ws');
  const userData = join(dir, 'user-data');
  const site = generateSite(workspace, { articles: options.articles ?? 28, labelled: options.labelled ?? 20 });
  const events = new Events();
  const handlerApp = await openHandlerApp({
    workspace,
    userData,
    annotator: 'sara',
    ...(options.worker === false ? {} : { learnWorker: SOURCE_LEARN_WORKER }),
    learnTimings: { afterOpenMs: 10, afterDecisionMs: 1000 },
    emit: (event, payload) => {
      if (event === 'learn.changed') events.push(payload as LearnStatusView);
    },
  });
  open.push(handlerApp);
  const state = await handlerApp.call<AppState>('app.init');
  const idOf = (path: string) => state.workspace!.articles.find((a) => a.path === path)!.id;
  return { call: handlerApp.call, events, site, idOf, workspace, userData, session: handlerApp.session };
}

const ready = (s: LearnStatusView) => s.state === 'ready';

describe('the learned suggester in the app', () => {
  it('trains after the workspace opens, then shows learned ghosts on an article nobody labelled, once per label beside the rules', async () => {
    const { call, events, site, idOf } = await app();
    const status = await events.next(ready);
    expect(status.model!.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['boilerplate', 'claim', 'quote']));
    expect(status.model!.current).toBe(true);
    const unlabelled = site.articles.find((a) => !a.labelled)!;
    const article = await call<ArticleView>('article.open', { articleId: idOf(unlabelled.path) });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id });
    const all = Object.values(view.paragraphs).flat();
    const learned = all.filter((s) => s.suggester === 'learned' || (s.reason.code === 'agreed' && s.reason.other.suggester === 'learned'));
    expect(learned.length).toBeGreaterThan(3);
    for (const list of Object.values(view.paragraphs)) expect(new Set(list.map((s) => s.label)).size).toBe(list.length);
    const own = all.find((s) => s.suggester === 'learned' && s.reason.code === 'learned')!;
    expect(own.reason).toMatchObject({ code: 'learned', examples: expect.any(Number) });
    // Nothing is decided by it.
    expect((await call<ArticleView>('article.open', { articleId: article.id })).decisions).toEqual({});
  });

  it('lists the learned suggester in the settings, and turning it off takes its ghosts away', async () => {
    const { call, events, site, idOf } = await app();
    await events.next(ready);
    const settings = await call<SuggestSettingsView>('suggest.settings', {});
    expect(settings.suggesters.find((s) => s.name === 'learned')).toMatchObject({ kind: 'learned', enabled: true });
    await call('suggest.settings', { enabled: { learned: false } });
    const articleId = idOf(site.articles.find((a) => !a.labelled)!.path);
    await call('article.open', { articleId });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId });
    expect(Object.values(view.paragraphs).flat().some((s) => s.suggester === 'learned' || s.reason.code === 'agreed')).toBe(false);
  });

  it('trains again, debounced, as decisions arrive', async () => {
    const { call, events, site, idOf } = await app();
    const first = await events.next(ready);
    const unlabelled = site.articles.find((a) => !a.labelled)!;
    const article = await call<ArticleView>('article.open', { articleId: idOf(unlabelled.path) });
    const retrained = events.next((s) => ready(s) && s.model?.trainedAt !== first.model?.trainedAt);
    for (const i of [1, 2, 3]) await call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[i]!.id, labels: unlabelled.truth[i]! });
    const after = await retrained;
    expect(after.model!.examples).toBe(first.model!.examples + 3);
    // One training for the burst of three keys.
    expect(events.states.filter((s) => s === 'training').length).toBe(2);
  });

  it("orders the articles most uncertain first, leaving out those with nothing left to decide", async () => {
    const { call, events, site, idOf } = await app();
    await events.next(ready);
    const deadline = Date.now() + 30_000;
    let order: LearnOrderView = { uncertainty: {} };
    while (Object.keys(order.uncertainty).length === 0 && Date.now() < deadline) {
      await events.next((s) => s.state === 'ready');
      order = await call<LearnOrderView>('learn.order', {});
    }
    const ids = Object.keys(order.uncertainty);
    expect(new Set(ids)).toEqual(new Set(site.articles.filter((a) => !a.labelled).map((a) => idOf(a.path))));
    for (const value of Object.values(order.uncertainty)) expect(value).toBeGreaterThanOrEqual(0);
  });

  it('measures itself by article in the background and reports the learning curve', async () => {
    const { call, events } = await app({ articles: 24, labelled: 24 });
    await events.next(ready);
    const measured = events.next((s) => s.evaluation.state === 'ready' || s.evaluation.state === 'failed');
    const started = await call<LearnStatusView>('learn.evaluate', { against: 'editor' });
    expect(started.evaluation.state).toBe('running');
    const done = await measured;
    expect(done.evaluation).toMatchObject({ state: 'ready', against: 'editor', folds: 5, articles: 24 });
    expect(done.evaluation.curve!.map((p) => p.articles)).toEqual([5, 10, 19]);
    expect(done.layers).toEqual(['editor']);
  });

  it('rebuilds a damaged kept model, and opens the workspace without waiting for it', async () => {
    const first = await app();
    await first.events.next(ready);
    first.session.close();
    const file = modelPath(first.userData, first.session.workspace!.root);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, 'damaged');
    const events = new Events();
    const again = await openHandlerApp({ workspace: first.workspace, userData: first.userData, annotator: 'sara', learnWorker: SOURCE_LEARN_WORKER, learnTimings: { afterOpenMs: 10, afterDecisionMs: 1000 }, emit: (e, p) => e === 'learn.changed' && events.push(p as LearnStatusView) });
    open.push(again);
    const state = await again.call<AppState>('app.init');
    expect(state.workspace!.articles.length).toBe(28);
    const rebuilt = await events.next(ready);
    expect(rebuilt.model!.current).toBe(true);
  });

  it('is off, and the suggestions work as before, in a window without the worker', async () => {
    const { call, site, idOf } = await app({ worker: false });
    expect((await call<LearnStatusView>('learn.status', {})).state).toBe('off');
    const settings = await call<SuggestSettingsView>('suggest.settings', {});
    expect(settings.suggesters.some((s) => s.name === 'learned')).toBe(false);
    const articleId = idOf(site.articles[0]!.path);
    await call('article.open', { articleId });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId });
    expect(Object.values(view.paragraphs).flat().length).toBeGreaterThan(0);
  });
});
