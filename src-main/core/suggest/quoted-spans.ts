/**
 * The words between quotation marks — «…», “…”, „…“ or „…”, "…" — found in one pass. A run of
 * opening marks with nothing to close them (40,000 “ in one paragraph) took a regular expression
 * quadratic time, stalling suggestions for minutes (docs/reliability.md); this reads each character once.
 */
import { NextIndex, oneOf } from '../next-index';

/** Each opening mark and the marks that close it. */
const CLOSERS: Record<string, string> = { '«': '»', '“': '”', '„': '“”', '"': '"' };
/** The opening marks' UTF-16 units: read as numbers, a paragraph's characters are never made into strings. */
const OPENERS = new Set(Object.keys(CLOSERS).map((mark) => mark.charCodeAt(0)));

/** The text inside each quoted span, left to right; a mark never closed opens nothing. */
export function quotedSpans(text: string): string[] {
  const finders = new Map<string, NextIndex>();
  const spans: string[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!OPENERS.has(text.charCodeAt(at))) continue;
    const closers = CLOSERS[text[at] as string];
    if (closers === undefined) continue;
    let finder = finders.get(closers);
    if (!finder) finders.set(closers, (finder = new NextIndex(text, oneOf(closers))));
    const close = finder.from(at + 1);
    if (close === -1) continue;
    spans.push(text.slice(at + 1, close));
    at = close;
  }
  return spans;
}
