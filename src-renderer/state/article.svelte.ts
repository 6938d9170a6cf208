/**
 * The open article: its paragraphs, this annotator's decisions, focus and selection, and the
 * editing commands of the keyboard loop. Changes show at once and are sent at once; each one is
 * recorded in the session's undo history.
 */
import type { ArticleView, DecisionView, SaveResult } from '../../src-main/shared/views';
import type { LabelDef, LabelMode } from '../../src-main/shared/labels';
import { call } from '../bridge/api';
import { Cursor } from './cursor.svelte';
import { applyLabel, confirmNone, decisionOf, sameDecision, stateOf, type Decision, type DecisionState } from './decision-logic';
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
  decisions = $state<Record<string, DecisionView>>({});
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
    this.decisions = { ...view.decisions };
    this.status = view.status;
    // Pick up where the editor left off: the first paragraph without a decision.
    const first = view.paragraphs.findIndex((p) => stateOf(view.decisions[p.id]) === 'untouched');
    this.cursor.focus = Math.max(0, first);
  }

  get paragraphCount(): number {
    return this.view.paragraphs.length;
  }

  get decidedCount(): number {
    return this.view.paragraphs.filter((p) => stateOf(this.decisions[p.id]) !== 'untouched').length;
  }

  get labelledCount(): number {
    return this.view.paragraphs.filter((p) => stateOf(this.decisions[p.id]) === 'labelled').length;
  }

  at(index: number): DecisionView | undefined {
    const paragraph = this.view.paragraphs[index];
    return paragraph ? this.decisions[paragraph.id] : undefined;
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
    const before = !!this.decisions[paragraph.id]?.flagged;
    const entry: HistoryEntry = { kind: 'flag', articleId: this.view.id, paragraphId: paragraph.id, index, before, after: !before };
    this.ctx.history.record(entry);
    this.replay(entry);
  }

  /** Saves a note ('' removes it); notes are not in the undo history (the text field has its own). */
  setNote(index: number, note: string): void {
    const paragraph = this.view.paragraphs[index];
    if (!paragraph || (this.decisions[paragraph.id]?.note ?? '') === note || !this.ctx.canEdit()) return;
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
        const v = this.decisions[p.id];
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
    const current = this.decisions[paragraphId] ?? { labels: [], decided: false, updatedAt: '' };
    const next = change(current);
    if (next && (next.decided || next.note !== undefined || next.flagged)) this.decisions[paragraphId] = next;
    else delete this.decisions[paragraphId];
  }

  private send(request: Promise<SaveResult>): void {
    void this.ctx.saves.track(request).then((result) => {
      if (!result) return;
      // A whole-article answer (done, undo done) is the truth, unless newer edits are in flight.
      if (result.decisions && this.ctx.saves.pending === 0) this.decisions = result.decisions;
      this.ctx.onSaved(this.view.id, result);
    });
  }
}

function withDecision(view: DecisionView, decision: Decision): DecisionView {
  const base = omit(omit(omit(view, 'via'), 'recheck'), 'suggestedBy');
  if (decision === null) return { ...base, labels: [], decided: false };
  return { ...base, labels: [...decision.labels], decided: true, ...(decision.via ? { via: decision.via } : {}), ...(decision.suggested_by ? { suggestedBy: decision.suggested_by } : {}) };
}

function omit<K extends keyof DecisionView>(view: DecisionView, key: K): DecisionView {
  const copy = { ...view };
  delete copy[key];
  return copy;
}
