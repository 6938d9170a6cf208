/**
 * The workspace's readable articles as the suggesters see them. Unreadable and missing articles
 * are listed with their reason, never dropped silently.
 */
import { NO_CHECKPOINT, type Checkpoint } from '../../core/learn/checkpoint';
import type { SuggestArticle } from '../../core/suggest/types';
import type { Workspace } from '../workspace/workspace';
import type { LoadedArticle } from '../workspace/read-article';

export interface GatheredArticle extends SuggestArticle {
  id: string;
}

export interface Gathered {
  articles: GatheredArticle[];
  skipped: { path: string; reason: string }[];
}

/** What the suggesters see of one read article. */
export function suggestArticleOf(article: LoadedArticle): SuggestArticle {
  return { path: article.path, paragraphs: article.paragraphs, ...(article.evidence ? { evidence: article.evidence } : {}) };
}

/** Articles read at the same time: between such batches a worker's job may wait (`checkpoint`). */
const ARTICLES_AT_ONCE = 64;

export async function gatherArticles(workspace: Workspace, checkpoint: Checkpoint = NO_CHECKPOINT): Promise<Gathered> {
  const out: Gathered = { articles: [], skipped: [] };
  for (const entry of await inBatches(workspace.ids, ARTICLES_AT_ONCE, checkpoint, (id) => workspace.entry(id))) {
    if (entry.ok) out.articles.push({ id: entry.id, ...suggestArticleOf(entry.article) });
    else out.skipped.push({ path: entry.path, reason: entry.error });
  }
  return out;
}

/** `work` on every item, `size` at a time, the results in the items' order; a checkpoint between batches. */
export async function inBatches<T, R>(items: readonly T[], size: number, checkpoint: Checkpoint, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    checkpoint();
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return out;
}
