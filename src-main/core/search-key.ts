/**
 * Search keys: the stored text is never normalised (shared/guides/text.md), only the keys a
 * search compares. Two spellings a Persian reader sees as the same word get the same key:
 * Arabic yeh/kaf from legacy windows-1256 files, Arabic-Indic digits, harakat, tatweel,
 * invisible bidi marks.
 *
 * ZWNJ: «رئيس‌جمهور» (with ZWNJ), «رئیس جمهور» (space) and «رئیسجمهور» (joined) are all written
 * for the same word. searchKey maps ZWNJ to a space, so the first two share a key; compactKey
 * also drops the spaces, and searchMatches compares both ways, so the joined spelling matches
 * too. The price is that a compact match may cross a word boundary; for finding paragraphs
 * that is the right trade.
 */

const CHAR_MAP: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh -> ی
  '\u0649': '\u06cc', // ى alef maksura -> ی
  '\u0643': '\u06a9', // ك Arabic kaf -> ک
};
// ة (teh marbuta) deliberately stays: it is a different letter from ه/ت, not a variant.

/** Persian ۰–۹ (U+06F0–06F9) and Arabic-Indic ٠–٩ (U+0660–0669) to ASCII. */
const DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;

/**
 * Dropped outright: harakat and superscript alef, tatweel, ZWJ, LRM/RLM/ALM, bidi embeddings,
 * overrides and isolates, BOM, and soft hyphen (invisible like the others).
 */
// eslint-disable-next-line no-misleading-character-class -- each mark is deleted on its own; none is a joined sequence
const INVISIBLE = /[\u064b-\u065f\u0670\u0640\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;

const ZWNJ = /\u200c/g;

export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u064a\u0649\u0643]/g, (ch) => CHAR_MAP[ch] ?? ch)
    .replace(DIGITS, (ch) => String(ch.charCodeAt(0) & 0xf))
    .replace(INVISIBLE, '')
    .replace(ZWNJ, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The key without spaces, so that «رئیسجمهور» meets «رئیس‌جمهور» and «رئیس جمهور». */
export function compactKey(text: string): string {
  return searchKey(text).replace(/ /g, '');
}

/**
 * Whether a paragraph matches a query: by key, or else by compact key. An empty query matches
 * nothing (an empty filter is the caller's "show all", not a match).
 */
export function searchMatches(haystack: string, query: string): boolean {
  const needle = searchKey(query);
  if (needle === '') return false;
  return searchKey(haystack).includes(needle) || compactKey(haystack).includes(needle.replace(/ /g, ''));
}

/**
 * Each character's contribution, computed once: a search's snippets fold every character of up
 * to a thousand long paragraphs, and the same few hundred characters recur in all of them.
 */
const foldedChars = new Map<string, string>();

/** One character's contribution to the compact key, as compactKey computes it for the whole string. */
function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = searchKey(`a${ch}a`).slice(1, -1).replace(/ /g, '');
    foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * Where in the original text a query matches (UTF-16 range), for showing that part of a long
 * paragraph; null when it does not match. Folds character by character, so it can miss where
 * whole-string normalisation composes across characters (searchMatches stays the judge).
 */
export function locateMatch(haystack: string, query: string): { start: number; end: number } | null {
  const needle = compactKey(query);
  if (needle === '') return null;
  let key = '';
  const origin: number[] = [];
  let at = 0;
  for (const ch of haystack) {
    for (const folded of foldChar(ch)) {
      key += folded;
      origin.push(at);
    }
    at += ch.length;
  }
  const found = key.indexOf(needle);
  if (found < 0) return null;
  const last = origin[found + needle.length - 1] ?? at;
  return { start: origin[found] ?? 0, end: last + (haystack.codePointAt(last)! > 0xffff ? 2 : 1) };
}
