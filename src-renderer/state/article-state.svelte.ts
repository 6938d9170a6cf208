/**
 * The open article: its paragraphs, this annotator's decisions, focus and selection, and the
 * editing commands of the keyboard loop. Changes show at once and are sent at once; each one is
 * recorded in the session's undo history.
 *
 * A long article opens as a window of paragraphs (docs/architecture.md) and the rest arrives in chunks
 * (article-loading.ts): `paragraphs` has a slot for every paragraph, empty until it arrived.
 * Commands that need paragraphs not here yet wait for the whole article (`whenLoaded`), in the
 * order they were given; the header shows main's counts until every decision is in.
 *
 * Runs of paragraphs suggested as boilerplate show folded as one row (`folds`, docs/shortcuts.md): the
 * list leaves out the rest of a folded run, and a command on its row applies to all of it.
 */
import type { ArticleView, DecisionView, ParagraphView, SaveResult } from '../../src-main/shared/views';
import type { LabelDef, LabelMode } from '../../src-main/shared/labels';
import { call } from '../bridge/api';
import { Cursor } from './cursor.svelte';
import { DecisionMap } from './decision-map.svelte';
import { applyLabel, confirmNone, decisionOf, EMPTY_TALLY, sameDecision, stateOf, tallied, tallyOf, type Decision, type DecisionState, type DecisionTally } from './decision-logic';
import { reverse, type DecisionChange, type HistoryEntry, type UndoHistory } from './undo-history.svelte';
import type { SaveTracker } from './save-tracker.svelte';
import { Folds, type GhostLookup } from './folds.svelte';
import { firstAfterLeadingRuns, shownIndexes, type FoldRun } from './fold-runs';

export interface ArticleContext {
  labels: () => LabelDef[];
  mode: () => LabelMode;
  saves: SaveTracker;
  history: UndoHistory;
  /** False in a read-only window: the edit is refused before anything changes (AppStore.canEdit). */
  canEdit: () => boolean;
  /** After each save: the article's new progress for the list. */
  onSaved: (articleId: string, result: SaveResult) => void;
  /** The article's ghosts once its suggestions are in (state/suggestions-state.svelte.ts). */
  ghosts?: (articleId: string) => GhostLookup;
}

export interface OpenOptions {
  /**
   * Where the view opens is main's `focus`: where the editor left off, or the paragraph asked for.
   * With `pastLeadingFolds`, an article with nothing decided opens after the folded runs that
   * start it, once its suggestions are in (a saved page's navigation).
   */
  pastLeadingFolds?: boolean;
}

/** The article's metadata; its paragraphs and decisions live in ArticleState. */
export type ArticleMeta = Omit<ArticleView, 'paragraphs' | 'decisions' | 'partial'>;

export class ArticleState {
  readonly view: ArticleMeta;
  /** Paragraphs in the article, arrived or not. */
  readonly paragraphCount: number;
  /** Every paragraph by index; undefined until its chunk arrived. */
  paragraphs = $state.raw<readonly (ParagraphView | undefined)[]>([]);
  /** Paragraphs not arrived yet: 0 once the whole article is here. */
  missing = $state(0);
  /** The reading the window came from (null for an article that came whole). */
  readonly reading: string | null;
  /** paragraph id -> this annotator's decision; a keystroke repaints its own row, not every row. */
  readonly decisions: DecisionMap;
  /** The header's and legend's counts, updated with each change instead of recounted per key. */
  tally = $state.raw<DecisionTally>(EMPTY_TALLY);
  status = $state<'in_progress' | 'done'>('in_progress');
  flaggedOnly = $state(false);
  readonly folds: Folds = new Folds(
    () => this.paragraphs,
    (id) => this.decisions.get(id),
    () => this.ctx.ghosts?.(this.view.id) ?? null,
  );
  /** Paragraph indexes the list shows: flagged only, or all but the hidden members of folded runs. */
  readonly visible = $derived.by(() => {
    if (!this.flaggedOnly) return shownIndexes(this.paragraphCount, this.folds.folded);
    // A flagged paragraph is never in a run: the filter shows no folded rows.
    return Array.from({ length: this.paragraphCount }, (_, i) => i).filter((i) => this.at(i)?.flagged);
  });
  readonly cursor = new Cursor(
    () => this.visible,
    (index) => (this.flaggedOnly ? undefined : this.folds.membersAt(index)),
  );
  /** Whether the view may still move past leading folded runs (once, when the suggestions came). */
  private landing: boolean;
  /** Commands given while paragraphs they need were missing, in order (run once all are here). */
  private readonly waiting: (() => void)[] = [];

  constructor(
    view: ArticleView,
    private readonly ctx: ArticleContext,
    options: OpenOptions = {},
  ) {
    const { paragraphs, decisions, partial, ...meta } = view;
    this.view = meta;
    this.paragraphCount = partial?.total ?? paragraphs.length;
    const slots = new Array<ParagraphView | undefined>(this.paragraphCount).fill(undefined);
    for (const p of paragraphs) slots[p.index] = p;
    this.paragraphs = slots;
    this.missing = this.paragraphCount - paragraphs.length;
    this.reading = partial?.reading ?? null;
    this.decisions = new DecisionMap(paragraphs.map((p) => p.id), decisions);
    // Main counted every paragraph's decision; the arrived ones are counted here once all are in.
    const counted = partial?.progress;
    this.tally = counted ? { decided: counted.decided, labelled: counted.labelled, flagged: counted.flagged, byLabel: counted.labelCounts } : tallyOf(Object.values(decisions));
    this.status = view.status;
    // Where the editor left off (main found the first paragraph without a decision), or where asked.
    this.cursor.focus = view.focus;
    this.landing = options.pastLeadingFolds === true && this.tally.decided === 0;
  }

  /**
   * After the folded runs changed (suggestions arrived, a decision joined or broke a run): an
   * article opened with nothing decided moves past the runs that start it, if the editor has not
   * moved yet; and a focused paragraph that a run folded away opens that run, so focus is never
   * on a paragraph without a row.
   */
  settleFocus(): void {
    if (this.landing && this.folds.ready) {
      this.landing = false;
      const first = firstAfterLeadingRuns(this.folds.folded, this.paragraphCount);
      if (first !== null && this.cursor.focus === this.view.focus && this.cursor.anchor === null && this.tally.decided === 0) this.cursor.focus = first;
    }
    const hiding = this.folds.isHidden(this.cursor.focus) ? this.folds.foldedContaining(this.cursor.focus) : undefined;
    if (hiding) this.folds.open(hiding);
  }

  /** The folded run whose row has focus (not in a range selection). */
  get focusedFold(): FoldRun | undefined {
    return this.flaggedOnly || this.cursor.hasRange ? undefined : this.folds.foldedAt(this.cursor.focus);
  }

  /** Focus on a paragraph by index (not position): inside a folded run, the run opens to show it. */
  focusParagraph(index: number): void {
    const run = this.folds.isHidden(index) ? this.folds.foldedContaining(index) : undefined;
    if (run) this.folds.open(run);
    this.cursor.moveTo(this.cursor.positionOf(index), false);
  }

  /** Enter on a folded row: its paragraphs show one by one, focus on the first. */
  openFold(run: FoldRun): void {
    this.folds.open(run);
    this.cursor.anchor = null;
    this.cursor.focus = run.start;
  }

  /** Folds the opened run holding a paragraph (the focused one) again, focus on its row; false when there is none. */
  foldAgain(index = this.cursor.focus): boolean {
    const run = this.folds.close(index);
    if (!run) return false;
    this.cursor.anchor = null;
    this.cursor.focus = run.start;
    return true;
  }

  get complete(): boolean {
    return this.missing === 0;
  }

  isLoaded(index: number): boolean {
    return this.paragraphs[index] !== undefined;
  }

  /**
   * Runs a command now, or once the whole article is here when it needs that (`needsAll`) or an
   * earlier command is still waiting: never on a half-loaded article, never out of order.
   */
  whenLoaded(needsAll: boolean, command: () => void): void {
    if (this.complete || (!needsAll && this.waiting.length === 0)) command();
    else this.waiting.push(command);
  }

  /** A chunk of paragraphs and their decisions arrived; the last one runs the waiting commands. */
  receive(paragraphs: readonly ParagraphView[], decisions: Readonly<Record<string, DecisionView>>): void {
    const slots = [...this.paragraphs];
    let arrived = 0;
    for (const p of paragraphs) {
      if (slots[p.index] !== undefined) continue; // already here, maybe edited since: keep it
      // The decision first: the row that mounts for the paragraph reads it.
      this.decisions.set(p.id, decisions[p.id]);
      slots[p.index] = p;
      arrived++;
    }
    this.paragraphs = slots;
    this.missing -= arrived;
    if (!this.complete) return;
    this.tally = tallyOf(slots.flatMap((p) => this.decisions.get(p?.id ?? '') ?? []));
    for (const command of this.waiting.splice(0)) command();
  }

  get decidedCount(): number {
    return this.tally.decided;
  }

  get labelledCount(): number {
    return this.tally.labelled;
  }

  at(index: number): DecisionView | undefined {
    const paragraph = this.paragraphs[index];
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
    const paragraph = this.paragraphs[index];
    if (!paragraph) return;
    const before = !!this.decisions.get(paragraph.id)?.flagged;
    const entry: HistoryEntry = { kind: 'flag', articleId: this.view.id, paragraphId: paragraph.id, index, before, after: !before };
    this.ctx.history.record(entry);
    this.replay(entry);
  }

  /** Saves a note ('' removes it); notes are not in the undo history (the text field has its own). */
  setNote(index: number, note: string): void {
    const paragraph = this.paragraphs[index];
    if (!paragraph || (this.decisions.get(paragraph.id)?.note ?? '') === note || !this.ctx.canEdit()) return;
    this.patch(paragraph.id, (v) => (note.trim() ? { ...v, note } : omit(v, 'note')));
    this.send(call('labels.remark', { articleId: this.view.id, paragraphId: paragraph.id, note }));
  }

  /** Marking done decides every untouched paragraph: it waits until the whole article is here. */
  toggleDone(): void {
    this.whenLoaded(true, () => {
      if (!this.ctx.canEdit()) return;
      const entry: HistoryEntry = { kind: 'done', articleId: this.view.id, done: this.status !== 'done' };
      this.ctx.history.record(entry);
      this.replay(entry);
    });
  }

  /** Only flagged paragraphs, or all: the filter needs every paragraph's flag. */
  toggleFlaggedOnly(): void {
    this.whenLoaded(true, () => (this.flaggedOnly = !this.flaggedOnly));
  }

  /**
   * Moves focus to the next (or previous) undecided paragraph; false when there is none. A folded
   * run is one stop, at its row: its other paragraphs are passed over.
   */
  jumpToUndecided(direction: 1 | -1): boolean {
    const n = this.paragraphCount;
    for (let step = 1; step <= n; step++) {
      const index = (((this.cursor.focus + direction * step) % n) + n) % n;
      if (this.stateAt(index) === 'untouched' && !this.folds.isHidden(index)) {
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
      for (const p of this.paragraphs) {
        if (!p) continue; // never: `done` waits for the whole article (toggleDone, undo)
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
      const paragraph = this.paragraphs[index];
      const before = decisionOf(this.at(index));
      const next = after[k] ?? null;
      if (paragraph && !sameDecision(before, next)) changes.push({ paragraphId: paragraph.id, index, before, after: next });
    });
    if (changes.length === 0) return;
    const entry: HistoryEntry = { kind: 'decide', articleId: this.view.id, changes };
    this.ctx.history.record(entry);
    const { anchor, focus } = this.cursor;
    // A selection's ends may be folded rows, which the decision unfolds: it keeps its paragraphs.
    const selected = anchor === null ? null : this.cursor.targets();
    this.replay(entry);
    this.cursor.focus = focus;
    if (anchor === null || !selected || selected.length === 0) return;
    const [first, last] = [selected[0] as number, selected[selected.length - 1] as number];
    this.cursor.anchor = focus >= anchor ? first : last;
    this.cursor.focus = focus >= anchor ? last : first;
  }

  /**
   * After a suggestion key (accept, turn down, a ghost clicked): on to the first paragraph after
   * `targets` that has no decision (a folded run is one stop, at its row), as the editor is done
   * with these; when none is left below, to the next row.
   */
  advanceToUndecided(targets: readonly number[]): void {
    if (targets.length === 0) return;
    const last = Math.max(...targets);
    const visible = this.visible;
    let position = this.cursor.positionOf(last);
    if ((visible[position] ?? Infinity) <= last) position++;
    for (; position < visible.length; position++) {
      if (this.stateAt(visible[position] as number) === 'untouched') {
        this.cursor.moveTo(position, false);
        return;
      }
    }
    this.advanceFrom([...targets]);
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
    for (const p of this.paragraphs) if (p) this.decisions.set(p.id, decisions[p.id]);
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
