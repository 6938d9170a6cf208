/**
 * Undo/redo for the whole session (not per article): every decision, flag and done/undo-done
 * the editor makes is one entry; undoing an entry of another article opens that article first.
 */
import type { Decision } from './decision-logic';

export interface DecisionChange {
  paragraphId: string;
  index: number;
  before: Decision;
  after: Decision;
}

export type HistoryEntry =
  | { kind: 'decide'; articleId: string; changes: DecisionChange[] }
  | { kind: 'flag'; articleId: string; paragraphId: string; index: number; before: boolean; after: boolean }
  | { kind: 'done'; articleId: string; done: boolean }
  /** A change another feature makes and reverts itself (a split or merge: features/articles). */
  | { kind: 'external'; articleId: string; apply: () => Promise<void>; revert: () => Promise<void> };

/** Enough for a day's work; older entries fall off the bottom. */
const LIMIT = 5000;

export class UndoHistory {
  past = $state.raw<HistoryEntry[]>([]);
  future = $state.raw<HistoryEntry[]>([]);

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  record(entry: HistoryEntry): void {
    this.past = [...this.past.slice(-(LIMIT - 1)), entry];
    this.future = [];
  }

  /** Takes the entry to undo off the stack (the caller applies its reverse). */
  takeUndo(): HistoryEntry | undefined {
    const entry = this.past.at(-1);
    if (!entry) return undefined;
    this.past = this.past.slice(0, -1);
    this.future = [...this.future, entry];
    return entry;
  }

  takeRedo(): HistoryEntry | undefined {
    const entry = this.future.at(-1);
    if (!entry) return undefined;
    this.future = this.future.slice(0, -1);
    this.past = [...this.past, entry];
    return entry;
  }
}

/** The entry that undoes `entry` (same shape, before and after swapped). */
export function reverse(entry: HistoryEntry): HistoryEntry {
  switch (entry.kind) {
    case 'decide':
      return { ...entry, changes: entry.changes.map((c) => ({ ...c, before: c.after, after: c.before })) };
    case 'flag':
      return { ...entry, before: entry.after, after: entry.before };
    case 'done':
      return { ...entry, done: !entry.done };
    case 'external':
      return { ...entry, apply: entry.revert, revert: entry.apply };
  }
}
