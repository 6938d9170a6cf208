/**
 * Precision / recall / F1 of one annotator against a gold annotator, per label and micro-averaged.
 * Only items decided by both are compared; per label, the annotator's "has the label" is the
 * prediction and the gold's is the truth. Only `labels` are scored.
 *
 * precision = tp / (tp + fp)   null when the annotator never assigned the label
 * recall    = tp / (tp + fn)   null when the gold never has the label
 * f1        = 2tp / (2tp + fp + fn), the harmonic mean of precision and recall where both are
 *             defined (and 0 when tp = 0 but there are errors); null when neither assigned it.
 */
import { decisionOf, withReasons } from './report-parts';
import { defined, undefinedCoefficient } from './tally';
import type { AgreementItem, Reasons } from './types';

export interface GoldInput {
  annotator: string;
  gold: string;
  labels: string[];
  items: AgreementItem[];
}

export interface GoldLabelScores {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  reasons: Reasons<'precision' | 'recall' | 'f1'>;
}

export interface GoldScores {
  annotator: string;
  gold: string;
  /** Items decided by both the annotator and the gold. */
  items: number;
  per_label: Record<string, GoldLabelScores>;
  /** Scores over the tp/fp/fn summed across labels. */
  micro: GoldLabelScores;
}

export function scoresFromCounts(tp: number, fp: number, fn: number): GoldLabelScores {
  return {
    tp,
    fp,
    fn,
    ...withReasons({
      precision: tp + fp === 0 ? undefinedCoefficient('no positive predictions: the annotator never assigned the label') : defined(tp / (tp + fp)),
      recall: tp + fn === 0 ? undefinedCoefficient('no positives in the gold: the gold never has the label') : defined(tp / (tp + fn)),
      f1: tp + fp + fn === 0 ? undefinedCoefficient('neither the annotator nor the gold assigned the label') : defined((2 * tp) / (2 * tp + fp + fn)),
    }),
  };
}

/**
 * An annotator's counts against the gold, summable across articles: items decided by both, and
 * per label (in the order given) true positives, false positives and false negatives.
 */
export type GoldCounts = [items: number, tp: number[], fp: number[], fn: number[]];

export function emptyGoldCounts(labels: number): GoldCounts {
  return [0, new Array<number>(labels).fill(0), new Array<number>(labels).fill(0), new Array<number>(labels).fill(0)];
}

/** Adds `annotator`'s counts against `gold` over `items` to `into` (labels distinct). */
export function addGoldCounts(into: GoldCounts, items: readonly AgreementItem[], annotator: string, gold: string, labels: readonly string[]): void {
  const [, tp, fp, fn] = into;
  for (const item of items) {
    const predicted = decisionOf(item, annotator);
    const truth = decisionOf(item, gold);
    if (predicted === undefined || truth === undefined) continue;
    into[0]++;
    labels.forEach((label, l) => {
      const p = predicted.includes(label);
      const t = truth.includes(label);
      if (p && t) tp[l] = (tp[l] ?? 0) + 1;
      else if (p) fp[l] = (fp[l] ?? 0) + 1;
      else if (t) fn[l] = (fn[l] ?? 0) + 1;
    });
  }
}

/** Sums counts kept per article into `into`. */
export function mergeGoldCounts(into: GoldCounts, more: Readonly<GoldCounts>): void {
  into[0] += more[0];
  for (let k = 1; k <= 3; k++) {
    const target = into[k] as number[];
    (more[k] as number[]).forEach((c, l) => (target[l] = (target[l] ?? 0) + c));
  }
}

export function scoresFromGoldCounts(annotator: string, gold: string, labels: readonly string[], [items, tp, fp, fn]: Readonly<GoldCounts>): GoldScores {
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    annotator,
    gold,
    items,
    per_label: Object.fromEntries(labels.map((label, l) => [label, scoresFromCounts(tp[l] ?? 0, fp[l] ?? 0, fn[l] ?? 0)])),
    micro: scoresFromCounts(sum(tp), sum(fp), sum(fn)),
  };
}

export function goldScores(input: GoldInput): GoldScores {
  const labels = [...new Set(input.labels)];
  const counts = emptyGoldCounts(labels.length);
  addGoldCounts(counts, input.items, input.annotator, input.gold, labels);
  return scoresFromGoldCounts(input.annotator, input.gold, labels, counts);
}
