/**
 * The training data of a workspace: every paragraph of every article someone decided anything
 * in, as feature rows (features.ts), and one example per target (targets.ts) with its labels as
 * bits. Articles nobody touched are still read for how often lines recur, never learned from.
 */
import { NO_CHECKPOINT, type Checkpoint } from './checkpoint';
import { DIMENSION } from './hashing';
import { articleFeatures, decidedNeighbourIndex, featureIndexes, type FeatureArticle, type FeatureIndexes } from './features';
import type { Examples, Neighbours } from './logistic';
import { MatrixBuilder, type FeatureMatrix } from './matrix';
import { articleTargets, type ArticleLayers, type TargetSource } from './targets';

/** Labels are bits of a 32-bit mask. */
export const MAX_LABELS = 32;

export interface LearnInput {
  /** Every readable article of the workspace, in a stable order (path order). */
  articles: readonly FeatureArticle[];
  /** The decisions of each article that has any, by path. */
  layers: ReadonlyMap<string, ArticleLayers>;
  /** The workspace's label names. */
  labels: readonly string[];
}

export interface Dataset {
  labels: string[];
  /**
   * One row per paragraph of the articles with examples, article by article, its features
   * numbered by `vocabulary` (local ids 0 … V−1, not hashed slots): the weights fitted on them
   * are V · labels, which stays in cache where the full table of 2^18 slots would not.
   */
  matrix: FeatureMatrix;
  /** The hashed slot of each local feature id, ascending. */
  vocabulary: Uint32Array;
  /** Each row's article (an index into `articles`). */
  rowArticle: Int32Array;
  /** The articles with examples, by path, in input order. */
  articles: string[];
  /** The first row of each article in `articles`, and one past its last (length articles + 1). */
  articleRows: Int32Array;
  examples: Examples & { article: Int32Array; source: TargetSource[] };
  neighbours: Neighbours;
  /** In local ids, like the matrix. */
  /** Each row's decided labels (bits) from its surest target, or -1 when nobody decided it. */
  known: Int32Array;
  /** How often lines recur, over every article of the input (features.ts). */
  indexes: FeatureIndexes;
  /** Every article read for recurrence. */
  workspaceArticles: number;
}

export function neighbourIndices(labels: readonly string[]): Pick<Neighbours, 'beforeLabel' | 'afterLabel' | 'beforeNone' | 'afterNone'> {
  return {
    beforeLabel: Uint32Array.from(labels, (l) => decidedNeighbourIndex('before', l)),
    afterLabel: Uint32Array.from(labels, (l) => decidedNeighbourIndex('after', l)),
    beforeNone: decidedNeighbourIndex('before', 'none'),
    afterNone: decidedNeighbourIndex('after', 'none'),
  };
}

/** The label set as bits of `labels`. */
export function labelBits(set: readonly string[], labels: readonly string[]): number {
  let bits = 0;
  for (const label of set) {
    const i = labels.indexOf(label);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}

/** Numbers the hashed slots in use 0 … V−1 in ascending order: the vocabulary, and slot → local id. */
function localIds(indices: Uint32Array, more: readonly number[]): { vocabulary: Uint32Array; local: Int32Array } {
  const local = new Int32Array(DIMENSION).fill(-1);
  for (const j of indices) local[j] = 0;
  for (const j of more) local[j] = 0;
  const vocabulary: number[] = [];
  for (let j = 0; j < DIMENSION; j++) {
    if (local[j] === 0) {
      local[j] = vocabulary.length;
      vocabulary.push(j);
    }
  }
  return { vocabulary: Uint32Array.from(vocabulary), local };
}

/** The matrix's hashed slots as local ids, in place (the built matrix is this function's own copy). */
function toLocal(indices: Uint32Array, local: Int32Array): Uint32Array {
  for (let k = 0; k < indices.length; k++) indices[k] = local[indices[k]!]!;
  return indices;
}

export function buildDataset(input: LearnInput, checkpoint: Checkpoint = NO_CHECKPOINT): Dataset {
  const indexes = featureIndexes(input.articles, checkpoint);
  const labels = input.labels.slice(0, MAX_LABELS);
  let rows = 0;
  for (const article of input.articles) if (input.layers.has(article.path)) rows += article.paragraphs.length;
  const matrix = new MatrixBuilder(rows, rows * 64);
  const rowArticle: number[] = [];
  const articles: string[] = [];
  const articleRows: number[] = [0];
  const paragraph: number[] = [];
  const targets: number[] = [];
  const weight: number[] = [];
  const exampleArticle: number[] = [];
  const source: TargetSource[] = [];
  const before: number[] = [];
  const after: number[] = [];
  const known: number[] = [];
  for (const article of input.articles) {
    const layers = input.layers.get(article.path);
    if (!layers) continue;
    checkpoint();
    const found = articleTargets(article.paragraphs.map((p) => p.id), layers, labels);
    if (found.length === 0) continue;
    const a = articles.length;
    articles.push(article.path);
    const first = matrix.length;
    articleFeatures(article, indexes, matrix);
    const n = article.paragraphs.length;
    for (let i = 0; i < n; i++) {
      rowArticle.push(a);
      before.push(i > 0 ? first + i - 1 : -1);
      after.push(i + 1 < n ? first + i + 1 : -1);
      known.push(-1);
    }
    for (const t of found) {
      const row = first + t.paragraph;
      const bits = labelBits(t.labels, labels);
      // The surest target (they come gold, majority, then editors) is what a neighbour knows.
      if (known[row] === -1) known[row] = bits;
      paragraph.push(row);
      targets.push(bits);
      weight.push(t.weight);
      exampleArticle.push(a);
      source.push(t.source);
    }
    articleRows.push(matrix.length);
  }
  const hashed = matrix.build();
  const extra = neighbourIndices(labels);
  const { vocabulary, local } = localIds(hashed.indices, [...extra.beforeLabel, ...extra.afterLabel, extra.beforeNone, extra.afterNone]);
  return {
    labels,
    matrix: { ...hashed, indices: toLocal(hashed.indices, local) },
    vocabulary,
    rowArticle: Int32Array.from(rowArticle),
    articles,
    articleRows: Int32Array.from(articleRows),
    examples: { paragraph: Int32Array.from(paragraph), targets: Uint32Array.from(targets), weight: Float32Array.from(weight), article: Int32Array.from(exampleArticle), source },
    neighbours: {
      before: Int32Array.from(before),
      after: Int32Array.from(after),
      beforeLabel: extra.beforeLabel.map((j) => local[j]!),
      afterLabel: extra.afterLabel.map((j) => local[j]!),
      beforeNone: local[extra.beforeNone]!,
      afterNone: local[extra.afterNone]!,
    },
    known: Int32Array.from(known),
    indexes,
    workspaceArticles: input.articles.length,
  };
}
