/**
 * The running sums behind every figure of the report, over some items: all items decided by
 * two or more selected annotators, those decided by all, per label the binary "has it", per pair
 * the confusion counts. One item pass feeds them (`add`); kept as plain counts they can be merged
 * (`addCounts`), and every sum is an integer, so merging parts gives exactly one pass's figures.
 */
import { PairTally, type PairCounts } from './pairwise';
import { decisionOf } from './report-parts';
import { NominalTally, type NominalCounts } from './tally';
import type { AgreementItem } from './types';
import type { LabelSetInterner } from './values';

export interface ItemCounts {
  overall: NominalCounts;
  complete: NominalCounts;
  labels: [all: NominalCounts, complete: NominalCounts][];
  pairs: PairCounts[];
}

export class ItemTallies {
  readonly overall = new NominalTally();
  readonly complete = new NominalTally();
  readonly labelAll: NominalTally[];
  readonly labelComplete: NominalTally[];
  readonly pairs: PairTally[] = [];
  /** Scratch space of `add`, reused across items. */
  private readonly ids: Int32Array;
  private readonly positives: Int32Array;
  /** After `add`: the item's first `len` distinct values (interned ids) and how many annotators chose each. */
  readonly keys: number[] = [];
  readonly counts: number[] = [];
  len = 0;

  constructor(
    private readonly annotators: readonly string[],
    labels: number,
  ) {
    this.labelAll = Array.from({ length: labels }, () => new NominalTally());
    this.labelComplete = Array.from({ length: labels }, () => new NominalTally());
    annotators.forEach((a, i) => annotators.slice(i + 1).forEach((b, j) => this.pairs.push(new PairTally(a, b, i, i + 1 + j))));
    this.ids = new Int32Array(annotators.length);
    this.positives = new Int32Array(labels);
  }

  /** Adds one item; false when fewer than two selected annotators decided it (it counts nowhere). */
  add(item: AgreementItem, interner: LabelSetInterner): boolean {
    const { annotators, ids, keys, counts, positives } = this;
    const count = annotators.length;
    let decided = 0;
    for (let a = 0; a < count; a++) {
      const set = decisionOf(item, annotators[a] as string);
      ids[a] = set === undefined ? -1 : interner.id(set);
      if (set !== undefined) decided++;
    }
    if (decided < 2) return false;

    // Distinct values of this item and how many annotators chose each.
    let len = 0;
    for (let a = 0; a < count; a++) {
      const id = ids[a] as number;
      if (id < 0) continue;
      let k = 0;
      while (k < len && keys[k] !== id) k++;
      if (k === len) {
        keys[len] = id;
        counts[len] = 0;
        len++;
      }
      counts[k] = (counts[k] ?? 0) + 1;
    }
    this.len = len;
    const isComplete = decided === count;
    this.overall.add(keys, counts, len);
    if (isComplete) this.complete.add(keys, counts, len);

    const labels = positives.length;
    if (labels > 0) {
      positives.fill(0);
      for (let k = 0; k < len; k++) {
        const has = interner.membership[keys[k] as number] as Uint8Array;
        const c = counts[k] as number;
        for (let l = 0; l < has.length; l++) if (has[l] === 1) positives[l] = (positives[l] as number) + c;
      }
      for (let l = 0; l < labels; l++) {
        (this.labelAll[l] as NominalTally).addBinary(positives[l] as number, decided);
        if (isComplete) (this.labelComplete[l] as NominalTally).addBinary(positives[l] as number, decided);
      }
    }

    // Only the pairs of annotators who decided: team progress asks about 20 annotators (190
    // pairs) for items two of them decided. Pairs are listed by (a, b), a < b, row after row.
    for (let a = 0; a < count; a++) {
      const va = ids[a] as number;
      if (va < 0) continue;
      const row = (a * (2 * count - a - 1)) / 2 - a - 1;
      for (let b = a + 1; b < count; b++) {
        const vb = ids[b] as number;
        if (vb >= 0) (this.pairs[row + b] as PairTally).add(va, vb);
      }
    }
    return true;
  }

  /** The sums as plain counts; `valueOf` renumbers label-set ids (binary per-label values stay 0/1). */
  toCounts(valueOf: (id: number) => number): ItemCounts {
    return {
      overall: this.overall.counts(valueOf),
      complete: this.complete.counts(valueOf),
      labels: this.labelAll.map((all, l) => [all.counts(), (this.labelComplete[l] as NominalTally).counts()]),
      pairs: this.pairs.map((p) => p.counts(valueOf)),
    };
  }

  /** Adds sums kept as counts; `idOf` maps their label-set numbers to this tally's ids. */
  addCounts(counts: ItemCounts, idOf: (value: number) => number): void {
    this.overall.addCounts(counts.overall, idOf);
    this.complete.addCounts(counts.complete, idOf);
    counts.labels.forEach(([all, whole], l) => {
      this.labelAll[l]?.addCounts(all);
      this.labelComplete[l]?.addCounts(whole);
    });
    counts.pairs.forEach((pair, i) => this.pairs[i]?.addCounts(pair, idOf));
  }
}
