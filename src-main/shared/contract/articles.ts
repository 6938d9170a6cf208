/**
 * Channels for reading articles and changing how they are read: encoding, segmentation,
 * direction and language overrides, splits and merges (undoable), orphaned labels, search.
 * In `article.configure`, a field left out stays as it is and `null` goes back to detection.
 */
import { z } from 'zod';
import { TEXT_SEGMENTATIONS } from '../../core/article';
import { ENCODING_NAMES } from '../../core/encodings';
import type { SearchResults } from '../article-source';
import type { ArticleChangeResult } from '../views';
import type { ArticleView, ParagraphChunk } from '../views';
import { articleId, paragraphId } from './ids';

/** The most paragraphs one `article.paragraphs` reply carries. */
export const MAX_CHUNK = 5000;

/** BCP 47 as editors type it: fa, ar, en, fa-IR, ckb. */
export const langTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/, 'not a language tag (like fa, ar, en or fa-IR)');

export const articleChannels = {
  /** A long article comes as a window around `around` (else where the editor left off); see ArticleView.partial. */
  'article.open': z.strictObject({ articleId, around: paragraphId.optional() }),
  /** The rest of a long article, in order, from the reading its window came from (`ArticleWindow.reading`). */
  'article.paragraphs': z.strictObject({
    articleId,
    reading: z.string().regex(/^r[0-9a-z]{1,40}$/, 'not a reading token'),
    from: z.number().int().min(0).max(10_000_000),
    count: z.number().int().min(1).max(MAX_CHUNK),
  }),
  'article.configure': z.strictObject({
    articleId,
    encoding: z.enum(ENCODING_NAMES).nullable().optional(),
    segmentation: z.enum(TEXT_SEGMENTATIONS).nullable().optional(),
    direction: z.enum(['rtl', 'ltr']).nullable().optional(),
    lang: langTag.nullable().optional(),
  }),
  /** Splits a paragraph at a UTF-16 offset into its text (where the caret is). */
  'article.split': z.strictObject({ articleId, paragraphId, offset: z.number().int().min(0).max(20_000_000) }),
  /** Merges a paragraph with the next one. */
  'article.merge': z.strictObject({ articleId, paragraphId }),
  /** Removes every split and merge the editors made in this article. */
  'article.resetEdits': z.strictObject({ articleId }),
  'article.undoEdit': z.strictObject({ articleId, token: z.string().regex(/^u[0-9a-z]{1,40}$/, 'not an undo token') }),
  /** Puts an orphaned decision on a paragraph the editor chose. */
  'article.reattachOrphan': z.strictObject({ articleId, orphan: z.number().int().min(0).max(1_000_000), paragraphId }),
  'search.query': z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(1000).optional() }),
} as const;

export interface ArticleResponses {
  'article.open': ArticleView;
  'article.paragraphs': ParagraphChunk;
  'article.configure': ArticleChangeResult;
  'article.split': ArticleChangeResult;
  'article.merge': ArticleChangeResult;
  'article.resetEdits': ArticleChangeResult;
  'article.undoEdit': ArticleChangeResult;
  'article.reattachOrphan': ArticleChangeResult;
  'search.query': SearchResults;
}
