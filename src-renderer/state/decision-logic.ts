/**
 * The keyboard loop's decisions as pure functions (unit-tested): what a label key, Space or
 * Backspace does to a set of paragraphs in multi- or single-label mode.
 */
import type { DecisionView } from '../../src-main/shared/views';
import type { LabelMode } from '../../src-main/shared/labels';
import { sortBySchema } from '../../src-main/core/labels';

/**
 * A decision to save: a label set (`[]` = reviewed — none) or null for untouched. Labels accepted
 * from a suggestion carry `via: 'suggestion'` and their suggester in `suggested_by`.
 */
export type Decision = { labels: string[]; via?: 'done' | 'suggestion'; suggested_by?: Record<string, string> } | null;

export type DecisionState = 'untouched' | 'none' | 'labelled';

export function stateOf(view: DecisionView | undefined): DecisionState {
  if (!view || !view.decided) return 'untouched';
  return view.labels.length > 0 ? 'labelled' : 'none';
}

export function decisionOf(view: DecisionView | undefined): Decision {
  if (!view || !view.decided) return null;
  if (view.via === 'suggestion') return { labels: [...view.labels], via: 'suggestion', ...(view.suggestedBy ? { suggested_by: { ...view.suggestedBy } } : {}) };
  return view.via === 'done' ? { labels: [...view.labels], via: 'done' } : { labels: [...view.labels] };
}

/**
 * A label key on one or more paragraphs. Multi-label: adds the label to all of them, or removes
 * it from all when every one has it already. Single-label: every paragraph gets just that label.
 */
export function applyLabel(current: readonly Decision[], label: string, mode: LabelMode, order: readonly string[]): Decision[] {
  if (mode === 'single') return current.map(() => ({ labels: [label] }));
  const allHave = current.every((d) => d?.labels.includes(label));
  return current.map((d) => {
    const labels = d?.labels ?? [];
    const next = allHave ? labels.filter((l) => l !== label) : labels.includes(label) ? [...labels] : [...labels, label];
    return { labels: sortBySchema(next, order) };
  });
}

/** Space/Enter: untouched paragraphs become "reviewed — none"; decided ones keep their labels. */
export function confirmNone(current: readonly Decision[]): Decision[] {
  return current.map((d) => (d === null ? { labels: [] } : d.via === 'done' ? { labels: [...d.labels] } : d));
}

export function sameDecision(a: Decision, b: Decision): boolean {
  if (a === null || b === null) return a === b;
  return a.via === b.via && a.labels.length === b.labels.length && a.labels.every((l, i) => l === b.labels[i]);
}
