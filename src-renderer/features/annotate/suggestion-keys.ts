/**
 * What the suggestion keys do (A, Shift+A, D; docs/shortcuts.md), with a short notice when nothing
 * happens. On a folded run of boilerplate, A and D take every line of it in one step; accepting
 * moves on past the run, as the editor is done with it.
 */
import type { AppStore } from '../../state/app.svelte';
import type { ArticleState } from '../../state/article.svelte';
import { i18n } from '../../i18n/i18n.svelte';

export function runSuggestionKey(action: 'accept' | 'acceptAll' | 'reject', article: ArticleState, store: AppStore): void {
  const suggestions = store.suggestions;
  if (suggestions.articleId !== article.view.id || suggestions.status !== 'ready' || !store.canEdit()) return;
  const m = i18n.m.suggest;
  const run = article.focusedFold;
  const lines = run ? run.end - run.start + 1 : 0;
  if (action === 'accept') {
    if (suggestions.acceptFocused(article) === 0) store.notice = { kind: 'info', text: m.nothingHere };
    else if (run) {
      // The run's lines are decided now, so each has its row again: the next row is after the run.
      article.cursor.moveTo(article.cursor.positionOf(run.end) + 1, false);
      store.notice = { kind: 'info', text: i18n.m.fold.accepted(lines) };
    }
  } else if (action === 'reject') {
    if (suggestions.rejectFocused(article) === 0) store.notice = { kind: 'info', text: m.nothingHere };
    else if (run) store.notice = { kind: 'info', text: i18n.m.fold.rejected(lines) };
  } else {
    const accepted = suggestions.acceptAllInArticle(article);
    store.notice = { kind: 'info', text: accepted > 0 ? m.accepted(accepted) : m.nothingStrong(m.score(suggestions.acceptAll)) };
  }
}
