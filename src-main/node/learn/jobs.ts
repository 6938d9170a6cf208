/**
 * The learner's jobs, as the worker thread runs them (worker-entry.ts): each reads the workspace
 * from disk itself, so the main process hands over a folder and a few names, never its data.
 *   train     reads every article and layer, skips when the stored model is current, else
 *             trains (core/learn/model.ts), saves the model in user data, says so, then scores
 *             every article for "most uncertain first" and saves that order;
 *   evaluate  cross-validates by article against one layer (core/learn/evaluate.ts).
 */
import { unlink } from 'node:fs/promises';
import { NO_CHECKPOINT } from '../../core/learn/checkpoint';
import { buildDataset } from '../../core/learn/dataset';
import { evaluateLearned, type LearnedEvaluation } from '../../core/learn/evaluate';
import { trainModel, denseWeights, type LabelModel, type SkippedLabel } from '../../core/learn/model';
import { articleUncertainty, rowProbabilities, scoreArticle, type ScoringModel } from '../../core/learn/score';
import type { SuggestSettings } from '../../core/suggest/types';
import type { YieldToEditor } from '../threads/editor-activity';
import { Workspace } from '../workspace/workspace';
import { fingerprintOf } from './fingerprint';
import { loadModel, modelPath, orderPath, saveModel, saveOrder } from './model-file';
import { readLearnInput } from './workspace-data';

export interface TrainJob {
  kind: 'train';
  root: string;
  userDataDir: string;
  labels: string[];
  seed: number;
  /** Train even when the stored model is current. */
  force?: boolean;
}

export interface EvaluateJob {
  kind: 'evaluate';
  root: string;
  labels: string[];
  against: string;
  folds: number;
  seed: number;
  settings: SuggestSettings;
  sizes?: number[];
}

export type LearnJob = TrainJob | EvaluateJob;

export interface TrainReport {
  /** trained: a new model was saved; current: the stored one already matched; too-few: no label has enough decisions. */
  state: 'trained' | 'current' | 'too-few';
  file: string;
  bytes: number;
  fingerprint: string;
  trainedAt: string;
  seed: number;
  /** Training examples (decided paragraphs; one per editor where editors disagree with no majority). */
  examples: number;
  /** Articles with decisions, and every readable article of the workspace. */
  articles: number;
  workspaceArticles: number;
  folds: number;
  labels: LabelModel[];
  skipped: SkippedLabel[];
  /**
   * Wall-clock times, and `trainCpuMs`: the thread's CPU time for read + features + fit (null where
   * Node cannot tell it). The worker runs at the lowest priority, so on a busy machine its wall
   * time is mostly waiting for a core; the CPU time is the work itself. `editorWaitMs`: of the
   * wall time, how long the job waited while the editor worked (threads/editor-activity.ts).
   */
  timings: { readMs: number; featuresMs: number; fitMs: number; orderMs: number; totalMs: number; trainCpuMs?: number | null; editorWaitMs?: number };
  /** Articles given an uncertainty for "most uncertain first". */
  ordered: number;
  unreadable: { path: string; reason: string }[];
}

export interface EvaluationReport extends LearnedEvaluation {
  unreadable: { path: string; reason: string }[];
}

export type LearnResult = { kind: 'train'; report: TrainReport } | { kind: 'evaluate'; report: EvaluationReport };

/** Sent while a job runs: the model is saved and usable before the order is computed. */
export type LearnProgress = { stage: 'model-saved'; report: TrainReport };

export class UnknownLayerError extends Error {
  override name = 'UnknownLayerError';
}

/** A job reads the workspace once and ends: no file stats kept for a sync() it never makes. */
const ONE_READING = { watched: false };

/** `editor`: in the app, the job waits at its checkpoints while the editor works; null in the CLI. */
export async function runLearnJob(job: LearnJob, progress: (p: LearnProgress) => void = () => {}, editor: YieldToEditor | null = null): Promise<LearnResult> {
  if (job.kind === 'evaluate') return { kind: 'evaluate', report: await evaluate(job, editor) };
  return { kind: 'train', report: await train(job, progress, editor) };
}

async function evaluate(job: EvaluateJob, editor: YieldToEditor | null): Promise<EvaluationReport> {
  const checkpoint = editor?.checkpoint ?? NO_CHECKPOINT;
  const workspace = await Workspace.open(job.root, undefined, ONE_READING);
  const input = await readLearnInput(workspace, job.labels, checkpoint);
  const truth = input.byLayer.get(job.against);
  if (!truth) {
    const have = input.layerNames.length > 0 ? `layers here: ${input.layerNames.join(', ')}` : 'this workspace has no labels yet';
    throw new UnknownLayerError(`no layer named "${job.against}" in ${job.root} (${have})`);
  }
  const evaluation = evaluateLearned(input, { against: job.against, truth, folds: job.folds, seed: job.seed, settings: job.settings, checkpoint, ...(job.sizes ? { sizes: job.sizes } : {}) });
  return { ...evaluation, unreadable: input.skipped };
}

/** This thread's CPU time so far, in ms (process.threadCpuUsage, Node 23.9 and later); null where Node has no such call. */
function threadCpuMs(): number | null {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
  if (typeof usage !== 'function') return null;
  const u = usage.call(process);
  return (u.user + u.system) / 1000;
}

async function train(job: TrainJob, progress: (p: LearnProgress) => void, editor: YieldToEditor | null): Promise<TrainReport> {
  const started = performance.now();
  const cpuStarted = threadCpuMs();
  const checkpoint = editor?.checkpoint ?? NO_CHECKPOINT;
  const waitedBefore = editor?.waitedMs ?? 0;
  const editorWaitMs = () => Math.round((editor?.waitedMs ?? 0) - waitedBefore);
  const workspace = await Workspace.open(job.root, undefined, ONE_READING);
  const input = await readLearnInput(workspace, job.labels, checkpoint);
  const readMs = performance.now() - started;
  const file = modelPath(job.userDataDir, workspace.root);
  const fingerprint = fingerprintOf(input, job.seed);
  const stored = await loadModel(file, workspace.root);
  const base = { file, fingerprint, seed: job.seed, workspaceArticles: input.articles.length, unreadable: input.skipped, ordered: 0 };
  if (!job.force && 'header' in stored && stored.header.fingerprint === fingerprint) {
    const h = stored.header;
    const timings = { readMs, featuresMs: 0, fitMs: 0, orderMs: 0, totalMs: performance.now() - started, editorWaitMs: editorWaitMs() };
    return { ...base, state: 'current', bytes: 0, trainedAt: h.trainedAt, examples: h.examples, articles: h.articles, folds: h.folds, labels: h.labels, skipped: h.skipped, timings };
  }
  const t0 = performance.now();
  const data = buildDataset(input, checkpoint);
  const featuresMs = performance.now() - t0;
  const t1 = performance.now();
  const trained = trainModel(data, { seed: job.seed, checkpoint });
  const fitMs = performance.now() - t1;
  const cpuNow = threadCpuMs();
  const trainCpuMs = cpuStarted === null || cpuNow === null ? null : cpuNow - cpuStarted;
  const trainedAt = new Date().toISOString();
  const summary = { trainedAt, examples: trained.examples, articles: trained.articles, folds: trained.folds, labels: trained.labels, skipped: trained.skipped };
  if (trained.labels.length === 0) {
    // A model of decisions since undone must not go on suggesting.
    await unlink(file).catch(() => undefined);
    await unlink(orderPath(file)).catch(() => undefined);
    return { ...base, ...summary, state: 'too-few', bytes: 0, timings: { readMs, featuresMs, fitMs, orderMs: 0, totalMs: performance.now() - started, trainCpuMs, editorWaitMs: editorWaitMs() } };
  }
  const bytes = await saveModel(file, { workspace: workspace.root, fingerprint, seed: job.seed, ...summary }, trained);
  const report: TrainReport = { ...base, ...summary, state: 'trained', bytes, timings: { readMs, featuresMs, fitMs, orderMs: 0, totalMs: performance.now() - started, trainCpuMs, editorWaitMs: editorWaitMs() } };
  progress({ stage: 'model-saved', report });

  // How unsure the new model is about each article, over the paragraphs nobody decided yet.
  const t2 = performance.now();
  let scoring: ScoringModel | null = null;
  const decidedRows = new Uint8Array(data.matrix.rows);
  for (const row of data.examples.paragraph) decidedRows[row] = 1;
  const articleNumber = new Map(data.articles.map((path, a) => [path, a]));
  const uncertainty: Record<string, number> = {};
  // Articles trained on are scored from the dataset's rows (the same features, not made again).
  const fromRows: ScoringModel = { labels: trained.labels, weights: trained.weights, bias: trained.bias };
  for (const article of input.articles) {
    checkpoint();
    const a = articleNumber.get(article.path);
    if (a === undefined) {
      scoring ??= { labels: trained.labels, weights: denseWeights(trained.vocabulary, trained.weights, trained.labels.length), bias: trained.bias };
      const { probabilities } = scoreArticle(scoring, article, data.indexes, { floor: 1.01 });
      const u = articleUncertainty(probabilities, trained.labels.length, () => true);
      if (u !== null) uncertainty[article.path] = Math.round(u * 1e4) / 1e4;
      continue;
    }
    const first = data.articleRows[a]!;
    const probabilities = rowProbabilities(fromRows, data.matrix, first, data.articleRows[a + 1]!);
    const u = articleUncertainty(probabilities, trained.labels.length, (i) => decidedRows[first + i] === 0);
    if (u !== null) uncertainty[article.path] = Math.round(u * 1e4) / 1e4;
  }
  await saveOrder(orderPath(file), fingerprint, uncertainty);
  report.ordered = Object.keys(uncertainty).length;
  report.timings.orderMs = performance.now() - t2;
  report.timings.totalMs = performance.now() - started;
  report.timings.editorWaitMs = editorWaitMs();
  return report;
}
