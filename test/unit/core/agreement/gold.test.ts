import { describe, it, expect } from 'vitest';
import { goldScores } from '../../../../src-main/core/agreement';
import type { AgreementItem } from '../../../../src-main/core/agreement';

const items: AgreementItem[] = [
  { id: 'p1', article: 'a', decisions: { ann: ['quote'], gold: ['quote'] } }, // quote tp
  { id: 'p2', article: 'a', decisions: { ann: ['quote', 'claim'], gold: ['claim'] } }, // quote fp, claim tp
  { id: 'p3', article: 'a', decisions: { ann: [], gold: ['quote'] } }, // quote fn
  { id: 'p4', article: 'b', decisions: { ann: ['claim'], gold: [] } }, // claim fp
  { id: 'p5', article: 'b', decisions: { ann: ['quote'] } }, // no gold: skipped
  { id: 'p6', article: 'b', decisions: { ann: undefined, gold: ['claim'] } }, // no decision: skipped
];

describe('goldScores', () => {
  const scores = goldScores({ annotator: 'ann', gold: 'gold', labels: ['quote', 'claim', 'ad'], items });

  it('compares only items decided by both the annotator and the gold', () => {
    expect(scores.items).toBe(4);
  });

  it('computes per-label precision, recall and F1 from hand-counted tp/fp/fn', () => {
    expect(scores.per_label.quote).toEqual({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5, reasons: {} });
    expect(scores.per_label.claim).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(scores.per_label.claim?.f1).toBeCloseTo(2 / 3, 12);
  });

  it('gives null with reasons when a label has no positives on either side', () => {
    expect(scores.per_label.ad).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: null,
      recall: null,
      f1: null,
      reasons: {
        precision: expect.stringMatching(/never assigned/),
        recall: expect.stringMatching(/gold never has/),
        f1: expect.stringMatching(/neither/),
      },
    });
  });

  it('micro-averages over summed counts', () => {
    expect(scores.micro).toMatchObject({ tp: 2, fp: 2, fn: 1, precision: 0.5 });
    expect(scores.micro.recall).toBeCloseTo(2 / 3, 12);
    expect(scores.micro.f1).toBeCloseTo(4 / 7, 12);
  });

  it('gives F1 = 0 but null precision when the annotator never predicts a label the gold has', () => {
    const s = goldScores({ annotator: 'ann', gold: 'gold', labels: ['ad'], items: [{ id: 'p', article: 'a', decisions: { ann: [], gold: ['ad'] } }] });
    expect(s.per_label.ad).toMatchObject({ precision: null, recall: 0, f1: 0, reasons: { precision: expect.any(String) } });
  });

  it('returns empty scores with null micro values for empty input', () => {
    const s = goldScores({ annotator: 'ann', gold: 'gold', labels: [], items: [] });
    expect(s).toMatchObject({ items: 0, per_label: {}, micro: { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null } });
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });
});
