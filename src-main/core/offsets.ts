/**
 * JavaScript strings index UTF-16 code units; Python and most NLP tools index code points.
 * Exports use code points, so that in Python `text[start:end] == paragraph_text`.
 */

/** Converts ascending UTF-16 indices to code-point indices in one pass over the text. */
export function toCodePointOffsets(text: string, utf16Sorted: readonly number[]): number[] {
  const out: number[] = [];
  let unit = 0;
  let points = 0;
  for (const target of utf16Sorted) {
    if (target < unit) throw new RangeError('offsets must be ascending');
    while (unit < target) {
      const c = text.charCodeAt(unit);
      const isPair = c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length && isLowSurrogate(text.charCodeAt(unit + 1));
      unit += isPair ? 2 : 1;
      points += 1;
    }
    out.push(points);
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
