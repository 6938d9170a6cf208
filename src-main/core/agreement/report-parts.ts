/** Small pieces shared by the tallies and the report: decisions of items, null coefficients with reasons. */
import { NominalTally, undefinedCoefficient } from './tally';
import type { AgreementItem, Coefficient, Reasons } from './types';

/** Splits named coefficients into `{ name: value | null, ..., reasons: { name: reason } }`. */
export function withReasons<K extends string>(coefficients: Record<K, Coefficient>): Record<K, number | null> & { reasons: Reasons<K> } {
  const values = {} as Record<K, number | null>;
  const reasons: Reasons<K> = {};
  for (const name of Object.keys(coefficients) as K[]) {
    const c = coefficients[name];
    values[name] = c.value;
    if (c.value === null) reasons[name] = c.reason;
  }
  return { ...values, reasons };
}

/** The decision of an annotator on an item, or undefined when it has none. */
export function decisionOf(item: AgreementItem, annotator: string): readonly string[] | undefined {
  if (!Object.hasOwn(item.decisions, annotator)) return undefined;
  const labels = item.decisions[annotator];
  return Array.isArray(labels) ? labels : undefined;
}

const NO_ITEMS = 'no item was decided by two or more selected annotators';

export function alphaOf(tally: NominalTally): Coefficient {
  return tally.units === 0 ? undefinedCoefficient(NO_ITEMS) : tally.krippendorffAlpha();
}

export function percentOf(tally: NominalTally): Coefficient {
  return tally.units === 0 ? undefinedCoefficient(NO_ITEMS) : tally.percentAgreement();
}

export function fleissOf(tally: NominalTally, annotators: number): Coefficient {
  if (annotators < 2) return undefinedCoefficient('Fleiss\u2019 kappa needs at least two annotators');
  if (tally.units === 0) return undefinedCoefficient('no item was decided by all selected annotators');
  return tally.fleissKappa();
}
