/**
 * What the model learns each paragraph's labels to be, from the workspace's decisions, surest
 * first: the gold layer's decision (a reviewer settled it); else the labels a majority of the
 * editors who decided chose (core/decisions.ts `majorityOf`: at least two decided and one set
 * chosen by more than half of them); else each editor's own decision, weighted 1/k when k
 * editors decided differently with no majority, so a split team teaches "unsure", not noise.
 * Paragraphs nobody decided teach nothing. Labels outside the workspace's schema are left out.
 */
import { decisionOf, majorityOf, type DecisionLayer } from '../decisions';

export type TargetSource = 'gold' | 'majority' | 'editor';

export interface ArticleLayers {
  gold: DecisionLayer | null;
  /** Every editor's layer of this article (gold excluded). */
  editors: readonly DecisionLayer[];
}

export interface Target {
  /** The paragraph's index in its article. */
  paragraph: number;
  labels: string[];
  /** 1, or 1/k for one of k disagreeing editors. */
  weight: number;
  source: TargetSource;
}

export function articleTargets(paragraphIds: readonly string[], layers: ArticleLayers, labels: readonly string[]): Target[] {
  const known = new Set(labels);
  const keep = (set: readonly string[]) => set.filter((l) => known.has(l));
  const out: Target[] = [];
  paragraphIds.forEach((id, paragraph) => {
    const gold = decisionOf(layers.gold, id);
    if (gold !== undefined) {
      out.push({ paragraph, labels: keep(gold), weight: 1, source: 'gold' });
      return;
    }
    const decided = layers.editors.map((layer) => decisionOf(layer, id)).filter((d): d is readonly string[] => d !== undefined);
    if (decided.length === 0) return;
    const majority = decided.length >= 2 ? majorityOf(decided) : null;
    if (majority) {
      out.push({ paragraph, labels: keep(majority), weight: 1, source: 'majority' });
      return;
    }
    for (const d of decided) out.push({ paragraph, labels: keep(d), weight: 1 / decided.length, source: 'editor' });
  });
  return out;
}
