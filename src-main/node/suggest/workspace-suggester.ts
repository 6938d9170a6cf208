/**
 * The app's suggestions for one article at a time. Repetition needs every article, so the
 * line index (across the workspace, and per site for the learned suggester) is built once per
 * opened workspace (the first call reads all articles) and then kept in step: each call re-indexes only the articles the workspace has read anew since (a file
 * changed) and drops the ones that left. Prediction files are re-matched when they or the
 * articles change.
 */
import { lstat } from 'node:fs/promises';
import type { PredictionLayers } from '../../core/suggest/predictions';
import { lineKey, RepetitionIndex } from '../../core/suggest/repetition';
import type { ArticleSuggestions } from '../../core/suggest/suggest';
import { isEnabled, type SuggestParagraph, type SuggestSettings } from '../../core/suggest/types';
import { UNCALIBRATED, type RuleCalibration } from '../../core/suggest/calibrate';
import type { NamingSource } from '../../core/label-schema';
import { siteOf, type FeatureIndexes } from '../../core/learn/features';
import type { LearnedScoring } from '../../core/learn/score-job';
import { LEARNED_SUGGESTER } from '../../core/learn/score';
import type { Workspace } from '../workspace/workspace';
import { gatherArticles, type GatheredArticle } from './gather';
import { loadPredictions, workspacePredictionFiles } from './predictions-file';
import { jobArticle, type SuggestJob } from './suggest-jobs';
import type { SuggestRunner } from './suggest-thread';

/** What the learned suggester scores one article with (node/learn), its site's line counts apart; null: no model. */
export type LearnedForArticle = (article: GatheredArticle) => Omit<LearnedScoring, 'site'> | null;

export class WorkspaceSuggester {
  private readonly index = new RepetitionIndex();
  /** The same lines per site (core/learn/features.ts `siteOf`), for the learned suggester. */
  private readonly sites = new Map<string, RepetitionIndex>();
  /** The paragraph list each article was indexed from: a new list means the file was read anew. */
  private readonly indexed = new Map<string, readonly SuggestParagraph[]>();
  private generation = 0;
  private models: { key: string; layers: PredictionLayers } | null = null;

  constructor(
    readonly workspace: Workspace,
    /** Where the cues are read: the suggester's worker thread in the app (suggest-thread.ts). */
    private readonly runner: SuggestRunner,
  ) {}

  /** Brings the index in step with the workspace; returns the readable articles. */
  async refresh(): Promise<GatheredArticle[]> {
    const { articles } = await gatherArticles(this.workspace);
    const present = new Set<string>();
    for (const a of articles) {
      present.add(a.path);
      if (this.indexed.get(a.path) === a.paragraphs) continue;
      const keys = a.paragraphs.map((p) => lineKey(p.text));
      this.index.set(a.path, keys);
      this.siteIndex(a.path).set(a.path, keys);
      this.indexed.set(a.path, a.paragraphs);
      this.generation += 1;
    }
    for (const gone of this.index.others(present)) {
      this.index.remove(gone);
      this.siteIndex(gone).remove(gone);
      this.indexed.delete(gone);
      this.generation += 1;
    }
    return articles;
  }

  private siteIndex(path: string): RepetitionIndex {
    const site = siteOf({ path });
    let index = this.sites.get(site);
    if (!index) this.sites.set(site, (index = new RepetitionIndex()));
    return index;
  }

  /** Changes whenever an article is indexed anew or leaves: suggestions made before may differ now. */
  get indexGeneration(): number {
    return this.generation;
  }

  /** How often each line recurs across the workspace, as of the last refresh. */
  get lineIndex(): RepetitionIndex {
    return this.index;
  }

  /** How often lines recur across the workspace and each site, as of the last refresh. */
  indexes(): FeatureIndexes {
    return { workspace: this.index, sites: this.sites };
  }

  /** An indexed article's suggestions, read in the runner (the worker thread in the app). */
  suggest(article: GatheredArticle, options: Omit<SuggestJob, 'article' | 'lines'>): Promise<ArticleSuggestions> {
    return this.runner.run({ article: jobArticle(article), lines: this.index.sliceFor(article.path), ...options });
  }

  /** Model layers from `.pilcrow/predictions/`, re-read when a file or the articles changed. */
  async predictions(articles: readonly GatheredArticle[], labels: readonly string[]): Promise<PredictionLayers> {
    const files = await workspacePredictionFiles(this.workspace.root);
    const stamps = await Promise.all(files.map(async (f) => `${f}:${await lstat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => 'gone')}`));
    const key = [this.generation, labels.join(','), ...stamps].join('\n');
    if (this.models?.key !== key) this.models = { key, layers: await loadPredictions(this.workspace.root, files, articles, labels) };
    return this.models.layers;
  }

  /**
   * One article's suggestions at the workspace's thresholds; with `calibrate`, the rules' scores
   * as measured on the workspace's decisions (rule-calibration.ts), read after the index is current.
   */
  async forArticle(articleId: string, settings: SuggestSettings, labels: readonly string[], learnedFor?: LearnedForArticle, calibrate?: (articles: readonly GatheredArticle[]) => Promise<RuleCalibration>, naming?: NamingSource): Promise<{ paragraphs: ArticleSuggestions; problems: string[]; calibration: RuleCalibration }> {
    const articles = await this.refresh();
    const calibration = calibrate ? await calibrate(articles) : UNCALIBRATED;
    const article = articles.find((a) => a.id === articleId);
    if (!article) return { paragraphs: {}, problems: [], calibration };
    const models = await this.predictions(articles, labels);
    // Scored in the runner with the rules (the worker thread in the app), never in main's thread.
    const scoring = isEnabled(settings, LEARNED_SUGGESTER) ? learnedFor?.(article) : null;
    const learned = scoring ? { ...scoring, site: this.siteIndex(article.path).sliceFor(article.path) } : null;
    const own = models.suggestions.get(article.path);
    const paragraphs = await this.suggest(article, { settings, calibration: { counts: calibration.counts, decided: calibration.decided }, ...(own ? { models: own } : {}), ...(learned ? { learned } : {}), ...(naming ? { naming } : {}) });
    return { paragraphs, problems: shortList(models.problems.map((p) => p.message)), calibration };
  }
}

/** The app shows the first problems of the prediction files and how many more there are (a 13 MB file can hold 150,000). */
const SHOWN_PROBLEMS = 50;

function shortList(problems: string[]): string[] {
  if (problems.length <= SHOWN_PROBLEMS) return problems;
  return [...problems.slice(0, SHOWN_PROBLEMS), `… and ${problems.length - SHOWN_PROBLEMS} more problems in the prediction files (pilcrow suggest lists them all)`];
}
