/**
 * From decoded article text to paragraphs, per format. The segmentation rules are documented
 * in docs/formats.md; keep the two in step.
 */
import { buildParagraphs, type Paragraph } from './paragraphs';
import { lineRanges, segmentByBlankLine, segmentByLine, type Block } from './segment';

export type Segmentation = 'lines' | 'blocks';
export type ArticleFormat = 'txt' | 'md';

export interface SegmentedArticle {
  format: ArticleFormat;
  segmentation: Segmentation;
  title: string;
  paragraphs: Paragraph[];
}

/** Widest line that still counts as hard-wrapped (classic wraps are at 72–80 columns). */
const MAX_WRAP_WIDTH = 120;

/**
 * Scraped news puts a paragraph on each line; hard-wrapped text breaks lines near a fixed
 * width inside paragraphs. Wrapped text has no long lines, and the lines that continue into
 * another line are nearly as long as the widest one.
 */
export function detectTxtSegmentation(text: string): Segmentation {
  const lines = lineRanges(text).map((r) => text.slice(r.start, r.end).trim());
  const widest = Math.max(0, ...lines.map((l) => l.length));
  if (widest === 0 || widest > MAX_WRAP_WIDTH) return 'lines';
  const continued = lines.filter((line, i) => line.length > 0 && (lines[i + 1]?.length ?? 0) > 0);
  if (continued.length < 3) return 'lines';
  const nearFull = continued.filter((l) => l.length >= widest * 0.6).length;
  return nearFull / continued.length >= 0.8 ? 'blocks' : 'lines';
}

export function segmentArticle(text: string, format: ArticleFormat, override?: Segmentation): SegmentedArticle {
  const segmentation: Segmentation = format === 'md' ? 'blocks' : (override ?? detectTxtSegmentation(text));
  const blocks: Block[] = segmentation === 'lines' ? segmentByLine(text) : segmentByBlankLine(text);
  const paragraphs = buildParagraphs(text, blocks);
  return { format, segmentation, title: titleOf(paragraphs, format), paragraphs };
}

const TITLE_LENGTH = 120;

function titleOf(paragraphs: readonly Paragraph[], format: ArticleFormat): string {
  const first = paragraphs[0]?.text ?? '';
  const line = (format === 'md' ? first.replace(/^#{1,6}\s+/, '') : first).split(/\r\n|\r|\n/)[0] ?? '';
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}
