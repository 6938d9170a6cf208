/**
 * The open article: its paragraphs, this annotator's decisions, focus and selection, and the
 * editing commands of the keyboard loop. Changes show at once and are sent at once; each one is
 * recorded in the session's undo history.
 */
import type { ArticleView, DecisionView, SaveResult } from '../../src-main/shared/views';
import type { LabelDef, LabelMode } from '../../src-main/shared/labels';
import { call } from '../bridge/api';
import { Cursor } from './cursor.svelte';
import { DecisionMap } from './decision-map.svelte';
import { applyLabel, confirmNone, decisionOf, EMPTY_TALLY, sameDecision, stateOf, tallied, tallyOf, type Decision, type DecisionState, type DecisionTally } from './decision-logic';
import { reverse, type DecisionChange, type HistoryEntry, type UndoHistory } from './history.svelte';
import type { SaveTracker } from './save.svelte';

export interface ArticleContext {
  labels: () => LabelDef[];
  mode: () => LabelMode;
  saves: SaveTracker;
  history: UndoHistory;
  /** False in a read-only window: the edit is refused before anything changes (AppStore.canEdit). */
  canEdit: () => boolean;
  /** After each save: the article's new progress for the list. */
  onSaved: (articleId: string, result: SaveResult) => void;
}

export class ArticleState {
  readonly view: ArticleView;
  /** paragraph id -> this annotator's decision; a keystroke repaints its own row, not every row. */
  readonly decisions: DecisionMap;
  /** The header's and legend's counts, updated with each change instead of recounted per key. */
  tally = $state.raw<DecisionTally>(EMPTY_TALLY);
  status = $state<'in_progress' | 'done'>('in_progress');
  flaggedOnly = $state(false);
  readonly visible = $derived.by(() => {
    const all = this.view.paragraphs.map((p) => p.index);
    return this.flaggedOnly ? all.filter((i) => this.at(i)?.flagged) : all;
  });
  readonly cursor = new Cursor(() => this.visible);

  constructor(
    view: ArticleView,
    private readonly ctx: ArticleContext,
  ) {
    this.view = view;
    this.decisions = new DecisionMap(view.paragraphs.map((p) => p.id), view.decisions);
    this.tally = tallyOf(Object.values(view.decisions));
    this.status = view.status;
    // Pick up where the editor left off: the first paragraph without a decision.
    const first = view.paragraphs.findIndex((p) => stateOf(view.decisions[p.id]) === 'untouched');
    this.cursor.focus = Math.max(0, first);
  }

  get paragraphCount(): number {
    return this.view.paragraphs.length;
  }

  get decidedCount(): number {
    return this.tally.decided;
  }

  get labelledCount(): number {
    return this.tally.labelled;
  }

  at(index: number): DecisionView | undefined {
    const paragraph = this.view.paragraphs[index];
    return paragraph ? this.decisions.get(paragraph.id) : undefined;
  }

  stateAt(index: number): DecisionState {
    return stateOf(this.at(index));
  }

  /** A label key: toggles (multi) or sets and advances (single) on the focused paragraph or range. */
  label(name: string): void {
    if (!this.ctx.canEdit()) return;
    const targets = this.cursor.targets();
    const after = applyLabel(targets.map((i) => decisionOf(this.at(i))), name, this.ctx.mode(), this.ctx.labels().map((l) => l.name));
    this.decide(targets, after);
    if (this.ctx.mode() === 'single') this.advanceFrom(targets);
  }

  /** Space/Enter: "reviewed — none" for untouched paragraphs, then on to the next one. */
  confirmNone(): void {
    if (!this.ctx.canEdit()) return;
    const targets = this.cursor.targets();
    this.decide(targets, confirmNone(targets.map((i) => decisionOf(this.at(i)))));
    this.advanceFrom(targets);
  }

  /** Backspace/Delete: back to untouched. */
  clear(): void {
    if (!this.ctx.canEdit()) return;
    const targets = this.cursor.targets();
    this.decide(targets, targets.map(() => null));
  }

  toggleFlag(index = this.cursor.focus): void {
    if (!this.ctx.canEdit()) return;
    const paragraph = this.view.paragraphs[index];
    if (!paragraph) return;
    const before = !!this.decisions.get(paragraph.id)?.flagged;
    const entry: HistoryEntry = { kind: 'flag', articleId: this.view.id, paragraphId: paragraph.id, index, before, after: !before };
    this.ctx.history.record(entry);
    this.replay(entry);
  }

  /** Saves a note ('' removes it); notes are not in the undo history (the text field has its own). */
  setNote(index: number, note: string): void {
    const paragraph = this.view.paragraphs[index];
    if (!paragraph || (this.decisions.get(paragraph.id)?.note ?? '') === note || !this.ctx.canEdit()) return;
    this.patch(paragraph.id, (v) => (note.trim() ? { ...v, note } : omit(v, 'note')));
    this.send(call('labels.remark', { articleId: this.view.id, paragraphId: paragraph.id, note }));
  }

  toggleDone(): void {
    if (!this.ctx.canEdit()) return;
    const entry: HistoryEntry = { kind: 'done', articleId: this.view.id, done: this.status !== 'done' };
    this.ctx.history.record(entry);
    this.replay(entry);
  }

  /** Moves focus to the next (or previous) undecided paragraph; false when there is none. */
  jumpToUndecided(direction: 1 | -1): boolean {
    const n = this.paragraphCount;
    for (let step = 1; step <= n; step++) {
      const index = (((this.cursor.focus + direction * step) % n) + n) % n;
      if (this.stateAt(index) === 'untouched') {
        this.flaggedOnly = this.flaggedOnly && !!this.at(index)?.flagged;
        this.cursor.moveTo(this.cursor.positionOf(index), false);
        return true;
      }
    }
    return false;
  }

  /** Applies a history entry (or, with `undo`, its reverse) to this article. */
  replay(entry: HistoryEntry, undo = false): void {
    const e = undo ? reverse(entry) : entry;
    if (e.kind === 'external') {
      void e.apply();
      return;
    }
    if (e.kind === 'decide') {
      for (const c of e.changes) this.patch(c.paragraphId, (v) => withDecision(v, c.after));
      const one = e.changes.length === 1 ? e.changes[0] : undefined;
      // One plain decision takes the hot path (`labels.set`); ranges and restores go in one write.
      if (one && one.after && !one.after.via) this.send(call('labels.set', { articleId: this.view.id, paragraphId: one.paragraphId, labels: one.after.labels }));
      else this.send(call('labels.apply', { articleId: this.view.id, changes: e.changes.map((c) => ({ paragraphId: c.paragraphId, decision: c.after })) }));
      this.cursor.focus = e.changes[0]?.index ?? this.cursor.focus;
    } else if (e.kind === 'flag') {
      this.patch(e.paragraphId, (v) => (e.after ? { ...v, flagged: true } : omit(v, 'flagged')));
      this.send(call('labels.remark', { articleId: this.view.id, paragraphId: e.paragraphId, flagged: e.after }));
      this.cursor.focus = e.index;
    } else {
      this.status = e.done ? 'done' : 'in_progress';
      for (const p of this.view.paragraphs) {
        const v = this.decisions.get(p.id);
        if (e.done && stateOf(v) === 'untouched') this.patch(p.id, (d) => withDecision(d, { labels: [], via: 'done' }));
        else if (!e.done && v?.via === 'done') this.patch(p.id, (d) => withDecision(d, null));
      }
      this.send(call(e.done ? 'labels.markDone' : 'labels.undoDone', { articleId: this.view.id }));
    }
  }

  /** Records and applies new decisions for these paragraphs (one undo step); unchanged ones are skipped. */
  decide(targets: number[], after: Decision[]): void {
    if (!this.ctx.canEdit()) return;
    const changes: DecisionChange[] = [];
    targets.forEach((index, k) => {
      const paragraph = this.view.paragraphs[index];
      const before = decisionOf(this.at(index));
      const next = after[k] ?? null;
      if (paragraph && !sameDecision(before, next)) changes.push({ paragraphId: paragraph.id, index, before, after: next });
    });
    if (changes.length === 0) return;
    const entry: HistoryEntry = { kind: 'decide', articleId: this.view.id, changes };
    this.ctx.history.record(entry);
    const focus = this.cursor.focus;
    this.replay(entry);
    this.cursor.focus = focus;
  }

  private advanceFrom(targets: number[]): void {
    const last = Math.max(...targets);
    this.cursor.moveTo(this.cursor.positionOf(last) + (this.visible.includes(last) ? 1 : 0), false);
  }

  private patch(paragraphId: string, change: (view: DecisionView) => DecisionView | null): void {
    const current = this.decisions.get(paragraphId);
    const changed = change(current ?? { labels: [], undecided: true });
    const next = changed && (!changed.undecided || changed.note !== undefined || changed.flagged) ? changed : undefined;
    this.tally = tallied(tallied(this.tally, current, -1), next, 1);
    this.decisions.set(paragraphId, next);
  }

  /** Every decision of the article at once (the main process's answer to done / undo done). */
  private replaceAll(decisions: Record<string, DecisionView>): void {
    for (const p of this.view.paragraphs) this.decisions.set(p.id, decisions[p.id]);
    this.tally = tallyOf(Object.values(decisions));
  }

  private send(request: Promise<SaveResult>): void {
    void this.ctx.saves.track(request).then((result) => {
      if (!result) return;
      // A whole-article answer (done, undo done) is the truth, unless newer edits are in flight.
      if (result.decisions && this.ctx.saves.pending === 0) this.replaceAll(result.decisions);
      this.ctx.onSaved(this.view.id, result);
    });
  }
}

function withDecision(view: DecisionView, decision: Decision): DecisionView {
  const base = omit(omit(omit(omit(view, 'via'), 'recheck'), 'undecided'), 'suggestedBy');
  if (decision === null) return { ...base, labels: [], undecided: true };
  return { ...base, labels: [...decision.labels], ...(decision.via ? { via: decision.via } : {}), ...(decision.suggested_by ? { suggestedBy: decision.suggested_by } : {}) };
}

function omit<K extends keyof DecisionView>(view: DecisionView, key: K): DecisionView {
  const copy = { ...view };
  delete copy[key];
  return copy;
}
