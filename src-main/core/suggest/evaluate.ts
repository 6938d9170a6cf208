/**
 * Measuring suggesters against an annotator's decisions (or gold): for each suggester and each
 * label it can suggest, precision, recall and F1 over the paragraphs the annotator decided
 * (core/decisions.ts `decisionOf`: a paragraph of an article marked done counts as "none").
 * A suggestion counts when it is shown, i.e. at or above its label's threshold. `combined` is
 * every enabled suggester together: a label is suggested if any of them suggests it.
 */
import { scoresFromCounts, type GoldLabelScores } from '../agreement/gold';
import { BUILTIN_SUGGESTERS, type Suggestion } from './types';
import { nameRecord } from '../../shared/name-record';

export interface EvalItem {
  article: string;
  paragraphId: string;
  /** The annotator's decision. */
  truth: readonly string[];
  /** What was shown for the paragraph. */
  suggestions: readonly Suggestion[];
}

export type LabelScores = Omit<GoldLabelScores, 'reasons'>;

export interface SuggestEvaluation {
  against: string;
  /** Paragraphs the annotator decided. */
  items: number;
  articles: number;
  /** suggester -> label -> scores. */
  suggesters: Record<string, Record<string, LabelScores>>;
  combined: Record<string, LabelScores>;
}

/** The labels a suggester is measured on: its own for built-ins, every label for a model. */
export function labelsOf(suggester: string, labels: readonly string[]): string[] {
  const builtin = BUILTIN_SUGGESTERS[suggester as keyof typeof BUILTIN_SUGGESTERS];
  return builtin ? [...builtin.labels] : [...labels];
}

function tally(items: readonly EvalItem[], label: string, predicts: (s: Suggestion) => boolean): LabelScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const p = item.suggestions.some((s) => s.label === label && predicts(s));
    const t = item.truth.includes(label);
    if (p && t) tp++;
    else if (p) fp++;
    else if (t) fn++;
  }
  const { reasons: _reasons, ...scores } = scoresFromCounts(tp, fp, fn);
  return scores;
}

export function evaluateSuggestions(against: string, items: readonly EvalItem[], suggesters: readonly string[], labels: readonly string[]): SuggestEvaluation {
  const bySuggester: SuggestEvaluation['suggesters'] = nameRecord();
  for (const s of suggesters) {
    bySuggester[s] = nameRecord(labelsOf(s, labels).map((label) => [label, tally(items, label, (x) => x.suggester === s)] as const));
  }
  const chosen = new Set(suggesters);
  const combined = nameRecord(labels.map((label) => [label, tally(items, label, (x) => chosen.has(x.suggester))] as const));
  return { against, items: items.length, articles: new Set(items.map((i) => i.article)).size, suggesters: bySuggester, combined };
}
