/**
 * Streaming sufficient statistics for nominal agreement coefficients. One pass over the units,
 * O(distinct values in the unit) work per unit, so hundreds of thousands of units are cheap.
 *
 * Notation (Krippendorff 2011; Fleiss 1971): unit u has m_u values; n_uc of them are value c;
 * n_c = Σ_u n_uc over pairable units (m_u ≥ 2); n = Σ_c n_c.
 */
import type { Coefficient } from './types';

export function defined(value: number): Coefficient {
  return Number.isFinite(value) ? { value } : undefinedCoefficient('the result is not a finite number');
}

export function undefinedCoefficient(reason: string): Coefficient {
  return { value: null, reason };
}

/** Values are small non-negative integer ids (category index, interned label-set id, 0/1). */
export class NominalTally {
  /** Units with at least two values (pairable units). */
  units = 0;
  /** n: values inside pairable units. */
  values = 0;
  /** n_c over pairable units: dense for small ids, a Map beyond (keeps many small tallies small). */
  private readonly denseTotals: number[] = [];
  private readonly sparseTotals = new Map<number, number>();
  /** Σ_u Σ_c n_uc² over pairable units. */
  private sumSquares = 0;
  /** Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1): the off-diagonal mass of Krippendorff's coincidence matrix. */
  private disagreement = 0;
  /** Σ_u of the share of agreeing coder pairs in u. */
  private agreementShares = 0;
  /** Smallest / largest m_u over every unit added, for Fleiss' constant-raters requirement. */
  private minCoders = Infinity;
  private maxCoders = -Infinity;

  /** Adds one unit given as parallel arrays: keys[i] was chosen counts[i] times (first `len` entries). */
  add(keys: readonly number[], counts: readonly number[], len: number = keys.length): void {
    let m = 0;
    let sq = 0;
    for (let i = 0; i < len; i++) {
      const c = counts[i] ?? 0;
      m += c;
      sq += c * c;
    }
    if (m < this.minCoders) this.minCoders = m;
    if (m > this.maxCoders) this.maxCoders = m;
    if (m < 2) return;
    this.units++;
    this.values += m;
    this.sumSquares += sq;
    this.disagreement += (m * m - sq) / (m - 1);
    this.agreementShares += (sq - m) / (m * (m - 1));
    const dense = this.denseTotals;
    for (let i = 0; i < len; i++) {
      const key = keys[i] as number;
      const c = counts[i] ?? 0;
      if (key < DENSE_LIMIT) {
        while (dense.length <= key) dense.push(0);
        dense[key] = (dense[key] as number) + c;
      } else {
        this.sparseTotals.set(key, (this.sparseTotals.get(key) ?? 0) + c);
      }
    }
  }

  /** Adds a unit of binary values: `positives` of `m` coders said yes (value 1), the rest no (0). */
  addBinary(positives: number, m: number): void {
    if (m < this.minCoders) this.minCoders = m;
    if (m > this.maxCoders) this.maxCoders = m;
    if (m < 2) return;
    const negatives = m - positives;
    const sq = positives * positives + negatives * negatives;
    this.units++;
    this.values += m;
    this.sumSquares += sq;
    this.disagreement += (m * m - sq) / (m - 1);
    this.agreementShares += (sq - m) / (m * (m - 1));
    const dense = this.denseTotals;
    while (dense.length < 2) dense.push(0);
    dense[0] = (dense[0] as number) + negatives;
    dense[1] = (dense[1] as number) + positives;
  }

  /** n_c: how often value `key` occurs in pairable units. */
  total(key: number): number {
    return (key < DENSE_LIMIT ? this.denseTotals[key] : this.sparseTotals.get(key)) ?? 0;
  }

  /** Σ_c n_c². */
  private sumTotalSquares(): number {
    let q = 0;
    for (const c of this.denseTotals) q += c * c;
    for (const c of this.sparseTotals.values()) q += c * c;
    return q;
  }

  /**
   * Percent agreement: the mean, over pairable units, of the proportion of agreeing pairs among
   * all pairs of coders of the unit, Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)).
   */
  percentAgreement(): Coefficient {
    if (this.units === 0) return undefinedCoefficient('no unit has values from two or more coders');
    return defined(this.agreementShares / this.units);
  }

  /**
   * Krippendorff's alpha, nominal metric: α = 1 − (n − 1) · D / (n² − Σ_c n_c²), where D is the
   * off-diagonal sum of the coincidence matrix (Krippendorff 2011, nominal data, any number of
   * observers, missing values allowed; units with fewer than two values are not pairable).
   */
  krippendorffAlpha(): Coefficient {
    if (this.units === 0) return undefinedCoefficient('no unit has values from two or more coders');
    const n = this.values;
    const expected = n * n - this.sumTotalSquares();
    if (expected === 0) return undefinedCoefficient('only one value occurs: expected disagreement is 0');
    return defined(1 - ((n - 1) * this.disagreement) / expected);
  }

  /**
   * Fleiss' kappa (Fleiss 1971): κ = (P̄ − P_e) / (1 − P_e) with P̄ the mean per-subject agreement
   * and P_e = Σ_j p_j². Requires the same number m ≥ 2 of ratings for every subject. Written with
   * integer sums S = Σ n_ij², T = N·m, Q = Σ_j n_j²: κ = ((S − T)·T/(m − 1) − Q) / (T² − Q).
   */
  fleissKappa(): Coefficient {
    if (this.minCoders === Infinity) return undefinedCoefficient('there are no subjects');
    if (this.minCoders !== this.maxCoders) {
      return undefinedCoefficient('subjects have different numbers of ratings; Fleiss\u2019 kappa needs the same number for every subject');
    }
    const m = this.maxCoders;
    if (m < 2) return undefinedCoefficient('each subject needs at least two ratings');
    const t = this.values;
    const q = this.sumTotalSquares();
    const expected = t * t - q;
    if (expected === 0) return undefinedCoefficient('only one category occurs: chance agreement is 1');
    return defined(((this.sumSquares - t) * t / (m - 1) - q) / expected);
  }
}

const DENSE_LIMIT = 64;

/**
 * Cohen's kappa from a contingency table's sufficient statistics: N rated items, `diagonal`
 * agreeing items, `marginProducts` = Σ_c row_c · col_c. κ = (N·diag − Σ) / (N² − Σ), the usual
 * (p_o − p_e) / (1 − p_e) multiplied through by N².
 */
export function cohenFromTotals(n: number, diagonal: number, marginProducts: number): Coefficient {
  if (n === 0) return undefinedCoefficient('no item was rated by both raters');
  const expected = n * n - marginProducts;
  if (expected === 0) return undefinedCoefficient('both raters used one and the same value throughout: chance agreement is 1');
  return defined((n * diagonal - marginProducts) / expected);
}
