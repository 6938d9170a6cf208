/**
 * Builds the agreement report from paragraph decisions: one tally per article, then merged.
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
import { normalisedChoice } from './article-tally';
import { ItemTallies } from './item-tallies';
import { alphaOf, percentOf, withReasons } from './report-parts';
import { reportOf } from './report';
import { NominalTally } from './tally';
import type { AgreementInput, AgreementReport, ArticleAgreement } from './types';
import { LabelSetInterner } from './values';

export { decisionOf, withReasons } from './report-parts';

/**
 * One pass over the items. The same report comes, exactly, from per-article tallies merged
 * (article-tally.ts, merge-tallies.ts), which is how the app keeps it up to date.
 */
export function computeAgreement(input: AgreementInput): AgreementReport {
  const { annotators, labels } = normalisedChoice(input);
  const interner = new LabelSetInterner(labels);
  const sums = new ItemTallies(annotators, labels.length);
  const articles = new Map<string, NominalTally>();
  let lastArticle: string | undefined;
  let articleTally = new NominalTally();
  for (const item of input.items) {
    if (!sums.add(item, interner)) continue;
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
    articleTally.add(sums.keys, sums.counts, sums.len);
  }
  const perArticle: ArticleAgreement[] = [...articles].map(([article, tally]) => ({
    article,
    items: tally.units,
    ...withReasons({ percent_agreement: percentOf(tally), krippendorff_alpha: alphaOf(tally) }),
  }));
  return reportOf(annotators, labels, sums, perArticle, (id) => interner.key(id));
}
