/** Turns node-side state into the plain views the renderer receives. */
import type { ArticleSummary, ArticleView, DecisionView, WorkspaceView } from '../../shared/views';
import type { AnnotationFile } from '../annotations/schema';
import { progressOf } from '../annotations/decision-ops';
import { hasGuidelines } from '../workspace-schema/guidelines';
import { problemOf, sourceView } from '../articles/source-view';
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
      articles.push({ id: entry.id, path: entry.path, title: entry.path, format: '', paragraphCount: 0, labelledCount: 0, error: entry.error, ...(entry.missing ? { missing: true } : {}) });
      continue;
    }
    const { article } = entry;
    const layer = await store.load(article.path);
    const problem = problemOf(article);
    articles.push({ id: article.id, path: article.path, title: article.title, format: article.format, paragraphCount: article.paragraphs.length, labelledCount: countLabelled(article, layer), progress: progressOf(article.paragraphs, layer), ...(problem ? { problem } : {}) });
  }
  const schema = session.schema?.schema;
  const readOnly = session.readOnly ? { readOnly: { annotator: session.readOnly.annotator, ...session.readOnly.heldBy, message: session.readOnly.message } } : {};
  return { name: workspace.name, root: workspace.root, labels: session.labels, labelMode: schema?.mode ?? 'multi', retiredLabels: schema?.retired ?? [], hasGuidelines: await hasGuidelines(workspace.root), articles, ...readOnly };
}

export function articleView(article: LoadedArticle, layer: AnnotationFile): ArticleView {
  // One map, defaults left out: the reply crosses the IPC on every open and its size is most
  // of the wait before a long article paints (docs/performance.md).
  const decisions: Record<string, DecisionView> = {};
  for (const p of article.paragraphs) {
    const entry = layer.paragraphs[p.id];
    if (entry) decisions[p.id] = decisionView(entry);
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
    decisions,
    status: layer.status,
    warnings: article.warnings,
    source: sourceView(article, layer),
  };
}

export function decisionView(entry: AnnotationFile['paragraphs'][string]): DecisionView {
  const view: DecisionView = { labels: [...entry.labels] };
  if (entry.undecided) view.undecided = true;
  if (entry.via) view.via = entry.via;
  if (entry.suggested_by) view.suggestedBy = { ...entry.suggested_by };
  if (entry.note !== undefined) view.note = entry.note;
  if (entry.flagged) view.flagged = true;
  if (entry.recheck) view.recheck = entry.recheck;
  return view;
}
