/** The agreement report from the sums over all items (item-tallies.ts) and the per-article figures. */
import type { ItemTallies } from './item-tallies';
import { alphaOf, fleissOf, percentOf, withReasons } from './report-parts';
import type { NominalTally } from './tally';
import type { AgreementReport, ArticleAgreement, ConfusionMatrix, LabelAgreement, PairwiseAgreement } from './types';
import { labelSetDisplay, labelSetOf } from './values';

/** `keyOf` gives the label-set key (values.ts) of a value id of `sums`. */
export function reportOf(annotators: string[], labels: readonly string[], sums: ItemTallies, perArticle: ArticleAgreement[], keyOf: (id: number) => string): AgreementReport {
  const count = annotators.length;
  const { overall, complete, labelAll, labelComplete, pairs } = sums;
  const byKey = (x: number, y: number) => {
    const kx = keyOf(x);
    const ky = keyOf(y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  };

  const { reasons, ...coefficients } = withReasons({
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

  const confusion: ConfusionMatrix[] = pairs.map((p) => {
    const { ids, matrix } = p.matrix(byKey);
    const keys = ids.map(keyOf);
    return { a: p.a, b: p.b, values: keys.map(labelSetDisplay), value_sets: keys.map(labelSetOf), matrix };
  });

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
