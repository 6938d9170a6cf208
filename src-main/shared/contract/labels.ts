/** Channels that change this annotator's decisions (docs/storage.md, the decision model). */
import { z } from 'zod';
import type { SaveResult } from '../views';
import { articleId, labelName, labelSet, paragraphId } from './ids';

const suggesterName = z.string().min(1).max(80);

/**
 * A paragraph's decision: a label set (`[]` = reviewed — none), or null to make it untouched again.
 * `via: 'suggestion'` with `suggested_by` (label -> suggester) records labels the editor accepted
 * from a suggestion; `suggested_by` may only name labels of the set.
 */
const decision = z
  .strictObject({
    labels: labelSet,
    via: z.enum(['done', 'suggestion']).optional(),
    suggested_by: z.record(labelName, suggesterName).optional(),
  })
  .refine((d) => d.suggested_by === undefined || d.via === 'suggestion', { message: 'suggested_by goes with via: "suggestion"', path: ['suggested_by'] })
  .refine((d) => Object.keys(d.suggested_by ?? {}).every((l) => d.labels.includes(l)), { message: 'suggested_by names a label the decision does not carry', path: ['suggested_by'] })
  .nullable();

/** A suggestion the editor turned down: kept per annotator so it is not offered again. */
const rejection = z.strictObject({ paragraphId, label: labelName, suggester: suggesterName });

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
  /** Turns suggestions down (or, with `undo`, takes that back); never changes a decision. */
  'labels.rejectSuggestions': z.strictObject({ articleId, rejections: z.array(rejection).min(1).max(20_000), undo: z.boolean().optional() }),
} as const;

export interface LabelResponses {
  'labels.set': SaveResult;
  'labels.apply': SaveResult;
  'labels.remark': SaveResult;
  'labels.markDone': SaveResult;
  'labels.undoDone': SaveResult;
  'labels.rejectSuggestions': SaveResult;
}
