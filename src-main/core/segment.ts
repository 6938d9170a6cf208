/**
 * Splitting an article's text into paragraph blocks. A block is a UTF-16 range of the text,
 * trimmed of surrounding white space (NBSP and BOM included, ZWNJ kept: it is a letter-joining
 * control, not space). Line ends may be LF, CRLF or CR; offsets always count the original text.
 */
export interface Block {
  start: number;
  end: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const EDGE_SPACE = /^[\s\u200e\u200f]+|[\s\u200e\u200f]+$/g;

/** The trimmed range of text[start, end), or null when only white space is there. */
export function trimmedBlock(text: string, start: number, end: number): Block | null {
  const slice = text.slice(start, end);
  let lead = 0;
  let trail = 0;
  for (const match of slice.matchAll(EDGE_SPACE)) {
    if (match.index === 0) lead = match[0].length;
    else trail = match[0].length;
  }
  if (lead === slice.length) return null;
  return { start: start + lead, end: end - trail };
}

/** Splits text into its lines as UTF-16 ranges (without the line break). */
export function lineRanges(text: string): Block[] {
  const ranges: Block[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    ranges.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/** Scraped news: every non-blank line is a paragraph (footer items are one line each). */
export function segmentByLine(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of lineRanges(text)) {
    const block = trimmedBlock(text, line.start, line.end);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** Hard-wrapped text and markdown: runs of non-blank lines form one paragraph. */
export function segmentByBlankLine(text: string): Block[] {
  const blocks: Block[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (const line of lineRanges(text)) {
    const content = trimmedBlock(text, line.start, line.end);
    if (content) {
      if (runStart < 0) runStart = content.start;
      runEnd = content.end;
    } else if (runStart >= 0) {
      blocks.push({ start: runStart, end: runEnd });
      runStart = -1;
    }
  }
  if (runStart >= 0) blocks.push({ start: runStart, end: runEnd });
  return blocks;
}
