/**
 * The open article's runs of boilerplate (state/fold-runs.ts), kept up to date as suggestions
 * arrive and decisions change, and which of them the editor opened. A folded run shows as one
 * row at its first paragraph; the list (ArticleState.visible) leaves out the rest of it.
 *
 * Reading only the decisions of paragraphs that could join a run keeps a keystroke on any other
 * paragraph from recomputing the runs; and recomputed runs that came out the same are the same
 * array, so the list is not rebuilt for them.
 */
import type { DecisionView, ParagraphView } from '../../src-main/shared/views';
import { FOLD_LABELS, findFoldRuns, runContaining, sameRuns, type FoldInput, type FoldRun } from './fold-runs';
import type { Ghost } from './suggestion-logic';

/** An undecided paragraph's ghosts by id, or null while the article has no suggestions. */
export type GhostLookup = ((paragraphId: string) => readonly Ghost[]) | null;

export class Folds {
  /**
   * Ids of paragraphs in runs the editor opened: a run holding any of them shows unfolded (also
   * after a decision split it, or undo joined it again). Replaced whole, never changed in place.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a value in $state.raw, replaced whole
  private opened = $state.raw<ReadonlySet<string>>(new Set());
  /**
   * Whether each paragraph could join a run by the first suggestions it was shown with. Only a
   * run holding such a paragraph folds: suggestions that arrive later (the learned suggester
   * trained again on the editor's last keys, a model file) never fold rows under the editor's
   * cursor, where J would suddenly step over paragraphs the editor was about to label.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a record of first sights, read only with runs
  private readonly firstSeen = new Map<string, boolean>();
  private last: readonly FoldRun[] = [];
  private lastFolded: readonly FoldRun[] = [];

  constructor(
    private readonly paragraphs: () => readonly (ParagraphView | undefined)[],
    private readonly decision: (paragraphId: string) => DecisionView | undefined,
    private readonly ghosts: () => GhostLookup,
  ) {}

  /**
   * Per paragraph, its ghosts when all are boilerplate or ad (null otherwise, undefined for one
   * not arrived): from the suggestions alone, so a decision does not recompute it.
   */
  private readonly candidates = $derived.by(() => {
    const lookup = this.ghosts();
    if (!lookup) return null;
    return this.paragraphs().map((p) => {
      if (!p) return undefined;
      const ghosts = lookup(p.id);
      const candidate = ghosts.length > 0 && ghosts.every((g) => FOLD_LABELS.includes(g.label));
      if (!this.firstSeen.has(p.id)) this.firstSeen.set(p.id, candidate);
      return candidate ? ghosts : null;
    });
  });

  /** Every run of the article, folded or opened, in order. */
  readonly runs = $derived.by(() => {
    const candidates = this.candidates;
    const next = candidates ? findFoldRuns(this.paragraphs().map((p, i) => this.input(p, candidates[i]))) : [];
    if (sameRuns(next, this.last)) return this.last;
    this.last = next;
    return next;
  });

  /** The runs shown as one row. */
  readonly folded = $derived.by(() => {
    const next = this.runs.filter((r) => !this.isOpened(r));
    // The same runs folded (a decision inside an opened run split it): the list is not rebuilt.
    if (next.length === this.lastFolded.length && next.every((r, k) => r === this.lastFolded[k])) return this.lastFolded;
    return (this.lastFolded = next);
  });
  private readonly openRuns = $derived(this.runs.filter((r) => this.isOpened(r)));
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- an index of a derived value, not state
  private readonly foldedByStart = $derived(new Map(this.folded.map((r) => [r.start, r])));

  /** True once the article's suggestions are in (runs can only come then). */
  get ready(): boolean {
    return this.ghosts() !== null;
  }

  /** The folded run whose row stands at paragraph `index`. */
  foldedAt(index: number): FoldRun | undefined {
    return this.foldedByStart.get(index);
  }

  /** The paragraphs a folded row stands for (undefined for any other index). */
  membersAt(index: number): number[] | undefined {
    const run = this.foldedByStart.get(index);
    return run ? Array.from({ length: run.end - run.start + 1 }, (_, k) => run.start + k) : undefined;
  }

  /** A paragraph inside a folded run, other than its first: it has no row of its own. */
  isHidden(index: number): boolean {
    const run = runContaining(this.folded, index);
    return run !== undefined && run.start !== index;
  }

  /** The folded run holding paragraph `index`. */
  foldedContaining(index: number): FoldRun | undefined {
    return runContaining(this.folded, index);
  }

  /** The opened run holding paragraph `index`. */
  openedContaining(index: number): FoldRun | undefined {
    return runContaining(this.openRuns, index);
  }

  /** Shows the run's paragraphs one by one. */
  open(run: FoldRun): void {
    this.keepOpened(run.ids);
  }

  /** The ids of paragraphs in runs the editor opened, for a new reading of the article to keep. */
  get openedIds(): readonly string[] {
    return [...this.opened];
  }

  /**
   * Keeps open what the editor opened in an earlier reading of the article (the file changed on
   * disk): paragraphs keep their ids where their text did, so those runs stay open, wherever the
   * cursor is, rather than folding again under an editor who opened them to read.
   */
  keepOpened(ids: readonly string[]): void {
    if (ids.length > 0) this.opened = setOf([...this.opened, ...ids]);
  }

  /** Folds the opened run holding `index` again; returns it, or undefined when there is none. */
  close(index: number): FoldRun | undefined {
    const run = this.openedContaining(index);
    if (!run) return undefined;
    this.opened = setOf([...this.opened].filter((id) => !run.ids.includes(id)));
    return run;
  }

  /** Opened by the editor, or a run that only later suggestions made (see `firstSeen`). */
  private isOpened(run: FoldRun): boolean {
    return run.ids.some((id) => this.opened.has(id)) || !run.ids.some((id) => this.firstSeen.get(id) === true);
  }

  private input(paragraph: ParagraphView | undefined, ghosts: readonly Ghost[] | null | undefined): FoldInput | undefined {
    // Only a paragraph that could join a run has its decision read (see the file's comment).
    if (!paragraph || !ghosts) return undefined;
    return { id: paragraph.id, text: paragraph.text, ghosts, decision: this.decision(paragraph.id) };
  }
}

/** A set to put in $state.raw whole (Folds.opened). */
function setOf(ids: readonly string[]): ReadonlySet<string> {
  return new Set(ids);
}
