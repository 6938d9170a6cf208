/**
 * Where a paragraph stands in its article: the story, or the page around it. The footer is what
 * follows the end marker («انتهای پیام/ش», "END OF STORY", "— End —"). The "closing lines" are
 * the short lines right before the marker (tags, «کد خبر», "Share this article") or, in an
 * article without a marker, a run of three or more short lines ending it ("in the last lines");
 * either only after at least one real sentence, so a list article is not taken for a footer.
 */
import { cue, endsLikeSentence, wordCount, type Cued } from './cues';
import { END_MARKERS } from './site-words';

export interface ArticleLayout {
  /** Index of the end marker, or null. */
  marker: number | null;
  /** Index of the first paragraph after the end marker, or null when nothing follows it. */
  footerStart: number | null;
  /**
   * Index of the first of the short lines that close the story: right before the end marker
   * (tags, "Share this article", «کد خبر»), or, with no marker, ending the article. Null when none.
   */
  closingStart: number | null;
}

/** Longest line that still reads like a link or a name rather than a sentence. */
export const SHORT_LINE_WORDS = 6;
const MIN_TRAILING_RUN = 3;
/** A paragraph of at least this many words is a sentence of the story, not a line of the page. */
export const SENTENCE_WORDS = 8;

const MARKER_STARTS = new Set(END_MARKERS.map((m) => m.split(' ')[0]!));

/** Whether a line is an end marker: the whole line, once dashes and a «/ش»-style desk code are gone. */
export function isEndMarker(c: Cued): boolean {
  if (c.tokens.length === 0 || c.tokens.length > 4 || !MARKER_STARTS.has(c.tokens[0]!)) return false;
  const bare = c.key
    .replace(/\/\s*[\p{L}\p{N}]{1,4}\s*$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return END_MARKERS.includes(bare);
}

export function isShortLine(text: string, c: Cued): boolean {
  return wordCount(c) > 0 && wordCount(c) <= SHORT_LINE_WORDS && !endsLikeSentence(text);
}

export function layoutOf(paragraphs: readonly { text: string }[], cues: readonly Cued[] = paragraphs.map((p) => cue(p.text))): ArticleLayout {
  // Index 0 is the title: a story cannot end before it starts.
  let marker: number | null = null;
  for (let i = 1; i < cues.length && marker === null; i++) if (isEndMarker(cues[i]!)) marker = i;
  const end = marker ?? paragraphs.length;
  let start = end;
  while (start > 0 && isShortLine(paragraphs[start - 1]!.text, cues[start - 1]!)) start--;
  const run = end - start;
  const storyBefore = cues.slice(0, start).some((c) => wordCount(c) >= SENTENCE_WORDS);
  // Before a marker any short line is page furniture; without one, a single short last line may
  // be the story's own, so it takes three.
  const closing = storyBefore && run >= (marker === null ? MIN_TRAILING_RUN : 1) ? start : null;
  return { marker, footerStart: marker !== null && marker + 1 < paragraphs.length ? marker + 1 : null, closingStart: closing };
}
