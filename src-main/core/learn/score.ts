/**
 * Scoring an article with a trained model: each paragraph's calibrated probability per learned
 * label, and, for the paragraphs that reach `floor`, a suggestion whose reason names what drove
 * it (explain.ts). The neighbours' labels are used where the article's paragraphs are decided.
 */
import type { Suggestion } from '../suggest/types';
import { plattProbability, type Platt } from './calibrate';
import { labelBits, neighbourIndices } from './dataset';
import { explainScore, type ExplainRow } from './explain';
import { articleFeatures, FeatureTrace, type FeatureArticle, type FeatureIndexes } from './features';
import { margins, type LinearModel, type Neighbours } from './logistic';
import { MatrixBuilder, type FeatureMatrix } from './matrix';

export const LEARNED_SUGGESTER = 'learned';
export const LEARNED_DESCRIPTION = "Learned on this computer from the team's own labels in this workspace (needs 20 decided paragraphs of a label)";

/** What scoring needs of a trained model (model.ts `Trained`, or one read back from disk). */
export interface ScoringModel {
  labels: readonly { name: string; positives: number; platt: Platt }[];
  /** Dense, DIMENSION · labels, interleaved. */
  weights: Float32Array;
  bias: Float32Array;
}

export interface ScoreOptions {
  /** The article's decided labels by paragraph index (undefined: not decided), for the neighbour features. */
  decided?: readonly (readonly string[] | undefined)[];
  /** Suggestions (with reasons) are made from this probability up; 1 makes none. */
  floor?: number;
}

export interface ArticleScores {
  /** paragraphs · labels probabilities, paragraph by paragraph, in the model's label order. */
  probabilities: Float32Array;
  /** The suggestions of each paragraph (by index) at or above the floor, best first. */
  suggestions: Suggestion[][];
}

/** What the decided paragraphs beside paragraph i add to a label's margin, per label they carry. */
function besideContributions(i: number, decided: Int32Array, neighbours: Neighbours | null, names: readonly string[], weight: (index: number) => number): { side: 'before' | 'after'; label: string; contribution: number }[] {
  if (!neighbours) return [];
  const out: { side: 'before' | 'after'; label: string; contribution: number }[] = [];
  // The paragraph before this one makes it stand "after" a label, and the other way round.
  for (const [side, q, indices] of [['after', i - 1, neighbours.beforeLabel], ['before', i + 1, neighbours.afterLabel]] as const) {
    const bits = decided[q] ?? -1;
    if (bits <= 0) continue;
    names.forEach((label, m) => {
      if (bits & (1 << m)) out.push({ side, label, contribution: weight(indices[m]!) });
    });
  }
  return out;
}

function neighboursOf(count: number, labels: readonly string[]): Neighbours {
  return {
    before: Int32Array.from({ length: count }, (_, i) => i - 1),
    after: Int32Array.from({ length: count }, (_, i) => (i + 1 < count ? i + 1 : -1)),
    ...neighbourIndices(labels),
  };
}

/**
 * The calibrated probabilities of matrix rows `first` … `end − 1`, paragraph by paragraph, with no
 * decided neighbours: for rows already made, such as a training dataset's, whose feature ids
 * index `model.weights` as they are (the dataset's local ids with the trained weights), so an
 * article trained on is not read and hashed a second time to be scored.
 */
export function rowProbabilities(model: ScoringModel, matrix: FeatureMatrix, first: number, end: number): Float32Array {
  const L = model.labels.length;
  const linear: LinearModel = { labels: L, weights: model.weights, bias: model.bias };
  const probabilities = new Float32Array((end - first) * L);
  const z = new Float64Array(L);
  for (let r = first; r < end; r++) {
    margins(linear, matrix, r, null, () => -1, z);
    for (let l = 0; l < L; l++) probabilities[(r - first) * L + l] = plattProbability(model.labels[l]!.platt, z[l]!);
  }
  return probabilities;
}

export function scoreArticle(model: ScoringModel, article: FeatureArticle, indexes: FeatureIndexes, options: ScoreOptions = {}): ArticleScores {
  const L = model.labels.length;
  const n = article.paragraphs.length;
  const names = model.labels.map((l) => l.name);
  const linear: LinearModel = { labels: L, weights: model.weights, bias: model.bias };
  const matrix = new MatrixBuilder(n, n * 64);
  // Traced as the rows are made, so the paragraphs that get a suggestion are explained without a second pass.
  const trace = new FeatureTrace();
  articleFeatures(article, indexes, matrix, undefined, trace);
  const rows = matrix.build();
  const decidedBits = Int32Array.from({ length: n }, (_, i) => {
    const d = options.decided?.[i];
    return d === undefined ? -1 : labelBits(d, names);
  });
  const neighbours = options.decided ? neighboursOf(n, names) : null;
  const probabilities = new Float32Array(n * L);
  const z = new Float64Array(L);
  const floor = options.floor ?? 0.5;
  const wanted = new Set<number>();
  for (let i = 0; i < n; i++) {
    margins(linear, rows, i, neighbours, (q) => decidedBits[q]!, z);
    for (let l = 0; l < L; l++) {
      const p = plattProbability(model.labels[l]!.platt, z[l]!);
      probabilities[i * L + l] = p;
      if (p >= floor) wanted.add(i);
    }
  }
  const suggestions: Suggestion[][] = Array.from({ length: n }, () => []);
  for (const i of wanted) {
    const from = rows.offsets[i]!;
    const to = rows.offsets[i + 1]!;
    const row: ExplainRow = { groups: trace.groups.subarray(from, to), tokens: trace.tokens.subarray(from, to), name: (k) => trace.nameOf(i, from + k), words: trace.words[i]! };
    for (let l = 0; l < L; l++) {
      const p = probabilities[i * L + l]!;
      if (p < floor) continue;
      const label = model.labels[l]!;
      const weight = (index: number) => model.weights[index * L + l]!;
      const contributions = new Float64Array(to - from);
      for (let k = from; k < to; k++) contributions[k - from] = model.weights[rows.indices[k]! * L + l]! * rows.values[k]!;
      const cues = explainScore(row, contributions, besideContributions(i, decidedBits, neighbours, names, weight));
      suggestions[i]!.push({ label: label.name, score: Math.round(p * 1000) / 1000, suggester: LEARNED_SUGGESTER, reason: { code: 'learned', examples: label.positives, cues } });
    }
    suggestions[i]!.sort((a, b) => b.score - a.score);
  }
  return { probabilities, suggestions };
}

/**
 * An article's learned suggestions by paragraph id, paragraphs without one left out: the one form
 * both the suggester's worker (score-job.ts) and `pilcrow suggest` hand to suggestArticle.
 */
export function suggestionsById(model: ScoringModel, article: FeatureArticle, indexes: FeatureIndexes, options: ScoreOptions = {}): Map<string, Suggestion[]> {
  const { suggestions } = scoreArticle(model, article, indexes, options);
  return new Map(article.paragraphs.flatMap((p, i) => (suggestions[i]!.length > 0 ? [[p.id, suggestions[i]!] as [string, Suggestion[]]] : [])));
}

/**
 * How unsure the model is about an article, for "most uncertain first": over its paragraphs not
 * yet decided, the mean of each one's closeness to a coin toss on its least certain label
 * (1 at probability 0.5, 0 at 0 or 1). Null when every paragraph is decided or none is learned.
 */
export function articleUncertainty(probabilities: Float32Array, labels: number, undecided: (paragraph: number) => boolean): number | null {
  if (labels === 0) return null;
  let sum = 0;
  let count = 0;
  for (let i = 0; i * labels < probabilities.length; i++) {
    if (!undecided(i)) continue;
    let most = 0;
    for (let l = 0; l < labels; l++) most = Math.max(most, 1 - Math.abs(2 * probabilities[i * labels + l]! - 1));
    sum += most;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}
