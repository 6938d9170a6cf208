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
/** One UTF-16 unit of edge space: white space (NBSP and BOM included), LRM or RLM. */
const EDGE_SPACE = /[\s\u200e\u200f]/;

/**
 * The trimmed range of text[start, end), or null when only white space is there. Walked by
 * hand from both ends: `/[\s]+$/` tried from every space of a long run of them that does not
 * end the text is quadratic (20,000 NBSP in one HTML paragraph took 1.7 s; docs/reliability.md).
 */
export function trimmedBlock(text: string, start: number, end: number): Block | null {
  let from = start;
  while (from < end && EDGE_SPACE.test(text[from] as string)) from++;
  if (from === end) return null;
  let to = end;
  while (EDGE_SPACE.test(text[to - 1] as string)) to--;
  return { start: from, end: to };
}

/** The text without edge space (as trimmedBlock), ZWNJ kept. */
export function trimEdges(text: string): string {
  const block = trimmedBlock(text, 0, text.length);
  return block ? text.slice(block.start, block.end) : '';
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
