/**
 * From decoded article text to paragraphs, per format. The segmentation rules are documented
 * in docs/formats.md; keep the two in step.
 */
import { markdownTitle, segmentMarkdown } from './markdown';
import { buildParagraphs, type Paragraph } from './paragraphs';
import { lineRanges, segmentByBlankLine, segmentByLine, type Block } from './segment';

export type ArticleFormat = 'txt' | 'md' | 'html' | 'docx' | 'jsonl';
/** How plain text becomes paragraphs; the editor may switch a .txt or .md article between these. */
export const TEXT_SEGMENTATIONS = ['lines', 'blocks', 'markdown'] as const;
export type TextSegmentation = (typeof TEXT_SEGMENTATIONS)[number];
/** `structure`: the paragraphs the file itself marks (HTML blocks, Word paragraphs, JSONL). */
export type Segmentation = TextSegmentation | 'structure';

export interface SegmentedArticle {
  format: ArticleFormat;
  segmentation: Segmentation;
  title: string;
  paragraphs: Paragraph[];
}

/** Widest line that still counts as hard-wrapped (classic wraps are at 72–80 columns). */
const MAX_WRAP_WIDTH = 120;
/** Narrowest wrapping width: a column of short lines (a list, a footer) is not wrapped prose. */
const MIN_WRAP_WIDTH = 40;
/** A line that ends a sentence: . ! ? ؟ … : » 。！？, maybe followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?؟…:»。！？｡]["'”’»)\]」』）]*$/u;

/**
 * Scraped news puts a paragraph on each line; hard-wrapped text breaks lines near a fixed width
 * inside paragraphs. A line that ends a sentence is a paragraph of its own; hard wrapping needs
 * lines that stop mid-sentence near one width (at least 60% of the widest, which is 40 to 120
 * characters): at least two of them, and at least half of the lines that run on into another
 * line. A four-line brief of whole sentences stays one per line.
 */
export function detectTxtSegmentation(text: string): 'lines' | 'blocks' {
  const lines = lineRanges(text).map((r) => text.slice(r.start, r.end).trim());
  const widest = Math.max(0, ...lines.map((l) => l.length));
  if (widest < MIN_WRAP_WIDTH || widest > MAX_WRAP_WIDTH) return 'lines';
  const continued = lines.filter((line, i) => line.length > 0 && (lines[i + 1]?.length ?? 0) > 0);
  const wraps = continued.filter((l) => l.length >= widest * 0.6 && !SENTENCE_END.test(l)).length;
  return wraps >= 2 && wraps * 2 >= continued.length ? 'blocks' : 'lines';
}

/** The segmentation a plain-text format gets when the editor has not chosen one. */
export function defaultSegmentation(text: string, format: 'txt' | 'md'): TextSegmentation {
  return format === 'md' ? 'markdown' : detectTxtSegmentation(text);
}

export function segmentText(text: string, segmentation: TextSegmentation): Block[] {
  if (segmentation === 'lines') return segmentByLine(text);
  if (segmentation === 'markdown') return segmentMarkdown(text);
  return segmentByBlankLine(text);
}

export function segmentArticle(text: string, format: 'txt' | 'md', override?: TextSegmentation): SegmentedArticle {
  const segmentation = override ?? defaultSegmentation(text, format);
  const paragraphs = buildParagraphs(text, segmentText(text, segmentation));
  return { format, segmentation, title: plainTextTitle(text, paragraphs, format), paragraphs };
}

const TITLE_LENGTH = 120;

/** A title is one line of at most 120 characters. */
export function shortTitle(text: string): string {
  const line = (text.split(/\r\n|\r|\n/)[0] ?? '').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

export function plainTextTitle(text: string, paragraphs: readonly Paragraph[], format: 'txt' | 'md'): string {
  const heading = format === 'md' ? markdownTitle(text) : null;
  return shortTitle(heading ?? paragraphs[0]?.text ?? '');
}
