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

/**
 * What searchKey does to each UTF-16 unit after NFKC, in one table: 0 keeps it, 1 drops it
 * (harakat and superscript alef, tatweel, ZWJ, LRM/RLM/ALM, bidi embeddings, overrides and
 * isolates, BOM, soft hyphen: invisible), 2 makes it white space (every character JavaScript's
 * `\s` matches, and ZWNJ), any other value is the unit it becomes: Arabic yeh and alef maksura
 * -> Persian yeh ی, Arabic kaf -> ک, Persian ۰–۹ (U+06F0–06F9) and Arabic-Indic ٠–٩ (U+0660–0669)
 * -> ASCII digits. ة (teh marbuta) deliberately stays: a different letter from ه/ت, not a variant.
 */
const KEEP = 0;
const DROP = 1;
const SPACE = 2;
const UNIT = new Uint16Array(0x10000);
for (const c of [0x670, 0x640, 0x200d, 0x200e, 0x200f, 0x61c, 0xfeff, 0xad]) UNIT[c] = DROP;
for (let c = 0x64b; c <= 0x65f; c++) UNIT[c] = DROP;
for (let c = 0x202a; c <= 0x202e; c++) UNIT[c] = DROP;
for (let c = 0x2066; c <= 0x2069; c++) UNIT[c] = DROP;
for (let c = 0; c < 0x10000; c++) if (UNIT[c] === KEEP && /\s/.test(String.fromCharCode(c))) UNIT[c] = SPACE;
UNIT[0x200c] = SPACE;
UNIT[0x64a] = 0x6cc;
UNIT[0x649] = 0x6cc;
UNIT[0x643] = 0x6a9;
for (let d = 0; d < 10; d++) {
  UNIT[0x6f0 + d] = 0x30 + d;
  UNIT[0x660 + d] = 0x30 + d;
}

/**
 * The key: NFKC, the letters and digits above unified, invisible marks dropped, ZWNJ and every
 * run of white space one space, trimmed, lowercase. One pass over the text (this runs on every
 * paragraph the suggesters and the learner read); a text with nothing to change is returned as
 * NFKC gave it.
 */
export function searchKey(text: string): string {
  const nfkc = text.normalize('NFKC');
  let out = '';
  /** Units of `nfkc` before `from` not yet copied to `out`; they need no change. */
  let from = 0;
  let space = false;
  let started = false;
  let changed = false;
  for (let i = 0; i < nfkc.length; i++) {
    const code = nfkc.charCodeAt(i);
    const what = UNIT[code]!;
    if (what === KEEP && !space) {
      started = true;
      continue;
    }
    if (what === KEEP) {
      // A run of white space (and dropped marks) before a kept unit: one space, unless at the start.
      out += started ? ' ' : '';
      from = i;
      space = false;
      started = true;
      continue;
    }
    // Flush the unchanged units before this one.
    if (!space) out += nfkc.slice(from, i);
    from = i + 1;
    changed = true;
    if (what === DROP) continue;
    if (what === SPACE) {
      space = true;
      continue;
    }
    out += (space && started ? ' ' : '') + String.fromCharCode(what);
    space = false;
    started = true;
  }
  if (!changed) return nfkc.toLowerCase();
  if (!space) out += nfkc.slice(from);
  return out.toLowerCase();
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
