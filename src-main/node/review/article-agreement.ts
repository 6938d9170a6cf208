/**
 * One article's agreement tally from its reading and the selected annotators' layers (gold
 * last when scored against): the only place that turns layers into agreement items, so the
 * CLI's one-shot report and the app's kept tallies (agreement-cache.ts) count the same way.
 */
import type { AgreementItem, AgreementTallier, ArticleTally } from '../../core/agreement';
import { decisionOf, type DecisionLayer } from '../../core/decisions';
import type { LoadedArticle } from '../workspace/read-article';
import { nameRecord } from '../../shared/name-record';

/** `layers[i]` is the layer of `annotators[i]` (null: none); done articles count untouched paragraphs as "none". */
export function articleTally(tallier: AgreementTallier, article: LoadedArticle, annotators: readonly string[], layers: readonly (DecisionLayer | null)[]): ArticleTally {
  const items: AgreementItem[] = article.paragraphs.map((paragraph) => {
    const decisions = nameRecord<readonly string[] | undefined>();
    annotators.forEach((annotator, i) => {
      decisions[annotator] = decisionOf(layers[i], paragraph.id);
    });
    return { id: paragraph.id, article: article.path, decisions };
  });
  return tallier.tally(items);
}
