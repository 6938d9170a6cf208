/**
 * A paragraph's text selector (W3C Web Annotation's TextQuoteSelector: exact, prefix, suffix),
 * stored with every decision so a label can be found again when its paragraph's text or
 * position changes (core/reanchor.ts).
 */
import type { Block } from './segment';

export interface TextAnchor {
  /** The paragraph's text, up to ANCHOR_EXACT_MAX characters. */
  exact: string;
  /** Up to ANCHOR_CONTEXT characters of the article text before and after the paragraph. */
  prefix: string;
  suffix: string;
}

export const ANCHOR_EXACT_MAX = 2000;
export const ANCHOR_CONTEXT = 32;

/** Never cut a surrogate pair in half: an anchor must stay valid UTF-16 once saved as JSON. */
function safeSlice(text: string, start: number, end: number): string {
  const isLow = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i] ?? '') && /[\ud800-\udbff]/.test(text[i - 1] ?? '');
  const from = isLow(start) ? start + 1 : start;
  const to = isLow(end) ? end - 1 : end;
  return text.slice(from, Math.max(from, to));
}

export function anchorOf(text: string, block: Block): TextAnchor {
  return {
    exact: safeSlice(text, block.start, Math.min(block.end, block.start + ANCHOR_EXACT_MAX)),
    prefix: safeSlice(text, Math.max(0, block.start - ANCHOR_CONTEXT), block.start),
    suffix: safeSlice(text, block.end, Math.min(text.length, block.end + ANCHOR_CONTEXT)),
  };
}
