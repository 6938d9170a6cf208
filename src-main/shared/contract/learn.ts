/**
 * Channels of the learned suggester (docs/suggestions.md, "The learned suggester"): its state,
 * training now, measuring it (cross-validation by article and the learning curve), and the order
 * "most uncertain first". Training and measuring run in a worker thread; the calls return at
 * once and `learn.changed` says when they are done. Nothing here writes the workspace: the model
 * lives in user data.
 */
import { z } from 'zod';
import type { LabelScores } from '../../core/suggest/evaluate';
import type { ReliabilityBin } from '../../core/learn/calibrate';
import type { CurvePoint } from '../../core/learn/evaluate';
import { noArgs } from './ids';

export const learnChannels = {
  'learn.status': noArgs,
  /** Trains now (even when the stored model is current with `force`). */
  'learn.train': z.strictObject({ force: z.boolean().optional() }),
  /** Cross-validates against a layer (default: gold, else this annotator, else the first layer). */
  'learn.evaluate': z.strictObject({ against: z.string().min(1).max(64).optional() }),
  /** Each article's uncertainty, for ordering the list. */
  'learn.order': noArgs,
} as const;

export type LearnState =
  /** No learner in this window (no worker), or no workspace. */
  | 'off'
  /** Training will start shortly (after the workspace opened, or decisions arrived). */
  | 'waiting'
  | 'training'
  /** A model is in use. */
  | 'ready'
  /** No label has enough decided paragraphs yet. */
  | 'too-few'
  | 'failed';

export interface LearnedLabelView {
  name: string;
  positives: number;
  negatives: number;
  heldOut: LabelScores;
  reliability: ReliabilityBin[];
}

export interface LearnEvaluationView {
  state: 'none' | 'running' | 'ready' | 'failed';
  against?: string;
  folds?: number;
  items?: number;
  articles?: number;
  learned?: Record<string, LabelScores>;
  rules?: Record<string, LabelScores>;
  combined?: Record<string, LabelScores>;
  curve?: CurvePoint[];
  message?: string;
}

export interface LearnStatusView {
  state: LearnState;
  /** Decided paragraphs (with and without) a label needs before it is learned. */
  minimum: number;
  /** The model in use, when there is one (it may be training again meanwhile). */
  model: { trainedAt: string; examples: number; articles: number; folds: number; labels: LearnedLabelView[]; current: boolean } | null;
  /** Articles the model in use has put in "most uncertain first" order (0 until it has). */
  ordered: number;
  /** Labels not learned yet, with their counts. */
  skipped: { name: string; positives: number; negatives: number }[];
  /** Why training failed, or what the last run did. */
  message: string | null;
  /** The layers a measurement can be made against. */
  layers: string[];
  evaluation: LearnEvaluationView;
}

export interface LearnOrderView {
  /** articleId -> uncertainty in [0, 1]; articles left out have nothing left to decide or no score yet. */
  uncertainty: Record<string, number>;
}

export interface LearnResponses {
  'learn.status': LearnStatusView;
  'learn.train': LearnStatusView;
  'learn.evaluate': LearnStatusView;
  'learn.order': LearnOrderView;
}
