/** Turns node-side state into the plain views the renderer receives. */
import { posix } from 'node:path';
import type { ArticleSummary, ArticleView, ArticleWindow, DecisionView, ParagraphView, WorkspaceView } from '../../shared/views';
import { isDecided } from '../annotations/decision-ops';
import type { AnnotationFile } from '../annotations/schema';
import { hasGuidelines } from '../workspace-schema/guidelines';
import { sourceView } from '../articles/source-view';
import type { LoadedArticle } from '../workspace/read-article';
import { articleSummary, errorSummary } from './article-summary';
import type { HandlerContext } from './context';
import { listCountsOf } from './list-counts';

export { countLabelled } from './article-summary';

/**
 * The article list, sent before the articles are read (docs/architecture.md: the list shows before the
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
  const readOnly = session.readOnly ? { readOnly: { annotator: session.readOnly.annotator, ...session.readOnly.heldBy, message: session.readOnly.said } } : {};
  const listId = listCountsOf(session, emit).start(workspace, articles);
  const crashed = workspace.guard.takeCrashed();
  const safeMode = crashed.length ? { safeMode: { code: 'safe-mode', files: crashed } as const } : {};
  return { name: workspace.name, root: workspace.root, labels: session.labels, labelMode: schema?.mode ?? 'multi', retiredLabels: schema?.retired ?? [], hasGuidelines: await hasGuidelines(workspace.root), listId, articles, ...readOnly, ...safeMode };
}

/**
 * An article as the renderer shows it, opening at `focus`: every paragraph, or only those `shown`
 * (the window of a long one, article-window.ts) with `partial` saying how to fetch the rest.
 */
export function articleView(
  article: LoadedArticle,
  layer: AnnotationFile,
  focus = firstUndecided(article, layer),
  shown?: { from: number; to: number; partial: ArticleWindow },
): ArticleView {
  const { paragraphs, decisions } = paragraphsView(article, layer, shown?.from ?? 0, shown?.to ?? article.paragraphs.length);
  return {
    id: article.id,
    path: article.path,
    title: article.title,
    format: article.format,
    encoding: article.encoding,
    lang: article.lang,
    direction: article.direction,
    paragraphs,
    decisions,
    focus,
    ...(article.mainStart !== undefined ? { mainStart: article.mainStart } : {}),
    status: layer.status,
    // The reading notes travel apart, as data in `source.notes`.
    warnings: article.warnings,
    source: sourceView(article, layer),
    ...(shown ? { partial: shown.partial } : {}),
  };
}

/** Paragraphs `from` to `to` (exclusive) with this annotator's decisions on them. */
export function paragraphsView(article: LoadedArticle, layer: AnnotationFile, from: number, to: number): { paragraphs: ParagraphView[]; decisions: Record<string, DecisionView> } {
  // One map, defaults left out: the reply crosses the IPC on every open and its size is most
  // of the wait before a long article paints (docs/performance.md).
  const decisions: Record<string, DecisionView> = {};
  const paragraphs: ParagraphView[] = [];
  for (const p of article.paragraphs.slice(from, to)) {
    paragraphs.push({ index: p.index, id: p.id, text: p.text });
    const entry = layer.paragraphs[p.id];
    if (entry) decisions[p.id] = decisionView(entry);
  }
  return { paragraphs, decisions };
}

/** Where the editor left off: the first paragraph without a decision (the first when all have one). */
export function firstUndecided(article: LoadedArticle, layer: AnnotationFile): number {
  return Math.max(0, article.paragraphs.findIndex((p) => !isDecided(layer.paragraphs[p.id])));
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
