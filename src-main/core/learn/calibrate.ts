/**
 * Turning a label's margins into honest probabilities. Class-balanced training makes a rare
 * label's margins too eager, and a linear model's margins are not probabilities anyway; Platt
 * scaling fits P(label | margin) = 1 / (1 + exp(A·margin + B)) on margins the model gave to
 * paragraphs it was NOT trained on (cross-validated by article, see model.ts), with Platt's
 * smoothed targets, by Newton's method with backtracking as in Lin, Lin & Weng (2007), "A note on
 * Platt's probabilistic outputs for support vector machines". Two parameters: it needs few
 * examples and cannot overfit the way isotonic regression does on a few hundred paragraphs.
 *
 * `reliability` bins held-out probabilities against what the editors decided, so "a 0.9 is right
 * about 9 times in 10" can be checked (pilcrow train prints it).
 */
import { NO_CHECKPOINT, type Checkpoint } from './checkpoint';

export interface Platt {
  a: number;
  b: number;
}

export function plattProbability(platt: Platt, margin: number): number {
  const f = margin * platt.a + platt.b;
  return f >= 0 ? Math.exp(-f) / (1 + Math.exp(-f)) : 1 / (1 + Math.exp(f));
}

/** Fits A and B on (margin, positive?, weight) triples. */
export function fitPlatt(margins: ArrayLike<number>, positive: ArrayLike<boolean>, weights?: ArrayLike<number>, checkpoint: Checkpoint = NO_CHECKPOINT): Platt {
  const n = margins.length;
  let prior1 = 0;
  let prior0 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (positive[i]) prior1 += w;
    else prior0 += w;
  }
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = positive[i] ? hi : lo;
  const w = (i: number) => (weights ? weights[i]! : 1);
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  const objective = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const fApB = margins[i]! * a + b;
      f += w(i) * (fApB >= 0 ? t[i]! * fApB + Math.log1p(Math.exp(-fApB)) : (t[i]! - 1) * fApB + Math.log1p(Math.exp(fApB)));
    }
    return f;
  };
  let fval = objective(a, b);
  const sigma = 1e-12;
  for (let iteration = 0; iteration < 100; iteration++) {
    checkpoint();
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const fApB = margins[i]! * a + b;
      const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
      const q = 1 - p;
      const d2 = w(i) * p * q;
      h11 += margins[i]! * margins[i]! * d2;
      h22 += d2;
      h21 += margins[i]! * d2;
      const d1 = w(i) * (t[i]! - p);
      g1 += margins[i]! * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const na = a + step * dA;
      const nb = b + step * dB;
      const nf = objective(na, nb);
      if (nf < fval + 1e-4 * step * gd) {
        a = na;
        b = nb;
        fval = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

export interface ReliabilityBin {
  /** The bin's lower edge: 0.5 holds probabilities in [0.5, 0.6). */
  from: number;
  /** Paragraphs whose held-out probability fell in the bin. */
  count: number;
  /** Their mean probability. */
  meanProbability: number;
  /** The share of them the editors gave the label. */
  observed: number;
}

/** Ten bins of held-out probability against the decisions; empty bins are left out. */
export function reliability(probabilities: ArrayLike<number>, positive: ArrayLike<boolean>): ReliabilityBin[] {
  const sums = Array.from({ length: 10 }, () => ({ count: 0, p: 0, yes: 0 }));
  for (let i = 0; i < probabilities.length; i++) {
    const bin = sums[Math.min(9, Math.floor(probabilities[i]! * 10))]!;
    bin.count += 1;
    bin.p += probabilities[i]!;
    if (positive[i]) bin.yes += 1;
  }
  return sums.flatMap((s, i) => (s.count === 0 ? [] : [{ from: i / 10, count: s.count, meanProbability: s.p / s.count, observed: s.yes / s.count }]));
}
