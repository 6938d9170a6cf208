/**
 * Logistic regression, one per label, trained together over the same sparse rows: binary
 * cross-entropy with L2, class-balanced (each label's positives and negatives carry equal total
 * weight, so a label on 3% of paragraphs is not learned as "never"), optimised by AdaGrad
 * (Duchi, Hazan & Singer 2011): stochastic gradient steps with a per-feature learning rate that
 * shrinks as the feature is seen, which suits hashed text features where most are rare. The L2
 * penalty is applied to the features of each example as it is visited (the usual sparse
 * approximation). Examples are visited in a seeded shuffle, so a seed fixes the model.
 *
 * Weights are kept interleaved (feature j, label l at j·L + l) so one pass over a row's features
 * updates every label.
 */
import { CHECK_EVERY, NO_CHECKPOINT, type Checkpoint } from './checkpoint';
import type { FeatureMatrix } from './matrix';
import { seededRandom, shuffle } from './random';

export interface FitOptions {
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 strength per visit of a feature. */
  l2: number;
  seed: number;
  /** Share of training visits on which the neighbours' decided labels are hidden (cold articles). */
  hideNeighbours: number;
}

/** |probability − target| under which an example no longer moves a label's weights. */
const SETTLED = 1e-3;

export const DEFAULT_FIT: FitOptions = { epochs: 6, rate: 0.3, l2: 1e-5, seed: 1, hideNeighbours: 0.5 };

/** The training examples: rows of the matrix with their labels (bit l: label l) and weights. */
export interface Examples {
  paragraph: Int32Array;
  targets: Uint32Array;
  weight: Float32Array;
}

/**
 * The paragraphs beside each matrix row (-1 at an article's edge) and the feature indices that say
 * "the paragraph before/after is decided as label l / as none".
 */
export interface Neighbours {
  before: Int32Array;
  after: Int32Array;
  beforeLabel: Uint32Array;
  afterLabel: Uint32Array;
  beforeNone: number;
  afterNone: number;
}

export interface LinearModel {
  labels: number;
  /** One row of `labels` weights per feature id of the matrix it is used with, interleaved. */
  weights: Float64Array | Float32Array;
  bias: Float64Array | Float32Array;
}

/** Up to 2 + 2·32 extra features a row gets from its decided neighbours. */
const extra = new Uint32Array(72);

/**
 * The decided-neighbour features of row `p`: `decided(q)` gives row q's labels as bits, or -1
 * when q is not decided (or hidden). Returns how many were written into `extra`.
 */
function neighbourFeatures(p: number, n: Neighbours, labels: number, decided: (q: number) => number): number {
  let count = 0;
  for (let side = 0; side < 2; side++) {
    const q = side === 0 ? n.before[p]! : n.after[p]!;
    if (q < 0) continue;
    const mask = decided(q);
    if (mask < 0) continue;
    if (mask === 0) extra[count++] = side === 0 ? n.beforeNone : n.afterNone;
    else for (let l = 0; l < labels; l++) if (mask & (1 << l)) extra[count++] = side === 0 ? n.beforeLabel[l]! : n.afterLabel[l]!;
  }
  return count;
}

/** Every label's margin (log-odds before calibration) for matrix row `p`, into `out`. */
export function margins(model: LinearModel, matrix: FeatureMatrix, p: number, n: Neighbours | null, decided: (q: number) => number, out: Float64Array): Float64Array {
  const L = model.labels;
  const w = model.weights;
  const { indices, values } = matrix;
  const from = matrix.offsets[p]!;
  const end = matrix.offsets[p + 1]!;
  if (L === 4) {
    // The default labels, summed in locals (the same additions in the same order).
    let z0 = model.bias[0]!;
    let z1 = model.bias[1]!;
    let z2 = model.bias[2]!;
    let z3 = model.bias[3]!;
    for (let k = from; k < end; k++) {
      const base = indices[k]! * 4;
      const v = values[k]!;
      z0 += w[base]! * v;
      z1 += w[base + 1]! * v;
      z2 += w[base + 2]! * v;
      z3 += w[base + 3]! * v;
    }
    out[0] = z0;
    out[1] = z1;
    out[2] = z2;
    out[3] = z3;
  } else {
    for (let l = 0; l < L; l++) out[l] = model.bias[l]!;
    for (let k = from; k < end; k++) {
      const base = indices[k]! * L;
      const v = values[k]!;
      for (let l = 0; l < L; l++) out[l] = out[l]! + w[base + l]! * v;
    }
  }
  if (n) {
    const count = neighbourFeatures(p, n, L, decided);
    for (let e = 0; e < count; e++) {
      const base = extra[e]! * L;
      for (let l = 0; l < L; l++) out[l] = out[l]! + w[base + l]!;
    }
  }
  return out;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Fits `labels` logistic regressions on the examples listed in `use` (indices into `examples`),
 * over a matrix whose feature ids are below `dimension`.
 * `decided(q)` gives matrix row q's known labels (bits), or -1: the neighbours' labels the model
 * may lean on; they are hidden on a seeded `hideNeighbours` share of visits, as in an article
 * nobody has started.
 */
export function fitLogistic(matrix: FeatureMatrix, dimension: number, examples: Examples, use: Int32Array, labels: number, neighbours: Neighbours | null, decided: (q: number) => number, options: FitOptions, checkpoint: Checkpoint = NO_CHECKPOINT): LinearModel {
  const L = labels;
  const weights = new Float64Array(dimension * L);
  const squares = new Float64Array(dimension * L);
  const bias = new Float64Array(L);
  const biasSquares = new Float64Array(L);
  // Class balance per label, over the weights of the examples used.
  let total = 0;
  const positive = new Float64Array(L);
  for (const e of use) {
    const w = examples.weight[e]!;
    total += w;
    for (let l = 0; l < L; l++) if (examples.targets[e]! & (1 << l)) positive[l] = positive[l]! + w;
  }
  // classWeight[y·L + l]: the weight of a negative (y = 0) or positive (y = 1) example of label l.
  const classWeight = new Float64Array(2 * L);
  for (let l = 0; l < L; l++) {
    classWeight[L + l] = positive[l]! > 0 ? total / (2 * positive[l]!) : 0;
    classWeight[l] = total - positive[l]! > 0 ? total / (2 * (total - positive[l]!)) : 0;
  }
  const random = seededRandom(options.seed);
  const order = Int32Array.from(use);
  const z = new Float64Array(L);
  const g = new Float64Array(L);
  const live = new Int32Array(L);
  const model: LinearModel = { labels: L, weights, bias };
  const rate = options.rate;
  const l2 = options.l2;
  const { offsets, indices, values } = matrix;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (let o = 0; o < order.length; o++) {
      if ((o & (CHECK_EVERY - 1)) === 0) checkpoint();
      const e = order[o]!;
      const p = examples.paragraph[e]!;
      const hide = neighbours !== null && random() < options.hideNeighbours;
      margins(model, matrix, p, hide ? null : neighbours, decided, z);
      const t = examples.targets[e]!;
      const w = examples.weight[e]!;
      // Labels the example still teaches something: one the model already gets right to within
      // SETTLED is skipped, with its L2 step (the sparse approximation again), which saves most
      // of the work after the first epoch.
      let active = 0;
      for (let l = 0; l < L; l++) {
        const y = (t >>> l) & 1;
        const error = sigmoid(z[l]!) - y;
        if (error < SETTLED && error > -SETTLED) continue;
        const gl = error * classWeight[y * L + l]! * w;
        g[active] = gl;
        live[active++] = l;
        biasSquares[l] = biasSquares[l]! + gl * gl;
        bias[l] = bias[l]! - (rate * gl) / (Math.sqrt(biasSquares[l]!) + 1e-8);
      }
      if (active === 0) continue;
      // The row's own features, then its decided-neighbour features (value 1).
      const end = offsets[p + 1]!;
      for (let k = offsets[p]!; k < end; k++) step(indices[k]! * L, values[k]!, active);
      const count = hide || !neighbours ? 0 : neighbourFeatures(p, neighbours, L, decided);
      for (let e = 0; e < count; e++) step(extra[e]! * L, 1, active);
    }
  }
  return model;

  /** AdaGrad's step on one feature (its weights from `base`) of value v, for the active labels. */
  function step(base: number, v: number, active: number): void {
    for (let a = 0; a < active; a++) {
      const at = base + live[a]!;
      const grad = g[a]! * v + l2 * weights[at]!;
      if (grad === 0) continue;
      const sq = squares[at]! + grad * grad;
      squares[at] = sq;
      weights[at] = weights[at]! - (rate * grad) / (Math.sqrt(sq) + 1e-8);
    }
  }
}
