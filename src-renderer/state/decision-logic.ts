/**
 * The keyboard loop's decisions as pure functions (unit-tested): what a label key, Space or
 * Backspace does to a set of paragraphs in multi- or single-label mode.
 */
import type { DecisionView } from '../../src-main/shared/views';
import type { LabelMode } from '../../src-main/shared/labels';
import { sortBySchema } from '../../src-main/core/labels';
import { addCount, nameRecord } from '../../src-main/shared/name-record';

/**
 * A decision to save: a label set (`[]` = reviewed — none) or null for untouched. Labels accepted
 * from a suggestion carry `via: 'suggestion'` and their suggester in `suggested_by`.
 */
export type Decision = { labels: string[]; via?: 'done' | 'suggestion'; suggested_by?: Record<string, string> } | null;

export type DecisionState = 'untouched' | 'none' | 'labelled';

export function stateOf(view: DecisionView | undefined): DecisionState {
  if (!view || view.undecided) return 'untouched';
  return view.labels.length > 0 ? 'labelled' : 'none';
}

export function decisionOf(view: DecisionView | undefined): Decision {
  if (!view || view.undecided) return null;
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

/** An article's counts for its header and legend, kept up to date per change, never recounted per key. */
export interface DecisionTally {
  decided: number;
  labelled: number;
  flagged: number;
  /** label -> decided paragraphs carrying it. */
  byLabel: Readonly<Record<string, number>>;
}

export const EMPTY_TALLY: DecisionTally = { decided: 0, labelled: 0, flagged: 0, byLabel: nameRecord() };

/** The tally with one paragraph's decision added (sign 1) or taken out (sign -1); a new object. */
export function tallied(tally: DecisionTally, view: DecisionView | undefined, sign: 1 | -1): DecisionTally {
  if (!view) return tally;
  const state = stateOf(view);
  let byLabel = tally.byLabel;
  if (state === 'labelled') {
    const copy = nameRecord(Object.entries(byLabel));
    for (const l of view.labels) addCount(copy, l, sign);
    byLabel = copy;
  }
  return {
    decided: tally.decided + (state === 'untouched' ? 0 : sign),
    labelled: tally.labelled + (state === 'labelled' ? sign : 0),
    flagged: tally.flagged + (view.flagged ? sign : 0),
    byLabel,
  };
}

/** Counts every decision once: when an article opens or its decisions are replaced wholesale. */
export function tallyOf(views: Iterable<DecisionView>): DecisionTally {
  const byLabel = nameRecord<number>();
  const tally = { decided: 0, labelled: 0, flagged: 0, byLabel };
  for (const view of views) {
    const state = stateOf(view);
    if (state !== 'untouched') tally.decided++;
    if (view.flagged) tally.flagged++;
    if (state !== 'labelled') continue;
    tally.labelled++;
    for (const l of view.labels) addCount(byLabel, l);
  }
  return tally;
}
