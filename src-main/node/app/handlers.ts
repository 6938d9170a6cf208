/**
 * The handler table: one function per IPC channel, built from node/ services. Electron
 * registers it with ipcMain; the e2e harness binds the very same table to the page.
 */
import { basename } from 'node:path';
import type { HandlerTable } from '../../shared/ipc';
import type { AppState } from '../../shared/views';
import { LayerReader } from '../annotations/store';
import { buildExportDocument, writeExportFile } from '../export/export-json';
import type { LoadedArticle } from '../workspace/read-article';
import { PilcrowError } from './errors';
import type { Session } from './session';
import { articleView, countLabelled, workspaceView } from './views';

/** Native dialogs, injected: Electron's in the app, scripted answers in tests. */
export interface Dialogs {
  pickFolder(): Promise<string | null>;
  pickSaveFile(suggestedName: string): Promise<string | null>;
}

export function createHandlerTable(session: Session, dialogs: Dialogs, version: string): HandlerTable {
  const appState = async (): Promise<AppState> => ({
    version,
    annotator: session.annotator,
    recent: session.settings.data.recent.map((root) => ({ name: basename(root), root })),
    workspace: session.workspace ? await workspaceView(session) : null,
  });

  const loadArticle = async (articleId: string): Promise<LoadedArticle> => {
    const { workspace } = session.requireWorkspace();
    const entry = await workspace.entry(articleId).catch((e: Error) => {
      throw new PilcrowError('unknown-article', e.message);
    });
    if (!entry.ok) throw new PilcrowError('unreadable-article', entry.error);
    return entry.article;
  };

  return {
    'app.init': async () => {
      await session.openInitial();
      return appState();
    },
    'settings.setAnnotator': async ({ name }) => {
      await session.setAnnotator(name);
      return appState();
    },
    'workspace.openDialog': async () => {
      const folder = await dialogs.pickFolder();
      if (!folder) return null;
      await session.open(folder);
      return workspaceView(session);
    },
    'workspace.openRecent': async ({ index }) => {
      const root = session.settings.data.recent[index];
      if (!root) throw new PilcrowError('unknown-recent', `There is no recent workspace number ${index + 1}.`);
      await session.open(root);
      return workspaceView(session);
    },
    'workspace.refresh': async () => {
      await session.requireWorkspace().workspace.refresh();
      return workspaceView(session);
    },
    'article.open': async ({ articleId }) => {
      const article = await loadArticle(articleId);
      return articleView(article, await session.requireWorkspace().store.load(article.path));
    },
    'labels.set': async ({ articleId, paragraphId, labels }) => {
      const article = await loadArticle(articleId);
      const paragraph = article.paragraphs.find((p) => p.id === paragraphId);
      if (!paragraph) throw new PilcrowError('unknown-paragraph', `${article.path} has no paragraph ${paragraphId}; the file may have changed. Reopen the article.`);
      const known = new Set(session.labels.map((l) => l.name));
      const unknown = labels.filter((l) => !known.has(l));
      if (unknown.length > 0) throw new PilcrowError('unknown-label', `"${unknown.join('", "')}" is not a label of this workspace.`);
      const layer = await session.requireWorkspace().store.setLabels(article.path, paragraph, labels);
      return { savedAt: layer.updated_at, labelledCount: countLabelled(article, layer) };
    },
    'export.run': async () => {
      const { workspace } = session.requireWorkspace();
      const file = await dialogs.pickSaveFile(`${workspace.name}-labels.json`);
      if (!file) return null;
      const doc = await buildExportDocument(workspace, new LayerReader(workspace.root), { version, labels: session.labels });
      await writeExportFile(file, doc);
      return { file, records: doc.records.length, articles: doc.articles.length, skipped: doc.skipped };
    },
  };
}
