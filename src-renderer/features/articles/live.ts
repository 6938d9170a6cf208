/**
 * The renderer's side of live files: when main reports that files changed on disk, the article
 * list is replaced, and the open article is read again with the focus kept on the same
 * paragraph (by id, else by position). A deleted open article closes with a message.
 */
import { onEvent } from '../../bridge/api';
import type { AppStore } from '../../state/app.svelte';
import { am } from './messages';

export function followFileChanges(store: AppStore): () => void {
  const stopWorkspace = onEvent('workspace.changed', ({ workspace }) => store.useWorkspace(workspace));
  const stopArticle = onEvent('article.changed', (event) => {
    const open = store.article;
    if (!open || open.view.id !== event.articleId) return;
    const path = open.view.path;
    store.notice = { kind: 'info', text: event.change === 'deleted' ? am().deleted(path) : am().changed(path, event.counts) };
    if (event.change === 'deleted') {
      store.article = null;
      return;
    }
    const focusedId = open.paragraphs[open.cursor.focus]?.id;
    const focusedIndex = open.cursor.focus;
    // A long article's window comes around the focused paragraph when it is still there.
    void store.openArticle(event.articleId, focusedId).then(() => {
      const article = store.article;
      if (!article || article.view.id !== event.articleId) return;
      const byId = article.paragraphs.findIndex((p) => p?.id === focusedId);
      const index = byId >= 0 ? byId : Math.min(focusedIndex, article.paragraphCount - 1);
      article.focusParagraph(index);
    });
  });
  return () => {
    stopWorkspace();
    stopArticle();
  };
}
