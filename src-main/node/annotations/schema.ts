/**
 * The on-disk shape of one annotator's decisions for one article (docs/storage.md).
 * Checked on every read: a file that does not match is quarantined, never overwritten.
 *
 * Decisions: a paragraph with no entry is *untouched*; an entry with labels is *labelled*; an
 * entry with `labels: []` is *reviewed — none*. Marking the article done fills untouched
 * paragraphs with `labels: [], via: 'done'` entries, which "undo done" removes again.
 */
import { z } from 'zod';
import { nameRecordSchema } from '../../shared/name-record-schema';

export const ANNOTATION_FILE_VERSION = 1;

/** Where a paragraph is, independent of its index: to re-anchor labels when the file changes. */
const anchor = z.object({
  /** The paragraph's text (up to 2,000 characters). */
  exact: z.string(),
  /** Up to 32 characters of the text before and after it in the article. */
  prefix: z.string(),
  suffix: z.string(),
});

export const paragraphEntrySchema = z.object({
  /** Position when last decided, a hint for re-anchoring. */
  index: z.number().int().min(0),
  labels: z.array(z.string().min(1)),
  updated_at: z.string(),
  /** How the decision was made; absent means by the editor's own key or click. */
  via: z.enum(['done', 'import', 'suggestion']).optional(),
  /** label -> suggester name, for labels accepted from a suggestion. */
  suggested_by: nameRecordSchema(z.string(), z.string()).optional(),
  /**
   * Set on an entry that only carries a note or a flag: the paragraph is still *untouched*
   * (labels is then []). Cleared as soon as the editor decides.
   */
  undecided: z.literal(true).optional(),
  note: z.string().max(10_000).optional(),
  flagged: z.boolean().optional(),
  /** Set when a split, merge or file change means the editor should look again; says why. */
  recheck: z.string().optional(),
  anchor: anchor.optional(),
  /** Gold layer only: who adjudicated, and whose answer was taken (`annotator:NAME`, `majority`, `new`). */
  reviewer: z.string().optional(),
  took: z.string().optional(),
});

/** Decisions whose paragraph could not be found in the current file: kept, shown, exportable. */
export const orphanSchema = z.object({
  paragraph_id: z.string(),
  entry: paragraphEntrySchema,
  orphaned_at: z.string(),
  reason: z.string(),
});

export const annotationFileSchema = z.object({
  version: z.literal(ANNOTATION_FILE_VERSION),
  article: z.string().min(1),
  annotator: z.string().min(1),
  updated_at: z.string(),
  status: z.enum(['in_progress', 'done']).default('in_progress'),
  done_at: z.string().optional(),
  /** SHA-256 of the article's bytes when these decisions were last checked against it. */
  source_sha256: z.string().optional(),
  paragraphs: z.record(z.string(), paragraphEntrySchema),
  orphans: z.array(orphanSchema).default([]),
  /**
   * Suggestions this annotator turned down: paragraph id -> label -> the suggester that offered
   * it. Not a decision (the paragraph stays untouched); only keeps the suggestion from being
   * offered again. Optional, so files written before it existed load unchanged.
   */
  rejected_suggestions: z.record(z.string(), nameRecordSchema(z.string(), z.string())).optional(),
});

export type AnnotationFile = z.infer<typeof annotationFileSchema>;
export type ParagraphEntry = z.infer<typeof paragraphEntrySchema>;
export type OrphanEntry = z.infer<typeof orphanSchema>;
export type Anchor = z.infer<typeof anchor>;

export function emptyAnnotationFile(article: string, annotator: string): AnnotationFile {
  return { version: ANNOTATION_FILE_VERSION, article, annotator, updated_at: new Date(0).toISOString(), status: 'in_progress', paragraphs: {}, orphans: [] };
}
