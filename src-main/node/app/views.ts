/** Turns node-side state into the plain views the renderer receives. */
import { posix } from 'node:path';
import type { ArticleSummary, ArticleView, DecisionView, WorkspaceView } from '../../shared/views';
import type { AnnotationFile } from '../annotations/schema';
import { hasGuidelines } from '../workspace-schema/guidelines';
import { sourceView } from '../articles/source-view';
import type { LoadedArticle } from '../workspace/read-article';
import { articleSummary, errorSummary } from './article-summary';
import type { HandlerContext } from './context';
import { listCountsOf } from './list-counts';

export { countLabelled } from './article-summary';

/**
 * The article list, sent before the articles are read (issue 8: the list shows before the
 * counts finish): paths, formats and the errors the scan already knows, titles of articles read
 * before; the first readable article is read now, since the renderer opens it at once. Every
 * other article is `pending` until the `workspace.counts` events of list-counts.ts complete it.
 */
export async function workspaceView({ session, emit }: Pick<HandlerContext, 'session' | 'emit'>): Promise<WorkspaceView> {
  const { workspace, store } = session.requireWorkspace();
  const articles: ArticleSummary[] = [];
  let firstReadable = false;
  for (const item of workspace.listing()) {
    if ('error' in item) {
      articles.push(errorSummary(item));
    } else if (!firstReadable) {
      const summary = await articleSummary(await workspace.entry(item.id), store);
      firstReadable = !summary.error;
      articles.push(summary);
    } else {
      const read = await workspace.cached(item.id);
      articles.push({ id: item.id, path: item.path, title: read?.title ?? posix.basename(item.path), format: item.format, paragraphCount: 0, labelledCount: 0, pending: true });
    }
  }
  const schema = session.schema?.schema;
  const readOnly = session.readOnly ? { readOnly: { annotator: session.readOnly.annotator, ...session.readOnly.heldBy, message: session.readOnly.message } } : {};
  const listId = listCountsOf(session, emit).start(workspace, articles);
  return { name: workspace.name, root: workspace.root, labels: session.labels, labelMode: schema?.mode ?? 'multi', retiredLabels: schema?.retired ?? [], hasGuidelines: await hasGuidelines(workspace.root), listId, articles, ...readOnly };
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
