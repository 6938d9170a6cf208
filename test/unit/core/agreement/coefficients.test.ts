import { describe, it, expect } from 'vitest';
import { cohenKappa, fleissKappa, krippendorffAlphaNominal, percentAgreement, reliabilityDataToCounts } from '../../../../src-main/core/agreement';
import { tallyCounts } from '../../../../src-main/core/agreement/coefficients';
import {
  FLEISS_1971_COUNTS,
  FLEISS_1971_KAPPA,
  FLEISS_1971_RATINGS,
  KRIPPENDORFF_2011_A,
  KRIPPENDORFF_2011_A_ALPHA,
  KRIPPENDORFF_2011_C,
  KRIPPENDORFF_2011_C_ALPHA,
  SAS_COHEN_3X3,
  SAS_COHEN_3X3_KAPPA,
  WIKIPEDIA_COHEN_TABLE,
  WIKIPEDIA_FLEISS_COUNTS,
  WIKIPEDIA_FLEISS_KAPPA,
  transpose,
} from './published-data';

describe("Krippendorff's alpha (nominal) on count matrices", () => {
  it("computes 0.743 on Krippendorff's 2011 example C with missing values", () => {
    const { counts } = reliabilityDataToCounts(KRIPPENDORFF_2011_C);
    const alpha = krippendorffAlphaNominal(counts);
    expect(alpha.value).not.toBeNull();
    expect(alpha.value).toBeCloseTo(KRIPPENDORFF_2011_C_ALPHA, 3);
  });

  it("reproduces the published coincidence marginals of Krippendorff's example C (n = 40; 9, 13, 10, 5, 3)", () => {
    const { values, counts } = reliabilityDataToCounts(KRIPPENDORFF_2011_C);
    const tally = tallyCounts(counts);
    expect(tally.values).toBe(40);
    expect(tally.units).toBe(11); // unit 12 has one value and is not pairable
    expect([1, 2, 3, 4, 5].map((v) => tally.total(values.indexOf(v)))).toEqual([9, 13, 10, 5, 3]);
  });

  it("computes 0.095 on Krippendorff's 2011 binary example A (two observers)", () => {
    const alpha = krippendorffAlphaNominal(reliabilityDataToCounts(KRIPPENDORFF_2011_A).counts);
    expect(alpha.value).toBeCloseTo(KRIPPENDORFF_2011_A_ALPHA, 3);
  });

  it('is exactly 1 under perfect agreement', () => {
    expect(krippendorffAlphaNominal([[3, 0], [0, 2], [2, 0]]).value).toBe(1);
  });

  it('is null with a reason when only one value occurs', () => {
    const alpha = krippendorffAlphaNominal([[3, 0], [2, 0]]);
    expect(alpha).toEqual({ value: null, reason: 'only one value occurs: expected disagreement is 0' });
  });

  it('ignores units with fewer than two values and is null when none are pairable', () => {
    expect(krippendorffAlphaNominal([[1, 0], [0, 1]]).value).toBeNull();
    expect(krippendorffAlphaNominal([]).reason).toMatch(/two or more/);
    // adding an unpairable unit does not change alpha
    expect(krippendorffAlphaNominal([[2, 0], [1, 1], [0, 2], [0, 1]]).value).toBe(krippendorffAlphaNominal([[2, 0], [1, 1], [0, 2]]).value);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => krippendorffAlphaNominal([[1, -1]])).toThrow(RangeError);
    expect(() => krippendorffAlphaNominal([[1.5, 1]])).toThrow(RangeError);
  });
});

describe("Fleiss' kappa on subjects × categories count matrices", () => {
  it("computes 0.430 on Fleiss' 1971 Table 1 (30 subjects, 6 raters, 5 categories)", () => {
    expect(fleissKappa(FLEISS_1971_COUNTS).value).toBeCloseTo(FLEISS_1971_KAPPA, 6);
  });

  it('the Fleiss 1971 count table matches the raw ratings it was transcribed from (column totals 26, 26, 30, 55, 43)', () => {
    const { values, counts } = reliabilityDataToCounts(transpose(FLEISS_1971_RATINGS));
    const order = [1, 2, 3, 4, 5].map((v) => values.indexOf(v));
    expect(counts.map((row) => order.map((i) => row[i]))).toEqual(FLEISS_1971_COUNTS);
    expect([0, 1, 2, 3, 4].map((j) => FLEISS_1971_COUNTS.reduce((s, r) => s + (r[j] ?? 0), 0))).toEqual([26, 26, 30, 55, 43]);
  });

  it("computes 0.210 on Wikipedia's Fleiss' kappa example (10 subjects, 14 raters)", () => {
    expect(fleissKappa(WIKIPEDIA_FLEISS_COUNTS).value).toBeCloseTo(WIKIPEDIA_FLEISS_KAPPA, 3);
  });

  it('is 1 under perfect agreement and null with a reason when only one category is used', () => {
    expect(fleissKappa([[3, 0], [0, 3]]).value).toBe(1);
    expect(fleissKappa([[3, 0], [3, 0]])).toEqual({ value: null, reason: 'only one category occurs: chance agreement is 1' });
  });

  it('is null with a reason when subjects have different numbers of ratings, or fewer than two', () => {
    expect(fleissKappa([[3, 0], [1, 1]]).reason).toMatch(/different numbers of ratings/);
    expect(fleissKappa([[1, 0], [0, 1]]).reason).toMatch(/at least two/);
    expect(fleissKappa([]).reason).toMatch(/no subjects/);
  });
});

describe("Cohen's kappa on contingency tables", () => {
  it("computes 0.4 on Wikipedia's 2×2 example (20/5/10/15)", () => {
    expect(cohenKappa(WIKIPEDIA_COHEN_TABLE).value).toBeCloseTo(0.4, 12);
  });

  it('computes 0.4842 on a 3×3 SAS PROC FREQ example (statsmodels table10)', () => {
    const kappa = cohenKappa(SAS_COHEN_3X3);
    expect(kappa.value).toBeCloseTo(SAS_COHEN_3X3_KAPPA, 4);
    expect(kappa.value).toBeCloseTo(107 / 221, 12);
  });

  it('is null with a reason for an empty table or when both raters used one and the same value', () => {
    expect(cohenKappa([[0, 0], [0, 0]]).reason).toMatch(/no item/);
    expect(cohenKappa([[7, 0], [0, 0]]).reason).toMatch(/chance agreement is 1/);
  });

  it('is 0 when the raters never agree and each used a single different value', () => {
    expect(cohenKappa([[0, 4], [0, 0]]).value).toBe(0);
  });

  it('rejects a non-square table', () => {
    expect(() => cohenKappa([[1, 2, 3], [4, 5, 6]])).toThrow(RangeError);
  });
});

describe('percent agreement on count matrices', () => {
  it('averages the share of agreeing coder pairs per unit', () => {
    // unit 1: 3 coders, 2 agree -> 1 of 3 pairs; unit 2: all agree -> 1; unit 3: 1 of 1 pair disagrees -> 0
    expect(percentAgreement([[2, 1], [0, 3], [1, 1]]).value).toBeCloseTo(4 / 9, 12);
  });

  it("gives Fleiss' P̄ = 0.378 on Wikipedia's Fleiss example", () => {
    expect(percentAgreement(WIKIPEDIA_FLEISS_COUNTS).value).toBeCloseTo(0.378, 3);
  });
});
