/**
 * Measuring the learned suggester honestly: cross-validation by article. The articles one layer
 * decided are dealt into folds (model.ts `foldsOf`); for each fold, a model is trained on the
 * decisions of every OTHER article (the team's, resolved as for the app: targets.ts) and scores
 * the fold's paragraphs cold (no neighbour decided), so no paragraph of a test article is ever
 * learned from. Each label's suggestion counts when it reaches the label's threshold, as in the
 * app. The rules are scored on the same paragraphs, and both together ("combined": a label is
 * suggested when either suggests it).
 *
 * The learning curve trains on the first 5, 10, 20, 40 … articles of each fold's training
 * articles (in a seeded order) and on all of them, and gives F1 per label for each size, summed
 * over folds.
 */
import { scoresFromCounts } from '../agreement/gold';
import { decisionOf, type DecisionLayer } from '../decisions';
import { hash53 } from '../hash';
import type { LabelScores } from '../suggest/evaluate';
import { suggestArticle } from '../suggest/suggest';
import { thresholdOf, type SuggestSettings } from '../suggest/types';
import { plattProbability } from './calibrate';
import { NO_CHECKPOINT, type Checkpoint } from './checkpoint';
import { buildDataset, type Dataset, type LearnInput } from './dataset';
import { margins } from './logistic';
import { foldsOf, trainModel, type Trained } from './model';

export const CURVE_START = 5;

export interface CurvePoint {
  /** Labelled articles trained on (the mean over folds for the last point, "all"). */
  articles: number;
  /** Whether this point is every training article of each fold. */
  all: boolean;
  f1: Record<string, number | null>;
}

export interface LearnedEvaluation {
  against: string;
  folds: number;
  seed: number;
  /** Paragraphs the layer decided in the scored articles, and those articles. */
  items: number;
  articles: number;
  thresholds: Record<string, number>;
  learned: Record<string, LabelScores>;
  rules: Record<string, LabelScores>;
  combined: Record<string, LabelScores>;
  curve: CurvePoint[];
}

export interface LearnedEvalOptions {
  against: string;
  /** The layer scored against, by article path. */
  truth: ReadonlyMap<string, DecisionLayer>;
  folds: number;
  seed: number;
  settings: SuggestSettings;
  /** Training sizes of the learning curve; by default 5, 10, 20, 40 … below the training articles. */
  sizes?: number[];
  checkpoint?: Checkpoint;
}

interface Tally {
  tp: number[];
  fp: number[];
  fn: number[];
}

const newTally = (labels: number): Tally => ({ tp: new Array<number>(labels).fill(0), fp: new Array<number>(labels).fill(0), fn: new Array<number>(labels).fill(0) });

function scores(t: Tally, labels: readonly string[]): Record<string, LabelScores> {
  return Object.fromEntries(
    labels.map((label, l) => {
      const { reasons: _reasons, ...s } = scoresFromCounts(t.tp[l]!, t.fp[l]!, t.fn[l]!);
      return [label, s];
    }),
  );
}

function count(t: Tally, l: number, predicted: boolean, actual: boolean): void {
  if (predicted && actual) t.tp[l]! += 1;
  else if (predicted) t.fp[l]! += 1;
  else if (actual) t.fn[l]! += 1;
}

/** The learned labels a trained model shows on a dataset row, at the thresholds (cold: no neighbour known). */
function shownBy(trained: Trained, data: Dataset, row: number, settings: SuggestSettings): Set<string> {
  const shown = new Set<string>();
  if (trained.labels.length === 0) return shown;
  const z = new Float64Array(trained.labels.length);
  margins({ labels: trained.labels.length, weights: trained.weights, bias: trained.bias }, data.matrix, row, null, () => -1, z);
  trained.labels.forEach((label, l) => {
    if (plattProbability(label.platt, z[l]!) >= thresholdOf(settings, label.name)) shown.add(label.name);
  });
  return shown;
}

export function defaultCurveSizes(trainingArticles: number): number[] {
  const sizes: number[] = [];
  for (let n = CURVE_START; n < trainingArticles; n *= 2) sizes.push(n);
  return sizes;
}

export interface FoldPlan {
  /** The dataset's articles (indices into data.articles) scored in this fold. */
  test: number[];
  /** Every other article with decisions, in the seeded order the learning curve takes them. */
  train: number[];
}

/**
 * The folds of a cross-validation: the scored articles dealt into k folds; each fold trains on
 * every article with decisions that is not in it (never a paragraph of a test article).
 */
export function foldPlan(paths: readonly string[], scored: readonly number[], k: number, seed: number): FoldPlan[] {
  const fold = foldsOf(scored.map((a) => paths[a]!), k, seed);
  return Array.from({ length: k }, (_, f) => {
    const test = scored.filter((_, i) => fold[i] === f);
    const testSet = new Set(test);
    const train = paths
      .map((path, a) => ({ path, a }))
      .filter(({ a }) => !testSet.has(a))
      .sort((x, y) => hash53(x.path, seed + 1) - hash53(y.path, seed + 1) || x.a - y.a)
      .map(({ a }) => a);
    return { test, train };
  });
}

export function evaluateLearned(input: LearnInput, options: LearnedEvalOptions): LearnedEvaluation {
  const checkpoint = options.checkpoint ?? NO_CHECKPOINT;
  const data = buildDataset(input, checkpoint);
  const labels = data.labels;
  const byPath = new Map(input.articles.map((a) => [a.path, a]));
  // The articles the layer decided something in, among those with training data.
  const scored = data.articles.map((path, a) => ({ path, a })).filter(({ path }) => {
    const layer = options.truth.get(path);
    const article = byPath.get(path);
    return !!layer && !!article && article.paragraphs.some((p) => decisionOf(layer, p.id) !== undefined);
  });
  const k = Math.min(options.folds, scored.length);
  const thresholds = Object.fromEntries(labels.map((l) => [l, thresholdOf(options.settings, l)]));
  const empty: LearnedEvaluation = { against: options.against, folds: k, seed: options.seed, items: 0, articles: scored.length, thresholds, learned: scores(newTally(labels.length), labels), rules: scores(newTally(labels.length), labels), combined: scores(newTally(labels.length), labels), curve: [] };
  if (k < 2) return empty;
  const plan = foldPlan(data.articles, scored.map((s) => s.a), k, options.seed);
  const learned = newTally(labels.length);
  const rules = newTally(labels.length);
  const combined = newTally(labels.length);
  const curveTallies = new Map<number, Tally>();
  let allArticles = 0;
  let items = 0;
  const examplesOf = new Map<number, number[]>();
  data.examples.article.forEach((a, e) => {
    const list = examplesOf.get(a);
    if (list) list.push(e);
    else examplesOf.set(a, [e]);
  });

  for (const { test, train: pool } of plan) {
    const sizes = (options.sizes ?? defaultCurveSizes(pool.length)).filter((n) => n < pool.length);
    const trainOn = (n: number) => trainModel(data, { seed: options.seed, checkpoint, use: Int32Array.from(pool.slice(0, n).flatMap((a) => examplesOf.get(a) ?? [])) });
    const tallyTest = (trained: Trained, into: Tally, full: boolean) => {
      for (const a of test) {
        checkpoint();
        const path = data.articles[a]!;
        const article = byPath.get(path)!;
        const layer = options.truth.get(path)!;
        const ruleShown = full ? suggestArticle(article, data.indexes.workspace, { settings: options.settings }) : {};
        article.paragraphs.forEach((p, i) => {
          const truth = decisionOf(layer, p.id);
          if (truth === undefined) return;
          const shown = shownBy(trained, data, data.articleRows[a]! + i, options.settings);
          labels.forEach((label, l) => count(into, l, shown.has(label), truth.includes(label)));
          if (!full) return;
          items += 1;
          const byRules = new Set((ruleShown[p.id] ?? []).map((s) => s.label));
          labels.forEach((label, l) => {
            count(rules, l, byRules.has(label), truth.includes(label));
            count(combined, l, byRules.has(label) || shown.has(label), truth.includes(label));
          });
        });
      }
    };
    for (const n of sizes) {
      let tally = curveTallies.get(n);
      if (!tally) curveTallies.set(n, (tally = newTally(labels.length)));
      tallyTest(trainOn(n), tally, false);
    }
    const full = trainOn(pool.length);
    tallyTest(full, learned, true);
    allArticles += pool.length;
  }
  const f1 = (t: Tally) => Object.fromEntries(Object.entries(scores(t, labels)).map(([label, s]) => [label, s.f1]));
  const curve: CurvePoint[] = [...curveTallies.entries()].sort((x, y) => x[0] - y[0]).map(([n, t]) => ({ articles: n, all: false, f1: f1(t) }));
  curve.push({ articles: Math.round(allArticles / k), all: true, f1: f1(learned) });
  return { ...empty, items, learned: scores(learned, labels), rules: scores(rules, labels), combined: scores(combined, labels), curve };
}
