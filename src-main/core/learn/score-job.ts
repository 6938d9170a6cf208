/**
 * The learned suggester's part of an article's suggestion job (node/suggest/suggest-jobs.ts):
 * the kept model as stored (sparse), the article's decided labels and its lines' counts in its
 * site, so the article is scored where its rule cues are read, the suggester's worker thread in
 * the app. Main's thread only hands the model over: scoring a 2,000-paragraph article is 60–90 ms
 * of CPU (docs/performance.md), and while main's thread scores, an editor's save waits.
 */
import { lineCountsOf, type LineCounts, type LineCountsData } from '../suggest/repetition';
import type { Suggestion } from '../suggest/types';
import { siteOf, type FeatureArticle } from './features';
import { denseWeights } from './model';
import { suggestionsById, type ScoringModel } from './score';

/** A kept model as its file holds it: `vocabulary.length` features, `weights` V · labels. */
export interface SparseScoringModel {
  /** Names this model among others (its file's checksum): the dense weights are made once per model. */
  key: string;
  labels: ScoringModel['labels'];
  vocabulary: Uint32Array;
  weights: Float32Array;
  bias: Float32Array;
}

export interface LearnedScoring {
  model: SparseScoringModel;
  /** The article's decided labels by paragraph index (undefined: not decided), for the neighbour features. */
  decided: (readonly string[] | undefined)[];
  /** Suggestions from this probability up. */
  floor: number;
  /** The article's lines' counts within its site (features.ts `siteOf`). */
  site: LineCountsData;
}

/** The last model expanded: one workspace's model serves article after article. */
let expanded: { key: string; scoring: ScoringModel } | null = null;

function scoringOf(model: SparseScoringModel): ScoringModel {
  if (expanded?.key !== model.key) expanded = { key: model.key, scoring: { labels: model.labels, weights: denseWeights(model.vocabulary, model.weights, model.labels.length), bias: model.bias } };
  return expanded.scoring;
}

/** The article's learned suggestions by paragraph id; `workspace`: its lines' counts across the workspace. */
export function learnedSuggestions(job: LearnedScoring, article: FeatureArticle, workspace: LineCounts): Map<string, Suggestion[]> {
  const indexes = { workspace, sites: new Map([[siteOf(article), lineCountsOf(job.site)]]) };
  return suggestionsById(scoringOf(job.model), article, indexes, { decided: job.decided, floor: job.floor });
}
