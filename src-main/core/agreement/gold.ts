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
import { decisionOf, withReasons } from './agreement';
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

export function goldScores(input: GoldInput): GoldScores {
  const labels = [...new Set(input.labels)];
  const tp = new Array<number>(labels.length).fill(0);
  const fp = new Array<number>(labels.length).fill(0);
  const fn = new Array<number>(labels.length).fill(0);
  let items = 0;
  for (const item of input.items) {
    const predicted = decisionOf(item, input.annotator);
    const truth = decisionOf(item, input.gold);
    if (predicted === undefined || truth === undefined) continue;
    items++;
    labels.forEach((label, l) => {
      const p = predicted.includes(label);
      const t = truth.includes(label);
      if (p && t) tp[l] = (tp[l] ?? 0) + 1;
      else if (p) fp[l] = (fp[l] ?? 0) + 1;
      else if (t) fn[l] = (fn[l] ?? 0) + 1;
    });
  }
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return {
    annotator: input.annotator,
    gold: input.gold,
    items,
    per_label: Object.fromEntries(labels.map((label, l) => [label, scoresFromCounts(tp[l] ?? 0, fp[l] ?? 0, fn[l] ?? 0)])),
    micro: scoresFromCounts(sum(tp), sum(fp), sum(fn)),
  };
}
