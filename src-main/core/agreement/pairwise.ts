/** Per-pair confusion counts, Cohen's kappa and pairwise percent agreement. */
import { cohenFromTotals, defined, undefinedCoefficient } from './tally';
import type { Coefficient } from './types';

/** A pair's tally as plain JSON numbers: [items, agreements, [valueA, valueB, count]…]. */
export type PairCounts = [items: number, agreements: number, cells: number[]];

/** Value ids must stay below this; STRIDE² < 2^53 keeps the flat keys exact. */
const STRIDE = 2 ** 26;

export class PairTally {
  /** Items decided by both annotators. */
  items = 0;
  /** Items where both chose the same value. */
  agreements = 0;
  /** cells.get(valueOfA · STRIDE + valueOfB) = count; one flat Map keeps the hot loop cheap. */
  private readonly cells = new Map<number, number>();

  constructor(
    readonly a: string,
    readonly b: string,
    /** Positions of a and b in the annotator list. */
    readonly indexA: number,
    readonly indexB: number,
  ) {}

  add(valueA: number, valueB: number): void {
    this.items++;
    if (valueA === valueB) this.agreements++;
    if (valueA >= STRIDE || valueB >= STRIDE) throw new RangeError('too many distinct values for a confusion matrix');
    const cell = valueA * STRIDE + valueB;
    this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
  }

  /** Adds a pair tally kept as counts; `idOf` turns its value numbers into this tally's ids. */
  addCounts([items, agreements, cells]: Readonly<PairCounts>, idOf: (value: number) => number = (v) => v): void {
    this.items += items;
    this.agreements += agreements;
    for (let i = 0; i + 2 < cells.length; i += 3) {
      const cell = idOf(cells[i] as number) * STRIDE + idOf(cells[i + 1] as number);
      this.cells.set(cell, (this.cells.get(cell) ?? 0) + (cells[i + 2] as number));
    }
  }

  /** This tally as counts; `valueOf` turns ids into the numbers stored. */
  counts(valueOf: (id: number) => number = (id) => id): PairCounts {
    const cells: number[] = [];
    for (const [cell, c] of this.cells) cells.push(valueOf(Math.floor(cell / STRIDE)), valueOf(cell % STRIDE), c);
    return [this.items, this.agreements, cells];
  }

  percentAgreement(): Coefficient {
    if (this.items === 0) return undefinedCoefficient('no item was decided by both annotators');
    return defined(this.agreements / this.items);
  }

  cohenKappa(): Coefficient {
    const rows = new Map<number, number>();
    const cols = new Map<number, number>();
    for (const [cell, c] of this.cells) {
      const va = Math.floor(cell / STRIDE);
      const vb = cell % STRIDE;
      rows.set(va, (rows.get(va) ?? 0) + c);
      cols.set(vb, (cols.get(vb) ?? 0) + c);
    }
    let marginProducts = 0;
    for (const [v, r] of rows) marginProducts += r * (cols.get(v) ?? 0);
    return cohenFromTotals(this.items, this.agreements, marginProducts);
  }

  /** Value ids used by either annotator, ordered by `compare`, and the count matrix over them. */
  matrix(compare: (x: number, y: number) => number): { ids: number[]; matrix: number[][] } {
    const used = new Set<number>();
    for (const cell of this.cells.keys()) {
      used.add(Math.floor(cell / STRIDE));
      used.add(cell % STRIDE);
    }
    const ids = [...used].sort(compare);
    const matrix = ids.map((va) => ids.map((vb) => this.cells.get(va * STRIDE + vb) ?? 0));
    return { ids, matrix };
  }
}
