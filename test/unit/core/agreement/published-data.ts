/**
 * Published worked examples used as test vectors. Each constant names its source; the expected
 * values are the published ones (checked against independent implementations where noted).
 */
import type { AgreementItem } from '../../../../src-main/core/agreement';

/**
 * Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", example C: nominal data,
 * 4 observers (A–D) × 12 units, missing values (null). Published: α_nominal = 0.743; pairable
 * values n = 40 with value totals n_1..n_5 = 9, 13, 10, 5, 3 (unit 12 has a single value).
 * The same matrix is the "C" data in R DescTools::KrippAlpha / irr::kripp.alpha (nmm), whose
 * test (pyirr tests/test_kripp_alpha.py) also expects 0.743.
 */
export const KRIPPENDORFF_2011_C: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
export const KRIPPENDORFF_2011_C_ALPHA = 0.743;

/**
 * Krippendorff (2011), example A: binary data, two observers, 10 units, no missing data.
 * Published α = 0.095. (Data transcribed from the paper; not found in the search corpus, but the
 * arithmetic was checked by hand: o_01 = 4, n_0 = 14, n_1 = 6, α = 1 − 19·4/84 = 0.0952.)
 */
export const KRIPPENDORFF_2011_A: number[][] = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];
export const KRIPPENDORFF_2011_A_ALPHA = 0.095;

/**
 * Fleiss, J. L. (1971). "Measuring nominal scale agreement among many raters", Psychological
 * Bulletin 76(5), Table 1: 30 patients, 6 psychiatrists each, categories 1 Depression,
 * 2 Personality disorder, 3 Schizophrenia, 4 Neurosis, 5 Other. Raw ratings as distributed in
 * R irr's `diagnoses` (and statsmodels' test_inter_rater.py); FLEISS_1971_COUNTS is the same data
 * in Fleiss' subjects × categories layout. Published κ = .430 (irr::kappam.fleiss: 0.4302445);
 * category kappas (irr detail output) 0.245, 0.245, 0.520, 0.471, 0.566; column totals
 * 26, 26, 30, 55, 43.
 */
export const FLEISS_1971_RATINGS: number[][] = [
  [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
];
export const FLEISS_1971_COUNTS: number[][] = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];
export const FLEISS_1971_KAPPA = 0.4302445;
export const FLEISS_1971_CATEGORY_KAPPAS = [0.245, 0.245, 0.52, 0.471, 0.566];

/**
 * Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
 * Published P̄ = 0.378, P_e = 0.213, κ = 0.210 (statsmodels' test_fleiss_kappa expects 0.210 to 3 dp).
 */
export const WIKIPEDIA_FLEISS_COUNTS: number[][] = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];
export const WIKIPEDIA_FLEISS_KAPPA = 0.21;

/** Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, both yes 20, both no 15, disagreements 5 and 10; p_o = 0.7, p_e = 0.5, κ = 0.4. */
export const WIKIPEDIA_COHEN_TABLE: number[][] = [
  [20, 5],
  [10, 15],
];

/**
 * A 3-category Cohen table from a SAS PROC FREQ printout reproduced in statsmodels'
 * test_inter_rater.py (table10): simple kappa 0.4842 (= 107/221).
 */
export const SAS_COHEN_3X3: number[][] = [
  [0, 4, 1],
  [0, 8, 0],
  [0, 1, 5],
];
export const SAS_COHEN_3X3_KAPPA = 0.4842;

/**
 * R irr's `anxiety` data (20 subjects, ratings 1–6), raters 2 and 3: irr::kappa2(anxiety[,2:3])
 * = -0.006289308 (unweighted), as recorded in statsmodels' test_inter_rater.py.
 */
export const IRR_ANXIETY_RATER2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
export const IRR_ANXIETY_RATER3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
export const IRR_ANXIETY_KAPPA_2_3 = -0.006289308;

/** Turns observers × units reliability data into agreement items with single-label decisions. */
export function itemsFromReliabilityData(observers: string[], data: readonly (readonly (number | null)[])[], article = 'a1'): AgreementItem[] {
  const units = Math.max(...data.map((row) => row.length));
  return Array.from({ length: units }, (_, u) => {
    const decisions: Record<string, string[]> = {};
    observers.forEach((name, o) => {
      const v = data[o]?.[u];
      if (v !== null && v !== undefined) decisions[name] = [String(v)];
    });
    return { id: `p${u + 1}`, article, decisions };
  });
}

/** Transposes subjects × raters ratings into raters × subjects reliability data. */
export function transpose(rows: readonly (readonly number[])[]): number[][] {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] as number));
}
