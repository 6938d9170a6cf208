/**
 * Training the workspace's model: for every label with at least 20 decided paragraphs carrying
 * it (and 20 without), a class-balanced logistic regression (logistic.ts), calibrated by Platt
 * scaling (calibrate.ts) on margins cross-validated by article: the articles are dealt into up to
 * five folds, a model is fitted on all folds but one and scores the paragraphs of the one left
 * out (never a paragraph of an article it was trained on), with the neighbours' labels hidden as
 * in an article nobody started. Those held-out margins fit the calibration and give the
 * figures `pilcrow train` reports; then the model is fitted once more on everything
 * (the method of scikit-learn's CalibratedClassifierCV with ensemble=False).
 */
import { scoresFromCounts } from '../agreement/gold';
import { hash53 } from '../hash';
import type { LabelScores } from '../suggest/evaluate';
import { fitPlatt, plattProbability, reliability, type Platt, type ReliabilityBin } from './calibrate';
import { CHECK_EVERY, NO_CHECKPOINT, type Checkpoint } from './checkpoint';
import type { Dataset } from './dataset';
import { DIMENSION } from './hashing';
import { DEFAULT_FIT, fitLogistic, margins, type FitOptions, type LinearModel } from './logistic';

/** Decided paragraphs with (and without) a label before it is learned: fewer teach noise. */
export const MIN_DECIDED = 20;

/**
 * Calibration folds: five while data is scarce (each fold model then trains on 80% of it), fewer
 * as it grows, when a held-out half still has thousands of paragraphs for Platt's two
 * parameters and each fold costs a full fit (50,000 paragraphs: 2 folds, ≈ 2 fits in all).
 */
export function calibrationFolds(examples: number): number {
  if (examples < 5000) return 5;
  if (examples < 20_000) return 3;
  return 2;
}

export interface LabelModel {
  name: string;
  /** Decided paragraphs with the label in the training data (the team's labels it learned from). */
  positives: number;
  negatives: number;
  platt: Platt;
  /** Held-out figures at probability 0.5, from the calibration folds. */
  heldOut: LabelScores;
  reliability: ReliabilityBin[];
}

export interface SkippedLabel {
  name: string;
  positives: number;
  negatives: number;
}

export interface Trained {
  /** The learned labels; weights are interleaved in this order. */
  labels: LabelModel[];
  /** Labels with too few decided paragraphs, and how many they have. */
  skipped: SkippedLabel[];
  /** The hashed slot of each feature id (the dataset's vocabulary). */
  vocabulary: Uint32Array;
  /** vocabulary.length · labels.length, interleaved (logistic.ts). */
  weights: Float32Array;
  bias: Float32Array;
  examples: number;
  articles: number;
  folds: number;
  seed: number;
}

export interface TrainOptions {
  seed: number;
  /** Calibration folds; by default `calibrationFolds` of the examples. */
  folds?: number;
  /** The examples to learn from (indices into dataset.examples); all when absent. */
  use?: Int32Array;
  minimum?: number;
  fit?: Partial<FitOptions>;
  checkpoint?: Checkpoint;
}

/** Articles dealt into k folds by a seeded hash of their path: the same paths and seed, the same folds. */
export function foldsOf(paths: readonly string[], k: number, seed: number): Int32Array {
  const ranked = paths.map((path, i) => ({ i, rank: hash53(path, seed) })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const fold = new Int32Array(paths.length);
  ranked.forEach((r, position) => (fold[r.i] = position % k));
  return fold;
}

interface Counts {
  positives: number[];
  negatives: number[];
}

function countLabels(data: Dataset, use: Int32Array): Counts {
  const L = data.labels.length;
  const positives = new Array<number>(L).fill(0);
  const negatives = new Array<number>(L).fill(0);
  for (const e of use) {
    const w = data.examples.weight[e]!;
    for (let l = 0; l < L; l++) {
      if (data.examples.targets[e]! & (1 << l)) positives[l]! += w;
      else negatives[l]! += w;
    }
  }
  return { positives: positives.map((v) => Math.round(v)), negatives: negatives.map((v) => Math.round(v)) };
}

/** The dataset's examples with their targets remapped to the chosen labels' bits. */
/** Label bits of the dataset's labels as bits of the chosen ones (slot s: label chosen[s]). */
function remapBits(bits: number, chosen: readonly number[]): number {
  let out = 0;
  for (let slot = 0; slot < chosen.length; slot++) if (bits & (1 << chosen[slot]!)) out |= 1 << slot;
  return out;
}

function remapTargets(data: Dataset, chosen: readonly number[]): Uint32Array {
  return data.examples.targets.map((bits) => remapBits(bits, chosen));
}

function remapKnown(data: Dataset, chosen: readonly number[]): Int32Array {
  return data.known.map((bits) => (bits < 0 ? -1 : remapBits(bits, chosen)));
}

export function trainModel(data: Dataset, options: TrainOptions): Trained {
  const use = options.use ?? Int32Array.from(data.examples.paragraph.keys());
  const minimum = options.minimum ?? MIN_DECIDED;
  const fit: FitOptions = { ...DEFAULT_FIT, ...options.fit, seed: options.seed };
  const checkpoint = options.checkpoint ?? NO_CHECKPOINT;
  const counts = countLabels(data, use);
  const chosen = data.labels.map((_, l) => l).filter((l) => counts.positives[l]! >= minimum && counts.negatives[l]! >= minimum);
  const skipped = data.labels.flatMap((name, l) => (chosen.includes(l) ? [] : [{ name, positives: counts.positives[l]!, negatives: counts.negatives[l]! }]));
  // The articles of the examples used, and each one's fold.
  const usedArticles = [...new Set(Array.from(use, (e) => data.examples.article[e]!))].sort((a, b) => a - b);
  const k = Math.min(options.folds ?? calibrationFolds(use.length), usedArticles.length);
  const base: Trained = { labels: [], skipped, vocabulary: data.vocabulary, weights: new Float32Array(0), bias: new Float32Array(0), examples: use.length, articles: usedArticles.length, folds: k, seed: options.seed };
  // Calibration needs paragraphs the model was not trained on: at least two articles.
  if (chosen.length === 0 || k < 2) return { ...base, skipped: data.labels.map((name, l) => ({ name, positives: counts.positives[l]!, negatives: counts.negatives[l]! })) };
  const L = chosen.length;
  const examples = { paragraph: data.examples.paragraph, targets: remapTargets(data, chosen), weight: data.examples.weight };
  const known = remapKnown(data, chosen);
  const neighbours = { ...data.neighbours, beforeLabel: Uint32Array.from(chosen, (l) => data.neighbours.beforeLabel[l]!), afterLabel: Uint32Array.from(chosen, (l) => data.neighbours.afterLabel[l]!) };
  // Each article's fold (-1: no example of it is used), and each used example's.
  const foldOfArticle = new Int32Array(data.articles.length).fill(-1);
  const folds = foldsOf(usedArticles.map((a) => data.articles[a]!), k, options.seed);
  usedArticles.forEach((a, i) => (foldOfArticle[a] = folds[i]!));
  const foldOfUse = Int32Array.from(use, (e) => foldOfArticle[data.examples.article[e]!]!);

  // Held-out margins, fold by fold.
  const heldOut = new Float64Array(use.length * L);
  const z = new Float64Array(L);
  const none = () => -1;
  for (let f = 0; f < k; f++) {
    const train = use.filter((_, i) => foldOfUse[i] !== f);
    // The articles trained on are the used ones outside fold f.
    const decided = (q: number) => {
      const fold = foldOfArticle[data.rowArticle[q]!]!;
      return fold >= 0 && fold !== f ? known[q]! : -1;
    };
    const model = fitLogistic(data.matrix, data.vocabulary.length, examples, train, L, neighbours, decided, { ...fit, seed: options.seed + 7919 * (f + 1) }, checkpoint);
    for (let i = 0; i < use.length; i++) {
      if ((i & (CHECK_EVERY - 1)) === 0) checkpoint();
      if (foldOfUse[i] !== f) continue;
      margins(model, data.matrix, data.examples.paragraph[use[i]!]!, null, none, z);
      for (let l = 0; l < L; l++) heldOut[i * L + l] = z[l]!;
    }
  }

  const weightsOfUse = Float64Array.from(use, (e) => data.examples.weight[e]!);
  const labels: LabelModel[] = chosen.map((l, slot) => {
    const m = Float64Array.from(use, (_, i) => heldOut[i * L + slot]!);
    const positive = Array.from(use, (e) => (examples.targets[e]! & (1 << slot)) !== 0);
    const platt = fitPlatt(m, positive, weightsOfUse, checkpoint);
    const probabilities = Float64Array.from(m, (v) => plattProbability(platt, v));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    probabilities.forEach((p, i) => {
      const w = weightsOfUse[i]!;
      if (p >= 0.5 && positive[i]) tp += w;
      else if (p >= 0.5) fp += w;
      else if (positive[i]) fn += w;
    });
    const { reasons: _reasons, ...heldOutScores } = scoresFromCounts(Math.round(tp), Math.round(fp), Math.round(fn));
    return { name: data.labels[l]!, positives: counts.positives[l]!, negatives: counts.negatives[l]!, platt, heldOut: heldOutScores, reliability: reliability(probabilities, positive) };
  });

  const final: LinearModel = fitLogistic(data.matrix, data.vocabulary.length, examples, use, L, neighbours, (q) => (foldOfArticle[data.rowArticle[q]!]! >= 0 ? known[q]! : -1), fit, checkpoint);
  return { ...base, labels, weights: Float32Array.from(final.weights), bias: Float32Array.from(final.bias) };
}

/** The dense table the scorer looks hashed slots up in (DIMENSION · labels), from the vocabulary's weights. */
export function denseWeights(vocabulary: Uint32Array, weights: Float32Array, labels: number): Float32Array {
  const dense = new Float32Array(DIMENSION * labels);
  vocabulary.forEach((j, i) => dense.set(weights.subarray(i * labels, i * labels + labels), j * labels));
  return dense;
}
