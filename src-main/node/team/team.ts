/**
 * Assignments and progress of a workspace, shared by the CLI (`pilcrow assign`, `pilcrow
 * progress`) and the app's Team tab.
 */
import { assignArticle, planAssignment, queueOrder, type AssignOptions, type Assignments } from '../../core/team/assign';
import type { TeamProgress } from '../../core/team/progress';
import type { LayerReader } from '../annotations/store';
import type { Workspace } from '../workspace/workspace';
import { readAssignments, writeAssignments } from '../workspace/assignments';
import { ownValue } from '../../shared/name-record';
import { ProgressSummaries, type WantedLayer } from './progress-cache';

/** Articles that can be assigned: every article the scan found, conflict copies and missing files aside. */
export function assignableArticles(workspace: Workspace): string[] {
  return workspace.listing().flatMap((a) => ('format' in a && workspace.conflictCopy(a.id) === null ? [a.path] : []));
}

export interface AssignResult {
  /** Annotator → articles now assigned, and how many of them are overlap articles. */
  annotators: Record<string, { articles: number; overlap: number }>;
  /** Articles dealt out by this run. */
  assigned: number;
  unassigned: number;
  written: string[];
  skipped: { path: string; reason: string }[];
}

export async function assignWorkspace(workspace: Workspace, options: AssignOptions): Promise<AssignResult> {
  const stored = await readAssignments(workspace.root);
  const articles = assignableArticles(workspace);
  const next = planAssignment(articles, stored.assignments, options);
  return saved(workspace, stored, next, articles, countNew(stored.assignments, next, options.onlyUnassigned));
}

/** By hand: one article to exactly these annotators (none: to nobody). */
export async function assignOneArticle(workspace: Workspace, article: string, annotators: readonly string[]): Promise<AssignResult> {
  if (workspace.idOfPath(article) === undefined) throw new Error(`no article ${article} in this workspace (give its path as pilcrow stats or the app's list shows it)`);
  const stored = await readAssignments(workspace.root);
  const next = assignArticle(stored.assignments, article, annotators);
  return saved(workspace, stored, next, assignableArticles(workspace), 1);
}

async function saved(workspace: Workspace, stored: Awaited<ReturnType<typeof readAssignments>>, next: Assignments, articles: string[], assigned: number): Promise<AssignResult> {
  const written = await writeAssignments(workspace.root, stored.assignments, next);
  const taken = new Set<string>();
  const annotators: AssignResult['annotators'] = {};
  for (const [name, items] of Object.entries(next).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const i of items) taken.add(i.article);
    annotators[name] = { articles: items.length, overlap: items.filter((i) => i.overlap).length };
  }
  return { annotators, assigned, unassigned: articles.filter((a) => !taken.has(a)).length, written, skipped: stored.skipped };
}

function countNew(before: Assignments, after: Assignments, onlyUnassigned: boolean): number {
  const had = new Set<string>();
  if (onlyUnassigned) for (const items of Object.values(before)) for (const i of items) had.add(i.article);
  const now = new Set<string>();
  for (const items of Object.values(after)) for (const i of items) if (!had.has(i.article)) now.add(i.article);
  return now.size;
}

export interface WorkspaceProgress extends TeamProgress {
  skipped: { path: string; reason: string }[];
}

/**
 * Reads every assigned annotator's layers of their assigned articles (and nothing else), through
 * `summaries`: files unchanged since it last read them are not read again (progress-cache.ts).
 */
export async function workspaceProgress(workspace: Workspace, reader: LayerReader, labels: readonly string[], summaries = new ProgressSummaries(null)): Promise<WorkspaceProgress> {
  const stored = await readAssignments(workspace.root);
  const wanted: WantedLayer[] = [];
  for (const [annotator, items] of Object.entries(stored.assignments)) for (const i of items) wanted.push({ annotator, article: i.article, overlap: i.overlap === true });
  const progress = await summaries.progress(reader, wanted, { articles: assignableArticles(workspace), assignments: stored.assignments, labels });
  return { ...progress, skipped: stored.skipped };
}

/** One annotator's queue: their assigned articles in order, for the editor's list and `n`. */
export async function queueOf(root: string, annotator: string): Promise<string[]> {
  const stored = await readAssignments(root);
  return queueOrder(ownValue(stored.assignments, annotator) ?? []).map((i) => i.article);
}
