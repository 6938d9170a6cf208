/** One article's line in the article list, once the article is read. */
import type { ArticleSummary } from '../../shared/views';
import { progressOf } from '../annotations/decision-ops';
import type { AnnotationFile } from '../annotations/schema';
import type { AnnotationStore } from '../annotations/store';
import { problemOf } from '../articles/source-view';
import type { LoadedArticle } from '../workspace/read-article';
import type { ArticleEntry } from '../workspace/workspace';

export function countLabelled(article: LoadedArticle, layer: AnnotationFile): number {
  return article.paragraphs.filter((p) => (layer.paragraphs[p.id]?.labels.length ?? 0) > 0).length;
}

/** One article's line in the list: read, with this annotator's counts and progress. */
export async function articleSummary(entry: ArticleEntry, store: AnnotationStore): Promise<ArticleSummary> {
  if (!entry.ok) return errorSummary(entry);
  const { article } = entry;
  const layer = await store.load(article.path);
  const problem = problemOf(article);
  return { id: article.id, path: article.path, title: article.title, format: article.format, paragraphCount: article.paragraphs.length, labelledCount: countLabelled(article, layer), progress: progressOf(article.paragraphs, layer), ...(problem ? { problem } : {}) };
}

export function errorSummary(entry: { id: string; path: string; error: string; missing?: boolean; conflictCopy?: boolean }): ArticleSummary {
  return { id: entry.id, path: entry.path, title: entry.path, format: '', paragraphCount: 0, labelledCount: 0, error: entry.error, ...(entry.missing ? { missing: true } : {}), ...(entry.conflictCopy ? { conflictCopy: true } : {}) };
}

