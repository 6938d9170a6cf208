/**
 * The longest paragraph the text cues read (docs/suggestions.md, "Long paragraphs"). Real news
 * paragraphs stay under a few thousand characters; a longer one is a scraper's run-on page or
 * someone's crafted text, and the cues (word lists, quotation spans, numbers) are linear but
 * not free: a 20 MB article of one paragraph would hold a suggester for seconds. Such a
 * paragraph gets no rule or learned suggestion, and says why; where a saved page's structure or
 * an imported model's predictions speak for it, those are still offered (they do not read it).
 */
import type { Cued } from './cues';
import { SENTENCE_WORDS } from './layout';
import type { SuggestArticle } from './types';

/** Characters (UTF-16 code units, as the editor's offsets count them). */
export const CUE_LIMIT = 20_000;

/** Why a paragraph has no suggestion from the text cues. */
export type NotCuedReason = { code: 'too-long'; characters: number; limit: number };

/** `limit` is for tests that hold the cues themselves to linear time on longer text. */
export function isOverCueLimit(text: string, limit = CUE_LIMIT): boolean {
  return text.length > limit;
}

/**
 * What the article's layout sees of a paragraph over the limit: a sentence of the story with no
 * words to match, never a short line or a marker.
 */
export function overLimitCue(): Cued {
  return { key: '', tokens: [], words: SENTENCE_WORDS };
}

/** The article's paragraphs the cues did not read, by id, with the reason. */
export function notCuedParagraphs(article: SuggestArticle): Record<string, NotCuedReason> {
  const out: Record<string, NotCuedReason> = {};
  for (const p of article.paragraphs) if (isOverCueLimit(p.text)) out[p.id] = { code: 'too-long', characters: p.text.length, limit: CUE_LIMIT };
  return out;
}
