/**
 * The team's progress (docs/teams.md, "Progress"): per annotator, how far through their queue
 * they are, how fast they work and how well they agree with teammates on the overlap. Pure:
 * each label file comes as its summary (`summariseLayer`: all progress needs of it, small
 * enough to keep between calls, node/team/progress-cache.ts), nothing is read here.
 */
import { computeAgreement } from '../agreement';
import { instantOf } from '../instant';
import { queueOrder, type Assignments } from './assign';

/** A gap between two decisions longer than this is a pause, not work: it counts for no time. */
export const IDLE_GAP_MS = 10 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What progress needs of a label file. */
export interface ProgressLayer {
  status?: 'in_progress' | 'done' | undefined;
  paragraphs: Readonly<Record<string, { labels: readonly string[]; undecided?: true | undefined; updated_at?: string | undefined; via?: string | undefined } | undefined>>;
}

/**
 * What progress needs of one label file: its status, how many paragraphs it decides, the
 * times of the decisions the annotator made (ms since the epoch, in file order), and, for an
 * overlap article, each paragraph's decision (labels; null for an entry that decides nothing).
 */
export interface LayerSummary {
  done: boolean;
  decided: number;
  times: number[];
  decisions?: Record<string, readonly string[] | null>;
}

/** A label file's summary; `withDecisions` for an overlap article, whose decisions agreement compares. */
export function summariseLayer(layer: ProgressLayer, withDecisions: boolean): LayerSummary {
  const summary: LayerSummary = { done: layer.status === 'done', decided: 0, times: [] };
  // No prototype: a paragraph id is the file's text ("__proto__" is only a name here).
  const decisions = Object.create(null) as Record<string, readonly string[] | null>;
  for (const [id, entry] of Object.entries(layer.paragraphs)) {
    if (!entry) continue;
    if (withDecisions) decisions[id] = entry.undecided ? null : entry.labels;
    if (entry.undecided) continue;
    summary.decided += 1;
    // "Mark done"'s fills are decisions, but not the annotator's timed work.
    if (entry.via === 'done') continue;
    const t = instantOf(entry.updated_at);
    if (t !== null) summary.times.push(t);
  }
  if (withDecisions) summary.decisions = decisions;
  return summary;
}

export interface AnnotatorProgress {
  annotator: string;
  assigned: number;
  done: number;
  in_progress: number;
  not_started: number;
  /** Decided paragraphs in the annotator's assigned articles (a done article's "none" included). */
  paragraphs_decided: number;
  /** Paragraphs per active hour; null until there is a stretch of work to time. */
  pace_per_hour: number | null;
  active_minutes: number;
  /** The latest decision time (ISO 8601), null before the first. */
  last_active: string | null;
  /** Against every teammate who labelled the same overlap articles, paragraph by paragraph. */
  overlap: { articles: number; paragraphs: number; percent_agreement: number | null; cohen_kappa: number | null };
  /** The next article of the queue not done yet; null when all are done. */
  next: string | null;
}

export interface TeamProgress {
  annotators: AnnotatorProgress[];
  /** Articles of the workspace nobody is assigned. */
  unassigned: number;
  /** Median of the annotators' paces (null when nobody has one): what a normal pace is here. */
  median_pace_per_hour: number | null;
  /** The whole team on the overlap so far. */
  overlap: { paragraphs: number; percent_agreement: number | null; krippendorff_alpha: number | null };
  /** Decisions per day (UTC date, YYYY-MM-DD) per annotator, days in order. */
  per_day: { day: string; counts: Record<string, number> }[];
}

export interface ProgressInput {
  articles: readonly string[];
  assignments: Assignments;
  /**
   * The summary of the annotator's layer for an article (with decisions where the assignment
   * is an overlap one); null or undefined when they have none.
   */
  layer: (annotator: string, article: string) => LayerSummary | null | undefined;
  labels: readonly string[];
}

export function teamProgress(input: ProgressInput): TeamProgress {
  const names = Object.keys(input.assignments).sort();
  const perDay = new Map<number, Map<string, number>>();
  const assignedTo = new Map<string, string[]>();
  const rows: AnnotatorProgress[] = [];
  for (const name of names) {
    const items = queueOrder(input.assignments[name]!);
    const row: AnnotatorProgress = { annotator: name, assigned: items.length, done: 0, in_progress: 0, not_started: 0, paragraphs_decided: 0, pace_per_hour: null, active_minutes: 0, last_active: null, overlap: { articles: 0, paragraphs: 0, percent_agreement: null, cohen_kappa: null }, next: null };
    const times: number[] = [];
    for (const item of items) {
      if (item.overlap) (assignedTo.get(item.article) ?? assignedTo.set(item.article, []).get(item.article)!).push(name);
      const layer = input.layer(name, item.article);
      const decided = layer?.decided ?? 0;
      if (layer) for (const t of layer.times) times.push(t);
      row.paragraphs_decided += decided;
      if (layer?.done) row.done += 1;
      else {
        if (decided > 0) row.in_progress += 1;
        else row.not_started += 1;
        row.next ??= item.article;
      }
    }
    // A typed array sorts numerically without calling back into JS for each comparison.
    const sorted = Float64Array.from(times).sort();
    const pace = paceOf(sorted);
    row.pace_per_hour = pace.perHour;
    row.active_minutes = Math.round(pace.activeMs / 60000);
    row.last_active = sorted.length ? new Date(sorted[sorted.length - 1]!).toISOString() : null;
    // By day number, named once per day at the end: sorted, a day's decisions are one run, counted at once.
    for (let i = 0; i < sorted.length; ) {
      const day = Math.floor(sorted[i]! / DAY_MS);
      let end = i + 1;
      while (end < sorted.length && Math.floor(sorted[end]! / DAY_MS) === day) end++;
      const counts = perDay.get(day) ?? perDay.set(day, new Map()).get(day)!;
      counts.set(name, end - i);
      i = end;
    }
    rows.push(row);
  }
  const overlap = overlapAgreement(input, assignedTo, names, rows);
  const paces = rows.map((r) => r.pace_per_hour).filter((p): p is number => p !== null);
  const assigned = new Set(assignedTo.keys());
  for (const name of names) for (const i of input.assignments[name]!) assigned.add(i.article);
  return {
    annotators: rows,
    unassigned: input.articles.filter((a) => !assigned.has(a)).length,
    median_pace_per_hour: median(paces),
    overlap,
    per_day: [...perDay]
      .sort(([a], [b]) => a - b)
      .map(([day, counts]) => ({ day: new Date(day * DAY_MS).toISOString().slice(0, 10), counts: Object.fromEntries(counts) })),
  };
}

/**
 * Paragraphs per active hour. Decisions closer than IDLE_GAP_MS form a stretch of work; a
 * stretch of n decisions over t ms is n − 1 decisions in t (the first one's own time is unknown),
 * so the pace is (decisions − stretches) / (time in stretches).
 */
export function paceOf(sortedTimes: ArrayLike<number>): { perHour: number | null; activeMs: number } {
  let activeMs = 0;
  let counted = 0;
  for (let i = 1; i < sortedTimes.length; i++) {
    const gap = sortedTimes[i]! - sortedTimes[i - 1]!;
    if (gap > IDLE_GAP_MS) continue;
    activeMs += gap;
    counted += 1;
  }
  // Under a minute of work says nothing about a pace.
  if (activeMs < 60_000) return { perHour: null, activeMs };
  return { perHour: Math.round((counted / activeMs) * 3_600_000), activeMs };
}

function overlapAgreement(input: ProgressInput, assignedTo: ReadonlyMap<string, string[]>, names: readonly string[], rows: AnnotatorProgress[]): TeamProgress['overlap'] {
  const items = [];
  const sharedArticles = new Map<string, number>();
  for (const [article, annotators] of assignedTo) {
    if (annotators.length < 2) continue;
    for (const a of annotators) sharedArticles.set(a, (sharedArticles.get(a) ?? 0) + 1);
    const layers = annotators.map((a) => [a, input.layer(a, article)] as const);
    const ids = new Set<string>();
    for (const [, layer] of layers) for (const id of Object.keys(layer?.decisions ?? {})) ids.add(id);
    for (const id of ids) {
      const decisions: Record<string, readonly string[] | undefined> = {};
      let n = 0;
      for (const [a, layer] of layers) {
        const entry = layer?.decisions?.[id];
        const d = entry ? entry : layer?.done ? [] : undefined;
        if (!d) continue;
        decisions[a] = d;
        n += 1;
      }
      if (n >= 2) items.push({ id, article, decisions });
    }
  }
  const report = computeAgreement({ annotators: [...names], labels: [...input.labels], items });
  for (const row of rows) {
    const pairs = report.pairwise.filter((p) => (p.a === row.annotator || p.b === row.annotator) && p.items > 0);
    const paragraphs = pairs.reduce((s, p) => s + p.items, 0);
    row.overlap = { articles: sharedArticles.get(row.annotator) ?? 0, paragraphs, percent_agreement: weighted(pairs, (p) => p.percent_agreement), cohen_kappa: weighted(pairs, (p) => p.cohen_kappa) };
  }
  return { paragraphs: report.items, percent_agreement: report.percent_agreement, krippendorff_alpha: report.krippendorff_alpha };
}

/** Mean over pairs weighted by their shared paragraphs, of the pairs where the figure is defined. */
function weighted<T extends { items: number }>(pairs: readonly T[], value: (p: T) => number | null): number | null {
  let sum = 0;
  let weight = 0;
  for (const p of pairs) {
    const v = value(p);
    if (v === null) continue;
    sum += v * p.items;
    weight += p.items;
  }
  return weight === 0 ? null : sum / weight;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}
