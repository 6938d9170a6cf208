/**
 * Markdown to paragraph blocks, following CommonMark's block structure closely enough for news
 * text: a soft-wrapped paragraph is one paragraph; ATX (`# x`) and setext (`x` over `===`)
 * headings, list items and fenced code blocks are paragraphs of their own; thematic breaks and
 * setext underlines belong to no paragraph. Blocks are ranges of the original text, so offsets
 * stay exact; a heading's `#` marks and a list item's bullet are left outside the range (they
 * are markup, not words an editor labels), a block quote keeps its `>` marks.
 */
import { lineRanges, trimmedBlock, type Block } from './segment';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$|^#+[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^ {0,3}[-+*](?:[ \t]+|$)/;
const ORDERED = /^ {0,3}(\d{1,9})[.)](?:[ \t]+|$)/;

/** The block being read: a paragraph (its lines so far) or a list item. */
interface OpenBlock {
  start: number;
  end: number;
  kind: 'paragraph' | 'item';
}

export function segmentMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  // Held in an object: TypeScript does not follow assignments made inside `close`.
  const state: { open: OpenBlock | null } = { open: null };
  let fence: { marker: string; start: number } | null = null;
  const close = () => {
    if (state.open) pushTrimmed(blocks, text, state.open.start, state.open.end);
    state.open = null;
  };
  for (const line of lineRanges(text)) {
    const content = text.slice(line.start, line.end);
    if (fence) {
      const closing = FENCE.exec(content);
      if (closing?.[1] && closing[1][0] === fence.marker[0] && closing[1].length >= fence.marker.length && content.trim() === closing[1]) {
        pushTrimmed(blocks, text, fence.start, line.end);
        fence = null;
      }
      continue;
    }
    if (trimmedBlock(text, line.start, line.end) === null) {
      close();
      continue;
    }
    const fenceOpen = FENCE.exec(content);
    if (fenceOpen?.[1]) {
      close();
      fence = { marker: fenceOpen[1], start: line.start };
      continue;
    }
    const inParagraph = state.open?.kind === 'paragraph';
    if (inParagraph && SETEXT.test(content)) {
      close(); // the lines above are a heading; the underline is markup
      continue;
    }
    if (THEMATIC.test(content)) {
      close();
      continue;
    }
    const atx = ATX.exec(content);
    if (atx) {
      close();
      const inner = content.slice(atx[0].length).replace(ATX_CLOSE, '');
      if (inner.trim()) pushTrimmed(blocks, text, line.start + atx[0].length, line.start + atx[0].length + inner.length);
      continue;
    }
    const marker = listMarker(content, inParagraph);
    if (marker !== null) {
      close();
      state.open = { start: line.start + marker, end: line.end, kind: 'item' };
      continue;
    }
    if (state.open) state.open.end = line.end;
    else state.open = { start: line.start, end: line.end, kind: 'paragraph' };
  }
  if (fence) pushTrimmed(blocks, text, fence.start, text.length);
  close();
  return blocks;
}

/**
 * Length of a list-item marker at the start of the line, or null. As in CommonMark, an ordered
 * item interrupts a running paragraph only when it starts at 1 (so a wrapped line beginning
 * "2019. …" stays in its paragraph); inside a list any number starts the next item.
 */
function listMarker(line: string, inParagraph: boolean): number | null {
  const bullet = BULLET.exec(line);
  if (bullet) return bullet[0].length;
  const ordered = ORDERED.exec(line);
  if (ordered && (!inParagraph || ordered[1] === '1')) return ordered[0].length;
  return null;
}

function pushTrimmed(blocks: Block[], text: string, start: number, end: number): void {
  const block = trimmedBlock(text, start, end);
  if (block) blocks.push(block);
}

/** The first heading's text (without its marks), for the article title. */
export function markdownTitle(text: string): string | null {
  for (const line of lineRanges(text)) {
    const content = text.slice(line.start, line.end);
    const atx = ATX.exec(content);
    if (atx) {
      const inner = content.slice(atx[0].length).replace(ATX_CLOSE, '').trim();
      if (inner) return inner;
    }
  }
  return null;
}
