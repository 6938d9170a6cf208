/**
 * Counting words the way a reader would, in every script news comes in. Spaced scripts (Latin,
 * Arabic, Persian, Cyrillic, Hangul…) are runs of letters, marks and digits. Chinese, Japanese,
 * Thai, Lao, Khmer and Myanmar write words without spaces, so a run of those is cut into words
 * by Intl.Segmenter: an unspaced Chinese sentence is a dozen words, not one.
 */
/** A run of letters, marks and digits; a ZWNJ or ZWJ inside it joins, as in «کتاب‌ها». */
const WORD = /[\p{L}\p{M}\p{N}]+(?:[\u200c\u200d]+[\p{L}\p{M}\p{N}]+)*/gu;
/** Han, kana, Thai, Lao, Myanmar, Khmer (and their extension blocks). */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;
/**
 * V8's segmenter takes time quadratic in the length of the string it is given, so long unspaced
 * runs are cut into pieces first; a cut may split one word in two, once every 64 characters.
 */
const PIECE = 64;

let segmenter: Intl.Segmenter | null = null;

function segmentedCount(run: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (let i = 0; i < run.length; i += PIECE) {
    for (const s of segmenter.segment(run.slice(i, i + PIECE))) if (s.isWordLike) n++;
  }
  return n;
}

/** Whether the text has letters of a script written without spaces between words. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}

export function countWords(text: string): number {
  if (!UNSPACED.test(text)) {
    let n = 0;
    for (const _ of text.matchAll(WORD)) n++;
    return n;
  }
  let n = 0;
  for (const m of text.matchAll(WORD)) n += UNSPACED.test(m[0]) ? segmentedCount(m[0]) : 1;
  return n;
}
