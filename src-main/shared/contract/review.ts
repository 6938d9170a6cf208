/** Channels for reviewing teammates' layers, adjudicating gold, and agreement. */
import type { MainMessage } from '../messages';
import { z } from 'zod';
import type { AgreementReport, GoldScores } from '../../core/agreement';
import { articleId, labelSet, noArgs, paragraphId } from './ids';
import { ANNOTATOR_NAME_PATTERN } from '../labels';

const annotatorName = z.string().min(1).max(64);
const annotators = z.array(annotatorName).min(1).max(20);

export const reviewChannels = {
  'review.annotators': noArgs,
  'review.article': z.strictObject({ articleId, annotators }),
  'review.setGold': z.strictObject({
    articleId,
    paragraphId,
    labels: labelSet.nullable(),
    took: z.string().regex(/^(annotator:.{1,64}|majority|new)$/, 'took must be annotator:NAME, majority or new'),
  }),
  'review.acceptAgreed': z.strictObject({ articleId: articleId.optional(), annotators }),
  'review.agreement': z.strictObject({ annotators }),
  'review.reply': z.strictObject({
    articleId,
    paragraphId,
    re: annotatorName.regex(ANNOTATOR_NAME_PATTERN).nullable(),
    text: z
      .string()
      .max(10_000)
      .refine((t) => t.trim().length > 0, 'an empty reply'),
  }),
  'review.nextDisagreement': z.strictObject({ annotators: annotators.min(2), after: articleId.optional() }),
  'review.disagreements': z.strictObject({ annotators: annotators.min(2), limit: z.number().int().min(1).max(500) }),
  'layers.list': noArgs,
  'layers.rename': z.strictObject({ from: annotatorName, to: annotatorName }),
  'layers.merge': z.strictObject({ from: annotatorName, into: annotatorName }),
  'layers.remove': z.strictObject({ name: annotatorName }),
  'layers.restore': z.strictObject({ id: z.string().min(3).max(200) }),
  'conflicts.list': noArgs,
  'conflicts.merge': z.strictObject({ conflictId: z.string().regex(/^c[0-9a-z]{6,16}$/, 'not a conflict copy id') }),
} as const;

export interface ConflictCopyView {
  id: string;
  annotator: string;
  article: string;
  file: string;
  tool: string;
  /** Only the layer's owner merges a copy; others see it listed. */
  mine: boolean;
}

export type ParagraphState = 'agree' | 'disagree' | 'missing' | 'adjudicated';

export interface ReviewParagraph {
  id: string;
  index: number;
  text: string;
  /** annotator -> labels, or null when that annotator has no decision. */
  decisions: Record<string, string[] | null>;
  gold: { labels: string[]; took: string; reviewer: string; updated_at: string } | null;
  majority: string[] | null;
  state: ParagraphState;
  /** What each teammate wrote on the paragraph: a note for the team, a flag for discussion (only those who did). */
  remarks: Record<string, { note?: string; flagged?: true }>;
  /** The paragraph's thread: replies by anyone (chosen or not), oldest first. */
  replies: ReplyView[];
}

/** One reply in a paragraph's thread (`.pilcrow/replies/<author>.jsonl`). */
export interface ReplyView {
  id: string;
  author: string;
  /** Whose note it answers; null for the paragraph as a whole. */
  re: string | null;
  text: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface ReviewArticle {
  id: string;
  path: string;
  title: string;
  lang: string;
  direction: 'rtl' | 'ltr';
  annotators: string[];
  paragraphs: ReviewParagraph[];
  /** Oddities in the layers read that the reviewer should know of (a label listed twice), one sentence each. */
  problems: MainMessage[];
}

/** A paragraph two or more chosen annotators decided differently, with no gold answer yet. */
export interface DisagreementView {
  articleId: string;
  path: string;
  paragraphId: string;
  index: number;
  /** The paragraph's first 160 characters. */
  excerpt: string;
  direction: 'rtl' | 'ltr';
  /** annotator -> labels, or null when that annotator has no decision. */
  decisions: Record<string, string[] | null>;
}

/** A paragraph both layers of a merge decided differently: the target's decision stayed. */
export interface LayerConflict {
  article: string;
  paragraph: string;
  index: number;
  /** The merged-away layer's labels. */
  from: string[];
  /** The target's labels, which stayed. */
  into: string[];
}

/** A layer set aside (`.pilcrow/removed-layers/<id>/`), which Restore moves back. */
export interface RemovedLayerView {
  id: string;
  annotator: string;
  removedAt: string | null;
  removedBy: string | null;
  how: 'removed' | 'renamed' | 'merged';
  /** The new name (renamed) or the layer merged into. */
  to: string | null;
  conflicts: LayerConflict[];
}

export interface LayersView {
  layers: { name: string; articles: number }[];
  removed: RemovedLayerView[];
}

/** The agreement report of a workspace: the coefficients, and each annotator against gold. */
export interface WorkspaceAgreement extends AgreementReport {
  gold?: GoldScores[];
  skipped: { path: string; reason: string }[];
}

export interface ReviewResponses {
  'review.annotators': { annotators: string[]; hasGold: boolean; me: string };
  'review.article': ReviewArticle;
  'review.setGold': ReviewParagraph;
  'review.acceptAgreed': { accepted: number; articles: number };
  'review.agreement': WorkspaceAgreement;
  'review.reply': ReplyView[];
  'review.nextDisagreement': DisagreementView | null;
  'review.disagreements': { items: DisagreementView[]; more: boolean };
  'layers.list': LayersView;
  'layers.rename': RemovedLayerView;
  'layers.merge': RemovedLayerView;
  'layers.remove': RemovedLayerView;
  'layers.restore': { annotator: string };
  'conflicts.list': ConflictCopyView[];
  'conflicts.merge': { taken: number; kept: number; setAsideTo: string };
}
