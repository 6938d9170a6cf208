/**
 * Agreement in two steps (docs/performance.md): a tally per article of every sum the report needs, then the
 * report from the tallies merged (merge-tallies.ts). Tallies are plain JSON, so the app keeps
 * them between calls and sessions and recomputes only the articles whose layers or text
 * changed; every sum in them is an integer, so merging them in any order gives exactly the
 * report of one pass over all the items (computeAgreement).
 */
import { addGoldCounts, emptyGoldCounts, type GoldCounts } from './gold';
import { ItemTallies, type ItemCounts } from './item-tallies';
import type { AgreementItem } from './types';
import { LabelSetInterner } from './values';

/** What a report is about: tallies are only comparable for the same choice. */
export interface AgreementChoice {
  annotators: readonly string[];
  labels: readonly string[];
  /** An annotator everyone is scored against (precision/recall), outside the agreement figures. */
  gold?: string | undefined;
}

/**
 * One article's sums (item-tallies.ts): items decided by two or more selected annotators
 * (`overall`, also the article's own figures), by all of them (`complete`, Fleiss), per label
 * the binary "has it" over both, per pair of annotators in report order.
 */
export interface ArticleTally extends ItemCounts {
  /** Label-set keys (values.ts) of the values that the counts number 0, 1, 2… */
  values: string[];
  /** Per annotator against the gold, in the chosen order; empty without a gold. */
  gold: GoldCounts[];
}

/** Distinct annotators and labels in the order given: the positions tallies are kept in. */
export function normalisedChoice(choice: AgreementChoice): { annotators: string[]; labels: string[]; gold: string | undefined } {
  return { annotators: [...new Set(choice.annotators)], labels: [...new Set(choice.labels)], gold: choice.gold };
}

/** Tallies articles' items for one choice; label sets are interned once for all of them. */
export class AgreementTallier {
  readonly annotators: string[];
  readonly labels: string[];
  readonly gold: string | undefined;
  private readonly interner: LabelSetInterner;

  constructor(choice: AgreementChoice) {
    const { annotators, labels, gold } = normalisedChoice(choice);
    this.annotators = annotators;
    this.labels = labels;
    this.gold = gold;
    this.interner = new LabelSetInterner(labels);
  }

  tally(items: readonly AgreementItem[]): ArticleTally {
    const { annotators, labels, interner, gold } = this;
    const sums = new ItemTallies(annotators, labels.length);
    for (const item of items) sums.add(item, interner);
    // The interner's ids are shared by every article; a tally numbers its own values from 0.
    const values: string[] = [];
    const local = new Map<number, number>();
    const counts = sums.toCounts((id) => {
      let v = local.get(id);
      if (v === undefined) {
        v = values.length;
        local.set(id, v);
        values.push(interner.key(id));
      }
      return v;
    });
    const goldCounts = gold === undefined ? [] : annotators.map((annotator) => {
      const c = emptyGoldCounts(labels.length);
      addGoldCounts(c, items, annotator, gold, labels);
      return c;
    });
    return { values, ...counts, gold: goldCounts };
  }
}
