/**
 * Reading articles and changing how they are read (docs/formats.md): overrides, splits and
 * merges, orphaned labels, search; and the file watcher that keeps the open workspace live.
 */
import type { HandlerTable } from '../../../shared/ipc';
import type { ArticleChangeResult } from '../../../shared/views';
import type { AnnotationFile } from '../../annotations/schema';
import { reanchorLayer, type ReanchorReport } from '../../annotations/reanchor-layer';
import { ArticleEditor, EditRefused, type EditOutcome } from '../../articles/editor';
import { searchWorkspace } from '../../articles/search';
import { LiveWorkspace, type LiveChanges } from '../../watch/live-workspace';
import type { LoadedArticle } from '../../workspace/read-article';
import type { HandlerContext } from '../context';
import { PilcrowError } from '../errors';
import type { Session } from '../session';
import { chunkOf, openedView } from '../article-window';
import { articleView, workspaceView } from '../views';

type ArticleChannels = 'article.open' | 'article.paragraphs' | 'article.configure' | 'article.split' | 'article.merge' | 'article.resetEdits' | 'article.undoEdit' | 'article.reattachOrphan' | 'search.query';

export function articleHandlers({ session, emit }: HandlerContext): Pick<HandlerTable, ArticleChannels> {
  const editor = new ArticleEditor({
    workspace: () => session.requireWorkspace().workspace,
    store: () => session.requireWorkspace().store,
    annotator: () => session.annotator,
    load: (id) => session.loadArticle(id),
  });
  startWatching(session, emit);
  const result = async (run: () => Promise<EditOutcome>): Promise<ArticleChangeResult> => {
    try {
      const outcome = await run();
      return { article: articleView(outcome.article, outcome.layer), message: outcome.message, ...(outcome.undo ? { undo: outcome.undo } : {}) };
    } catch (error) {
      if (error instanceof EditRefused) throw new PilcrowError(error.code, error.detail);
      throw error;
    }
  };
  return {
    'article.open': async ({ articleId, around }) => {
      const article = await session.loadArticle(articleId);
      return openedView(article, await reconcileOnOpen(session, article), around);
    },
    // The cached reading serves every chunk; one read again since the window was sent is refused.
    'article.paragraphs': async ({ articleId, reading, from, count }) => {
      const article = await session.loadArticle(articleId);
      return chunkOf(article, await session.requireWorkspace().store.load(article.path), reading, from, count);
    },
    'article.configure': ({ articleId, ...change }) => result(() => editor.configure(articleId, change)),
    'article.split': ({ articleId, paragraphId, offset }) => result(() => editor.split(articleId, paragraphId, offset)),
    'article.merge': ({ articleId, paragraphId }) => result(() => editor.merge(articleId, paragraphId)),
    'article.resetEdits': ({ articleId }) => result(() => editor.resetEdits(articleId)),
    'article.undoEdit': ({ articleId, token }) => result(() => editor.undo(articleId, token)),
    'article.reattachOrphan': ({ articleId, orphan, paragraphId }) => result(() => editor.reattach(articleId, orphan, paragraphId)),
    'search.query': async ({ query, limit }) => searchWorkspace(session.requireWorkspace().workspace, query, limit),
  };
}

/**
 * This annotator's decisions follow the article when it changed since they were saved (between
 * runs, or by a teammate's re-segmentation): only when some decision is not where it was.
 */
async function reconcileOnOpen(session: Session, article: LoadedArticle): Promise<AnnotationFile> {
  const { store } = session.requireWorkspace();
  const layer = await store.load(article.path);
  const entries = Object.entries(layer.paragraphs);
  // Ids are unique in an article: the paragraph at the saved index has that id, or it moved. (No
  // map of every paragraph's position: on each open of a 10,000-paragraph one it cost ~20 ms.)
  const displaced = entries.some(([id, e]) => article.paragraphs[e.index]?.id !== id);
  const retry = layer.orphans.length > 0 && layer.source_sha256 !== article.sha256;
  if (displaced || retry) return store.change(article.path, (data, now) => void reanchorLayer(data, article, now));
  // Decisions saved before anchors were recorded get them now (store.change fills them in).
  if (entries.some(([, e]) => !e.anchor)) return store.change(article.path, () => undefined);
  return layer;
}

function startWatching(session: Session, emit: HandlerContext['emit']): void {
  const live = new LiveWorkspace({
    reconcile: async (article, previous) => {
      const { store } = session.requireWorkspace();
      const layer = await store.load(article.path);
      if (Object.keys(layer.paragraphs).length === 0 && layer.orphans.length === 0) return null;
      let report: ReanchorReport | null = null;
      await store.change(article.path, (data, now) => void (report = reanchorLayer(data, article, now, previous)));
      return report;
    },
    publish: async (changes) => publish(session, emit, changes),
    onError: (message) => console.warn(`pilcrow: ${message}`),
  });
  session.onOpen.add((workspace) => live.start(workspace));
  session.onClose.add(() => live.stop());
  if (session.workspace) live.start(session.workspace);
}

async function publish(session: Session, emit: HandlerContext['emit'], changes: LiveChanges): Promise<void> {
  if (!session.workspace) return;
  const workspace = await workspaceView({ session, emit });
  emit('workspace.changed', { workspace, added: changes.added, removed: changes.removed, changed: changes.changed.filter((c) => c.change === 'changed').map((c) => c.id) });
  for (const change of changes.changed) {
    const path = session.workspace.pathOf(change.id) ?? 'an article';
    emit('article.changed', { articleId: change.id, change: change.change, ...(change.report ? { counts: change.report } : {}), message: describeChange(path, change.change, change.report) });
  }
}

export function describeChange(path: string, change: 'changed' | 'deleted', report?: ReanchorReport): string {
  if (change === 'deleted') return `${path} was deleted or moved; its labels are kept.`;
  if (!report) return `${path} changed on disk.`;
  const parts = [
    report.reanchored ? `${report.reanchored} edited paragraph(s) kept their labels, marked “changed — re-check”` : '',
    report.moved ? `${report.moved} moved paragraph(s) kept their labels` : '',
    report.orphaned ? `${report.orphaned} label(s) lost their paragraph and are listed under “Orphaned labels”` : '',
    report.restored ? `${report.restored} orphaned label(s) found their paragraph again` : '',
  ].filter(Boolean);
  return `${path} changed on disk${parts.length ? `: ${parts.join('; ')}.` : '; every labelled paragraph is unchanged.'}`;
}
