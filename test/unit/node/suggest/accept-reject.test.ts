import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleSuggestionsView, SuggestSettingsView } from '../../../../src-main/shared/contract/suggest';
import type { AppState, ArticleView, SaveResult } from '../../../../src-main/shared/views';
import { openHandlerApp } from '../app/handler-app';
import { sampleCopy, tempDir } from '../temp';

const ARTICLE = 'fa/water-tehran.txt';

async function app(workspace: string, userData: string, exportTo = '') {
  const { session, call } = await openHandlerApp({ workspace, userData, annotator: 'sara', dialogs: { pickSaveFile: async () => exportTo } });
  const state = await call<AppState>('app.init');
  const id = state.workspace!.articles.find((a) => a.path === ARTICLE)!.id;
  const article = await call<ArticleView>('article.open', { articleId: id });
  const suggestions = await call<ArticleSuggestionsView>('suggest.article', { articleId: id });
  return { call, article, suggestions, close: () => session.close() };
}

const layerFile = (workspace: string) => join(workspace, '.pilcrow', 'annotations', 'sara', `${ARTICLE}.json`);
const readLayer = async (workspace: string) => JSON.parse(await readFile(layerFile(workspace), 'utf8')) as { paragraphs: Record<string, Record<string, unknown>>; rejected_suggestions?: unknown };

describe('accepting and rejecting suggestions', () => {
  it('saves an accepted suggestion as the editor\'s decision with its suggester, keeps it through the editor\'s own edits, and undoes it', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, article, suggestions } = await app(workspace, userData);
    const p5 = article.paragraphs[5]!.id;
    const quote = suggestions.paragraphs[p5]!.find((s) => s.label === 'quote')!;
    await call<SaveResult>('labels.apply', { articleId: article.id, changes: [{ paragraphId: p5, decision: { labels: ['quote'], via: 'suggestion', suggested_by: { quote: quote.suggester } } }] });
    expect((await readLayer(workspace)).paragraphs[p5]).toMatchObject({ labels: ['quote'], via: 'suggestion', suggested_by: { quote: 'quote-cues' } });
    // The editor adds claim by key: that label is theirs, quote keeps its provenance.
    await call('labels.set', { articleId: article.id, paragraphId: p5, labels: ['quote', 'claim'] });
    const entry = (await readLayer(workspace)).paragraphs[p5]!;
    expect(entry.suggested_by).toEqual({ quote: 'quote-cues' });
    expect(entry.via).toBeUndefined();
    // Undo of the accept (back to untouched) leaves no provenance behind.
    await call('labels.apply', { articleId: article.id, changes: [{ paragraphId: p5, decision: null }] });
    expect((await readLayer(workspace)).paragraphs[p5]).toBeUndefined();
  });

  it('refuses provenance for a label the decision does not carry, or without via "suggestion"', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, article } = await app(workspace, userData);
    const p5 = article.paragraphs[5]!.id;
    const apply = (decision: unknown) => call('labels.apply', { articleId: article.id, changes: [{ paragraphId: p5, decision }] });
    await expect(apply({ labels: ['quote'], via: 'suggestion', suggested_by: { claim: 'claim-cues' } })).rejects.toThrow(/bad-request.*suggested_by names a label the decision does not carry/);
    await expect(apply({ labels: ['quote'], suggested_by: { quote: 'quote-cues' } })).rejects.toThrow(/bad-request.*suggested_by goes with via/);
    await expect(apply({ labels: ['opinion'], via: 'suggestion', suggested_by: { opinion: 'model:x' } })).rejects.toThrow(/unknown-label/);
  });

  it('exports suggested_by for accepted labels only', async () => {
    const { workspace, userData } = await sampleCopy();
    const out = join(await tempDir('accept-export'), 'out.jsonl');
    const { call, article } = await app(workspace, userData, out);
    const [p5, p8] = [article.paragraphs[5]!.id, article.paragraphs[8]!.id];
    await call('labels.apply', { articleId: article.id, changes: [{ paragraphId: p8, decision: { labels: ['boilerplate'], via: 'suggestion', suggested_by: { boilerplate: 'repeated' } } }] });
    await call('labels.set', { articleId: article.id, paragraphId: p5, labels: ['quote'] });
    await call('export.run', { format: 'jsonl', layers: ['sara'] });
    const records = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { paragraph_id: string; labels: string[]; via?: string; suggested_by?: unknown });
    expect(records.find((r) => r.paragraph_id === p8)).toMatchObject({ labels: ['boilerplate'], via: 'suggestion', suggested_by: { boilerplate: 'repeated' } });
    const own = records.find((r) => r.paragraph_id === p5)!;
    expect(own.labels).toEqual(['quote']);
    expect(own.suggested_by).toBeUndefined();
  });

  it('keeps a rejection for this annotator without making the paragraph decided, and takes it back on undo', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, article, suggestions, close } = await app(workspace, userData);
    const p9 = article.paragraphs[9]!.id;
    expect(suggestions.paragraphs[p9]!.map((s) => s.label)).toEqual(['boilerplate']);
    expect(suggestions.rejected).toEqual({});
    const rejection = { paragraphId: p9, label: 'boilerplate', suggester: 'repeated' };
    const result = await call<SaveResult>('labels.rejectSuggestions', { articleId: article.id, rejections: [rejection] });
    expect(result.progress).toMatchObject({ status: 'untouched', decided: 0 });
    const layer = await readLayer(workspace);
    expect(layer.paragraphs).toEqual({});
    expect(layer.rejected_suggestions).toEqual({ [p9]: { boilerplate: 'repeated' } });

    // A new session (the app restarted) still knows it; the paragraph is still untouched.
    close();
    const again = await app(workspace, userData);
    expect(again.suggestions.rejected).toEqual({ [p9]: ['boilerplate'] });
    expect(again.article.decisions).toEqual({});

    await again.call('labels.rejectSuggestions', { articleId: article.id, rejections: [rejection], undo: true });
    expect((await readLayer(workspace)).rejected_suggestions).toBeUndefined();
    expect((await again.call<ArticleSuggestionsView>('suggest.article', { articleId: article.id })).rejected).toEqual({});
  });

  it('refuses to reject on a paragraph the article does not have or for a label the workspace does not have', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, article } = await app(workspace, userData);
    const reject = (paragraphId: string, label: string) => call('labels.rejectSuggestions', { articleId: article.id, rejections: [{ paragraphId, label, suggester: 'repeated' }] });
    await expect(reject('pzzzzzzzz', 'boilerplate')).rejects.toThrow(/unknown-paragraph/);
    await expect(reject(article.paragraphs[0]!.id, 'opinion')).rejects.toThrow(/unknown-label/);
  });

  it('keeps the accept-all threshold in .pilcrow/suggest.json, 0.9 until someone changes it', async () => {
    const { workspace, userData } = await sampleCopy();
    const { call, suggestions, article } = await app(workspace, userData);
    expect(suggestions.acceptAll).toBe(0.9);
    expect((await call<SuggestSettingsView>('suggest.settings', {})).acceptAll).toBe(0.9);
    expect((await call<SuggestSettingsView>('suggest.settings', { acceptAll: 0.8 })).acceptAll).toBe(0.8);
    expect(JSON.parse(await readFile(join(workspace, '.pilcrow', 'suggest.json'), 'utf8'))).toEqual({ version: 1, enabled: {}, thresholds: {}, accept_all: 0.8 });
    expect((await call<ArticleSuggestionsView>('suggest.article', { articleId: article.id })).acceptAll).toBe(0.8);
    await call('suggest.settings', { thresholds: { claim: 0.7 } });
    expect((await call<SuggestSettingsView>('suggest.settings', {})).acceptAll).toBe(0.8);
  });
});
