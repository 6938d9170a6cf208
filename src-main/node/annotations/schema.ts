/**
 * The on-disk shape of one annotator's labels for one article (docs/storage.md).
 * Checked on every read: a file that does not match is quarantined, never overwritten.
 */
import { z } from 'zod';

export const ANNOTATION_FILE_VERSION = 1;

const paragraphEntry = z.object({
  /** Position when last labelled, to find the paragraph again if its text changes. */
  index: z.number().int().min(0),
  labels: z.array(z.string().min(1)),
  updated_at: z.string(),
});

export const annotationFileSchema = z.object({
  version: z.literal(ANNOTATION_FILE_VERSION),
  article: z.string().min(1),
  annotator: z.string().min(1),
  updated_at: z.string(),
  paragraphs: z.record(z.string(), paragraphEntry),
});

export type AnnotationFile = z.infer<typeof annotationFileSchema>;
export type ParagraphEntry = z.infer<typeof paragraphEntry>;

export function emptyAnnotationFile(article: string, annotator: string): AnnotationFile {
  return { version: ANNOTATION_FILE_VERSION, article, annotator, updated_at: new Date(0).toISOString(), paragraphs: {} };
}
