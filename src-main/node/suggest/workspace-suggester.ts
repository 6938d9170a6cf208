/**
 * The app's suggestions for one article at a time. Repetition needs every article, so the
 * line index is built once per opened workspace (the first call reads all articles) and then
 * kept in step: each call re-indexes only the articles the workspace has read anew since (a file
 * changed) and drops the ones that left. Prediction files are re-matched when they or the
 * articles change.
 */
import { lstat } from 'node:fs/promises';
import type { PredictionLayers } from '../../core/suggest/predictions';
import { lineKey, RepetitionIndex } from '../../core/suggest/repetition';
import { suggestArticle, type ArticleSuggestions } from '../../core/suggest/suggest';
import type { SuggestParagraph, SuggestSettings } from '../../core/suggest/types';
import type { Workspace } from '../workspace/workspace';
import { gatherArticles, type GatheredArticle } from './gather';
import { loadPredictions, workspacePredictionFiles } from './predictions-file';

export class WorkspaceSuggester {
  private readonly index = new RepetitionIndex();
  /** The paragraph list each article was indexed from: a new list means the file was read anew. */
  private readonly indexed = new Map<string, readonly SuggestParagraph[]>();
  private generation = 0;
  private models: { key: string; layers: PredictionLayers } | null = null;

  constructor(readonly workspace: Workspace) {}

  /** Brings the index in step with the workspace; returns the readable articles. */
  async refresh(): Promise<GatheredArticle[]> {
    const { articles } = await gatherArticles(this.workspace);
    const present = new Set<string>();
    for (const a of articles) {
      present.add(a.path);
      if (this.indexed.get(a.path) === a.paragraphs) continue;
      this.index.set(a.path, a.paragraphs.map((p) => lineKey(p.text)));
      this.indexed.set(a.path, a.paragraphs);
      this.generation += 1;
    }
    for (const gone of this.index.others(present)) {
      this.index.remove(gone);
      this.indexed.delete(gone);
      this.generation += 1;
    }
    return articles;
  }

  /** Model layers from `.pilcrow/predictions/`, re-read when a file or the articles changed. */
  async predictions(articles: readonly GatheredArticle[], labels: readonly string[]): Promise<PredictionLayers> {
    const files = await workspacePredictionFiles(this.workspace.root);
    const stamps = await Promise.all(files.map(async (f) => `${f}:${await lstat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'gone')}`));
    const key = [this.generation, labels.join(','), ...stamps].join('\n');
    if (this.models?.key !== key) this.models = { key, layers: await loadPredictions(this.workspace.root, files, articles, labels) };
    return this.models.layers;
  }

  async forArticle(articleId: string, settings: SuggestSettings, labels: readonly string[]): Promise<{ paragraphs: ArticleSuggestions; problems: string[] }> {
    const articles = await this.refresh();
    const article = articles.find((a) => a.id === articleId);
    if (!article) return { paragraphs: {}, problems: [] };
    const models = await this.predictions(articles, labels);
    const paragraphs = suggestArticle(article, this.index, { settings, models: models.suggestions });
    return { paragraphs, problems: shortList(models.problems.map((p) => p.message)) };
  }
}

/** The app shows the first problems of the prediction files and how many more there are (a 13 MB file can hold 150,000). */
const SHOWN_PROBLEMS = 50;

function shortList(problems: string[]): string[] {
  if (problems.length <= SHOWN_PROBLEMS) return problems;
  return [...problems.slice(0, SHOWN_PROBLEMS), `… and ${problems.length - SHOWN_PROBLEMS} more problems in the prediction files (pilcrow suggest lists them all)`];
}
