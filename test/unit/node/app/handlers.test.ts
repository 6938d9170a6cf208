import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../src-main/node/app/dispatch';
import { createHandlerTable, type Dialogs } from '../../../../src-main/node/app/handlers';
import { Session } from '../../../../src-main/node/app/session';
import type { AppState, ArticleView, WorkspaceView } from '../../../../src-main/shared/views';
import { SAMPLE_WORKSPACE, sampleCopy, tempDir } from '../temp';
import { CountsCollector } from '../../../support/list-counts';
import { english } from '../../../support/english';

function scripted(answers: { folder?: string; save?: string } = {}): Dialogs {
  return { pickFolder: async () => answers.folder ?? null, pickSaveFile: async () => answers.save ?? null };
}

async function app(options: { workspace?: string; userData: string; dialogs?: Dialogs; counts?: CountsCollector }) {
  const session = await Session.create({ userDataDir: options.userData, sampleWorkspaceDir: SAMPLE_WORKSPACE, ...(options.workspace ? { initialWorkspace: options.workspace } : {}) });
  await session.setAnnotator('sara');
  const table = createHandlerTable(session, options.dialogs ?? scripted(), 'test', options.counts?.emit);
  return async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const envelope = await dispatch(table, channel, request);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as T;
  };
}

describe('handler table', () => {
  it('copies the sample workspace into user data on first run and opens it', async () => {
    const userData = await tempDir();
    const call = await app({ userData });
    const state = await call<AppState>('app.init');
    expect(state.workspace?.name).toBe('Sample workspace');
    expect(state.workspace?.root).toContain(userData);
    expect(state.workspace?.articles.map((a) => a.path)).toEqual(['en/harbour-wind.txt', 'en/library-hours.md', 'fa/rail-isfahan.txt', 'fa/school-semnan.txt', 'fa/water-tehran.txt']);
  });

  it('opens articles by id and saves labels that the article list then counts', async () => {
    const { workspace, userData } = await sampleCopy();
    const counts = new CountsCollector();
    const call = await app({ workspace, userData, counts });
    const state = await call<AppState>('app.init');
    const summary = state.workspace!.articles.find((a) => a.path === 'fa/water-tehran.txt')!;
    const article = await call<ArticleView>('article.open', { articleId: summary.id });
    expect(article).toMatchObject({ direction: 'rtl', lang: 'fa', encoding: 'utf-8', format: 'txt' });
    const saved = await call<{ labelledCount: number }>('labels.set', { articleId: article.id, paragraphId: article.paragraphs[4]!.id, labels: ['quote'] });
    expect(saved.labelledCount).toBe(1);
    const refreshed = await counts.complete(await call<WorkspaceView>('workspace.refresh'));
    expect(refreshed.articles.find((a) => a.id === summary.id)).toMatchObject({ labelledCount: 1, progress: { status: 'in_progress', decided: 1, labelled: 1 } });
  });

  it('refuses labels that are not in the workspace schema and paragraphs that do not exist', async () => {
    const { workspace, userData } = await sampleCopy();
    const call = await app({ workspace, userData });
    const state = await call<AppState>('app.init');
    const article = await call<ArticleView>('article.open', { articleId: state.workspace!.articles[0]!.id });
    await expect(call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[0]!.id, labels: ['opinion'] })).rejects.toThrow(/unknown-label: "opinion" is not a label/);
    await expect(call('labels.set', { articleId: article.id, paragraphId: 'pzzzzzzzzzzz', labels: ['ad'] })).rejects.toThrow(/unknown-paragraph/);
  });

  it('rejects a request that does not match the contract before any handler runs', async () => {
    const { workspace, userData } = await sampleCopy();
    const call = await app({ workspace, userData });
    await expect(call('article.open', { path: '/etc/passwd' })).rejects.toThrow(/bad-request/);
    await expect(call('article.open', { articleId: '../../etc/passwd' })).rejects.toThrow(/bad-request: article.open: not an article id/);
    await expect(call('nope')).rejects.toThrow(/unknown-channel/);
  });

  it('lists an unreadable file with its reason and still opens the workspace', async () => {
    const { workspace, userData } = await sampleCopy();
    await writeFile(join(workspace, 'empty.txt'), '');
    const counts = new CountsCollector();
    const call = await app({ workspace, userData, counts });
    const state = await call<AppState>('app.init');
    state.workspace = await counts.complete(state.workspace!);
    const broken = state.workspace.articles.find((a) => a.path === 'empty.txt');
    expect(english(broken?.error)).toMatch(/empty\.txt.*empty/i);
    expect(state.workspace!.articles.filter((a) => !a.error)).toHaveLength(5);
  });

  it('exports through the save dialog and does nothing when it is cancelled', async () => {
    const { workspace, userData, root } = await sampleCopy();
    const out = join(root, 'out.json');
    const call = await app({ workspace, userData, dialogs: scripted({ save: out }) });
    const state = await call<AppState>('app.init');
    const article = await call<ArticleView>('article.open', { articleId: state.workspace!.articles[0]!.id });
    await call('labels.set', { articleId: article.id, paragraphId: article.paragraphs[0]!.id, labels: ['claim'] });
    const result = await call<{ records: number; file: string }>('export.run');
    expect(result).toMatchObject({ records: 1, file: out });
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.records[0]).toMatchObject({ article: 'en/harbour-wind.txt', paragraph: 0, annotator: 'sara', labels: ['claim'] });
    const cancelled = await app({ workspace, userData });
    await cancelled('app.init');
    expect(await cancelled('export.run')).toBeNull();
  });

  it('remembers opened workspaces and reopens the last one at the next start', async () => {
    const { workspace, userData } = await sampleCopy();
    const other = await tempDir('other');
    await mkdir(join(other, 'news'));
    await writeFile(join(other, 'news', 'one.txt'), 'سلام\nدنیا\n');
    const call = await app({ workspace, userData, dialogs: scripted({ folder: other }) });
    await call('app.init');
    const opened = await call<WorkspaceView>('workspace.openDialog');
    expect(opened.articles.map((a) => a.path)).toEqual(['news/one.txt']);
    const next = await app({ userData });
    const state = await next<AppState>('app.init');
    expect(state.workspace?.articles.map((a) => a.path)).toEqual(['news/one.txt']);
    expect(state.recent.map((r) => r.name)).toEqual([opened.name, 'workspace']);
  });

  it('tells the editor about damaged article settings quarantined while the workspace opens', async () => {
    const { workspace, userData } = await sampleCopy();
    await mkdir(join(workspace, '.pilcrow', 'articles', 'fa'), { recursive: true });
    await writeFile(join(workspace, '.pilcrow', 'articles', 'fa', 'water-tehran.txt.json'), '{"version": 1, "encod');
    const events: unknown[] = [];
    const session = await Session.create({ userDataDir: userData, sampleWorkspaceDir: SAMPLE_WORKSPACE, initialWorkspace: workspace });
    const table = createHandlerTable(session, scripted(), 'test', (event, payload) => void (event === 'storage.recovered' && events.push(payload)));
    const init = await dispatch(table, 'app.init', {});
    const summary = init.ok ? (init.result as AppState).workspace!.articles.find((a) => a.path === 'fa/water-tehran.txt')! : null;
    expect(await dispatch(table, 'article.open', { articleId: summary!.id })).toMatchObject({ ok: true });
    expect(events).toEqual([expect.objectContaining({ file: expect.stringMatching(/water-tehran\.txt\.json$/), problem: expect.stringMatching(/truncated JSON/), restoredFrom: 'none' })]);
    session.close();
  });

  it('refuses an annotator name with spaces or slashes', async () => {
    const userData = await tempDir();
    const call = await app({ userData });
    await expect(call('settings.setAnnotator', { name: 'a/b' })).rejects.toThrow(/invalid-annotator/);
    await expect(call('settings.setAnnotator', { name: 'sara ahmadi' })).rejects.toThrow(/invalid-annotator/);
    expect((await call<AppState>('settings.setAnnotator', { name: 'سارا' })).annotator).toBe('سارا');
  });
});
