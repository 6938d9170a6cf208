/** Opens an article in Review with one paragraph focused: a link from Agreement, or the next article with disagreements. */
import type { AppStore } from '../../state/app-store.svelte';
import type { ReviewState } from './review.svelte';

export async function openInReview(store: AppStore, review: ReviewState, at: { articleId: string; paragraphId: string }): Promise<void> {
  review.aim(at.paragraphId);
  // The same article: no new article to trigger Review's load, so load it here.
  if (store.article?.view.id === at.articleId) await review.load(at.articleId);
  else await store.openArticle(at.articleId);
  review.mode = 'review';
}
