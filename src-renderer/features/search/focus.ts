/**
 * Opens an article and puts the keyboard focus on one paragraph, by id: what a search result
 * does. Uses the annotation state's own cursor, so focus, selection and scrolling behave as if
 * the editor had moved there by key.
 */
import type { AppStore } from '../../state/app-store.svelte';

export async function focusParagraph(store: AppStore, articleId: string, paragraphId?: string): Promise<boolean> {
  // A long article opens with its window around the paragraph.
  if (store.article?.view.id !== articleId) await store.openArticle(articleId, paragraphId);
  const article = store.article;
  if (!article || article.view.id !== articleId) return false;
  if (!paragraphId) return true;
  // Open already, the paragraph may not have arrived yet: the whole article's ids are needed.
  await new Promise<void>((resolve) => article.whenLoaded(!article.paragraphs.some((p) => p?.id === paragraphId), resolve));
  if (store.article !== article) return false;
  const index = article.paragraphs.findIndex((p) => p?.id === paragraphId);
  if (index < 0) return false;
  // A filter that hides the paragraph would leave the cursor elsewhere.
  if (article.flaggedOnly && !article.at(index)?.flagged) article.flaggedOnly = false;
  // A paragraph folded into a run of boilerplate: the run opens (ArticleState.focusParagraph).
  article.focusParagraph(index);
  return true;
}
