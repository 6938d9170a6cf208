/** What the suggestion keys do (A, Shift+A, D; docs/shortcuts.md), with a short notice when nothing happens. */
import type { AppStore } from '../../state/app.svelte';
import type { ArticleState } from '../../state/article.svelte';
import { i18n } from '../../i18n/i18n.svelte';

export function runSuggestionKey(action: 'accept' | 'acceptAll' | 'reject', article: ArticleState, store: AppStore): void {
  const suggestions = store.suggestions;
  if (suggestions.articleId !== article.view.id || suggestions.status !== 'ready' || !store.canEdit()) return;
  const m = i18n.m.suggest;
  if (action === 'accept') {
    if (suggestions.acceptFocused(article) === 0) store.notice = { kind: 'info', text: m.nothingHere };
  } else if (action === 'reject') {
    if (suggestions.rejectFocused(article) === 0) store.notice = { kind: 'info', text: m.nothingHere };
  } else {
    const accepted = suggestions.acceptAllInArticle(article);
    store.notice = { kind: 'info', text: accepted > 0 ? m.accepted(accepted) : m.nothingStrong(m.score(suggestions.acceptAll)) };
  }
}
