/**
 * What every non-plain-text reader returns: the article text Pilcrow stores and exports (and
 * whose code-point offsets exports point into) plus the paragraph blocks as UTF-16 ranges of it.
 * Readers join paragraphs with "\n\n" so the text reads naturally on its own and a paragraph's
 * own line breaks (from <br> or Word line breaks) stay single "\n".
 */
import type { PageEvidence } from '../../core/page/types';
import type { Block } from '../../core/segment';

export interface ExtractedArticle {
  text: string;
  blocks: Block[];
  title: string;
  direction?: 'rtl' | 'ltr';
  /** The language the file declares (HTML `lang`), checked against its script by core/script.ts. */
  lang?: string;
  warnings: string[];
  /** Saved web pages: what the page's structure says about each block, and the hidden text left out. */
  page?: PageReading;
}

export interface PageReading {
  /** One per block, in order (core/page/main-text.ts). */
  evidence: PageEvidence[];
  /** Pieces of hidden text left out of the paragraphs. */
  hiddenLines: number;
}

export const PARAGRAPH_SEPARATOR = '\n\n';
const TITLE_LENGTH = 120;

/** Joins already-trimmed, non-empty paragraphs; each block covers exactly one paragraph. */
export function joinParagraphs(paragraphs: readonly string[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    if (blocks.length > 0) offset += PARAGRAPH_SEPARATOR.length;
    blocks.push({ start: offset, end: offset + paragraph.length });
    offset += paragraph.length;
  }
  return { text: paragraphs.join(PARAGRAPH_SEPARATOR), blocks };
}

/** A one-line title: the first line of the given text, shortened like core/article.ts does. */
export function titleLine(text: string): string {
  const line = (text.split(/\r\n|\r|\n/)[0] ?? '').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

