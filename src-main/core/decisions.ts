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

/**
 * The label set more than half of the decided annotators chose, when at least two decided; null
 * otherwise. A lone vote (one of two chosen annotators decided), a tie and a plurality (two of
 * five) are not majorities: "majority" is recorded as gold and exported as an answer, so it must
 * mean one.
 */
export function majorityOf(decisions: readonly (readonly string[] | undefined)[]): string[] | null {
  const counts = new Map<string, { set: string[]; n: number }>();
  let decided = 0;
  for (const d of decisions) {
    if (!d) continue;
    decided += 1;
    const set = [...d].sort();
    const key = set.join('\u0000');
    const slot = counts.get(key) ?? { set, n: 0 };
    slot.n += 1;
    counts.set(key, slot);
  }
  if (decided < 2) return null;
  const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return top && top.n * 2 > decided ? top.set : null;
}

/** True when every annotator in `annotators` decided and all chose the same label set. */
export function allAgree(decisions: readonly (readonly string[] | undefined)[]): boolean {
  if (decisions.length < 2 || decisions.some((d) => d === undefined)) return false;
  const keys = new Set(decisions.map((d) => [...(d ?? [])].sort().join('\u0000')));
  return keys.size === 1;
}

/**
 * True when two or more annotators decided and did not all choose the same label set: a
 * disagreement, whoever else has not decided yet ("next article with disagreements" looks for these).
 */
export function disagree(decisions: readonly (readonly string[] | undefined)[]): boolean {
  const keys = new Set(decisions.flatMap((d) => (d ? [[...d].sort().join('\u0000')] : [])));
  return keys.size > 1;
}
