import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleSuggestionsView, SuggestSettingsView } from '../../../../src-main/shared/contract/suggest';
import type { AppState, ArticleView } from '../../../../src-main/shared/views';
import { SOURCE_SUGGEST_WORKER } from '../../../support/workers';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy } from '../temp';

async function app(workspace: string, userData: string, options: { thread?: boolean } = {}) {
  const { session, call } = await openHandlerApp({ workspace, userData, annotator: 'sara', ...(options.thread ? { suggestWorker: SOURCE_SUGGEST_WORKER } : {}) });
  const state = await call<AppState>('app.init');
  const idOf = (path: string) => state.workspace!.articles.find((a) => a.path === path)!.id;
  return { call, idOf, session };
}

describe('suggest channels', () => {
  it('gives an article\'s suggestions by paragraph id, with readable reasons, at the default thresholds', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, idOf } = await app(workspace, userData);
    const article = await call<ArticleView>('article.open', { articleId: idOf('fa/water-tehran.txt') });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id });
    expect(view.problems).toEqual([]);
    const at = (i: number) => view.paragraphs[article.paragraphs[i]!.id]?.map((s) => s.label);
    expect(at(5)).toEqual(['quote', 'claim']);
    expect(at(8)).toEqual(['boilerplate']);
    expect(at(9)).toEqual(['boilerplate']);
    expect(at(17)).toEqual(['ad']);
    expect(view.paragraphs[article.paragraphs[9]!.id]![0]!.reason).toEqual({ code: 'repeated-navigation', place: 'after-marker', word: 'پربیننده', repeats: 3, articles: 5 });
    // Suggestions are offered, never saved as labels.
    expect((await call<ArticleView>('article.open', { articleId: article.id })).decisions).toEqual({});
  });

  it.each([
    ['in this thread', false],
    ["in the suggester's worker thread", true],
  ])('keeps a renamed label\'s suggestions and threshold %s: quote → quotation still gets the quote cues\' suggestions', { timeout: 120_000 }, async (_where, thread) => {
    const { workspace, userData } = await sampleCopy();
    const { call, idOf } = await app(workspace, userData, { thread });
    await call('suggest.settings', { thresholds: { quote: 0.8 } });
    await call('schema.edit', { edit: { op: 'rename', from: 'quote', to: 'quotation' } });
    const article = await call<ArticleView>('article.open', { articleId: idOf('fa/water-tehran.txt') });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id });
    const labels = Object.values(view.paragraphs).flat();
    expect(labels.filter((s) => s.label === 'quotation').length).toBeGreaterThan(0);
    expect(labels.some((s) => s.label === 'quote')).toBe(false);
    expect(labels.filter((s) => s.label === 'quotation').every((s) => s.score >= 0.8)).toBe(true);
    const settings = await call<SuggestSettingsView>('suggest.settings', {});
    expect(settings.thresholds).toEqual({ quotation: 0.8, claim: 0.5, boilerplate: 0.5, ad: 0.5 });
    // suggest.json keeps the threshold under the label's id: the rename did not touch it.
    expect(JSON.parse(await readFile(join(workspace, '.pilcrow', 'suggest.json'), 'utf8')).thresholds).toEqual({ quote: 0.8 });
    // A new label that takes the old name is another label: the quote cues keep meaning "quotation".
    await call('schema.edit', { edit: { op: 'add', label: { name: 'quote', color: '#000000', key: '', description: '' } } });
    const again = Object.values((await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id })).paragraphs).flat();
    expect(again.some((s) => s.label === 'quote')).toBe(false);
    expect(again.some((s) => s.label === 'quotation')).toBe(true);
  });

  it('saves settings in .pilcrow/suggest.json and applies them: a suggester off, a threshold raised', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, idOf } = await app(workspace, userData);
    const initial = await call<SuggestSettingsView>('suggest.settings', {});
    expect(initial.suggesters.map((s) => [s.name, s.enabled])).toEqual([['repeated', true], ['ad-cues', true], ['quote-cues', true], ['claim-cues', true], ['page-structure', true]]);
    expect(initial.thresholds).toEqual({ quote: 0.5, claim: 0.5, boilerplate: 0.5, ad: 0.5 });
    const changed = await call<SuggestSettingsView>('suggest.settings', { enabled: { 'ad-cues': false }, thresholds: { claim: 0.88 } });
    expect(changed.suggesters.find((s) => s.name === 'ad-cues')?.enabled).toBe(false);
    expect(changed.thresholds.claim).toBe(0.88);
    expect(JSON.parse(await readFile(join(workspace, '.pilcrow', 'suggest.json'), 'utf8'))).toEqual({ version: 1, enabled: { 'ad-cues': false }, thresholds: { claim: 0.88 } });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId: idOf('fa/water-tehran.txt') });
    const all = Object.values(view.paragraphs).flat();
    expect(all.some((s) => s.label === 'ad')).toBe(false);
    expect(all.filter((s) => s.label === 'claim').every((s) => s.score >= 0.88)).toBe(true);
    expect(all.some((s) => s.label === 'claim')).toBe(true);
    await expect(call('suggest.settings', { thresholds: { opinion: 0.5 } })).rejects.toThrow(/unknown-label: "opinion" is not a label of this workspace/);
    await expect(call('suggest.settings', { thresholds: { claim: 1.5 } })).rejects.toThrow(/bad-request/);
  });

  it('shows the workspace\'s model predictions as a layer and reports the records that match nothing', async () => {
    const { workspace, userData } = await sampleCopy();
    await mkdir(join(workspace, '.pilcrow', 'predictions'), { recursive: true });
    const lines = [
      { article: 'en/harbour-wind.txt', paragraph: 5, labels: ['claim'], score: 0.7 },
      { article: 'en/nowhere.txt', paragraph: 0, labels: ['quote'] },
    ];
    await writeFile(join(workspace, '.pilcrow', 'predictions', 'roberta-news.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    const { call, idOf } = await app(workspace, userData);
    const article = await call<ArticleView>('article.open', { articleId: idOf('en/harbour-wind.txt') });
    const view = await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id });
    expect(view.paragraphs[article.paragraphs[5]!.id]).toContainEqual({ label: 'claim', score: 0.7, suggester: 'model:roberta-news', reason: { code: 'model', model: 'roberta-news', score: 0.7 } });
    expect(view.problems).toEqual(['roberta-news.jsonl line 2: no article "en/nowhere.txt" in the workspace (paths are workspace-relative, with /)']);
    const settings = await call<SuggestSettingsView>('suggest.settings', {});
    expect(settings.suggesters.at(-1)).toMatchObject({ name: 'model:roberta-news', kind: 'model', enabled: true });
  });

  it('follows the workspace as files change: a new article that repeats a line makes it recur', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, idOf, session } = await app(workspace, userData);
    const id = idOf('fa/school-semnan.txt');
    const article = await call<ArticleView>('article.open', { articleId: id });
    const line = article.paragraphs[9]!; // «اخبار روز ایران», in this article only
    const before = await call<ArticleSuggestionsView>('suggest.article', { articleId: id });
    expect(before.paragraphs[line.id]![0]!.score).toBe(0.75);
    await writeFile(join(workspace, 'fa', 'extra.txt'), ['خبر تازه از استان', 'متن خبر در یک جمله بلند که بیش از هشت کلمه دارد و خبر است.', 'انتهای پیام/ش', 'اخبار روز ایران'].join('\n'));
    await session.workspace!.sync();
    const after = await call<ArticleSuggestionsView>('suggest.article', { articleId: id });
    expect(after.paragraphs[line.id]![0]!.reason).toMatchObject({ repeats: 2, articles: 6 });
  });
});

describe('suggest channels and file changes', () => {
  it('re-indexes an article whose file changed: a line it no longer has stops recurring', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, idOf, session } = await app(workspace, userData);
    const id = idOf('fa/rail-isfahan.txt');
    const article = await call<ArticleView>('article.open', { articleId: id });
    const economy = article.paragraphs[9]!; // «اخبار روز اقتصادی», also in water-tehran
    expect((await call<ArticleSuggestionsView>('suggest.article', { articleId: id })).paragraphs[economy.id]![0]!.reason).toMatchObject({ repeats: 2, articles: 5 });
    const water = join(workspace, 'fa', 'water-tehran.txt');
    await writeFile(water, (await readFile(water, 'utf8')).replace('اخبار روز اقتصادی\n', ''));
    await session.workspace!.sync();
    const after = await call<ArticleSuggestionsView>('suggest.article', { articleId: id });
    expect(after.paragraphs[economy.id]).toEqual([{ label: 'boilerplate', score: 0.75, suggester: 'repeated', reason: { code: 'navigation', place: 'after-marker', word: 'اخبار' } }]);
  });
});
