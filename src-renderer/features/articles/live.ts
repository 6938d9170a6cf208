/**
 * The renderer's side of live files: when main reports that files changed on disk, the article
 * list is replaced, and the open article is read again with the focus kept on the same
 * paragraph (by id, else by position), then the editor is told. A deleted open article closes
 * with a message. When this editor's own label file was merged with a copy changed on disk, they
 * are told, and the open article shows the merged decisions.
 */
import { onEvent } from '../../bridge/api';
import { i18n } from '../../i18n/i18n.svelte';
import type { AppStore } from '../../state/app-store.svelte';

export function followFileChanges(store: AppStore): () => void {
  const stopWorkspace = onEvent('workspace.changed', ({ workspace }) => store.useWorkspace(workspace));
  const stopArticle = onEvent('article.changed', (event) => {
    const open = store.article;
    if (!open || open.view.id !== event.articleId) return;
    const path = open.view.path;
    if (event.change === 'deleted') {
      store.notice = { kind: 'info', text: i18n.m.articleTools.deleted(path) };
      store.article = null;
      return;
    }
    reopenKeepingFocus(store, event.articleId, i18n.m.articleTools.changed(path, event.counts));
  });
  // This editor's label file changed on disk (another machine, a git pull) and was merged in main.
  const stopMerged = onEvent('labels.merged', (event) => {
    const text = i18n.m.articleTools.merged(event.path, event.decisions, event.layer);
    if (event.layer === 'mine' && store.article?.view.id === event.articleId) reopenKeepingFocus(store, event.articleId, text);
    else store.notice = { kind: 'info', text };
  });
  return () => {
    stopWorkspace();
    stopArticle();
    stopMerged();
  };
}

/**
 * Reads the open article again with the focus on the same paragraph (by id, else by position) and
 * the runs the editor opened still open, then shows `notice`: once the new reading is on screen,
 * not while the old one still takes keys; unless reading it again failed, whose error stays.
 */
function reopenKeepingFocus(store: AppStore, articleId: string, notice: string): void {
  const open = store.article;
  if (!open) return;
  const focusedId = open.paragraphs[open.cursor.focus]?.id;
  const focusedIndex = open.cursor.focus;
  const openedRuns = open.folds.openedIds;
  const noticeBefore = store.notice;
  // A long article's window comes around the focused paragraph when it is still there.
  void store.openArticle(articleId, focusedId).then(() => {
    const article = store.article;
    if (article?.view.id === articleId) {
      article.folds.keepOpened(openedRuns);
      const byId = article.paragraphs.findIndex((p) => p?.id === focusedId);
      const index = byId >= 0 ? byId : Math.min(focusedIndex, article.paragraphCount - 1);
      article.focusParagraph(index);
    }
    if (store.notice !== noticeBefore && store.notice?.kind === 'error') return;
    store.notice = { kind: 'info', text: notice };
  });
}
