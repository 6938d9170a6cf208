/**
 * Agreement coefficients on plain count matrices, so published tables can be fed in directly.
 * Malformed input (negative or fractional counts, a non-square Cohen table) throws RangeError;
 * data for which a coefficient is undefined yields `{ value: null, reason }`.
 */
import { NominalTally, cohenFromTotals } from './tally';
import type { Coefficient, CountMatrix } from './types';

function checkCount(c: number, where: string): void {
  if (!Number.isInteger(c) || c < 0) throw new RangeError(`${where}: counts must be non-negative integers, got ${c}`);
}

/** Tallies a units × values count matrix (row u, column c = n_uc). */
export function tallyCounts(counts: CountMatrix): NominalTally {
  const tally = new NominalTally();
  const keys: number[] = [];
  for (const [u, row] of counts.entries()) {
    row.forEach((c, i) => {
      checkCount(c, `row ${u}`);
      keys[i] = i;
    });
    tally.add(keys, row, row.length);
  }
  return tally;
}

/**
 * Percent agreement over a units × values count matrix: mean over units with ≥ 2 values of the
 * share of agreeing coder pairs, Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)).
 */
export function percentAgreement(counts: CountMatrix): Coefficient {
  return tallyCounts(counts).percentAgreement();
}

/** Krippendorff's nominal alpha over a units × values count matrix (missing values allowed). */
export function krippendorffAlphaNominal(counts: CountMatrix): Coefficient {
  return tallyCounts(counts).krippendorffAlpha();
}

/**
 * Fleiss' kappa over a subjects × categories count matrix, the layout of Fleiss (1971) Table 1:
 * cell (i, j) is the number of raters who put subject i in category j; every row must have the
 * same total.
 */
export function fleissKappa(counts: CountMatrix): Coefficient {
  return tallyCounts(counts).fleissKappa();
}

/** Cohen's kappa over a square contingency table (rows = rater A's category, cols = rater B's). */
export function cohenKappa(table: CountMatrix): Coefficient {
  const k = table.length;
  const cols = new Array<number>(k).fill(0);
  const rows = new Array<number>(k).fill(0);
  let n = 0;
  let diagonal = 0;
  for (const [i, row] of table.entries()) {
    if (row.length !== k) throw new RangeError(`Cohen's kappa needs a square table; row ${i} has ${row.length} cells, expected ${k}`);
    for (const [j, c] of row.entries()) {
      checkCount(c, `row ${i}`);
      rows[i] = (rows[i] ?? 0) + c;
      cols[j] = (cols[j] ?? 0) + c;
      n += c;
      if (i === j) diagonal += c;
    }
  }
  let marginProducts = 0;
  for (let i = 0; i < k; i++) marginProducts += (rows[i] ?? 0) * (cols[i] ?? 0);
  return cohenFromTotals(n, diagonal, marginProducts);
}

/**
 * Converts Krippendorff's canonical reliability data (observers × units; null/undefined = missing)
 * to a units × values count matrix. `values` lists the distinct values in order of appearance.
 */
export function reliabilityDataToCounts<V>(data: readonly (readonly (V | null | undefined)[])[]): { values: V[]; counts: number[][] } {
  const index = new Map<V, number>();
  const values: V[] = [];
  const unitCount = data.reduce((max, row) => Math.max(max, row.length), 0);
  const counts: number[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const row: number[] = [];
    for (const observer of data) {
      const v = observer[u];
      if (v === null || v === undefined) continue;
      let i = index.get(v);
      if (i === undefined) {
        i = values.length;
        index.set(v, i);
        values.push(v);
      }
      row[i] = (row[i] ?? 0) + 1;
    }
    counts.push(row);
  }
  return { values, counts: counts.map((row) => Array.from({ length: values.length }, (_, i) => row[i] ?? 0)) };
}
