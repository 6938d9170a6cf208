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

/**
 * A tally as plain JSON numbers, to keep per article and merge later (article-tally.ts):
 * [smallest m_u, largest m_u, [m, units with m values, their Σ_c n_uc²]…, [value, n_c]…].
 * `value` is whatever the caller maps ids to (an index into a list of label-set keys).
 * An empty tally is [0, 0, [], []].
 */
export type NominalCounts = [minCoders: number, maxCoders: number, byCoders: number[], totals: number[]];

/**
 * Values are small non-negative integer ids (category index, interned label-set id, 0/1).
 * Every sum is an integer kept per coder count m, and the fractional terms of the coefficients
 * are formed only when a coefficient is asked for: tallies of parts (articles) merged in any
 * order give exactly the figures of one tally over the whole.
 */
export class NominalTally {
  /** Units with at least two values (pairable units). */
  units = 0;
  /** n: values inside pairable units. */
  values = 0;
  /** n_c over pairable units: dense for small ids, a Map beyond (keeps many small tallies small). */
  private readonly denseTotals: number[] = [];
  private readonly sparseTotals = new Map<number, number>();
  /** [m] = pairable units with m values. */
  private readonly unitsByCoders: number[] = [];
  /** [m] = Σ_c n_uc² over the pairable units with m values. */
  private readonly squaresByCoders: number[] = [];
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
    if (!this.addUnit(m, sq, 1)) return;
    for (let i = 0; i < len; i++) this.addTotal(keys[i] as number, counts[i] ?? 0);
  }

  /** Adds a unit of binary values: `positives` of `m` coders said yes (value 1), the rest no (0). */
  addBinary(positives: number, m: number): void {
    const negatives = m - positives;
    if (!this.addUnit(m, positives * positives + negatives * negatives, 1)) return;
    const dense = this.denseTotals;
    while (dense.length < 2) dense.push(0);
    dense[0] = (dense[0] as number) + negatives;
    dense[1] = (dense[1] as number) + positives;
  }

  /** Adds a tally kept as counts; `idOf` turns its value numbers into this tally's ids. */
  addCounts([min, max, byCoders, totals]: Readonly<NominalCounts>, idOf: (value: number) => number = (v) => v): void {
    if (byCoders.length === 0 && totals.length === 0 && min === 0 && max === 0) return;
    if (min < this.minCoders) this.minCoders = min;
    if (max > this.maxCoders) this.maxCoders = max;
    for (let i = 0; i + 2 < byCoders.length; i += 3) this.addUnit(byCoders[i] as number, byCoders[i + 2] as number, byCoders[i + 1] as number);
    for (let i = 0; i + 1 < totals.length; i += 2) this.addTotal(idOf(totals[i] as number), totals[i + 1] as number);
  }

  /** This tally as counts; `valueOf` turns ids into the numbers stored. */
  counts(valueOf: (id: number) => number = (id) => id): NominalCounts {
    if (this.minCoders === Infinity) return [0, 0, [], []];
    const byCoders: number[] = [];
    this.unitsByCoders.forEach((units, m) => {
      if (units > 0) byCoders.push(m, units, this.squaresByCoders[m] as number);
    });
    const totals: number[] = [];
    this.denseTotals.forEach((c, id) => {
      if (c > 0) totals.push(valueOf(id), c);
    });
    for (const [id, c] of this.sparseTotals) if (c > 0) totals.push(valueOf(id), c);
    return [this.minCoders, this.maxCoders, byCoders, totals];
  }

  /** Records `units` units of m values each, their Σ n_uc² being `squares`; false when not pairable. */
  private addUnit(m: number, squares: number, units: number): boolean {
    if (m < this.minCoders) this.minCoders = m;
    if (m > this.maxCoders) this.maxCoders = m;
    if (m < 2) return false;
    this.units += units;
    this.values += m * units;
    while (this.unitsByCoders.length <= m) {
      this.unitsByCoders.push(0);
      this.squaresByCoders.push(0);
    }
    this.unitsByCoders[m] = (this.unitsByCoders[m] as number) + units;
    this.squaresByCoders[m] = (this.squaresByCoders[m] as number) + squares;
    return true;
  }

  private addTotal(key: number, c: number): void {
    if (key < DENSE_LIMIT) {
      const dense = this.denseTotals;
      while (dense.length <= key) dense.push(0);
      dense[key] = (dense[key] as number) + c;
    } else {
      this.sparseTotals.set(key, (this.sparseTotals.get(key) ?? 0) + c);
    }
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

  /** Σ_u Σ_c n_uc² over pairable units. */
  private sumSquares(): number {
    let s = 0;
    for (const sq of this.squaresByCoders) s += sq;
    return s;
  }

  /** Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1): the off-diagonal mass of Krippendorff's coincidence matrix. */
  private disagreement(): number {
    let d = 0;
    this.unitsByCoders.forEach((units, m) => {
      if (units > 0) d += (m * m * units - (this.squaresByCoders[m] as number)) / (m - 1);
    });
    return d;
  }

  /** Σ_u of the share of agreeing coder pairs in u, Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)). */
  private agreementShares(): number {
    let a = 0;
    this.unitsByCoders.forEach((units, m) => {
      if (units > 0) a += ((this.squaresByCoders[m] as number) - m * units) / (m * (m - 1));
    });
    return a;
  }

  /**
   * Percent agreement: the mean, over pairable units, of the proportion of agreeing pairs among
   * all pairs of coders of the unit, Σ_c n_uc(n_uc − 1) / (m_u(m_u − 1)).
   */
  percentAgreement(): Coefficient {
    if (this.units === 0) return undefinedCoefficient('no unit has values from two or more coders');
    return defined(this.agreementShares() / this.units);
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
    return defined(1 - ((n - 1) * this.disagreement()) / expected);
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
    return defined(((this.sumSquares() - t) * t / (m - 1) - q) / expected);
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
