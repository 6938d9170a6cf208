/**
 * Builds the agreement report from paragraph decisions in one pass over the items.
 *
 * Definitions:
 * - A paragraph's value for an annotator is its exact label set (see values.ts); labels outside
 *   `input.labels` still count as part of the set. Decisions by annotators not in
 *   `input.annotators` are ignored.
 * - `items` and every coefficient except Fleiss' use the items decided by ≥ 2 selected annotators.
 * - Percent agreement: for each such item, the proportion of agreeing pairs among all pairs of
 *   annotators who decided it; the report gives the mean of that proportion over the items.
 * - Krippendorff's alpha: nominal, value = exact label set, missing decisions allowed.
 * - Fleiss' kappa: only items decided by ALL selected annotators.
 * - Cohen's kappa / pairwise percent agreement: for each pair, items both decided.
 * - Per label: the same coefficients on the binary value "the set has this label".
 */
import { PairTally } from './pairwise';
import { NominalTally, undefinedCoefficient } from './tally';
import type { AgreementInput, AgreementItem, AgreementReport, ArticleAgreement, Coefficient, ConfusionMatrix, LabelAgreement, PairwiseAgreement, Reasons } from './types';
import { LabelSetInterner, labelSetDisplay, labelSetOf } from './values';

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

function alphaOf(tally: NominalTally): Coefficient {
  return tally.units === 0 ? undefinedCoefficient(NO_ITEMS) : tally.krippendorffAlpha();
}

function percentOf(tally: NominalTally): Coefficient {
  return tally.units === 0 ? undefinedCoefficient(NO_ITEMS) : tally.percentAgreement();
}

function fleissOf(tally: NominalTally, annotators: number): Coefficient {
  if (annotators < 2) return undefinedCoefficient('Fleiss\u2019 kappa needs at least two annotators');
  if (tally.units === 0) return undefinedCoefficient('no item was decided by all selected annotators');
  return tally.fleissKappa();
}

export function computeAgreement(input: AgreementInput): AgreementReport {
  const annotators = [...new Set(input.annotators)];
  const labels = [...new Set(input.labels)];
  const count = annotators.length;
  const interner = new LabelSetInterner(labels);

  const overall = new NominalTally();
  const complete = new NominalTally();
  const labelAll = labels.map(() => new NominalTally());
  const labelComplete = labels.map(() => new NominalTally());
  const articles = new Map<string, NominalTally>();
  const pairs: PairTally[] = [];
  annotators.forEach((a, i) => annotators.slice(i + 1).forEach((b, j) => pairs.push(new PairTally(a, b, i, i + 1 + j))));

  const ids = new Int32Array(count);
  const keys: number[] = [];
  const counts: number[] = [];
  const positives = new Int32Array(labels.length);
  let lastArticle: string | undefined;
  let articleTally = new NominalTally();
  for (const item of input.items) {
    let decided = 0;
    for (let a = 0; a < count; a++) {
      const set = decisionOf(item, annotators[a] as string);
      ids[a] = set === undefined ? -1 : interner.id(set);
      if (set !== undefined) decided++;
    }
    if (decided < 2) continue;

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
    const isComplete = decided === count;
    overall.add(keys, counts, len);
    if (isComplete) complete.add(keys, counts, len);
    if (item.article !== lastArticle) {
      // Items usually come grouped by article; only look the tally up when the article changes.
      lastArticle = item.article;
      let tally = articles.get(lastArticle);
      if (tally === undefined) {
        tally = new NominalTally();
        articles.set(lastArticle, tally);
      }
      articleTally = tally;
    }
    articleTally.add(keys, counts, len);

    if (labels.length > 0) {
      positives.fill(0);
      for (let k = 0; k < len; k++) {
        const has = interner.membership[keys[k] as number] as Uint8Array;
        const c = counts[k] as number;
        for (let l = 0; l < has.length; l++) if (has[l] === 1) positives[l] = (positives[l] as number) + c;
      }
      for (let l = 0; l < labels.length; l++) {
        (labelAll[l] as NominalTally).addBinary(positives[l] as number, decided);
        if (isComplete) (labelComplete[l] as NominalTally).addBinary(positives[l] as number, decided);
      }
    }

    for (const pair of pairs) {
      const va = ids[pair.indexA] as number;
      const vb = ids[pair.indexB] as number;
      if (va >= 0 && vb >= 0) pair.add(va, vb);
    }
  }

  const byKey = (x: number, y: number) => {
    const kx = interner.key(x);
    const ky = interner.key(y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  };

  const overallCoefficients = withReasons({
    percent_agreement: percentOf(overall),
    krippendorff_alpha: alphaOf(overall),
    fleiss_kappa: fleissOf(complete, count),
  });

  const pairwise: PairwiseAgreement[] = pairs.map((p) => ({
    a: p.a,
    b: p.b,
    items: p.items,
    ...withReasons({ percent_agreement: p.percentAgreement(), cohen_kappa: p.cohenKappa() }),
  }));

  const perLabel: [string, LabelAgreement][] = labels.map((label, l) => [
    label,
    withReasons({
      krippendorff_alpha: alphaOf(labelAll[l] as NominalTally),
      fleiss_kappa: fleissOf(labelComplete[l] as NominalTally, count),
      percent_agreement: percentOf(labelAll[l] as NominalTally),
    }),
  ]);

  const perArticle: ArticleAgreement[] = [...articles].map(([article, tally]) => ({
    article,
    items: tally.units,
    ...withReasons({ percent_agreement: percentOf(tally), krippendorff_alpha: alphaOf(tally) }),
  }));

  const confusion: ConfusionMatrix[] = pairs.map((p) => {
    const { ids: valueIds, matrix } = p.matrix(byKey);
    const valueKeys = valueIds.map((id) => interner.key(id));
    return { a: p.a, b: p.b, values: valueKeys.map(labelSetDisplay), value_sets: valueKeys.map(labelSetOf), matrix };
  });

  const { reasons, ...coefficients } = overallCoefficients;
  return {
    annotators,
    items: overall.units,
    percent_agreement: coefficients.percent_agreement,
    krippendorff_alpha: coefficients.krippendorff_alpha,
    fleiss_kappa: coefficients.fleiss_kappa,
    pairwise,
    // fromEntries defines own properties, so a label named "__proto__" is kept as a key.
    per_label: Object.fromEntries(perLabel),
    fleiss_items: complete.units,
    per_article: perArticle,
    confusion,
    reasons,
  };
}
