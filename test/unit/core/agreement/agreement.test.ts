import { describe, it, expect } from 'vitest';
import { computeAgreement } from '../../../../src-main/core/agreement';
import type { AgreementItem } from '../../../../src-main/core/agreement';
import {
  FLEISS_1971_CATEGORY_KAPPAS,
  FLEISS_1971_KAPPA,
  FLEISS_1971_RATINGS,
  IRR_ANXIETY_KAPPA_2_3,
  IRR_ANXIETY_RATER2,
  IRR_ANXIETY_RATER3,
  KRIPPENDORFF_2011_C,
  KRIPPENDORFF_2011_C_ALPHA,
  WIKIPEDIA_COHEN_TABLE,
  itemsFromReliabilityData,
  transpose,
} from './published-data';

const item = (id: string, article: string, decisions: AgreementItem['decisions']): AgreementItem => ({ id, article, decisions });

describe('computeAgreement on published examples (high-level path)', () => {
  it("computes Krippendorff's nominal alpha of 0.743 on Krippendorff's 2011 example with missing values", () => {
    const observers = ['A', 'B', 'C', 'D'];
    const report = computeAgreement({ annotators: observers, labels: ['1', '2', '3', '4', '5'], items: itemsFromReliabilityData(observers, KRIPPENDORFF_2011_C) });
    expect(report.items).toBe(11);
    expect(report.krippendorff_alpha).toBeCloseTo(KRIPPENDORFF_2011_C_ALPHA, 3);
    // only units 2–9 are coded by all four observers
    expect(report.fleiss_items).toBe(8);
  });

  it("computes Fleiss' kappa of 0.430 and Fleiss' per-category kappas on Fleiss' 1971 ratings", () => {
    const raters = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const labels = ['1', '2', '3', '4', '5'];
    const report = computeAgreement({ annotators: raters, labels, items: itemsFromReliabilityData(raters, transpose(FLEISS_1971_RATINGS)) });
    expect(report.fleiss_items).toBe(30);
    expect(report.fleiss_kappa).toBeCloseTo(FLEISS_1971_KAPPA, 6);
    // Fleiss' kappa_j for "category j vs the rest" equals Fleiss' kappa on the binary has-label decision.
    labels.forEach((label, j) => expect(report.per_label[label]?.fleiss_kappa).toBeCloseTo(FLEISS_1971_CATEGORY_KAPPAS[j] as number, 3));
  });

  it("computes Cohen's kappa of 0.4 on Wikipedia's 2×2 example given as 50 labelled paragraphs", () => {
    const items: AgreementItem[] = [];
    WIKIPEDIA_COHEN_TABLE.forEach((row, i) =>
      row.forEach((n, j) => {
        for (let k = 0; k < n; k++) items.push(item(`p${items.length}`, 'a', { a: i === 0 ? ['yes'] : [], b: j === 0 ? ['yes'] : [] }));
      }),
    );
    const report = computeAgreement({ annotators: ['a', 'b'], labels: ['yes'], items });
    expect(report.pairwise).toHaveLength(1);
    expect(report.pairwise[0]).toMatchObject({ a: 'a', b: 'b', items: 50, percent_agreement: 0.7 });
    expect(report.pairwise[0]?.cohen_kappa).toBeCloseTo(0.4, 12);
    expect(report.confusion[0]).toEqual({ a: 'a', b: 'b', values: ['(no label)', 'yes'], value_sets: [[], ['yes']], matrix: [[15, 10], [5, 20]] });
  });

  it("computes Cohen's kappa of -0.0063 on R irr's anxiety ratings (raters 2 and 3, six-point scale)", () => {
    const items = itemsFromReliabilityData(['r2', 'r3'], [IRR_ANXIETY_RATER2, IRR_ANXIETY_RATER3]);
    const report = computeAgreement({ annotators: ['r2', 'r3'], labels: [], items });
    expect(report.pairwise[0]?.cohen_kappa).toBeCloseTo(IRR_ANXIETY_KAPPA_2_3, 8);
  });
});

describe('computeAgreement on hand-checked cases', () => {
  // a/b label two articles; values are exact label sets.
  const handItems = [
    item('p1', 'art1', { a: ['quote'], b: ['quote', 'claim'] }),
    item('p2', 'art1', { a: ['claim'], b: ['claim'] }),
    item('p3', 'art2', { a: [], b: [] }),
    item('p4', 'art2', { a: ['quote'], b: [] }),
  ];
  const hand = computeAgreement({ annotators: ['a', 'b'], labels: ['quote', 'claim'], items: handItems });

  it('computes overall coefficients on exact label sets', () => {
    expect(hand.items).toBe(4);
    expect(hand.percent_agreement).toBe(0.5);
    expect(hand.krippendorff_alpha).toBeCloseTo(9 / 23, 12); // 1 − 7·4 / (64 − 18)
    expect(hand.fleiss_kappa).toBeCloseTo(7 / 23, 12); // (0.5 − 18/64) / (1 − 18/64)
    expect(hand.pairwise[0]?.cohen_kappa).toBeCloseTo(5 / 13, 12); // (4·2 − 3) / (16 − 3)
    expect(hand.reasons).toEqual({});
  });

  it('computes per-label coefficients on the binary has-label decision', () => {
    expect(hand.per_label.quote?.percent_agreement).toBe(0.75);
    expect(hand.per_label.quote?.krippendorff_alpha).toBeCloseTo(8 / 15, 12); // 1 − 7·2 / (64 − 9 − 25)
    expect(hand.per_label.quote?.fleiss_kappa).toBeCloseTo(7 / 15, 12);
    expect(hand.per_label.claim?.percent_agreement).toBe(0.75);
    expect(hand.per_label.claim?.krippendorff_alpha).toBeCloseTo(8 / 15, 12);
  });

  it('computes per-article agreement', () => {
    expect(hand.per_article).toEqual([
      { article: 'art1', items: 2, percent_agreement: 0.5, krippendorff_alpha: expect.closeTo(0.4, 12), reasons: {} },
      { article: 'art2', items: 2, percent_agreement: 0.5, krippendorff_alpha: expect.closeTo(0, 12), reasons: {} },
    ]);
  });

  it('builds a confusion matrix per pair with rows = first annotator', () => {
    expect(hand.confusion).toEqual([
      {
        a: 'a',
        b: 'b',
        values: ['(no label)', 'claim', 'claim + quote', 'quote'],
        value_sets: [[], ['claim'], ['claim', 'quote'], ['quote']],
        matrix: [
          [1, 0, 0, 0],
          [0, 1, 0, 0],
          [0, 0, 0, 0],
          [1, 0, 1, 0],
        ],
      },
    ]);
  });

  it('serialises to the CLI JSON shape with snake_case keys in order', () => {
    const json = JSON.parse(JSON.stringify(hand)) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual(['annotators', 'items', 'percent_agreement', 'krippendorff_alpha', 'fleiss_kappa', 'pairwise', 'per_label']);
    expect(Object.keys((json.pairwise as object[])[0] as object)).toEqual(['a', 'b', 'items', 'percent_agreement', 'cohen_kappa', 'reasons']);
    expect(Object.keys(json.per_label as object)).toEqual(['quote', 'claim']);
    expect(Object.keys((json.per_label as Record<string, object>).quote as object)).toEqual(['krippendorff_alpha', 'fleiss_kappa', 'percent_agreement', 'reasons']);
  });

  it('treats label sets as order-insensitive and ignores duplicate labels', () => {
    const r = computeAgreement({ annotators: ['a', 'b'], labels: ['x', 'y'], items: [item('p1', 'a', { a: ['x', 'y'], b: ['y', 'x', 'x'] }), item('p2', 'a', { a: ['y'], b: ['y'] })] });
    expect(r.percent_agreement).toBe(1);
    expect(r.krippendorff_alpha).toBe(1);
  });

  it('handles missing decisions: absent or undefined means no decision, unselected annotators are ignored', () => {
    const r = computeAgreement({
      annotators: ['a', 'b', 'c'],
      labels: ['x', 'y'],
      items: [
        item('p1', 'A', { a: ['x'], b: ['x'], c: ['y'] }),
        item('p2', 'A', { a: ['x'], b: ['x'] }),
        item('p3', 'A', { a: ['y'], b: undefined, c: ['y'] }),
        item('p4', 'A', { a: ['x'] }),
        item('p5', 'A', { a: ['x'], zed: ['y'] }),
      ],
    });
    expect(r.items).toBe(3);
    expect(r.fleiss_items).toBe(1);
    expect(r.percent_agreement).toBeCloseTo(7 / 9, 12); // (1/3 + 1 + 1) / 3
    expect(r.krippendorff_alpha).toBeCloseTo(0.5, 12); // 1 − 6·2 / (49 − 25)
    expect(r.fleiss_kappa).toBeCloseTo(-0.5, 12); // one subject: (1/3 − 5/9) / (4/9)
    expect(r.pairwise.map((p) => [p.a, p.b, p.items, p.percent_agreement])).toEqual([
      ['a', 'b', 2, 1],
      ['a', 'c', 2, 0.5],
      ['b', 'c', 1, 0],
    ]);
    expect(r.pairwise[0]).toMatchObject({ cohen_kappa: null, reasons: { cohen_kappa: expect.stringMatching(/chance agreement is 1/) } });
  });

  it('gives 1 everywhere under perfect agreement', () => {
    const items = [item('p1', 'a', { a: ['x'], b: ['x'], c: ['x'] }), item('p2', 'a', { a: [], b: [], c: [] }), item('p3', 'a', { a: ['x', 'y'], b: ['y', 'x'], c: ['x', 'y'] })];
    const r = computeAgreement({ annotators: ['a', 'b', 'c'], labels: ['x', 'y'], items });
    expect([r.percent_agreement, r.krippendorff_alpha, r.fleiss_kappa]).toEqual([1, 1, 1]);
    expect(r.pairwise.map((p) => p.cohen_kappa)).toEqual([1, 1, 1]);
    expect(r.per_label.x?.krippendorff_alpha).toBe(1);
    expect(r.per_label.y?.fleiss_kappa).toBe(1);
  });

  it('gives null with reasons (never NaN) when everyone used one category', () => {
    const items = [item('p1', 'a', { a: ['ad'], b: ['ad'] }), item('p2', 'a', { a: ['ad'], b: ['ad'] })];
    const r = computeAgreement({ annotators: ['a', 'b'], labels: ['ad', 'quote'], items });
    expect(r.percent_agreement).toBe(1);
    expect(r.krippendorff_alpha).toBeNull();
    expect(r.fleiss_kappa).toBeNull();
    expect(r.reasons).toEqual({ krippendorff_alpha: 'only one value occurs: expected disagreement is 0', fleiss_kappa: 'only one category occurs: chance agreement is 1' });
    expect(r.pairwise[0]?.cohen_kappa).toBeNull();
    expect(r.per_label.quote).toMatchObject({ krippendorff_alpha: null, fleiss_kappa: null, percent_agreement: 1 });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('returns an empty report with reasons for empty input', () => {
    const r = computeAgreement({ annotators: [], labels: [], items: [] });
    expect(r).toMatchObject({ annotators: [], items: 0, percent_agreement: null, krippendorff_alpha: null, fleiss_kappa: null, pairwise: [], per_label: {}, per_article: [], confusion: [] });
    expect(Object.keys(r.reasons).sort()).toEqual(['fleiss_kappa', 'krippendorff_alpha', 'percent_agreement']);
    expect(r.reasons.fleiss_kappa).toMatch(/two annotators/);
  });

  it('reports no items when annotators exist but nobody overlaps', () => {
    const r = computeAgreement({ annotators: ['a', 'b'], labels: ['x'], items: [item('p1', 'a', { a: ['x'] }), item('p2', 'a', { b: [] })] });
    expect(r.items).toBe(0);
    expect(r.reasons.krippendorff_alpha).toBe('no item was decided by two or more selected annotators');
    expect(r.reasons.fleiss_kappa).toBe('no item was decided by all selected annotators');
    expect(r.pairwise[0]).toMatchObject({ items: 0, percent_agreement: null, cohen_kappa: null });
    expect(r.per_article).toEqual([]);
  });

  it('does not read decisions from the prototype and keeps odd label names as keys', () => {
    const r = computeAgreement({ annotators: ['constructor', 'toString'], labels: ['__proto__'], items: [item('p1', 'a', {})] });
    expect(r.items).toBe(0);
    expect(Object.keys(r.per_label)).toEqual(['__proto__']);
  });
});

describe('computeAgreement at scale', () => {
  it('completes on 300,000 items × 3 annotators', () => {
    const labels = ['quote', 'claim', 'boilerplate', 'ad'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const items: AgreementItem[] = [];
    for (let i = 0; i < 300_000; i++) {
      const truth = labels.filter(() => random() < 0.3);
      const decisions: Record<string, string[]> = {};
      for (const a of ['a', 'b', 'c']) {
        if (random() < 0.05) continue;
        decisions[a] = random() < 0.8 ? truth : labels.filter(() => random() < 0.3);
      }
      items.push({ id: `p${i}`, article: `art${i % 5000}`, decisions });
    }
    const r = computeAgreement({ annotators: ['a', 'b', 'c'], labels, items });
    expect(r.items).toBeGreaterThan(290_000);
    expect(r.per_article).toHaveLength(5000);
    for (const v of [r.percent_agreement, r.krippendorff_alpha, r.fleiss_kappa, ...r.pairwise.map((p) => p.cohen_kappa)]) {
      expect(v).toBeGreaterThan(0.5);
      expect(v).toBeLessThan(1);
    }
  });
});
