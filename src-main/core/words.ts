/**
 * Counting words the way a reader would, in every script news comes in. Spaced scripts (Latin,
 * Arabic, Persian, Cyrillic, Hangul…) are runs of letters, marks and digits (a ZWNJ or ZWJ
 * inside one joins, as in «کتاب‌ها»). Chinese, Japanese, Thai, Lao, Khmer and Myanmar write
 * words without spaces, so a run of those is cut into words by Intl.Segmenter: an unspaced
 * Chinese sentence is a dozen words, not one. Every paragraph of every page is counted, so the
 * characters are classified once into a table rather than by a regular expression each time.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
/** Han, kana, Thai, Lao, Myanmar, Khmer (and their extension blocks). */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/u;
/**
 * V8's segmenter takes time quadratic in the length of the string it is given, so long unspaced
 * runs are cut into pieces first; a cut may split one word in two, once every 64 characters.
 */
const PIECE = 64;

/** Per UTF-16 code unit, classified on first sight: not part of a word, a letter/mark/digit, one of an unspaced script, ZWNJ/ZWJ. */
const OTHER = 0;
const LETTER = 1;
const UNSPACED_LETTER = 2;
const JOINER = 3;
const UNKNOWN = 255;
const kinds = new Uint8Array(0x10000).fill(UNKNOWN);

function kindOf(code: number): number {
  const known = kinds[code]!;
  if (known !== UNKNOWN) return known;
  const ch = String.fromCharCode(code);
  let kind = OTHER;
  if (code >= 0xd800 && code <= 0xdfff) kind = LETTER; // astral letters (CJK extensions, other scripts)
  else if (code === 0x200c || code === 0x200d) kind = JOINER;
  else if (UNSPACED.test(ch)) kind = UNSPACED_LETTER;
  else if (WORD_CHAR.test(ch)) kind = LETTER;
  kinds[code] = kind;
  return kind;
}

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
  let n = 0;
  let start = -1;
  let unspaced = false;
  const end = (at: number) => {
    n += unspaced ? segmentedCount(text.slice(start, at)) : 1;
    start = -1;
    unspaced = false;
  };
  for (let i = 0; i < text.length; i++) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === LETTER || kind === UNSPACED_LETTER) {
      if (start < 0) start = i;
      if (kind === UNSPACED_LETTER) unspaced = true;
    } else if (start >= 0) {
      // A joiner between two letters is inside the word.
      const next = i + 1 < text.length ? kindOf(text.charCodeAt(i + 1)) : OTHER;
      if (!(kind === JOINER && (next === LETTER || next === UNSPACED_LETTER))) end(i);
    }
  }
  if (start >= 0) end(text.length);
  return n;
}
