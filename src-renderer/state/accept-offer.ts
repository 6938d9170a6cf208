/**
 * What Shift+A offers (docs/suggestions.md): per label, the lowest score from which accepting every ghost of
 * the article would be right at least as often as the accept-all setting asks (0.9: nine times in
 * ten), as measured on the workspace's decided paragraphs; the editor takes it with Enter, or
 * changes a label's score or leaves a label out first. Pure functions, unit-tested; the state is in
 * suggestions-state.svelte.ts and the panel in features/annotate/AcceptAllOffer.svelte.
 *
 * Scores of the rules are measured on this workspace (src-main/core/suggest/calibrate.ts), so a
 * ghost's score is the share of such suggestions that were right here. With few decisions
 * measured (under MIN_MEASURED), the offer trusts the scores alone: a ghost is offered when its
 * own score reaches the setting.
 */
import type { LabelMode } from '../../src-main/shared/labels';
import type { MeasuredLevel } from '../../src-main/shared/contract/suggest';
import { acceptGhosts, type Ghost } from './suggestion-logic';
import type { Decision } from './decision-logic';

/** Decided paragraphs a label's suggestions must have been measured on before the measure decides. */
export const MIN_MEASURED = 10;

/** One paragraph as the offer sees it: the editor's decision and its ghosts (suggestion-logic.ts `ghostsOf`). */
export interface OfferParagraph {
  index: number;
  current: Decision;
  ghosts: readonly Ghost[];
}

export interface OfferLabel {
  label: string;
  /** Ghosts of this label from this score up are taken. */
  threshold: number;
  /** The threshold the offer worked out, to go back to. */
  offered: number;
  /** This label's ghost scores on paragraphs accepting can change, highest first, distinct. */
  scores: number[];
  /** Left out by the editor (Space or the label's key in the offer). */
  excluded: boolean;
}

export interface AcceptOffer {
  /** The precision asked for: the workspace's accept-all setting. */
  target: number;
  labels: OfferLabel[];
  /** The label row the arrow keys act on. */
  focus: number;
}

/**
 * Whether accept-all may touch the paragraph: not one the editor marked "no label", and in
 * single-label mode not one they labelled: accept-all never overrides the editor's own answer.
 */
export function acceptable(current: Decision, mode: LabelMode): boolean {
  return current === null || current.via === 'done' || (current.labels.length > 0 && mode === 'multi');
}

/** Measured precision of a label's suggestions scoring `score` or more: right / decided, or null when too few. */
export function measuredAt(levels: readonly MeasuredLevel[] | undefined, score: number): { right: number; decided: number } | null {
  let found: MeasuredLevel | undefined;
  for (const l of levels ?? []) if (l.score >= score) found = l;
  return found && found.decided >= MIN_MEASURED ? { right: found.right, decided: found.decided } : null;
}

/**
 * The threshold that would be right for one label: the lowest of its ghost scores from which the
 * measured share right reaches the target; without enough measured, the target itself (each
 * ghost's own score must reach it). Never below the scores shown.
 */
export function offeredThreshold(scores: readonly number[], levels: readonly MeasuredLevel[] | undefined, target: number): number {
  let best = target;
  for (const score of [...scores].sort((a, b) => b - a)) {
    const measured = measuredAt(levels, score);
    const right = measured ? measured.right / measured.decided >= target : score >= target;
    if (!right) break;
    best = Math.min(best, score);
  }
  return best;
}

/** The offer for an article's paragraphs, labels in schema order; null when no ghost could be accepted. */
export function makeOffer(paragraphs: readonly OfferParagraph[], schema: readonly string[], measured: Readonly<Record<string, readonly MeasuredLevel[]>>, target: number, mode: LabelMode): AcceptOffer | null {
  const scores = new Map<string, Set<number>>();
  for (const p of paragraphs) {
    if (!acceptable(p.current, mode)) continue;
    for (const g of p.ghosts) {
      if (!scores.has(g.label)) scores.set(g.label, new Set());
      scores.get(g.label)!.add(g.score);
    }
  }
  const labels = schema.flatMap((label) => {
    const found = scores.get(label);
    if (!found) return [];
    const list = [...found].sort((a, b) => b - a);
    const threshold = offeredThreshold(list, measured[label], target);
    return [{ label, threshold, offered: threshold, scores: list, excluded: false }];
  });
  return labels.length > 0 ? { target, labels, focus: 0 } : null;
}

/** Ghosts of one paragraph the offer takes as it stands. */
export function takenBy(offer: AcceptOffer, ghosts: readonly Ghost[]): Ghost[] {
  return ghosts.filter((g) => {
    const l = offer.labels.find((x) => x.label === g.label);
    return l !== undefined && !l.excluded && g.score >= l.threshold;
  });
}

/** How many ghosts of each label the offer takes, over the article. */
export function offerCounts(offer: AcceptOffer, paragraphs: readonly OfferParagraph[], mode: LabelMode): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(offer.labels.map((l) => [l.label, 0]));
  for (const p of paragraphs) {
    if (!acceptable(p.current, mode)) continue;
    const taken = takenBy(offer, p.ghosts);
    for (const g of mode === 'single' ? taken.slice(0, 1) : taken) counts[g.label] = (counts[g.label] ?? 0) + 1;
  }
  return counts;
}

/** The decision after accepting what the offer takes on a paragraph (unchanged when nothing). */
export function acceptOffered(offer: AcceptOffer, current: Decision, ghosts: readonly Ghost[], mode: LabelMode, order: readonly string[]): Decision {
  if (!acceptable(current, mode)) return current;
  const taken = takenBy(offer, ghosts);
  if (taken.length === 0) return current;
  return acceptGhosts(current?.via === 'done' ? null : current, taken, mode, order);
}

/** The focused label's threshold one ghost score lower (step -1) or higher (+1). */
export function stepThreshold(offer: AcceptOffer, step: 1 | -1): AcceptOffer {
  const labels = offer.labels.map((l, i) => {
    if (i !== offer.focus) return l;
    const lower = l.scores.filter((s) => s < l.threshold);
    const higher = l.scores.filter((s) => s > l.threshold);
    const next = step < 0 ? lower[0] : higher[higher.length - 1];
    return next === undefined ? l : { ...l, threshold: next };
  });
  return { ...offer, labels };
}

/** A label left out, or taken again. */
export function toggleLabel(offer: AcceptOffer, index: number): AcceptOffer {
  return { ...offer, focus: index, labels: offer.labels.map((l, i) => (i === index ? { ...l, excluded: !l.excluded } : l)) };
}
