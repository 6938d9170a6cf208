/**
 * The learned model for a command: trained in the worker when the kept one is missing or stale
 * (jobs.ts checks), then read back from user data for scoring.
 */
import { denseWeights } from '../../core/learn/model';
import type { ScoringModel } from '../../core/learn/score';
import type { TrainReport } from './jobs';
import { loadModel } from './model-file';
import type { LearnWorker } from './worker-host';

export interface CommandModel {
  report: TrainReport;
  /** Null when no label has enough decisions. */
  scoring: ScoringModel | null;
}

export async function commandModel(worker: LearnWorker, job: { root: string; userDataDir: string; labels: string[]; seed: number; force?: boolean }): Promise<CommandModel> {
  const result = await worker.run({ kind: 'train', ...job });
  if (result.kind !== 'train') throw new Error('the learner answered a training with something else');
  const report = result.report;
  if (report.state === 'too-few') return { report, scoring: null };
  const stored = await loadModel(report.file, job.root);
  if (!('header' in stored)) throw new Error(`the model just trained cannot be read back from ${report.file} (${stored.problem})`);
  const L = stored.header.labels.length;
  return { report, scoring: { labels: stored.header.labels, weights: denseWeights(stored.vocabulary, stored.weights, L), bias: stored.bias } };
}
