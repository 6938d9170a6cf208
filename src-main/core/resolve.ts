/**
 * Settles one answer per paragraph from several layers (docs/export.md "Resolution"). Steps are
 * tried in the order given; the first that decides wins and is recorded as `resolved_from`:
 *   gold      the adjudicated layer's decision, when it has one;
 *   majority  among at least two decided annotators, the exact label set more than half of them
 *             chose (core/decisions.ts). A tie or a plurality does not decide and the next step is
 *             tried (no coin flips: the output stays reproducible);
 *   single    the only decided annotator's answer, when exactly one decided;
 *   NAME      that annotator's answer, when they decided (a trusted editor as the last word).
 * A paragraph no step decides is unresolved: counted, and exported only with untouched ones.
 */
import { majorityOf } from './decisions';
import { GOLD_ANNOTATOR } from '../shared/labels';

/** The steps that are not annotator names; any other word names an annotator. */
export const RESOLVE_KEYWORDS = [GOLD_ANNOTATOR, 'majority', 'single'] as const;
type ResolveKeyword = (typeof RESOLVE_KEYWORDS)[number];
const isKeyword = (step: string): step is ResolveKeyword => (RESOLVE_KEYWORDS as readonly string[]).includes(step);

export interface Vote {
  annotator: string;
  labels: readonly string[];
}

export interface Resolution {
  from: ResolveKeyword | 'annotator';
  /** `gold`, the deciding annotator, or `majority`. */
  annotator: string;
  labels: string[];
  /** Annotators whose answer this is (for majority: everyone who chose the winning set). */
  agreeing: string[];
}

const setKey = (labels: readonly string[]) => [...labels].sort().join('\u0000');

/** `votes` are the decided, non-gold annotators; `gold` the gold layer's decision if any. */
export function resolveParagraph(steps: readonly string[], gold: readonly string[] | undefined, votes: readonly Vote[]): Resolution | null {
  for (const step of steps) {
    if (step === GOLD_ANNOTATOR) {
      if (gold) return { from: 'gold', annotator: GOLD_ANNOTATOR, labels: [...gold], agreeing: [GOLD_ANNOTATOR] };
    } else if (step === 'majority') {
      if (votes.length < 2) continue;
      const winner = majorityOf(votes.map((v) => v.labels));
      if (!winner) continue;
      const key = setKey(winner);
      const agreeing = votes.filter((v) => setKey(v.labels) === key);
      // Keep the label order the first agreeing annotator stored (schema order), not sorted order.
      return { from: 'majority', annotator: 'majority', labels: [...agreeing[0]!.labels], agreeing: agreeing.map((v) => v.annotator) };
    } else if (step === 'single') {
      if (votes.length === 1) return { from: 'single', annotator: votes[0]!.annotator, labels: [...votes[0]!.labels], agreeing: [votes[0]!.annotator] };
    } else {
      const vote = votes.find((v) => v.annotator === step);
      if (vote) return { from: 'annotator', annotator: step, labels: [...vote.labels], agreeing: [step] };
    }
  }
  return null;
}

/** Checks a step list; returns a message naming the bad step, or null. */
export function checkResolveSteps(steps: readonly string[], layers: readonly string[]): string | null {
  for (const step of steps) {
    if (isKeyword(step)) continue;
    if (!layers.includes(step)) return `--resolve step "${step}" is neither ${RESOLVE_KEYWORDS.join(', ')} nor an annotator of this workspace (${layers.join(', ') || 'none'})`;
  }
  return null;
}
