/**
 * What the annotation view offers from an article's suggestions, and what accepting them does, as
 * pure functions (unit-tested). A suggestion shows as a "ghost" label until the editor accepts it
 * by key or click; it never becomes a label by itself (docs/suggestions.md).
 */
import type { SuggestionView } from '../../src-main/shared/contract/suggest';
import type { LabelMode } from '../../src-main/shared/labels';
import { sortBySchema } from '../../src-main/core/labels';
import type { DecisionView } from '../../src-main/shared/views';
import { decisionOf, type Decision } from './decision-logic';

export type Ghost = SuggestionView;

/**
 * The ghosts of one paragraph, best score first: one per label (the best suggester's), only for
 * labels of the schema that the paragraph does not carry and the editor has not turned down.
 */
export function ghostsOf(suggestions: readonly SuggestionView[] | undefined, decision: Decision, rejected: readonly string[] | undefined, schema: readonly string[]): Ghost[] {
  if (!suggestions) return [];
  const seen = new Set<string>([...(decision?.labels ?? []), ...(rejected ?? [])]);
  const ghosts: Ghost[] = [];
  for (const s of [...suggestions].sort((a, b) => b.score - a.score)) {
    if (seen.has(s.label) || !schema.includes(s.label)) continue;
    seen.add(s.label);
    ghosts.push(s);
  }
  return ghosts;
}

/**
 * The decision after accepting `ghosts` on a paragraph: multi-label adds their labels to what the
 * paragraph has; single-label takes the best one. Null when there is nothing to accept.
 */
export function acceptGhosts(current: Decision, ghosts: readonly Ghost[], mode: LabelMode, order: readonly string[]): Decision {
  const taken = mode === 'single' ? ghosts.slice(0, 1) : ghosts;
  if (taken.length === 0) return current;
  const suggestedBy = Object.fromEntries(taken.map((g) => [g.label, g.suggester]));
  if (mode === 'single') return { labels: taken.map((g) => g.label), via: 'suggestion', suggested_by: suggestedBy };
  const labels = sortBySchema([...new Set([...(current?.labels ?? []), ...taken.map((g) => g.label)])], order);
  // Labels accepted earlier keep their provenance; the editor's own labels have none.
  const earlier = current?.via === 'suggestion' ? current.suggested_by : undefined;
  return { labels, via: 'suggestion', suggested_by: { ...earlier, ...suggestedBy } };
}

/** One paragraph's ghost counts and what they were counted from. */
interface Counted {
  suggestions: readonly SuggestionView[];
  decision: DecisionView | undefined;
  rejected: readonly string[] | undefined;
  schema: readonly string[];
  threshold: number;
  all: number;
  strong: number;
}

/**
 * The counts of an article's ghosts (all, and those at or above the accept-all threshold) for the
 * bar above the paragraphs, which is recounted after every decision: each paragraph is counted
 * again only when one of its inputs is a different value (decisions, suggestions and rejections
 * are replaced, never changed in place), so a keystroke recounts its own paragraph, not the article.
 */
export class GhostTally {
  private readonly counted = new Map<string, Counted>();

  count(paragraphId: string, suggestions: readonly SuggestionView[], decision: DecisionView | undefined, rejected: readonly string[] | undefined, schema: readonly string[], threshold: number): { all: number; strong: number } {
    const last = this.counted.get(paragraphId);
    if (last && last.suggestions === suggestions && last.decision === decision && last.rejected === rejected && last.schema === schema && last.threshold === threshold) return last;
    const ghosts = ghostsOf(suggestions, decisionOf(decision), rejected, schema);
    const counted = { suggestions, decision, rejected, schema, threshold, all: ghosts.length, strong: ghosts.filter((g) => g.score >= threshold).length };
    this.counted.set(paragraphId, counted);
    return counted;
  }

  /** Another article: its paragraphs start uncounted. */
  clear(): void {
    this.counted.clear();
  }
}
