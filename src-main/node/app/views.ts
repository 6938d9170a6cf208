/** Turns node-side state into the plain views the renderer receives. */
import type { ArticleSummary, ArticleView, WorkspaceView } from '../../shared/views';
import type { AnnotationFile } from '../annotations/schema';
import type { LoadedArticle } from '../workspace/read-article';
import type { Session } from './session';

export function countLabelled(article: LoadedArticle, layer: AnnotationFile): number {
  return article.paragraphs.filter((p) => (layer.paragraphs[p.id]?.labels.length ?? 0) > 0).length;
}

export async function workspaceView(session: Session): Promise<WorkspaceView> {
  const { workspace, store } = session.requireWorkspace();
  const articles: ArticleSummary[] = [];
  for (const entry of await workspace.entries()) {
    if (!entry.ok) {
      articles.push({ id: entry.id, path: entry.path, title: entry.path, format: '', paragraphCount: 0, labelledCount: 0, error: entry.error });
      continue;
    }
    const { article } = entry;
    const layer = await store.load(article.path);
    articles.push({ id: article.id, path: article.path, title: article.title, format: article.format, paragraphCount: article.paragraphs.length, labelledCount: countLabelled(article, layer) });
  }
  return { name: workspace.name, root: workspace.root, labels: session.labels, articles };
}

export function articleView(article: LoadedArticle, layer: AnnotationFile): ArticleView {
  const labels: Record<string, string[]> = {};
  for (const p of article.paragraphs) {
    const entry = layer.paragraphs[p.id];
    if (entry && entry.labels.length > 0) labels[p.id] = [...entry.labels];
  }
  return {
    id: article.id,
    path: article.path,
    title: article.title,
    format: article.format,
    encoding: article.encoding,
    lang: article.lang,
    direction: article.direction,
    paragraphs: article.paragraphs.map((p) => ({ index: p.index, id: p.id, text: p.text })),
    labels,
    warnings: article.warnings,
  };
}
