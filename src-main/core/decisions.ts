/**
 * What an annotator decided about a paragraph, under the decision model of docs/storage.md:
 * an entry is a decision (labels, or [] for "reviewed — none") unless it is marked `undecided`
 * (it only holds a note or a flag); with no decision, a paragraph of an
 * article the annotator marked done counts as "none"; otherwise it is undecided.
 */
export interface DecisionLayer {
  status?: 'in_progress' | 'done';
  paragraphs: Readonly<Record<string, { labels: readonly string[]; undecided?: true | undefined } | undefined>>;
}

export function decisionOf(layer: DecisionLayer | null | undefined, paragraphId: string): readonly string[] | undefined {
  if (!layer) return undefined;
  const entry = layer.paragraphs[paragraphId];
  if (entry && !entry.undecided) return entry.labels;
  return layer.status === 'done' ? [] : undefined;
}

/** Majority answer among decided annotators; null on a tie or with no decisions. */
export function majorityOf(decisions: readonly (readonly string[] | undefined)[]): string[] | null {
  const counts = new Map<string, { set: string[]; n: number }>();
  for (const d of decisions) {
    if (!d) continue;
    const set = [...d].sort();
    const key = set.join('\u0000');
    const slot = counts.get(key) ?? { set, n: 0 };
    slot.n += 1;
    counts.set(key, slot);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  if (!ranked[0] || ranked[1]?.n === ranked[0].n) return null;
  return ranked[0].set;
}

/** True when every annotator in `annotators` decided and all chose the same label set. */
export function allAgree(decisions: readonly (readonly string[] | undefined)[]): boolean {
  if (decisions.length < 2 || decisions.some((d) => d === undefined)) return false;
  const keys = new Set(decisions.map((d) => [...(d ?? [])].sort().join('\u0000')));
  return keys.size === 1;
}
