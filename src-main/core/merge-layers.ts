/**
 * Merging a sync tool's conflict copy of a layer into the layer: per paragraph the newer
 * decision wins (by instant, core/instant.ts; ties keep the current one), orphans are united,
 * and nothing is dropped.
 */
import { isLater } from './instant';

export interface MergeableEntry {
  updated_at: string;
}
export interface MergeableLayer<E extends MergeableEntry, O extends { paragraph_id: string }> {
  updated_at: string;
  status: 'in_progress' | 'done';
  done_at?: string | undefined;
  paragraphs: Record<string, E>;
  orphans: O[];
}

export interface MergeOutcome {
  /** Paragraphs whose decision came from the copy. */
  taken: number;
  /** Paragraphs where both had a decision and the current one was newer or equal. */
  kept: number;
}

export function mergeLayerInto<E extends MergeableEntry, O extends { paragraph_id: string }>(current: MergeableLayer<E, O>, copy: MergeableLayer<E, O>): MergeOutcome {
  let taken = 0;
  let kept = 0;
  for (const [id, entry] of Object.entries(copy.paragraphs)) {
    const mine = current.paragraphs[id];
    if (!mine || isLater(entry.updated_at, mine.updated_at)) {
      current.paragraphs[id] = entry;
      taken += 1;
    } else kept += 1;
  }
  const known = new Set(current.orphans.map((o) => o.paragraph_id));
  for (const orphan of copy.orphans) if (!known.has(orphan.paragraph_id)) current.orphans.push(orphan);
  if (isLater(copy.updated_at, current.updated_at)) {
    current.status = copy.status;
    current.done_at = copy.done_at;
    current.updated_at = copy.updated_at;
  }
  return { taken, kept };
}
