/** Schemas for the ids and names that cross the IPC boundary. Never a file path. */
import { z } from 'zod';

export const articleId = z.string().regex(/^a[0-9a-z]{6,16}$/, 'not an article id');
export const paragraphId = z.string().regex(/^p[0-9a-z]{6,16}(-\d{1,6})?$/, 'not a paragraph id');
export const labelName = z.string().min(1).max(40);
/** A set of labels: each at most once, so a paragraph is never counted twice for one label. */
export const labelSet = z
  .array(labelName)
  .max(40)
  .refine((labels) => new Set(labels).size === labels.length, 'a label is listed more than once');
export const noArgs = z.strictObject({});
