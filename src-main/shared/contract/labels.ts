/** Channels that change this annotator's decisions (docs/storage.md, the decision model). */
import { z } from 'zod';
import type { SaveResult } from '../views';
import { articleId, labelSet, paragraphId } from './ids';

/** A paragraph's decision: a label set (`[]` = reviewed — none), or null to make it untouched again. */
const decision = z.strictObject({ labels: labelSet, via: z.literal('done').optional() }).nullable();

export const labelChannels = {
  /** One paragraph's label set; `[]` records "reviewed — none". The keyboard loop's hot path. */
  'labels.set': z.strictObject({ articleId, paragraphId, labels: labelSet }),
  /** Many paragraphs at once, in one durable write: a range, or an undo/redo. */
  'labels.apply': z.strictObject({
    articleId,
    changes: z.array(z.strictObject({ paragraphId, decision })).min(1).max(20_000),
  }),
  /** A note ('' removes it) and/or the "flag for discussion" toggle; never changes the decision. */
  'labels.remark': z.strictObject({ articleId, paragraphId, note: z.string().max(10_000).optional(), flagged: z.boolean().optional() }),
  /** Done: untouched paragraphs become explicit "none"; undoDone takes exactly those back. */
  'labels.markDone': z.strictObject({ articleId }),
  'labels.undoDone': z.strictObject({ articleId }),
} as const;

export interface LabelResponses {
  'labels.set': SaveResult;
  'labels.apply': SaveResult;
  'labels.remark': SaveResult;
  'labels.markDone': SaveResult;
  'labels.undoDone': SaveResult;
}
