/** The report from article tallies (article-tally.ts), merged in the order given. */
import { normalisedChoice, type AgreementChoice, type ArticleTally } from './article-tally';
import { emptyGoldCounts, mergeGoldCounts, scoresFromGoldCounts, type GoldScores } from './gold';
import { ItemTallies } from './item-tallies';
import { alphaOf, percentOf, withReasons } from './report-parts';
import { reportOf } from './report';
import { NominalTally } from './tally';
import type { AgreementReport, ArticleAgreement } from './types';

export type ArticleTallies = Iterable<readonly [article: string, tally: ArticleTally]>;

/** Articles without an item decided by two or more selected annotators are left out of per_article. */
export function reportFromTallies(choice: AgreementChoice, tallies: ArticleTallies): AgreementReport {
  const { annotators, labels } = normalisedChoice(choice);
  const keys: string[] = [];
  const idOfKey = new Map<string, number>();
  const intern = (key: string) => {
    let id = idOfKey.get(key);
    if (id === undefined) {
      id = keys.length;
      idOfKey.set(key, id);
      keys.push(key);
    }
    return id;
  };
  const sums = new ItemTallies(annotators, labels.length);
  const perArticle: ArticleAgreement[] = [];
  for (const [article, tally] of tallies) {
    if (tally.labels.length !== labels.length || tally.pairs.length !== sums.pairs.length) {
      throw new RangeError(`the agreement tally of ${article} was made for another choice of annotators or labels`);
    }
    const ids = tally.values.map(intern);
    sums.addCounts(tally, (value) => ids[value] as number);
    const own = new NominalTally();
    own.addCounts(tally.overall);
    if (own.units > 0) perArticle.push({ article, items: own.units, ...withReasons({ percent_agreement: percentOf(own), krippendorff_alpha: alphaOf(own) }) });
  }
  return reportOf(annotators, labels, sums, perArticle, (id) => keys[id] ?? '');
}

/** Each selected annotator against the choice's gold, from tallies made with that gold. */
export function goldFromTallies(choice: AgreementChoice, tallies: ArticleTallies): GoldScores[] {
  const { annotators, labels, gold } = normalisedChoice(choice);
  if (gold === undefined) return [];
  const totals = annotators.map(() => emptyGoldCounts(labels.length));
  for (const [article, tally] of tallies) {
    if (tally.gold.length !== annotators.length) throw new RangeError(`the agreement tally of ${article} was made without the gold annotator`);
    tally.gold.forEach((counts, a) => mergeGoldCounts(totals[a] as (typeof totals)[number], counts));
  }
  return annotators.map((annotator, a) => scoresFromGoldCounts(annotator, gold, labels, totals[a] as (typeof totals)[number]));
}
