import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import { Session } from '../../../../src-main/node/app/session';
import type { AppState, ArticleView, SaveResult, SchemaEditResult, UiSettings } from '../../../../src-main/shared/views';
import { SAMPLE_WORKSPACE, sampleCopy } from '../temp';
import { openHandlerApp } from './handler-app';

async function open() {
  const { workspace, userData } = await sampleCopy();
  const { call } = await openHandlerApp({ workspace, userData });
  const state = await call<AppState>('app.init');
  const summary = state.workspace!.articles.find((a) => a.path === 'en/library-hours.md')!;
  const article = await call<ArticleView>('article.open', { articleId: summary.id });
  return { call, state, article, userData };
}

describe('this editor’s label file changed on disk while the app holds it', () => {
  it('is merged when they next label, and the window is told how many decisions came in', async () => {
    const { workspace, userData } = await sampleCopy();
    const events: unknown[] = [];
    const { call, session } = await openHandlerApp({ workspace, userData, annotator: 'sara', emit: (event, payload) => void (event === 'labels.merged' && events.push(payload)) });
    const state = await call<AppState>('app.init');
    const summary = state.workspace!.articles.find((a) => a.path === 'en/library-hours.md')!;
    const article = await call<ArticleView>('article.open', { articleId: summary.id });
    const [p0, p1, p2] = article.paragraphs;
    await call('labels.set', { articleId: article.id, paragraphId: p0!.id, labels: ['quote'] });
    // A git pull brings sara's decision on ¶1 from her other machine.
    const file = annotationFilePath(workspace, 'sara', 'en/library-hours.md');
    const pulled = JSON.parse(await readFile(file, 'utf8'));
    pulled.paragraphs[p1!.id] = { index: p1!.index, labels: ['claim'], updated_at: new Date().toISOString() };
    await writeFile(file, JSON.stringify(pulled));
    await call('labels.set', { articleId: article.id, paragraphId: p2!.id, labels: ['ad'] });
    expect(events).toEqual([{ articleId: article.id, path: 'en/library-hours.md', layer: 'mine', decisions: 1 }]);
    const saved = JSON.parse(await readFile(file, 'utf8'));
    expect([p0, p1, p2].map((p) => saved.paragraphs[p!.id]?.labels)).toEqual([['quote'], ['claim'], ['ad']]);
    const reopened = await call<ArticleView>('article.open', { articleId: article.id });
    expect(reopened.decisions[p1!.id]).toMatchObject({ labels: ['claim'] });
    session.close();
  });
});

describe('decision channels', () => {
  it('asks for the annotator name until one is confirmed, then remembers it and the UI settings', async () => {
    const { call, state, userData } = await open();
    expect(state.annotatorConfirmed).toBe(false);
    expect(state.ui).toEqual({ language: 'en', theme: 'system' });
    await call('settings.setAnnotator', { name: 'سارا' });
    expect(await call<UiSettings>('settings.setUi', { language: 'fa', theme: 'dark' })).toEqual({ language: 'fa', theme: 'dark' });
    const again = await Session.create({ userDataDir: userData, sampleWorkspaceDir: SAMPLE_WORKSPACE });
    expect(again.settings.data.annotator).toBe('سارا');
    expect(again.settings.ui).toEqual({ language: 'fa', theme: 'dark' });
  });

  it('applies a range, notes and flags, done and undo done, and reports progress after each', async () => {
    const { call, article } = await open();
    const [p0, p1, p2] = article.paragraphs;
    const ranged = await call<SaveResult>('labels.apply', {
      articleId: article.id,
      changes: [
        { paragraphId: p0!.id, decision: { labels: ['boilerplate'] } },
        { paragraphId: p1!.id, decision: { labels: [] } },
      ],
    });
    expect(ranged.progress).toMatchObject({ status: 'in_progress', decided: 2, labelled: 1, labelCounts: { boilerplate: 1 } });
    const noted = await call<SaveResult>('labels.remark', { articleId: article.id, paragraphId: p2!.id, note: 'ask', flagged: true });
    expect(noted.progress).toMatchObject({ decided: 2, flagged: 1 });
    const done = await call<SaveResult>('labels.markDone', { articleId: article.id });
    expect(done.progress).toMatchObject({ status: 'done', decided: article.paragraphs.length });
    expect(done.decisions?.[p2!.id]).toMatchObject({ via: 'done', note: 'ask', flagged: true });
    const undone = await call<SaveResult>('labels.undoDone', { articleId: article.id });
    expect(undone.progress).toMatchObject({ status: 'in_progress', decided: 2 });
    expect(undone.decisions?.[p2!.id]).toMatchObject({ undecided: true, note: 'ask' });
    const cleared = await call<SaveResult>('labels.apply', { articleId: article.id, changes: [{ paragraphId: p0!.id, decision: null }] });
    expect(cleared.progress.decided).toBe(1);
    const reopened = await call<ArticleView>('article.open', { articleId: article.id });
    expect(reopened.decisions[p1!.id]).toEqual({ labels: [] });
    expect(reopened.decisions[p0!.id]).toBeUndefined();
    await expect(call('labels.remark', { articleId: article.id, paragraphId: p0!.id })).rejects.toThrow(/give a note, a flag, or both/);
  });

  it('refuses two labels in single-label mode, and accepts a removed label a paragraph still carries', async () => {
    const { call, article } = await open();
    const p0 = article.paragraphs[0]!.id;
    await call('labels.set', { articleId: article.id, paragraphId: p0, labels: ['quote', 'ad'] });
    await call<SchemaEditResult>('schema.edit', { edit: { op: 'remove', name: 'ad' } });
    await call('labels.set', { articleId: article.id, paragraphId: p0, labels: ['quote', 'claim', 'ad'] });
    await call<SchemaEditResult>('schema.edit', { edit: { op: 'mode', mode: 'single' } });
    await expect(call('labels.set', { articleId: article.id, paragraphId: p0, labels: ['quote', 'claim'] })).rejects.toThrow(/single-label: This workspace is single-label/);
    await expect(call('schema.edit', { edit: { op: 'update', name: 'quote', key: 'KeyK' } })).rejects.toThrow(/reserved-key: The K key is kept/);
  });

  it('renames a label, migrating this annotator’s decisions and reporting the count', async () => {
    const { call, article } = await open();
    await call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[3]!.id, labels: ['claim'] });
    const result = await call<SchemaEditResult>('schema.edit', { edit: { op: 'rename', from: 'claim', to: 'assertion' } });
    expect(result.migrated).toEqual({ files: 1, paragraphs: 1 });
    expect(result.pendingAnnotators).toEqual([]);
    expect(result.workspace.labels.map((l) => l.name)).toEqual(['quote', 'assertion', 'boilerplate', 'ad']);
    const reopened = await call<ArticleView>('article.open', { articleId: article.id });
    expect(reopened.decisions[article.paragraphs[3]!.id]?.labels).toEqual(['assertion']);
  });
});
