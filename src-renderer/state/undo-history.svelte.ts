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
  // Plain arrays changed in place, with their lengths as the signals: every keystroke records an
  // entry, and copying the whole history (up to LIMIT entries) for each one made garbage per key.
  private readonly past: HistoryEntry[] = [];
  private readonly future: HistoryEntry[] = [];
  private pastLength = $state(0);
  private futureLength = $state(0);

  get canUndo(): boolean {
    return this.pastLength > 0;
  }

  get canRedo(): boolean {
    return this.futureLength > 0;
  }

  record(entry: HistoryEntry): void {
    this.past.push(entry);
    if (this.past.length > LIMIT) this.past.shift();
    this.future.length = 0;
    this.sync();
  }

  /** Takes the entry to undo off the stack (the caller applies its reverse). */
  takeUndo(): HistoryEntry | undefined {
    const entry = this.past.pop();
    if (entry) this.future.push(entry);
    this.sync();
    return entry;
  }

  takeRedo(): HistoryEntry | undefined {
    const entry = this.future.pop();
    if (entry) this.past.push(entry);
    this.sync();
    return entry;
  }

  /** Another annotator: the changes made under the previous name are not theirs to undo. */
  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
    this.sync();
  }

  private sync(): void {
    this.pastLength = this.past.length;
    this.futureLength = this.future.length;
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
