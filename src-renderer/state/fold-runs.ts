/**
 * Runs of boilerplate to fold (docs/shortcuts.md): consecutive paragraphs that are all undecided and all
 * suggested as boilerplate or ad show as one row in the annotation view, which one key accepts,
 * turns down or opens (docs/shortcuts.md). Pure functions over an article's ghosts and decisions
 * (unit-tested); state/folds.svelte.ts keeps them up to date for the open article.
 */
import { BUILTIN_SUGGESTERS } from '../../src-main/core/suggest/types';
import type { DecisionView } from '../../src-main/shared/views';
import type { Ghost } from './suggestion-logic';

/** The labels of a site's own lines and of its sponsors: the only ones a run is made of. */
export const FOLD_LABELS: readonly string[] = [...BUILTIN_SUGGESTERS.repeated.labels, ...BUILTIN_SUGGESTERS['ad-cues'].labels];

/**
 * The fewest paragraphs folded into one row. Two lines fold into a row as tall as they are, and a
 * row that stands for a pair hides more than it saves; from three on, the row is shorter than the
 * lines and one key does the work of three.
 */
export const MIN_FOLD_RUN = 3;

/**
 * What the run finder reads of one paragraph; undefined for a paragraph not arrived yet (or, from
 * state/folds.svelte.ts, one whose ghosts already rule it out).
 */
export interface FoldInput {
  id: string;
  text: string;
  /** Its ghosts as shown (suggestion-logic.ts `ghostsOf`). */
  ghosts: readonly Ghost[];
  /** This annotator's decision, note and flag. */
  decision: DecisionView | undefined;
}

/** One label of a run with its lowest and highest score. */
export interface FoldLabel {
  label: string;
  min: number;
  max: number;
}

export interface FoldRun {
  /** First and last paragraph index (inclusive). */
  start: number;
  end: number;
  /** Paragraph ids, in order. */
  ids: readonly string[];
  /** The suggested labels every paragraph of the run shares, in FOLD_LABELS order. */
  labels: readonly FoldLabel[];
  /** The first paragraph's text, for a preview. */
  firstText: string;
}

/**
 * The labels that let a paragraph join a run, as one key ("boilerplate", "ad", "boilerplate ad"),
 * or null: it must be undecided with no note or flag (the editor's mark wants their eyes), and
 * every ghost it shows must be boilerplate or ad.
 */
export function foldKeyOf(input: FoldInput | undefined): string | null {
  if (!input || input.ghosts.length === 0) return null;
  const d = input.decision;
  if (d && (!d.undecided || d.flagged || d.note !== undefined)) return null;
  const labels = input.ghosts.map((g) => g.label);
  if (!labels.every((l) => FOLD_LABELS.includes(l))) return null;
  return FOLD_LABELS.filter((l) => labels.includes(l)).join(' ');
}

/**
 * The runs of at least `min` consecutive paragraphs with the same fold key. A run breaks where a
 * paragraph is decided, flagged or noted, is suggested another label (or another set), is not
 * suggested at all, or has not arrived yet.
 */
export function findFoldRuns(paragraphs: readonly (FoldInput | undefined)[], min = MIN_FOLD_RUN): FoldRun[] {
  const keys = paragraphs.map(foldKeyOf);
  const runs: FoldRun[] = [];
  let i = 0;
  while (i < keys.length) {
    const key = keys[i];
    let end = i;
    while (key !== null && keys[end + 1] === key) end++;
    if (key !== null && end - i + 1 >= min) runs.push(runOf(paragraphs.slice(i, end + 1) as FoldInput[], i));
    i = end + 1;
  }
  return runs;
}

function runOf(members: readonly FoldInput[], start: number): FoldRun {
  const scores = new Map<string, FoldLabel>();
  for (const m of members) {
    for (const g of m.ghosts) {
      const seen = scores.get(g.label);
      scores.set(g.label, seen ? { label: g.label, min: Math.min(seen.min, g.score), max: Math.max(seen.max, g.score) } : { label: g.label, min: g.score, max: g.score });
    }
  }
  const labels = FOLD_LABELS.flatMap((l) => scores.get(l) ?? []);
  return { start, end: start + members.length - 1, ids: members.map((m) => m.id), labels, firstText: members[0]?.text ?? '' };
}

/** What a run is made of, for its summary: the site's own lines, ads, or lines suggested as both. */
export type FoldKind = 'boilerplate' | 'ad' | 'mixed';

export function foldKind(run: FoldRun): FoldKind {
  if (run.labels.length !== 1) return 'mixed';
  return BUILTIN_SUGGESTERS['ad-cues'].labels.some((l) => l === run.labels[0]?.label) ? 'ad' : 'boilerplate';
}

/** Same runs (positions, paragraphs, labels and scores): the view keeps what it has. */
export function sameRuns(a: readonly FoldRun[], b: readonly FoldRun[]): boolean {
  return a.length === b.length && a.every((r, k) => {
    const o = b[k] as FoldRun;
    return r.start === o.start && r.end === o.end && r.ids[0] === o.ids[0] && r.ids.at(-1) === o.ids.at(-1) && r.firstText === o.firstText && r.labels.length === o.labels.length && r.labels.every((l, j) => l.label === o.labels[j]?.label && l.min === o.labels[j]?.min && l.max === o.labels[j]?.max);
  });
}

/** The run (of `runs`, sorted) that holds paragraph `index`, if any. */
export function runContaining(runs: readonly FoldRun[], index: number): FoldRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as FoldRun;
    if (index < run.start) hi = mid - 1;
    else if (index > run.end) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/**
 * The paragraph the view opens at when nothing is decided: the first one after the folded runs
 * that start the article (a saved page's navigation), or null when there is none to skip or
 * nothing after them.
 */
export function firstAfterLeadingRuns(folded: readonly FoldRun[], paragraphCount: number): number | null {
  let next = 0;
  for (const run of folded) {
    if (run.start !== next) break;
    next = run.end + 1;
  }
  return next > 0 && next < paragraphCount ? next : null;
}

/** The paragraph indexes a list shows: every one, less the members of a folded run after its first. */
export function shownIndexes(paragraphCount: number, folded: readonly FoldRun[]): number[] {
  const shown: number[] = [];
  let i = 0;
  for (const run of folded) {
    while (i <= run.start) shown.push(i++);
    i = run.end + 1;
  }
  while (i < paragraphCount) shown.push(i++);
  return shown;
}

/** A line of text cut to about `length` characters (whole code points, spaces folded), for a preview. */
export function preview(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length <= length ? flat : `${points.slice(0, length).join('').trimEnd()}…`;
}
