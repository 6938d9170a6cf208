/**
 * The workspace's readable articles as the suggesters see them. Unreadable and missing articles
 * are listed with their reason, never dropped silently.
 */
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

export async function gatherArticles(workspace: Workspace): Promise<Gathered> {
  const out: Gathered = { articles: [], skipped: [] };
  for (const entry of await workspace.entries()) {
    if (entry.ok) out.articles.push({ id: entry.id, ...suggestArticleOf(entry.article) });
    else out.skipped.push({ path: entry.path, reason: entry.error });
  }
  return out;
}
